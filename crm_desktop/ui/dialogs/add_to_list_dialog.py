""""Add to list" from the contacts view: the chosen contacts go on an existing static list
or on a new one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.ui import display, screen_fit
from crm_desktop.ui.dialogs.list_filter_dialog import problem_label, write_list
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.ops import Ops

NEW_LIST = -1


class AddToListDialog(QDialog):
    def __init__(self, core: Core, ops: Ops, contact_ids: Sequence[int],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("addToListDialog")
        self.core, self.ops = core, ops
        self.contact_ids = list(contact_ids)
        self.result_id: int | None = None
        self.added = 0
        self.setWindowTitle(self.tr("Add to list"))
        screen_fit.resize(self, 420, 200)
        intro = QLabel(display.digits(self.tr("Add %n contact(s) to:", "",
                                              len(self.contact_ids))))
        self.lists = QComboBox(objectName="targetList")
        for list_id, name in core.lists.static_options():
            self.lists.addItem(name, list_id)
        self.lists.addItem(self.tr("A new list…"), NEW_LIST)
        self.name = QLineEdit(objectName="newListName")
        self.name.setPlaceholderText(self.tr("Name of the new list"))
        self.problem = problem_label("addToListProblem")
        self.lists.currentIndexChanged.connect(self._chosen)
        form = QFormLayout()
        form.addRow(self.tr("List"), self.lists)
        form.addRow(self.tr("New list"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._chosen()

    def _chosen(self, *_args: object) -> None:
        self.name.setEnabled(self.lists.currentData() == NEW_LIST)

    def save(self) -> None:
        target = self.lists.currentData()
        ids = self.contact_ids

        def write() -> tuple[int, int]:
            if target == NEW_LIST:
                new = self.core.lists.create({"name": self.name.text(), "kind": "static",
                                              "members": ids})
                return new, self.core.lists.member_count(new)
            return target, self.core.lists.add_members(target, ids)

        saved = write_list(self, write)
        if saved is not None:
            self.result_id, self.added = saved
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, core: Core, ops: Ops,
            contact_ids: Sequence[int]) -> int | None:
        """The list the contacts were added to, or None when cancelled."""
        dialog = cls(core, ops, contact_ids, parent)
        run_dialog(dialog)
        return dialog.result_id
