"""Sending the outbox in the background: a QThread runs the Qt-free sender
(OutboxService.send_due) with the deliveries chosen in Settings, reports progress and can
be cancelled between two messages (never in the middle of one)."""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from crm_desktop.core import Core
from crm_desktop.services.outbox import SendReport

log = logging.getLogger(__name__)


class SendThread(QThread):
    """One run of sending; `done` carries the SendReport (or None when it failed)."""

    progress = Signal(int, int)
    done = Signal(object)

    def __init__(self, core: Core, parent: QObject | None = None):
        super().__init__(parent)
        self.core = core
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        from crm_desktop.services.delivery import deliveries

        report: Any = None
        try:
            sending = self.core.settings.sending()
            report = self.core.outbox.send_due(
                deliveries(sending), cancel=self._cancel.is_set,
                progress=lambda done, total: self.progress.emit(done, total),
                max_attempts=int(sending["max_attempts"]))
        except Exception:  # a database problem: the rows stay as they were, nothing sent twice
            log.exception("sending the outbox failed")
        self.done.emit(report)


def start(core: Core, parent: QObject | None = None) -> SendThread:
    thread = SendThread(core, parent)
    thread.start()
    return thread


def resume_at_start(core: Core, parent: QObject | None = None) -> SendThread | None:
    """When the program opens a database: rows a crash left "sending" become failed
    ("interrupted", never resent on their own), and what is queued resumes in the
    background when a delivery is set up for it."""
    from crm_desktop.services.delivery import deliveries

    try:
        core.outbox.recover_interrupted()
        chosen = deliveries(core.settings.sending())
        if not chosen or not core.outbox.due_count(list(chosen)):
            return None
    except Exception:
        log.exception("resuming the outbox failed")
        return None
    return start(core, parent)


__all__ = ["SendReport", "SendThread", "resume_at_start", "start"]
