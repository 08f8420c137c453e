"""The Trash: contacts, companies, deals and tickets moved there, and a way back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.permissions import Perm
from crm_desktop.services.base import EntityService, ListQuery, Sort
from crm_desktop.ui import display, screen_fit
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel, Row
from crm_desktop.ui.theme import icons
from crm_desktop.ui.widgets.chip_delegate import decorate_table


@dataclass(frozen=True)
class TrashKind:
    """One kind of record the Trash holds."""

    key: str
    title: str
    service: EntityService[Any]
    # the table announced as changed after a restore
    table: str
    name: Column
    sort: Sort
    # shown instead of the table when this part of the Trash is empty
    empty: str


def _ticket_name(row: Row) -> str:
    return f"{display.ltr(row['number'])}  {row['subject']}"


class TrashDialog(QDialog):
    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Trash"))
        screen_fit.resize(self, 640, 480)
        self.core = core
        self.ops = ops
        self.kinds = [
            TrashKind("contacts", self.tr("Contacts"), core.contacts, "contacts",
                      Column("full_name", self.tr("Name"), "name"), Sort("name"),
                      self.tr("No contacts in the Trash.")),
            TrashKind("accounts", self.tr("Companies"), core.accounts, "accounts",
                      Column("name", self.tr("Name"), "name"), Sort("name"),
                      self.tr("No companies in the Trash.")),
            TrashKind("deals", self.tr("Deals"), core.deals, "deals",
                      Column("title", self.tr("Title"), "title"), Sort("title"),
                      self.tr("No deals in the Trash.")),
            TrashKind("tickets", self.tr("Tickets"), core.tickets, "tickets",
                      Column("subject", self.tr("Ticket"), "number", text=_ticket_name),
                      Sort("number", descending=True), self.tr("No tickets in the Trash.")),
        ]
        self._models: dict[str, RecordTableModel] = {}

        self.tabs = QTabBar()
        self.tabs.setObjectName("trashKinds")
        self.tabs.setExpanding(False)
        for kind in self.kinds:
            self.tabs.addTab(kind.title)

        self.table = QTableView()
        self.table.setObjectName("trashTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(False)  # the Trash is short; one order is enough
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        decorate_table(self.table)

        self.empty = QLabel()
        self.empty.setObjectName("trashEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        icons.dress(self.restore_button, "arrow-back-up")
        self.hint = QLabel(self.tr("Restored records go back to their lists as they were."))
        self.hint.setWordWrap(True)
        perms = core.access.permissions()  # once: what the role may bring back
        if Perm.RESTORE_TRASH not in perms:
            # its own undo only: what it moved to the Trash itself (nothing without delete)
            undo = bool(perms & {Perm.DELETE_OWN, Perm.DELETE_ANY})
            self.restore_button.setVisible(undo)
            self.hint.setVisible(undo)
            self.hint.setText(self.tr("You can restore the records you moved to the Trash "
                                      "yourself."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        bottom = QHBoxLayout()
        bottom.addWidget(self.restore_button)
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self.tabs.currentChanged.connect(self._show_kind)
        ops.changed.connect(self._on_changed)
        self._show_kind(self.tabs.currentIndex())

    # -- what is shown ------------------------------------------------------------------
    @property
    def kind(self) -> TrashKind:
        return self.kinds[max(0, self.tabs.currentIndex())]

    @property
    def model(self) -> RecordTableModel:
        return self._model_for(self.kind)

    def set_kind(self, key: str) -> None:
        """Show the Trash of one kind: "contacts", "accounts", "deals" or "tickets"."""
        self.tabs.setCurrentIndex(next(i for i, k in enumerate(self.kinds) if k.key == key))

    def _model_for(self, kind: TrashKind) -> RecordTableModel:
        model = self._models.get(kind.key)
        if model is None:
            columns = [
                kind.name,
                Column("deleted_at", self.tr("Moved to Trash on"),
                       text=lambda r: display.jalali(r["deleted_at"])),
            ]
            model = RecordTableModel(kind.service, columns, parent=self)
            model.set_query(ListQuery(deleted=True, sort=kind.sort))
            model.modelReset.connect(self._update_state)
            self._models[kind.key] = model
        return model

    def _show_kind(self, _index: int) -> None:
        model = self.model
        old = self.table.selectionModel()
        self.table.setModel(model)
        if old is not None and old is not self.table.selectionModel():
            old.deleteLater()
        self.table.setColumnWidth(0, 360)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        model.refresh()  # another view may have moved records here since

    def _update_state(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty.setText(self.kind.empty)
        self.stack.setCurrentWidget(self.empty if empty else self.table)
        self._selection_changed()

    def _selection_changed(self, _selected: QItemSelection | None = None,
                           _deselected: QItemSelection | None = None) -> None:
        self.restore_button.setEnabled(bool(self.selected_ids()))

    def selected_ids(self) -> list[int]:
        selection = self.table.selectionModel()
        if selection is None or self.table.model() is not self.model:
            return []
        ids = (self.model.id_at(index.row()) for index in selection.selectedRows())
        return [i for i in ids if i is not None]

    def _on_changed(self, tables: list[str]) -> None:
        if not tables or self.kind.table in tables:
            self.model.refresh()

    # -- restoring ----------------------------------------------------------------------
    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        kind = self.kind

        # one transaction: all the selected records come back, or none
        self.ops.run(self, lambda: kind.service.restore_many(ids), changes=[kind.table])

    @classmethod
    def show_for(cls, parent: QWidget | None, core: Core, ops: Ops) -> None:
        dialog = cls(core, ops, parent)
        run_dialog(dialog)
        dialog.deleteLater()  # no longer refreshed on every change once closed
