"""Noticing what another program (a second window, the command line, a colleague's copy
on a shared folder) wrote to the open database, and refreshing the views for it.

A light timer asks the core whether the database changed elsewhere (SQLite's
data_version: no file is read; on a PostgreSQL server, another desk's NOTIFY) every two
seconds while the window is shown; when it did, the views are
refreshed the way they are after one of our own writes (Ops.changed). Our own writes are
not counted: they refresh the views already."""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.domain.errors import CrmError
from crm_desktop.ui.ops import Ops

log = logging.getLogger(__name__)
INTERVAL_MS = 2000


class ElsewhereWatcher(QObject):
    """Checks the core's database every INTERVAL_MS while `window` is visible (and not
    minimised)."""

    def __init__(self, core: Core, ops: Ops, window: QWidget):
        super().__init__(window)
        self.db, self.ops, self.window = core.db, ops, window
        self.access = core.access
        try:
            self.db.watch()  # watching starts now: our writes from here are ours
        except CrmError as exc:  # (a server out of reach: check() tries again)
            log.warning("cannot watch the database for changes: %s", exc)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> bool:
        """Refresh if another program wrote since the last look; whether it did."""
        if not self.window.isVisible() or self.window.isMinimized():
            return False
        try:
            changed = self.db.changed_elsewhere()
        except (CrmError, OSError, sqlite3.Error) as exc:  # gone, locked: look again later
            log.warning("cannot ask the database for changes: %s", exc)
            return False
        if changed:
            self.access.forget()  # a role may have changed there: lists ask again
            self.ops.changed.emit([])  # every table: we do not know what they changed
        return changed
