"""The import wizard's last step: the rows written in the background with a progress bar
(Cancel writes nothing: the run is one transaction), then a summary of what was done with
"Undo this import" and a way to the imported records."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.imports.model import ImportBatch, ImportCounts, ImportOptions, ImportPlan
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.import_pages import kind_names, quoted
from crm_desktop.ui.import_thread import JobThread
from crm_desktop.ui.theme import icons, tokens
from crm_desktop.ui.widgets.count_card import count_row

translate = QCoreApplication.translate


class RunPage(QWidget):
    # the run ended: its outcome (Finished(batch), CANCELLED or an exception)
    ended = Signal(object)
    undo_requested = Signal()
    open_requested = Signal()

    def __init__(self, service: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importRunPage")
        self.service = service
        self.thread: JobThread | None = None
        self.total = 0
        self.batch: ImportBatch | None = None

        # -- while writing
        self.running = QWidget(self)
        self.run_label = QLabel(self.running)
        self.run_label.setObjectName("importRunLabel")
        self.run_label.setWordWrap(True)
        self.run_bar = QProgressBar(self.running)
        self.run_bar.setObjectName("importRunBar")
        self.run_note = QLabel(self.tr("Cancel stops the import and writes nothing: the database "
                                       "stays as it was."), self.running)
        self.run_note.setObjectName("importRunNote")
        self.run_note.setProperty("role", "muted")
        self.run_note.setWordWrap(True)
        running = QVBoxLayout(self.running)
        running.addStretch(1)
        running.addWidget(self.run_label)
        running.addWidget(self.run_bar)
        running.addWidget(self.run_note)
        running.addStretch(2)

        # -- the summary
        self.summary = QWidget(self)
        done_icon = QLabel(self.summary)
        done_icon.setPixmap(icons.icon("circle-check", "success").pixmap(32, 32))
        self.done_label = QLabel(self.summary)
        self.done_label.setObjectName("importDoneLabel")
        self.done_label.setProperty("role", "section")
        self.done_label.setWordWrap(True)
        title = QHBoxLayout()
        title.addWidget(done_icon)
        title.addWidget(self.done_label, 1)
        self.cards, cards = count_row((
            ("created", "importCreated", self.tr("Created"), "success"),
            ("updated", "importUpdated", self.tr("Updated"), "info"),
            ("skipped", "importSkippedDone", self.tr("Duplicates skipped"), "neutral"),
            ("errors", "importErrorsDone", self.tr("Errors, not imported"), "danger"),
        ), self.summary)
        self.undo_note = QLabel(self.tr("Not what you expected? Undo this import as a whole: the "
                                        "records it created are removed and the fields it "
                                        "updated get their earlier values back. Later, use "
                                        "File › Undo last import."), self.summary)
        self.undo_note.setProperty("role", "muted")
        self.undo_note.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo this import"), self.summary)
        self.undo_button.setObjectName("undoThisImport")
        icons.dress(self.undo_button, "arrow-back-up", danger=True)
        self.undo_button.clicked.connect(self.undo_requested)
        self.open_button = QPushButton(self.summary)
        self.open_button.setObjectName("openImported")
        self.open_button.setProperty("primary", True)
        self.open_button.clicked.connect(self.open_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        summary = QVBoxLayout(self.summary)
        summary.setSpacing(tokens.SPACING["l"])
        summary.addStretch(1)
        summary.addLayout(title)
        summary.addLayout(cards)
        summary.addWidget(self.undo_note)
        summary.addLayout(buttons)
        summary.addStretch(2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.running, 1)
        layout.addWidget(self.summary, 1)
        self.summary.hide()

    # -- the run -----------------------------------------------------------------------------
    def run(self, plan: ImportPlan, options: ImportOptions) -> None:
        self.stop()
        self.batch = None
        self.total = len(plan.rows)  # what the writer's progress counts
        self.summary.hide()
        self.running.show()
        self.run_label.setText(display.fill(self.tr("Importing {file}…"), file=plan.file_name))
        self._progress(0)
        service = self.service

        def job(progress: Any, cancelled: Any) -> ImportBatch:
            return service.run(plan, options, progress=progress, cancelled=cancelled)

        # a failure is said (and logged) by the write runner, ui/ops.py
        self.thread = JobThread(job, self, log_unexpected=False)
        self.thread.progress.connect(self._progress)
        # an outcome of work stopped since (stop()) is left unread
        thread = self.thread
        self.thread.done.connect(lambda outcome, t=thread: self._ran(t, outcome))
        self.thread.start()

    def _progress(self, rows: int) -> None:
        if self.total:
            done = min(rows, self.total)
            self.run_bar.setRange(0, 100)
            self.run_bar.setValue(done * 100 // self.total)
        else:
            self.run_bar.setRange(0, 0)

    def cancel(self) -> None:
        if self.thread is not None:
            self.run_label.setText(self.tr("Cancelling: nothing is written…"))
            self.thread.cancel()

    def _ran(self, thread: JobThread, outcome: object) -> None:
        if thread is not self.thread:
            return
        thread.wait()
        thread.deleteLater()
        self.thread = None
        self.ended.emit(outcome)

    def busy(self) -> bool:
        return self.thread is not None

    def stop(self) -> None:
        """Cancel a run (nothing is written) and wait for it to end."""
        if self.thread is not None:
            thread, self.thread = self.thread, None
            thread.stop()
            thread.deleteLater()

    # -- the summary -------------------------------------------------------------------------
    def show_summary(self, batch: ImportBatch, counts: ImportCounts) -> None:
        self.batch = batch
        self.done_label.setText(self.tr("{file} was imported.").replace(
            "{file}", quoted(batch.file_name)))
        self.cards["created"].set_value(batch.created)
        self.cards["updated"].set_value(batch.updated)
        self.cards["skipped"].set_value(counts.skipped)
        self.cards["errors"].set_value(counts.errors)
        self.open_button.setText(display.fill(self.tr("Open {kind}"),
                                              kind=kind_names()[batch.kind]))
        self.undo_button.setEnabled(True)
        self.running.hide()
        self.summary.show()

    def show_undone(self) -> None:
        """The import was undone from the summary."""
        self.done_label.setText(self.tr("The import was undone: the database is as it was "
                                        "before it."))
        self.undo_button.setEnabled(False)
        self.undo_note.hide()
        for card in self.cards.values():
            card.setEnabled(False)
