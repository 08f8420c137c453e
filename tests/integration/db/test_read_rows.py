"""`Database.read_rows`: a lone SELECT on the pooled DB-API connection (no SQLAlchemy
connection, BEGIN, result objects or ROLLBACK), the same rows and errors as through
SQLAlchemy, and the engine's cursor events still told of every statement (a read locked out
past the busy timeout: tests/integration/services/test_compiled_lists.py)."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError


def _connections(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Notes each SQLAlchemy connection made (Engine.connect)."""
    made: list[str] = []
    real = Engine.connect

    def counted(self: Engine, *args: Any, **kwargs: Any) -> Any:
        made.append("connect")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Engine, "connect", counted)
    return made


@pytest.mark.sqlite_only("SQLite's pooled DB-API connection and its error types")
def test_a_lone_read_runs_on_the_db_api_connection(core, monkeypatch) -> None:
    for i in range(3):
        core.contacts.create({"first_name": f"نفر{i}", "last_name": "احمدی"})
    made = _connections(monkeypatch)
    rows = core.db.read_rows("SELECT first_name FROM contacts WHERE deleted_at IS NULL"
                             " ORDER BY id LIMIT ?", (2,))
    assert [tuple(r) for r in rows] == [("نفر0",), ("نفر1",)]
    assert core.contacts.count() == 3  # (a compiled count: read_rows too)
    core.club.settings()
    assert made == []


def test_a_read_is_told_to_whoever_listens_for_statements(core, monkeypatch) -> None:
    seen: list[str] = []

    def hook(_c: Any, _cur: Any, sql: str, *_a: Any) -> None:
        seen.append(sql)

    event.listen(core.db.engine, "before_cursor_execute", hook)
    try:
        rows = core.db.read_rows("SELECT count(*) FROM contacts WHERE deleted_at IS NULL")
    finally:
        event.remove(core.db.engine, "before_cursor_execute", hook)
    assert rows[0][0] == 0
    assert "SELECT count(*) FROM contacts WHERE deleted_at IS NULL" in seen


@pytest.mark.sqlite_only("SQLite's pooled DB-API connection and its error types")
def test_a_bad_statement_is_sqlalchemys_error_as_before(core) -> None:
    with pytest.raises(OperationalError) as caught:
        core.db.read_rows("SELECT nothing FROM nowhere")
    assert isinstance(caught.value.orig, sqlite3.OperationalError)
