"""A dry run in its own window: what a run would do now (who, which rule, what, when it
fell due), worked out in the background and written nowhere."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.ui import display, screen_fit
from crm_desktop.ui.automation_runner import AutomationRunner
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.automation_models import PlannedModel
from crm_desktop.ui.widgets.chip_delegate import decorate_table

WIDTHS = {"due_at": 150, "rule": 200, "contact": 180, "action": 90}


class RunPreview(QDialog):
    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.ops = core, ops
        self.setObjectName("runPreview")
        self.setWindowTitle(self.tr("Preview: what a run would do now"))
        screen_fit.resize(self, 1000, 560)
        self.summary = QLabel(self.tr("Working out what the rules would do…"),
                              objectName="runPreviewSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(objectName="runPreviewProgress")
        self.progress.setRange(0, 0)
        self.model = PlannedModel(self)
        self.table = QTableView(objectName="runPreviewTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        decorate_table(self.table, {"action": ("action", "automation_action")})
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, spec in enumerate(self.model.columns):
            if spec.key in WIDTHS:
                self.table.setColumnWidth(column, WIDTHS[spec.key])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.runner = AutomationRunner(core, ops, self)
        self.runner.finished.connect(self.show_report)
        self.runner.start(dry_run=True, trigger="manual")

    def busy(self) -> bool:
        return self.runner.busy()

    def show_report(self, report: Any, problem: str) -> None:
        self.progress.setVisible(False)
        if report is None:
            self.summary.setText(display.fill(self.tr("The preview failed: {problem}"),
                                              problem=problem or "?"))
            return
        self.model.set_actions(report.actions)
        n = len(report.actions)
        text = (display.fill(self.tr("A run now would do {n} thing(s). Nothing has been "
                                     "sent or written."), n=display.number(n))
                if n else self.tr("A run now would do nothing: nothing is due."))
        if report.errors:
            text += "\n" + "\n".join(str(e) for e in report.errors.values())
        self.summary.setText(text)

    def done(self, result: int) -> None:
        self.runner.stop()
        super().done(result)

    @classmethod
    def open(cls, parent: QWidget | None, core: Core, ops: Ops) -> None:
        run_dialog(cls(core, ops, parent))
