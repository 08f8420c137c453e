"""Which PostgreSQL failures are "busy, try again" and which are "the server is gone"."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from psycopg import errors as pg

from crm_desktop.db import server_errors
from crm_desktop.db.engine import is_busy
from crm_desktop.domain.errors import DatabaseBusy, ServerUnreachable
from crm_desktop.text.server_texts import unreachable_message, unreachable_title


@pytest.mark.parametrize("error", [pg.LockNotAvailable, pg.QueryCanceled,
                                   pg.SerializationFailure, pg.DeadlockDetected,
                                   pg.IdleInTransactionSessionTimeout])
def test_waits_and_lost_races_are_busy(error: type[Exception]) -> None:
    assert is_busy(error("x"))
    assert not server_errors.is_lost(error("x"))


@pytest.mark.parametrize("error", [pg.AdminShutdown, pg.CrashShutdown, pg.CannotConnectNow,
                                   pg.ConnectionFailure, psycopg.OperationalError,
                                   psycopg.InterfaceError])
def test_a_server_that_went_away_is_lost(error: type[Exception]) -> None:
    assert server_errors.is_lost(error("x"))
    assert not is_busy(error("x"))


@pytest.mark.parametrize("error", [pg.UniqueViolation, pg.SyntaxError, pg.UndefinedTable])
def test_other_errors_are_neither(error: type[Exception]) -> None:
    assert not is_busy(error("x")) and not server_errors.is_lost(error("x"))


def test_sqlite_errors_are_not_a_servers() -> None:
    assert not server_errors.is_busy(sqlite3.OperationalError("database is locked"))
    assert not server_errors.is_lost(sqlite3.OperationalError("disk I/O error"))


def test_the_message_in_both_languages() -> None:
    error = ServerUnreachable("postgresql://crm@office:5432/crm")
    assert isinstance(error, DatabaseBusy)  # offered a Retry wherever a busy one is
    assert str(error) == error.message("en")
    assert "office:5432" in error.message("fa") and "ذخیره نشد" in error.message("fa")
    assert "()" not in unreachable_message("", "en") and "{where}" not in unreachable_message("")
    assert unreachable_title("fa") == "سرور در دسترس نیست"
