"""The import wizard's background work: reading the file, checking the rows and writing
them each run in a worker thread the user can stop (ui/cancellable.py). The work is a job
`job(progress, cancelled)` of the Qt-free import code; `done` carries how it ended:
Finished(value), CANCELLED (ImportCancelled: nothing was written) or the exception that
stopped it (shown by the wizard; unexpected ones are logged here with their traceback).

Reads take their own connection from the engine's pool in the worker thread, as the export
runner's jobs do; the run writes in one transaction of its own there."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from crm_desktop.domain.errors import CrmError
from crm_desktop.imports.sheet import Cancelled, ImportCancelled, Progress
from crm_desktop.ui.cancellable import CancellableThread

log = logging.getLogger(__name__)

Job = Callable[[Progress, Cancelled], Any]

# the least time between two progress signals (a reader may report every row: 100,000
# queued signals would keep the window busy long after the work ended)
PROGRESS_EVERY_S = 0.05


@dataclass(frozen=True)
class Finished:
    value: Any


class _Cancelled:
    def __repr__(self) -> str:
        return "CANCELLED"


CANCELLED = _Cancelled()


class JobThread(CancellableThread):
    progress = Signal(int)
    done = Signal(object)

    def __init__(self, job: Job, parent: QObject | None = None, *,
                 log_unexpected: bool = True):
        super().__init__(parent)
        self.job = job
        # False when the owner hands the outcome to ui/ops.py, which logs it
        self.log_unexpected = log_unexpected
        self._last = 0.0

    def _progress(self, rows: int) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_EVERY_S:
            self._last = now
            self.progress.emit(rows)

    def run(self) -> None:
        outcome: object
        try:
            outcome = Finished(self.job(self._progress, self.cancelled))
        except ImportCancelled:
            outcome = CANCELLED
        except Exception as exc:  # said by the wizard; the unexpected ones logged here
            if self.log_unexpected and not isinstance(exc, CrmError | OSError):
                log.exception("an import step failed")
            outcome = exc
        self.done.emit(outcome)

    def stop(self) -> None:
        """Cancel and wait for the work to end (the window closing, a new file chosen)."""
        self.cancel()
        self.wait()
