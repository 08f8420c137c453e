"""Automation runs in the background: once when a database is opened, then every 15
minutes while the program is open, and when the user asks ("Run now", "Preview"). Each run
is a QThread calling the Qt-free engine (core.automation.run); the GUI thread never waits
for one, except on closing, where the run in flight is asked to stop between two rules and
waited for before the database closes.

Two runs at once are harmless (the engine's log makes every occurrence happen once), but a
timer tick that finds a run still going waits for the next tick."""

from __future__ import annotations

import atexit
import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from crm_desktop.core import Core
from crm_desktop.domain.errors import CrmError
from crm_desktop.ui.cancellable import CancellableThread
from crm_desktop.ui.ops import Ops

log = logging.getLogger(__name__)

#: between two timed runs
INTERVAL_MS = 15 * 60 * 1000
#: what a run may have changed (every view watching one of them reads again)
CHANGED = ["automation_rules", "automation_log", "outbox", "activities", "contacts",
           "deals"]
#: announced (with CHANGED) when a run queued messages: the program sends them
#: (ui/controller.py), as it sends a campaign's
QUEUED = "outbox_queued"

#: the runs going on, kept here so that none is destroyed while it runs (`stop_all`)
_LIVE: set[RunThread] = set()


class RunThread(CancellableThread):
    """One run (or dry run); `done` carries the thread itself, then the RunReport (or
    None) and the problem in words (empty when none)."""

    done = Signal(object, object, str)

    def __init__(self, core: Core, *, dry_run: bool, trigger: str):
        super().__init__(None)  # owned by _LIVE, not by a widget that may close first
        self.core = core
        self.dry_run = dry_run
        self.trigger = trigger
        #: stopped by `stop_all` (the database is closing): its ending announces nothing
        self.abandoned = False

    def run(self) -> None:
        report: Any = None
        problem = ""
        try:
            report = self.core.automation.run(dry_run=self.dry_run, trigger=self.trigger,
                                              cancel=self.cancelled)
        except CrmError as exc:  # the database is busy or refused: said, nothing half done
            log.warning("automation run failed: %s", exc)
            problem = str(exc) or type(exc).__name__
        except Exception as exc:
            log.exception("automation run failed")
            problem = type(exc).__name__
        self.done.emit(self, report, problem)


def _wait_all() -> None:
    for thread in list(_LIVE):
        thread.abandoned = True
        thread.cancel()
    for thread in list(_LIVE):
        thread.wait()
        _LIVE.discard(thread)


def stop_all() -> None:
    """Ask every run to stop between two rules and wait for it (before a database closes
    or the program quits); what they did is not announced (the window is going)."""
    _wait_all()


# a script that ends without closing its window still lets its run end cleanly
atexit.register(_wait_all)


class AutomationRunner(QObject):
    """Starts runs of one database one at a time; `finished` carries each one's report (a
    RunReport, None when it failed) and the problem in words (empty when none). A real run
    announces through `ops` what it may have changed."""

    finished = Signal(object, str)
    started = Signal(bool)

    def __init__(self, core: Core, ops: Ops, parent: QObject | None = None):
        super().__init__(parent)
        self.core = core
        self.ops = ops
        self.thread: RunThread | None = None

    def busy(self) -> bool:
        return self.thread is not None

    def start(self, *, dry_run: bool = False, trigger: str = "manual") -> bool:
        """Start a run; False when one of this runner's is still going."""
        if self.thread is not None:
            return False
        thread = self.thread = RunThread(self.core, dry_run=dry_run, trigger=trigger)
        _LIVE.add(thread)
        thread.done.connect(self._done)
        thread.start()
        self.started.emit(dry_run)
        return True

    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel()

    def _done(self, thread: RunThread, report: Any, problem: str) -> None:
        if thread is not self.thread:  # already finished by `stop`
            return
        self.thread = None
        thread.wait()
        _LIVE.discard(thread)
        thread.deleteLater()
        if thread.abandoned:  # the database closed meanwhile
            return
        if not thread.dry_run:
            queued = report is not None and any(
                a.action in ("sms", "email") for a in report.actions)
            self.ops.changed.emit([*CHANGED, QUEUED] if queued else list(CHANGED))
        self.finished.emit(report, problem)

    def stop(self) -> None:
        """The run going on stops between two rules and is waited for (nothing announced:
        the window is closing)."""
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.cancel()
            thread.wait()
            _LIVE.discard(thread)
            thread.deleteLater()


class AutomationScheduler(QObject):
    """The runs nobody asks for: one as soon as the window is open (catching up what fell
    due while the program was closed, within each rule's limit), then one every
    `interval_ms`."""

    def __init__(self, core: Core, ops: Ops, parent: QObject | None = None,
                 interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.runner = AutomationRunner(core, ops, self)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.run("timer"))

    def start(self) -> None:
        self.run("startup")
        self.timer.start()

    def run(self, trigger: str) -> bool:
        return self.runner.start(trigger=trigger)

    def stop(self) -> None:
        """No more runs; the one going on stops between two rules and is waited for."""
        self.timer.stop()
        self.runner.stop()


__all__ = ["CHANGED", "INTERVAL_MS", "QUEUED", "AutomationRunner", "AutomationScheduler",
           "RunThread", "stop_all"]
