"""What a PostgreSQL failure means to the user: a wait that ran out (DatabaseBusy, like
SQLite's locked file) or a server that cannot be reached (ServerUnreachable). psycopg is
imported only when an error of its own is looked at (SQLite-only start-ups never load it)."""

from __future__ import annotations

from typing import Any

from crm_desktop.domain.errors import ServerUnreachable

#: SQLSTATEs of "waited too long or lost a race with another desk; try again": lock_not_
#: available (lock_timeout), query_canceled (statement_timeout), serialization_failure,
#: deadlock_detected, idle_in_transaction_session_timeout.
BUSY_STATES = frozenset({"55P03", "57014", "40001", "40P01", "25P03"})
#: the server went away: admin_shutdown (pg_terminate_backend, a stopped server),
#: crash_shutdown, cannot_connect_now (starting up); class 08 is the connection itself.
LOST_STATES = frozenset({"57P01", "57P02", "57P03"})


def _psycopg_error(orig: Any) -> bool:
    return type(orig).__module__.startswith("psycopg")


def is_busy(orig: BaseException | None) -> bool:
    """A psycopg error of a lock or statement timeout, a serialization failure or a
    deadlock."""
    if orig is None or not _psycopg_error(orig):
        return False
    return getattr(orig, "sqlstate", None) in BUSY_STATES


def is_lost(exc: BaseException) -> bool:
    """The connection to the server was lost or could not be made (a SQLAlchemy DBAPIError
    or a psycopg error)."""
    if getattr(exc, "connection_invalidated", False):
        return True
    orig = getattr(exc, "orig", exc)
    if orig is None or not _psycopg_error(orig):
        return False
    import psycopg

    state = getattr(orig, "sqlstate", None)
    if state in LOST_STATES or (state or "").startswith("08"):
        return True
    if isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError) and state is None:
        return True  # no answer at all: closed, refused, timed out, reset
    return bool(getattr(orig, "pgconn", None) is not None
                and getattr(orig.pgconn, "status", 0) != 0)  # CONNECTION_BAD


def unreachable(where: str) -> ServerUnreachable:
    return ServerUnreachable(where)
