"""Find duplicates: the groups of contacts (or companies) that share a mobile, a code or an
e-mail, or have similar names in the same city, and a way to merge each group.

The search runs in a worker thread (about a second at 100,000 contacts), its own read on
its own connection. The groups are listed with their reason as a chip; a chip per reason
above the list says how many groups it has and shows or hides them (similar names are
the most and the least certain: one click hides them). The selected group's records are
listed below with a check box each; "Merge…" opens the merge dialog for the ticked ones.
After a merge the group leaves the page and the lists refresh (ops.changed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.services.duplicates import REASONS, DuplicateGroup
from crm_desktop.services.merge import MAX_MERGE
from crm_desktop.ui import display, screen_fit
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.duplicates_model import (
    REASON,
    DuplicateGroupsModel,
    GroupMembersModel,
    reason_labels,
)
from crm_desktop.ui.theme import icons
from crm_desktop.ui.widgets.chip_delegate import ChipDelegate, decorate_table
from crm_desktop.ui.widgets.empty_state import EmptyState

KINDS = ("contacts", "companies")
#: the tables a merge of each kind changes (announced to the views)
MERGE_CHANGES = {
    "contacts": ["contacts", "deals", "proformas", "tickets", "activities",
                 "marketing_lists", "campaigns", "outbox", "contact_rfm"],
    "companies": ["accounts", "contacts", "deals", "proformas", "tickets", "activities"],
}


class GroupsThread(QThread):
    """Runs DuplicateService.groups in the background; `done` carries the list of groups
    or the exception that stopped it."""

    done = Signal(object)

    def __init__(self, core: Core, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.core = core
        self.kind = kind

    def run(self) -> None:
        try:
            outcome: object = self.core.duplicates.groups(self.kind)
        except Exception as exc:  # shown by the dialog, in the GUI thread
            outcome = exc
        self.done.emit(outcome)


class DuplicatesDialog(QDialog):
    def __init__(self, core: Core, ops: Ops, kind: str = "contacts",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Find duplicates"))
        screen_fit.resize(self, 1100, 700)
        self.core = core
        self.ops = ops
        self.kind = kind if kind in KINDS else "contacts"
        self.loaded = False
        self._thread: GroupsThread | None = None
        self._stale = False  # data changed while a search ran: search again after it
        self._merging = False

        self.tabs = QTabBar(self)
        self.tabs.setObjectName("duplicateKinds")
        self.tabs.setExpanding(False)
        self.tabs.addTab(icons.icon("users"), self.tr("Contacts"))
        self.tabs.addTab(icons.icon("building"), self.tr("Companies"))
        self.tabs.setCurrentIndex(KINDS.index(self.kind))

        # a chip per reason and kind (only the shown kind's are visible), in REASONS order
        self.kind_chips: dict[str, dict[str, QToolButton]] = {}
        chip_bar = QHBoxLayout()
        for kind in KINDS:
            self.kind_chips[kind] = {}
            for reason in REASONS[kind]:
                chip = QToolButton(self)
                chip.setObjectName(f"reason_{kind}_{reason}")
                chip.setCheckable(True)
                chip.setChecked(True)
                chip.toggled.connect(self._reasons_changed)
                chip_bar.addWidget(chip)
                self.kind_chips[kind][reason] = chip
        chip_bar.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("duplicatesStatus")
        self.status.setProperty("role", "muted")
        chip_bar.addWidget(self.status)
        self.search_again = QPushButton(self.tr("Search again"), self)
        self.search_again.setObjectName("searchAgain")
        icons.dress(self.search_again, "refresh")
        self.search_again.clicked.connect(self.search)
        chip_bar.addWidget(self.search_again)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.groups_model = DuplicateGroupsModel(self)
        self.groups = QTableView(self.splitter)
        self.groups.setObjectName("duplicateGroups")
        self.groups.setModel(self.groups_model)
        self.groups.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.groups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.groups.verticalHeader().hide()
        header = self.groups.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        decorate_table(self.groups)
        self.groups.setItemDelegateForColumn(REASON, ChipDelegate(self.groups_model.tone,
                                                                  self.groups))
        for column, width in enumerate((150, 220, 110, 70)):
            self.groups.setColumnWidth(column, width)
        self.groups.selectionModel().selectionChanged.connect(self._group_selected)
        self.groups.doubleClicked.connect(lambda _index: self.merge_selected())
        self.empty = EmptyState.over(self.groups, "circle-check", self.tr("No duplicates found."),
                                     self.tr("Search again"), self.search,
                                     self._show_every_reason, self._is_filtered)
        self.empty.action.setIcon(icons.icon("refresh", "text_on_accent"))

        below = QWidget(self.splitter)
        self.members_model = GroupMembersModel(self.kind, self)
        self.members = QTableView(below)
        self.members.setObjectName("groupMembers")
        self.members.setModel(self.members_model)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.members.verticalHeader().hide()
        self.members.horizontalHeader().setStretchLastSection(True)
        decorate_table(self.members)
        for column, width in enumerate((200, 120, 200, 120, 110)):
            self.members.setColumnWidth(column, width)
        self.members_model.dataChanged.connect(lambda *_a: self._update_buttons())
        self.merge_button = QPushButton(self.tr("Merge…"), below)
        self.merge_button.setObjectName("mergeGroup")
        icons.dress(self.merge_button, "arrow-merge", primary=True)
        self.merge_button.clicked.connect(self.merge_selected)
        self.hint = QLabel(below)
        self.hint.setObjectName("mergeHint")
        self.hint.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.merge_button)
        actions.addWidget(self.hint, 1)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.members, 1)
        below_layout.addLayout(actions)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(chip_bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(buttons)

        self.tabs.currentChanged.connect(self._kind_changed)
        ops.changed.connect(self._on_changed)
        self._listening = True
        self._show_chips()
        self.search()

    # -- searching ------------------------------------------------------------------------
    def search(self) -> None:
        """Look for the current kind's duplicates again, in the background."""
        if self._thread is not None:
            self._stale = True
            return
        self.loaded = False
        self.status.setText(self.tr("Looking for duplicates…"))
        self.search_again.setEnabled(False)
        thread = self._thread = GroupsThread(self.core, self.kind, self)
        thread.done.connect(self._found)
        thread.finished.connect(thread.deleteLater)
        thread.start()

    def _found(self, outcome: object) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.wait()
        if self._stale or (thread is not None and thread.kind != self.kind):
            self._stale = False
            self.search()
            return
        self.search_again.setEnabled(True)
        if isinstance(outcome, Exception):
            from crm_desktop.ui.errors import show_unexpected

            self.status.setText("")
            self.loaded = True
            show_unexpected(self)
            return
        groups: list[DuplicateGroup] = outcome  # type: ignore[assignment]
        self.groups_model.set_groups(groups)
        self.loaded = True
        self._show_chips()
        self._select_first()

    def _kind_changed(self, index: int) -> None:
        self.kind = KINDS[max(0, index)]
        self.members_model = GroupMembersModel(self.kind, self)
        self.members_model.dataChanged.connect(lambda *_a: self._update_buttons())
        old = self.members.selectionModel()
        self.members.setModel(self.members_model)
        if old is not None:
            old.deleteLater()
        self.groups_model.set_groups([])
        self.groups_model.set_reasons(self._reasons())
        self.loaded = False
        self._show_chips()
        self._group_selected()
        self.search()

    def _on_changed(self, tables: list[str]) -> None:
        """Records changed elsewhere (or vanished under a merge): search again. The page's
        own merges update the page themselves."""
        table = "contacts" if self.kind == "contacts" else "accounts"
        if table in tables and not self._merging:
            self.search()

    # -- reasons --------------------------------------------------------------------------
    @property
    def chips(self) -> dict[str, QToolButton]:
        """The reason chips of the kind shown."""
        return self.kind_chips[self.kind]

    def _show_chips(self) -> None:
        counts = self.groups_model.counts()
        names = reason_labels()
        for kind, chips in self.kind_chips.items():
            for reason, chip in chips.items():
                chip.setVisible(kind == self.kind)
                count = counts.get(reason, 0)
                chip.setText(f"{names[reason]} ({display.number(count) if self.loaded else '…'})")
                chip.setEnabled(bool(count) or not self.loaded)
        if self.loaded:
            self.status.setText(self.tr("%Ln group(s) shown", "",
                                        self.groups_model.rowCount()))

    def _reasons(self) -> set[str]:
        return {r for r, chip in self.chips.items() if chip.isChecked()}

    def _reasons_changed(self, _checked: bool = False) -> None:
        self.groups_model.set_reasons(self._reasons())
        self._show_chips()
        self._select_first()

    def _is_filtered(self) -> bool:
        return bool(self.groups_model.groups) and not self.groups_model.rowCount()

    def _show_every_reason(self) -> None:
        for chip in self.chips.values():
            chip.blockSignals(True)
            chip.setChecked(True)
            chip.blockSignals(False)
        self._reasons_changed()

    # -- the selected group ---------------------------------------------------------------
    def _select_first(self) -> None:
        """Select the first group shown (its records are listed below), or none."""
        selection = self.groups.selectionModel()
        if self.groups_model.rowCount():
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            selection.setCurrentIndex(self.groups_model.index(0, 0), flags)
        else:
            selection.clear()
        self._group_selected()

    def selected_group(self) -> DuplicateGroup | None:
        rows = self.groups.selectionModel().selectedRows()
        return self.groups_model.group_at(rows[0].row()) if rows else None

    def _group_selected(self, _selected: QItemSelection | None = None,
                        _deselected: QItemSelection | None = None) -> None:
        self.members_model.set_group(self.selected_group())
        self._update_buttons()

    def _update_buttons(self) -> None:
        ticked = len(self.members_model.checked_ids())
        group = self.selected_group()
        self.merge_button.setEnabled(2 <= ticked <= MAX_MERGE)
        if group is None:
            self.hint.setText("")
        elif group.size > MAX_MERGE:
            self.hint.setText(display.fill(self.tr(
                "Tick the records that are one and the same (at most {max} at a time)."),
                max=display.number(MAX_MERGE)))
        else:
            self.hint.setText(self.tr("Untick a record that is someone else; the others "
                                      "become one."))

    def merge_selected(self) -> None:
        from crm_desktop.ui.dialogs.merge_dialog import MergeDialog

        group = self.selected_group()
        ids = self.members_model.checked_ids()
        if group is None or not 2 <= len(ids) <= MAX_MERGE:
            return
        self._merging = True
        try:
            merged = MergeDialog.merge(self, self.core, self.ops, self.kind, ids)
        finally:
            self._merging = False
        if merged is not None:
            # the merged records leave every group they were in (a group left with one
            # record goes): no new search, the rest of the page stays where it was
            survivor = merged
            self.groups_model.forget([i for i in ids if i != survivor])
            self._show_chips()
            self._select_first()

    # -- closing --------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self._finish_thread()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._finish_thread()
        super().closeEvent(event)

    def _finish_thread(self) -> None:
        if self._listening:
            self._listening = False
            self.ops.changed.disconnect(self._on_changed)
        if self._thread is not None:
            self._thread.done.disconnect(self._found)
            self._thread.wait()
            self._thread = None

    @classmethod
    def show_for(cls, parent: QWidget | None, core: Core, ops: Ops,
                 kind: str = "contacts") -> Any:
        dialog = cls(core, ops, kind, parent)
        return run_dialog(dialog)
