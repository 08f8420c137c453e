"""Automatic backups in the window: the day's first (in the background, once the window
is up, and checked again every hour for a program left open past midnight) and the one on
exit (before the database closes, with a small progress window when it takes long). The
work is core.backups.make in a QThread; the GUI thread never blocks on it, except on
exit, where it waits in a local event loop so the progress window stays alive."""

from __future__ import annotations

import atexit
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from crm_desktop.core import Core
from crm_desktop.domain.errors import CrmError
from crm_desktop.ui.cancellable import CancellableThread

log = logging.getLogger(__name__)

#: the day's backups under way: a script that ends without closing its window waits for
#: them (a QThread destroyed while it runs aborts the process)
_LIVE: set[BackupThread] = set()


def _wait_all() -> None:
    for thread in list(_LIVE):
        thread.wait()
        _LIVE.discard(thread)


atexit.register(_wait_all)

#: how often a window left open checks whether the day's backup is due
CHECK_MS = 60 * 60 * 1000
#: the progress window of the exit backup shows after this long
PROGRESS_AFTER_MS = 400


class BackupThread(CancellableThread):
    """One backup; `done` carries the BackupResult (None when it failed) and the problem."""

    done = Signal(object, str)

    def __init__(self, core: Core, kind: str, passphrase: str | None):
        super().__init__(None)
        self.core = core
        self.kind = kind
        self.passphrase = passphrase

    def run(self) -> None:
        result: Any = None
        problem = ""
        try:
            result = self.core.backups.make(self.kind, passphrase=self.passphrase,
                                            cancel=self.cancelled)
            problem = "" if result.ok else result.detail
        except CrmError as exc:
            log.warning("%s backup failed: %s", self.kind, exc)
            problem = str(exc) or type(exc).__name__
        except Exception as exc:
            log.exception("%s backup failed", self.kind)
            problem = type(exc).__name__
        self.done.emit(result, problem)


def _passphrase(core: Core) -> tuple[bool, str | None]:
    """(can run, passphrase): an encrypted backup without a known passphrase cannot."""
    if not core.backups.settings()["encrypt"]:
        return True, None
    passphrase = core.backups.keeper.get(core.db.location)
    return passphrase is not None, passphrase


class BackupScheduler(QObject):
    """The day's automatic backup; `finished` carries (result or None, problem)."""

    finished = Signal(object, str)

    def __init__(self, core: Core, parent: QObject | None = None,
                 interval_ms: int = CHECK_MS):
        super().__init__(parent)
        self.core = core
        self.thread: BackupThread | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check()
        self.timer.start()

    def check(self) -> bool:
        """Start the day's backup when it is due; True when one started."""
        if self.thread is not None:
            return False
        try:
            if not self.core.backups.daily_due():
                return False
        except CrmError as exc:
            log.warning("cannot tell whether a backup is due: %s", exc)
            return False
        ready, passphrase = _passphrase(self.core)
        if not ready:
            self.finished.emit(None, "needs_passphrase")
            return False
        thread = self.thread = BackupThread(self.core, "daily", passphrase)
        _LIVE.add(thread)
        thread.done.connect(self._done)
        thread.start()
        return True

    def _done(self, result: Any, problem: str) -> None:
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.wait()
            _LIVE.discard(thread)
            thread.deleteLater()
        self.finished.emit(result, problem)

    def stop(self) -> None:
        """No more checks; a backup under way is finished and waited for (a half-written
        one would only be deleted)."""
        self.timer.stop()
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.wait()
            _LIVE.discard(thread)
            thread.deleteLater()


def backup_on_exit(core: Core, parent: QWidget | None) -> Any:
    """The backup on exit when the settings ask for one: run in a thread while a local
    event loop keeps the window painted, with a progress window after a moment. Returns
    the BackupResult, or None when none was made (off, no passphrase, or it failed)."""
    try:
        if not core.backups.settings()["on_exit"]:
            return None
    except CrmError:
        return None
    ready, passphrase = _passphrase(core)
    if not ready:
        log.warning("backup on exit skipped: encrypted backups need the passphrase")
        return None
    outcome: list[Any] = []
    thread = BackupThread(core, "exit", passphrase)
    loop = QEventLoop()
    # `done` runs in the worker (it only stores the result); `finished` reaches the loop,
    # which lives in this thread, as a queued call: delivered even if it fires first
    thread.done.connect(lambda result, _problem: outcome.append(result))
    thread.finished.connect(loop.quit)
    progress = QProgressDialog(
        QCoreApplication.translate("BackupRunner", "Backing up the database…"), "", 0, 0,
        parent)
    progress.setObjectName("exitBackupProgress")
    progress.setCancelButton(None)
    progress.setMinimumDuration(PROGRESS_AFTER_MS)
    progress.setAutoClose(False)
    thread.start()
    loop.exec()
    thread.wait()
    progress.close()
    progress.deleteLater()
    thread.deleteLater()
    return outcome[0] if outcome else None
