"""The Automation tab of the campaigns view: every rule with its switch, last run, next due
and how much it did (30 days, in all); New rule (a menu of kinds), Edit, Delete; "Run now"
and "Preview (dry run)" in the background, with the last run's outcome under the table.
The rules also run at start-up and every 15 minutes (ui/automation_runner.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.ui import automation_labels as names
from crm_desktop.ui import display, errors
from crm_desktop.ui.automation_runner import AutomationRunner
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.automation_models import RulesModel
from crm_desktop.ui.theme import icons
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.widgets.chip_delegate import decorate_table
from crm_desktop.ui.widgets.empty_state import EmptyState

#: starting widths of the columns (the rule's name takes the rest)
WIDTHS = {"enabled": 70, "kind": 230, "last_run_at": 150, "next_due_at": 150,
          "actions_30d": 100, "actions_total": 80, "last_action_at": 150}


class AutomationPage(QWidget):
    watches = ("automation_rules", "automation_log", "settings")

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.ops, self.settings = core, ops, settings
        self.setObjectName("automationPage")

        self.new = QPushButton(self.tr("New rule"), objectName="newRule")
        icons.dress(self.new, "plus", primary=True)
        menu = QMenu(self.new)
        menu.setObjectName("newRuleMenu")
        for kind in core.automation.kinds():
            action = menu.addAction(names.rule_kinds().get(kind, kind))
            action.setData(kind)
            action.triggered.connect(lambda _=False, k=kind: self.new_rule(k))
        self.new.setMenu(menu)
        self.edit = QPushButton(self.tr("Edit"), objectName="editRule")
        icons.dress(self.edit, "pencil")
        self.edit.clicked.connect(self.edit_selected)
        self.delete = QPushButton(self.tr("Delete"), objectName="deleteRule")
        icons.dress(self.delete, "trash", danger=True)
        self.delete.clicked.connect(self.delete_selected)
        self.preview = QPushButton(self.tr("Preview (dry run)"), objectName="previewRun")
        icons.dress(self.preview, "eye")
        self.preview.clicked.connect(self.preview_run)
        self.run_now = QPushButton(self.tr("Run now"), objectName="runNow")
        icons.dress(self.run_now, "player-play")
        self.run_now.clicked.connect(self.start_run)

        self.model = RulesModel(self.toggle, self)
        self.table = QTableView(objectName="rulesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda index: self.edit_selected()
                                         if index.column() != 0 else None)
        decorate_table(self.table, {})
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, spec in enumerate(self.model.columns):
            if spec.key in WIDTHS:
                self.table.setColumnWidth(column, WIDTHS[spec.key])
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = EmptyState.over(
            self.table, "robot",
            self.tr("No rules yet. A rule greets customers on their birthday, reminds "
                    "appointments, follows up quiet deals or hands new leads to a person, "
                    "by itself."),
            self.tr("New rule"), self.new.showMenu)

        self.status = QLabel(objectName="automationStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")
        self.progress = QProgressBar(objectName="automationProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.runner = AutomationRunner(core, ops, self)
        self.runner.finished.connect(self._finished)

        bar = QHBoxLayout()
        bar.addWidget(self.new)
        bar.addWidget(self.edit)
        bar.addWidget(self.delete)
        bar.addStretch(1)
        bar.addWidget(self.preview)
        bar.addWidget(self.run_now)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.last_outcome = ""
        self.refresh()

    # -- the list ----------------------------------------------------------------------
    def on_changed(self, tables: list[str]) -> None:
        if not tables or set(tables) & set(self.watches):
            self.refresh()

    def refresh(self) -> None:
        chosen = self.selected_id()
        self.model.set_rows(self.core.automation.rules())
        if chosen is not None:
            self.select(chosen)
        self.show_status()
        self._update_buttons()

    def select(self, rule_id: int) -> None:
        row = self.model.row_of(rule_id)
        if row is not None:  # (selectRow finds no cell in a right-to-left table not shown)
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.table.selectionModel().select(self.model.index(row, 0), flags)
            self.table.setCurrentIndex(self.model.index(row, 1))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(self.model.rows[rows[0].row()]["id"]) if rows else None

    def _update_buttons(self, *_args: Any) -> None:
        chosen = self.selected_id() is not None
        self.edit.setEnabled(chosen)
        self.delete.setEnabled(chosen)
        busy = self.runner.busy()
        self.run_now.setEnabled(not busy)
        self.preview.setEnabled(not busy)
        self.progress.setVisible(busy)

    def show_status(self) -> None:
        """The last run (when, why, how much it did, what went wrong), then how rules run."""
        lines = []
        last = self.core.automation.last_run()
        if last is not None:
            trigger = names.triggers().get(last["trigger"], last["trigger"])
            lines.append(display.fill(
                self.tr("Last run: {when} ({trigger}), {n} action(s)."),
                when=display.jalali(last["finished_at"] or last["started_at"]),
                trigger=trigger, n=display.number(last["actions"] or 0)))
            if last.get("error"):
                lines.append(display.fill(self.tr("Problem: {error}"), error=last["error"]))
        if self.last_outcome:
            lines.append(self.last_outcome)
        lines.append(self.tr("Rules that are on run when the program starts and every 15 "
                             "minutes while it is open."))
        self.status.setText("\n".join(lines))

    # -- rules -------------------------------------------------------------------------
    def toggle(self, rule_id: int, on: bool) -> bool:
        outcome = self.ops.run(self, lambda: self.core.automation.set_enabled(rule_id, on),
                               changes=["automation_rules"])
        return outcome.ok

    def new_record(self) -> None:
        self.new.showMenu()

    def new_rule(self, kind: str) -> None:
        from crm_desktop.ui.dialogs.rule_dialog import RuleDialog

        made = RuleDialog.create(self, self.core, self.ops, kind)
        if made is not None:
            self.select(made)

    def edit_selected(self) -> None:
        from crm_desktop.ui.dialogs.rule_dialog import RuleDialog

        rule_id = self.selected_id()
        if rule_id is not None:
            RuleDialog.edit(self, self.core, self.ops, rule_id)
            self.select(rule_id)

    def delete_selected(self) -> None:
        rule_id = self.selected_id()
        if rule_id is None:
            return
        name = self.model.rows[self.model.row_of(rule_id) or 0]["name"]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete rule"), display.fill(
            self.tr("Delete the rule “{name}”? What it already did stays in the automation "
                    "log."), name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmDeleteRule")
        icons.dress(box.button(QMessageBox.StandardButton.Yes), "trash", danger=True)
        if errors.ask_box(box) == QMessageBox.StandardButton.Yes:
            self.ops.run(self, lambda: self.core.automation.delete_rule(rule_id),
                         changes=["automation_rules"])

    # -- runs --------------------------------------------------------------------------
    def start_run(self) -> None:
        """Every rule that is on, now, in the background."""
        if self.runner.start(trigger="manual"):
            self.last_outcome = ""
            self.status.setText(self.tr("Running the rules…"))
        self._update_buttons()

    def preview_run(self) -> None:
        """What a run would do now, written nowhere, in its own window."""
        from crm_desktop.ui.dialogs.run_preview import RunPreview

        RunPreview.open(self, self.core, self.ops)

    def _finished(self, report: Any, problem: str) -> None:
        if report is None:
            self.last_outcome = display.fill(
                self.tr("The run stopped: {problem}. Nothing was done twice."),
                problem=problem or self.tr("an unexpected error"))
        else:
            self.last_outcome = display.fill(self.tr("Run now: {n} action(s)."),
                                             n=display.number(len(report.actions)))
            if report.errors:
                rules = {r["id"]: r["name"] for r in self.model.rows}
                self.last_outcome += " " + " ".join(
                    display.fill(self.tr("{rule}: {problem}"),
                                 rule=rules.get(rid, display.number(rid)), problem=text)
                    for rid, text in report.errors.items())
        self.refresh()

    def closeEvent(self, event: Any) -> None:
        self.runner.stop()
        super().closeEvent(event)


