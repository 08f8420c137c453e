"""The List page of the Activities section: every activity in a paged table, filtered by
kind, state and the section's owner filter, latest due first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.domain.permissions import Perm
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui import display, labels
from crm_desktop.ui.dialogs.appointment_dialog import AppointmentDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel
from crm_desktop.ui.views.activities_common import ActivityPage
from crm_desktop.ui.widgets.chip_delegate import decorate_table
from crm_desktop.ui.widgets.empty_state import EmptyState
from crm_desktop.ui.widgets.export_button import ExportButton
from crm_desktop.ui.widgets.filter_chip import FilterChip


class ActivityListView(ActivityPage):
    """The table of activities; nothing is read until the first refresh()."""

    uses_owner = True

    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(core, ops, parent)
        self.model = RecordTableModel(self.core.activities, self.list_columns(), parent=self)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for code, text in self.kinds.items():
            self.kind_filter.addItem(text, str(code.value if hasattr(code, "value") else code))
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        for value, text in ((None, self.tr("Open and done")), ("open", self.tr("Open")),
                            ("overdue", self.tr("Overdue")), ("done", self.tr("Done"))):
            self.state_filter.addItem(text, value)
        for combo in (self.kind_filter, self.state_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.table = QTableView()
        self.table.setObjectName("activitiesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda index: self.edit_activity(self.model.id_at(index.row())))
        # filters set from elsewhere (the dashboard), named on a removable chip
        self._drill: dict[str, Any] = {}
        self.drill_chip = FilterChip(self)
        self.drill_chip.removed.connect(self._drill_removed)
        self.export_button = ExportButton(self)
        self.export_button.setVisible(self.core.access.can(Perm.EXPORT))
        self.export_button.requested.connect(self.export)
        self.bar = QHBoxLayout()  # the page's own filters
        self.bar.addWidget(self.kind_filter)
        self.bar.addWidget(self.state_filter)
        self.bar.addWidget(self.drill_chip)
        self.bar.addStretch(1)
        self.bar.addWidget(self.export_button)
        box = QVBoxLayout(self)
        box.addLayout(self.bar)
        box.addWidget(self.table, 1)
        decorate_table(self.table)
        self.empty = EmptyState.over(
            self.table, "calendar-event", self.tr("No activities yet: plan an appointment, or "
                                                  "log a call from a contact's page."),
            self.tr("New appointment"), self.new_appointment, self.clear_filters,
            lambda: any(v is not None for v in self.model.query.filters.values()))

    def _state_text(self, row: dict[str, Any]) -> str:
        if row.get("done_at") is not None:
            return self.tr("Done")
        if row.get("due_at") is not None and row["due_at"] < clock.now_utc():
            return self.tr("Overdue")
        return self.tr("Open")

    def list_columns(self) -> list[Column]:
        return [
            Column("due_at", self.tr("Due"), sort="due",
                   text=lambda r: "" if not r["due_at"] else display.jalali_date_only(
                       r["due_at"]) if r.get("due_all_day") else display.jalali(r["due_at"])),
            Column("subject", self.tr("Subject"), sort="subject"),
            Column("kind", self.tr("Kind"), text=lambda r: labels.label(self.kinds, r["kind"])),
            Column("contact", self.tr("Person")),
            Column("owner", self.tr("Owner")),
            Column("done_at", self.tr("State"), text=self._state_text),
        ]

    def export(self, fmt: str) -> bool:
        """The activities as the table shows them (filters, sort, visible columns in
        their order) to a file; True when written."""
        from crm_desktop.ui.export_runner import export_list, visible_keys

        return export_list(self, self.core, kind="activities", query=self.model.query,
                           columns=visible_keys(self.table, [c.key for c in self.model.columns]),
                           fmt=fmt, name=self.tr("Activities"), total=self.model.rowCount())

    def new_appointment(self) -> None:
        AppointmentDialog.edit(self, self.core, self.ops)

    def clear_filters(self) -> None:
        """Back to every kind and state (the owner is the section's own choice)."""
        self._drill = {}
        self.drill_chip.clear()
        for combo in (self.kind_filter, self.state_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._read_again()

    def filters(self) -> dict[str, Any]:
        return {"kind": self.kind_filter.currentData(),
                "state": self.state_filter.currentData(),
                "owner_id": self.owner_id, **self._drill}

    def show_filtered(self, filters: dict[str, Any], label: str) -> None:
        """The activities `filters` selects (the owner is the section's, the state shows on
        its own filter), named by a removable chip."""
        for combo, key in ((self.kind_filter, "kind"), (self.state_filter, "state")):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(filters.get(key))))
            combo.blockSignals(False)
        self._drill = {k: v for k, v in filters.items()
                       if k not in ("kind", "state", "owner_id")}
        self.drill_chip.show_label(label)
        self._read_again()

    def _drill_removed(self) -> None:
        self._drill = {}
        self._read_again()

    def _read_again(self) -> None:
        """Read with exactly the filters shown (set_filters keeps a dropped one)."""
        query = self.model.query
        filters = {k: v for k, v in self.filters().items() if v is not None}
        self.model.set_query(ListQuery(filters=filters, sort=query.sort or
                                       Sort("due", descending=True)))
        self.table.setSortingEnabled(True)

    def refresh(self) -> None:
        """Read the list with the current filters (the sort the user chose is kept)."""
        if self.table.isSortingEnabled():
            self.model.set_filters(**self.filters())
            return
        # the first read: latest due first; the header sorts from then on (enabling it
        # earlier would read the list before it is shown)
        filters = {k: v for k, v in self.filters().items() if v is not None}
        self.model.set_query(ListQuery(filters=filters, sort=Sort("due", descending=True)))
        self.table.setSortingEnabled(True)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def is_empty(self) -> bool:
        return self.model.rowCount() == 0
