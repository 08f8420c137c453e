"""Another desk's commits on a PostgreSQL server (the counterpart of SQLite's
PRAGMA data_version; db/engine.py uses it).

Every write transaction of a Database sends `NOTIFY crm_desktop_changes, '<its identity>'`
before it commits (PostgreSQL delivers it with the commit, and not at all after a
rollback). A desk that watches keeps one connection of its own LISTENing; asking it
whether anything came is one `SELECT 1` on it (the server delivers the notifications
pending for it with the answer) and a look at what came, without waiting. Notifications
carrying the desk's own identity are its own writes and do not count."""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from typing import Any

from sqlalchemy import Engine

from crm_desktop.domain.errors import DatabaseError

log = logging.getLogger(__name__)
CHANNEL = "crm_desktop_changes"


def new_identity() -> str:
    """What this desk (one open Database) signs its notifications with."""
    return uuid.uuid4().hex


def notify_sql() -> str:
    return f"SELECT pg_notify('{CHANNEL}', %s)"


class ChangeListener:
    """A LISTENing connection of its own (taken from `engine`, then detached from its
    pool) that tells whether someone other than `identity` committed since the last look."""

    def __init__(self, engine: Engine, identity: str):
        self.engine = engine
        self.identity = identity
        self._lock = threading.Lock()
        self._conn: Any = None
        self._foreign = False

    def start(self) -> None:
        with self._lock:
            self._connect()

    def _connect(self) -> None:
        if self._conn is not None:
            return
        import psycopg

        try:
            pooled = self.engine.raw_connection()
            conn = pooled.driver_connection
            pooled.detach()  # ours alone, closed by us
            conn.rollback()
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
        except (psycopg.Error, OSError) as exc:
            raise DatabaseError(f"cannot listen for other desks' changes: {exc}") from exc
        except Exception as exc:  # SQLAlchemy's wrapping of a connection that failed
            raise DatabaseError(f"cannot listen for other desks' changes: {exc}") from exc
        self._conn = conn

    def _heard(self, notify: Any) -> None:
        if notify.payload != self.identity:
            self._foreign = True

    def changed(self) -> bool:
        """Whether another desk committed since the last call. A connection that broke
        (the server restarted) answers True once, the views being possibly stale, and
        listens again on the next call."""
        import psycopg

        with self._lock:
            if self._conn is None:
                self._connect()
                return True  # we were not listening: anything may have happened
            try:
                # one round trip: the server hands over what was committed before it
                # (a commit another desk saw finish is then always among them)
                self._conn.execute("SELECT 1")
                for notify in self._conn.notifies(timeout=0):
                    self._heard(notify)
            except (psycopg.Error, OSError) as exc:
                log.warning("the connection listening for changes broke: %s", exc)
                self._close()
                return True
            changed, self._foreign = self._foreign, False
            return changed

    def _close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):  # already broken: nothing left to close
                self._conn.close()
            self._conn = None

    def close(self) -> None:
        with self._lock:
            self._close()
