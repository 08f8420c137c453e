"""Settings › Audit log: every change (who, when, which record, field: old → new), newest
first, a page at a time; filtered by user, kind of record, action and Jalali days, searched
by words of a field or value; the chosen row's whole values in a pane below; exported like
every list. Read only: nothing here changes the log. Its reading waits until the page is
first shown (opening Settings does not count the log)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.enums import AuditAction
from crm_desktop.domain.errors import PermissionDenied
from crm_desktop.services.base import ListQuery
from crm_desktop.text.audit_texts import ACTIONS, ENTITIES
from crm_desktop.text.export_titles import pick
from crm_desktop.ui import display
from crm_desktop.ui.qtmodels.audit_model import AuditLogModel, words
from crm_desktop.ui.widgets.chip_delegate import decorate_table
from crm_desktop.ui.widgets.empty_state import EmptyState
from crm_desktop.ui.widgets.export_button import ExportButton
from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from crm_desktop.ui.widgets.search_box import SearchBox

WIDTHS = {"at": 118, "user_name": 84, "entity": 96, "record_label": 130, "action": 86,
          "field": 100, "old_value": 130}
CHIPS = {"action": ("action", "audit_action")}
#: the kinds of record offered first in the filter (the rest follow, by name)
MAIN_ENTITIES = ("contacts", "accounts", "deals", "proformas", "tickets", "activities",
                 "products", "campaigns", "users", "settings")


class AuditLogPage(QWidget):
    watches = ("*",)

    def __init__(self, core: Core, parent: QWidget | None = None):
        super().__init__(parent)
        self.core = core
        self.setObjectName("auditLogPage")
        lang = "fa" if display.persian() else "en"
        self.search = SearchBox(self)
        self.search.setObjectName("auditSearch")
        self.search.setPlaceholderText(self.tr("Search a field or a value"))
        self.user = QComboBox(objectName="auditUserFilter")
        self.entity = QComboBox(objectName="auditEntityFilter")
        self.entity.addItem(self.tr("All records"), None)
        rest = sorted((k for k in ENTITIES if k not in MAIN_ENTITIES),
                      key=lambda k: pick(ENTITIES[k], lang))
        for key in (*MAIN_ENTITIES, *rest):
            self.entity.addItem(pick(ENTITIES[key], lang), key)
        self.action = QComboBox(objectName="auditActionFilter")
        self.action.addItem(self.tr("All actions"), None)
        for value in AuditAction:
            self.action.addItem(pick(ACTIONS[value], lang), value.value)
        self.date_from = JalaliDateEdit(field_name="date_from")
        self.date_from.setObjectName("auditFrom")
        self.date_to = JalaliDateEdit(field_name="date_to")
        self.date_to.setObjectName("auditTo")
        self.count = QLabel(objectName="auditCount")
        self.export_button = ExportButton(self)
        self.export_button.setObjectName("auditExport")
        self.export_button.requested.connect(self.export)

        self.model = AuditLogModel(core.audit_log, self)
        self.table = QTableView(objectName="auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        decorate_table(self.table, CHIPS)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, spec in enumerate(self.model.columns):
            if spec.key in WIDTHS:
                self.table.setColumnWidth(column, WIDTHS[spec.key])
        self.empty = EmptyState.over(
            self.table, "history",
            self.tr("Nothing in the log yet. Every record created, changed, deleted or "
                    "restored, by whom and when, is listed here."),
            self.tr("Clear the filters"), self.clear_filter, self.clear_filter,
            self.is_filtered)
        self.detail = QPlainTextEdit(objectName="auditDetail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Choose a row to see its whole values here."))

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.user, 1)
        bar.addWidget(self.entity, 1)
        bar.addWidget(self.action, 1)
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("From")))
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        dates.addWidget(self.count)
        dates.addWidget(self.export_button)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("auditSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(dates)
        layout.addWidget(self.splitter, 1)

        self._read = False
        for combo in (self.user, self.entity, self.action):
            combo.currentIndexChanged.connect(self._filter)
        self.date_from.dateChanged.connect(self._filter)
        self.date_to.dateChanged.connect(self._filter)
        self.search.searchRequested.connect(self.model.set_text)
        self.model.modelReset.connect(self._after_reset)
        self.table.selectionModel().selectionChanged.connect(self._show_detail)

    # -- reading, once shown ---------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._read:
            self.refresh()

    def refresh(self) -> None:
        self._read = True
        self.fill_users()
        try:
            self.model.refresh()
        except PermissionDenied as exc:
            self.count.setText(exc.message("fa" if display.persian() else "en"))

    def on_changed(self, _tables: list[str]) -> None:
        if self._read and self.isVisible():
            self.refresh()
        else:
            self._read = False  # read again when next shown

    def fill_users(self) -> None:
        """Every user (the deactivated too) to filter by; the chosen one stays."""
        chosen = self.user.currentData()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("All users"), None)
        try:
            for user_id, name in self.core.audit_log.users():
                self.user.addItem(name, user_id)
        except PermissionDenied:
            pass
        self.user.setCurrentIndex(max(self.user.findData(chosen), 0))
        self.user.blockSignals(False)

    # -- filters ---------------------------------------------------------------------------
    def _filter(self, *_args: Any) -> None:
        def day(edit: JalaliDateEdit) -> date | None:
            value = edit.date()
            return value if isinstance(value, date) else None

        self.model.set_filters(user_id=self.user.currentData(),
                               entity=self.entity.currentData(),
                               action=self.action.currentData(),
                               date_from=day(self.date_from), date_to=day(self.date_to))

    def is_filtered(self) -> bool:
        return bool(self.model.query.filters or self.model.query.text.strip())

    def clear_filter(self) -> None:
        widgets = (self.user, self.entity, self.action, self.date_from, self.date_to,
                   self.search)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in (self.user, self.entity, self.action):
            combo.setCurrentIndex(0)
        self.date_from.setDate(None)
        self.date_to.setDate(None)
        self.search.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self.model.set_query(ListQuery())

    def _after_reset(self) -> None:
        n = self.model.rowCount()
        self.count.setText(display.digits(self.tr("%n change(s)", "", n)))
        self.detail.clear()

    # -- the chosen row --------------------------------------------------------------------
    def selected_row(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_data(rows[0].row()) if rows else None

    def _show_detail(self, *_args: Any) -> None:
        row = self.selected_row()
        if row is None:
            self.detail.clear()
            return
        w = words(row)
        iso = display.isolate  # each part keeps its own direction beside the others
        lines = [f"{iso(w['at'])} · {iso(w['user'])} · {iso(w['action'])}",
                 f"{iso(w['entity'])}: {iso(w['record'])}"]
        if w["field"]:
            lines.append(w["field"])
        if w["old"]:
            lines.append(self.tr("Before:") + " " + iso(w["old"]))
        if w["new"]:
            lines.append(self.tr("After:") + " " + iso(w["new"]))
        self.detail.setPlainText("\n".join(lines))

    def export(self, fmt: str) -> bool:
        """The rows as the table shows them (search, filters, visible columns)."""
        from crm_desktop.ui.export_runner import export_list, visible_keys

        keys = visible_keys(self.table, [c.key for c in self.model.columns])
        return export_list(self, self.core, kind="audit_log", query=self.model.query,
                           columns=keys, fmt=fmt, name=self.tr("Audit log"),
                           total=self.model.rowCount())

    def focus_search(self) -> None:
        self.search.setFocus()
