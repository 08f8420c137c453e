"""The Automation log tab: everything the rules did (or decided not to do, and why), newest
first, a page at a time: filtered by rule, action and days, searched by contact name or
detail; a row opens its contact."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.ui import automation_labels as names
from crm_desktop.ui import display
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.automation_models import AutomationLogModel
from crm_desktop.ui.theme import icons
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.widgets.chip_delegate import decorate_table
from crm_desktop.ui.widgets.empty_state import EmptyState
from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from crm_desktop.ui.widgets.search_box import SearchBox

WIDTHS = {"at": 150, "rule_name": 200, "contact_name": 180, "action": 90,
          "reply_score": 70}
CHIPS = {"action": ("action", "automation_action")}


class AutomationLogPage(QWidget):
    watches = ("automation_log", "automation_rules", "tickets", "deals")
    #: a record of another section to show: (section key, id)
    open_record = Signal(str, int)

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.ops, self.settings = core, ops, settings
        self.setObjectName("automationLogPage")
        self.rule = QComboBox(objectName="logRuleFilter")
        self.action = QComboBox(objectName="logActionFilter")
        self.action.addItem(self.tr("All actions"), None)
        for value, text in names.actions().items():
            self.action.addItem(text, str(value))
        self.date_from = JalaliDateEdit(field_name="date_from")
        self.date_from.setObjectName("logFrom")
        self.date_to = JalaliDateEdit(field_name="date_to")
        self.date_to.setObjectName("logTo")
        self.search = SearchBox(self)
        self.search.setObjectName("logSearch")
        self.search.setPlaceholderText(self.tr("Search contact or detail"))
        self.count = QLabel(objectName="logCount")
        self.open_contact = QPushButton(self.tr("Open contact"), objectName="logOpenContact")
        icons.dress(self.open_contact, "users")
        self.open_contact.clicked.connect(self.open_selected)

        self.model = AutomationLogModel(core.automation_log, self)
        self.table = QTableView(objectName="automationLogTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        decorate_table(self.table, CHIPS)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the detail
        for column, spec in enumerate(self.model.columns):
            if spec.key in WIDTHS:
                self.table.setColumnWidth(column, WIDTHS[spec.key])
        self.empty = EmptyState.over(
            self.table, "history",
            self.tr("Nothing in the log yet. Every message, task and assignment a rule "
                    "makes, and every one it skips (with the reason), is listed here."),
            self.tr("Go to the rules"), self.open_rules, self.clear_filter, self.is_filtered)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.rule)
        bar.addWidget(self.action)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.date_to)
        bar.addWidget(self.count)
        bar.addWidget(self.open_contact)
        # satisfaction requests: a score typed by hand, or an SMS panel's reply file
        self.record_score = QPushButton(self.tr("Record score…"), objectName="logRecordScore")
        icons.dress(self.record_score, "pencil")
        self.record_score.clicked.connect(self.record_selected)
        self.import_replies = QPushButton(self.tr("Import SMS replies…"),
                                          objectName="logImportReplies")
        icons.dress(self.import_replies, "table-import")
        self.import_replies.clicked.connect(self.import_reply_file)
        self.status = QLabel(objectName="logStatus")
        self.status.setProperty("role", "muted")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.record_score)
        bottom.addWidget(self.import_replies)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        #: the log rows that are satisfaction requests still waiting for a score
        self.waiting: set[int] = set()

        self.fill_rules()
        self.rule.currentIndexChanged.connect(self._filter)
        self.action.currentIndexChanged.connect(self._filter)
        self.date_from.dateChanged.connect(self._filter)
        self.date_to.dateChanged.connect(self._filter)
        self.search.searchRequested.connect(self.model.set_text)
        self.model.modelReset.connect(self._after_reset)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.refresh()

    def fill_rules(self) -> None:
        """The rules to filter by (what is chosen stays)."""
        chosen = self.rule.currentData()
        self.rule.blockSignals(True)
        self.rule.clear()
        self.rule.addItem(self.tr("All rules"), None)
        for row in self.core.automation.rules():
            self.rule.addItem(row["name"], row["id"])
        self.rule.setCurrentIndex(max(self.rule.findData(chosen), 0))
        self.rule.blockSignals(False)

    # -- the list ----------------------------------------------------------------------
    def on_changed(self, tables: list[str]) -> None:
        if not tables or set(tables) & set(self.watches):
            self.refresh()

    def refresh(self) -> None:
        self.fill_rules()
        self.model.refresh()

    def _after_reset_requests(self) -> None:
        self.waiting = {int(r["id"]) for r in self.core.replies.pending()}

    def _filter(self, *_args: Any) -> None:
        def day(edit: JalaliDateEdit) -> date | None:
            value = edit.date()
            return value if isinstance(value, date) else None

        self.model.set_filters(rule_id=self.rule.currentData(),
                               action=self.action.currentData(),
                               date_from=day(self.date_from), date_to=day(self.date_to))

    def is_filtered(self) -> bool:
        return bool(self.model.query.filters or self.model.query.text.strip())

    def clear_filter(self) -> None:
        for widget in (self.rule, self.action, self.date_from, self.date_to, self.search):
            widget.blockSignals(True)
        self.rule.setCurrentIndex(0)
        self.action.setCurrentIndex(0)
        self.date_from.setDate(None)
        self.date_to.setDate(None)
        self.search.clear()
        for widget in (self.rule, self.action, self.date_from, self.date_to, self.search):
            widget.blockSignals(False)
        self.model.set_query(type(self.model.query)(sort=self.model.query.sort))

    def _after_reset(self) -> None:
        self._after_reset_requests()
        n = self.model.rowCount()
        self.count.setText(display.digits(self.tr("%n row(s)", "", n)))
        self._update_buttons()

    def _update_buttons(self, *_args: Any) -> None:
        self.open_contact.setEnabled(self.selected_contact() is not None)
        self.record_score.setEnabled(self.selected_request() is not None)

    def selected_row(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_data(rows[0].row()) if rows else None

    def selected_contact(self) -> int | None:
        row = self.selected_row()
        return None if row is None else row.get("contact_id")

    def selected_request(self) -> int | None:
        """The chosen row when it asked for a score (waiting, or answered: scored again)."""
        row = self.selected_row()
        if row is None or (row["id"] not in self.waiting and row.get("reply_score") is None):
            return None
        return int(row["id"])

    # -- replies -----------------------------------------------------------------------
    def ask_score(self) -> int | None:
        """The customer's score, 1 to 5 (None: cancelled)."""
        from PySide6.QtWidgets import QInputDialog

        score, ok = QInputDialog.getInt(self, self.tr("Record score"),
                                        self.tr("The customer's score (1 to 5):"), 5, 1, 5)
        return score if ok else None

    def record_selected(self) -> None:
        log_id = self.selected_request()
        score = self.ask_score() if log_id is not None else None
        if log_id is None or score is None:
            return
        outcome = self.ops.run(self, lambda: self.core.replies.record(log_id, score),
                               changes=["automation_log", "tickets", "deals"])
        if outcome.ok:
            self.status.setText(display.fill(self.tr("Score {score} recorded."),
                                             score=display.number(score)))

    def choose_file(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        path, _chosen = QFileDialog.getOpenFileName(
            self, self.tr("SMS replies"), "", self.tr("Excel or CSV (*.xlsx *.csv)"))
        return path

    def import_reply_file(self) -> None:
        """An SMS panel's export of replies: each score goes to the newest request sent to
        that mobile before the reply."""
        path = self.choose_file()
        if not path:
            return
        outcome = self.ops.run(self, lambda: self.core.replies.import_file(path),
                               changes=["automation_log", "tickets", "deals"])
        if outcome.ok and outcome.value is not None:
            found = outcome.value
            self.status.setText(display.fill(
                self.tr("Replies read: {matched} scored, {unmatched} without a waiting "
                        "request, {invalid} without a score."),
                matched=display.number(found.get("matched", 0)),
                unmatched=display.number(found.get("unmatched", 0)),
                invalid=display.number(found.get("invalid", 0))))

    def open_selected(self) -> None:
        contact = self.selected_contact()
        if contact is not None:
            self.open_record.emit("contacts", contact)

    def open_rules(self) -> None:
        holder = self.parentWidget()
        while holder is not None and not hasattr(holder, "show_tab"):
            holder = holder.parentWidget()
        if holder is not None:
            holder.show_tab("automation")

    def focus_search(self) -> None:
        self.search.setFocus()
