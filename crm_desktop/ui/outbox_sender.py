"""Sending the outbox in the background: a QThread runs the Qt-free sender
(OutboxService.send_due) with the deliveries chosen in Settings, reports progress and can
be cancelled between two messages (never in the middle of one)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton

from crm_desktop.core import Core
from crm_desktop.services.outbox import SendReport
from crm_desktop.ui.cancellable import CancellableThread
from crm_desktop.ui.ops import Ops

log = logging.getLogger(__name__)


class SendThread(CancellableThread):
    """One run of sending; `done` carries the SendReport (or None when it failed)."""

    progress = Signal(int, int)
    done = Signal(object)

    def __init__(self, core: Core, parent: QObject | None = None):
        super().__init__(parent)
        self.core = core

    def run(self) -> None:
        from crm_desktop.services.delivery import deliveries

        report: Any = None
        try:
            sending = self.core.settings.sending()
            report = self.core.outbox.send_due(
                deliveries(sending), cancel=self.cancelled,
                progress=lambda done, total: self.progress.emit(done, total),
                max_attempts=int(sending["max_attempts"]))
        except Exception:  # a database problem: the rows stay as they were, nothing sent twice
            log.exception("sending the outbox failed")
        self.done.emit(report)


def start(core: Core, parent: QObject | None = None) -> SendThread:
    thread = SendThread(core, parent)
    thread.start()
    return thread


class BackgroundSending(QObject):
    """One background run of sending at a time, shown by a progress bar and a Stop button
    (both hidden while nothing is sent; Stop cancels between two messages). When the run
    ends, `finished` carries its SendReport (None when it failed), then every view hears
    that the outbox and the campaign members changed."""

    finished = Signal(object)

    def __init__(self, core: Core, ops: Ops, progress: QProgressBar, stop: QPushButton,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.core = core
        self.ops = ops
        self.progress = progress
        self.stop = stop
        self.thread: SendThread | None = None
        progress.setVisible(False)
        stop.setVisible(False)
        stop.clicked.connect(self.cancel)

    def start(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.stop.setVisible(True)
        self.stop.setEnabled(True)
        self.thread = start(self.core, self)
        self.thread.progress.connect(self._progress)
        self.thread.done.connect(self._done)

    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel()
            self.stop.setEnabled(False)

    def cancel_and_wait(self) -> None:
        """Closing: wait for the message in flight, then stop."""
        if self.thread is not None:
            self.thread.cancel()
            self.thread.wait()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, report: SendReport | None) -> None:
        self.progress.setVisible(False)
        self.stop.setVisible(False)
        if self.thread is not None:
            self.thread.wait()
            self.thread.deleteLater()
            self.thread = None
        self.finished.emit(report)
        self.ops.changed.emit(["outbox", "campaign_members"])


def resume_at_start(core: Core, parent: QObject | None = None) -> SendThread | None:
    """When the program opens a database: rows a crash left "sending" become failed
    ("interrupted", never resent on their own), and what is queued resumes in the
    background when a delivery is set up for it."""
    try:
        core.outbox.recover_interrupted()
    except Exception:
        log.exception("resuming the outbox failed")
        return None
    return send_queued(core, parent)


def send_queued(core: Core, parent: QObject | None = None) -> SendThread | None:
    """Send what is due in the background when a delivery is set up for it (None when
    there is nothing to send). Rows another sender has claimed are left to it: each row
    is claimed on its own before it is handed over."""
    from crm_desktop.services.delivery import deliveries

    try:
        chosen = deliveries(core.settings.sending())
        if not chosen or not core.outbox.due_count(list(chosen)):
            return None
    except Exception:
        log.exception("sending the outbox failed")
        return None
    return start(core, parent)


__all__ = ["BackgroundSending", "SendReport", "SendThread", "resume_at_start", "send_queued",
           "start"]
