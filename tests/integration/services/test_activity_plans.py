"""The occurrence query (Today, the week calendar) reads repeating activities through the
partial index of repeating rows, never by walking every activity's due time."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

NOW = datetime.now(UTC).replace(microsecond=0)


def plans(core: Any, fn: Any) -> list[str]:
    """The EXPLAIN QUERY PLAN lines of every SELECT `fn` runs."""
    statements: list[tuple[str, Any]] = []

    def hook(_c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append((sql, params))

    event.listen(core.db.engine, "before_cursor_execute", hook)
    try:
        fn()
    finally:
        event.remove(core.db.engine, "before_cursor_execute", hook)
    out = []
    with core.db.raw() as conn:
        for sql, params in statements:
            out += [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    return out


@pytest.mark.sqlite_only("reads SQLite's query plan")
def test_occurrences_use_the_partial_index_of_repeating_rows(core: Any) -> None:
    weekly = core.activities.create({"kind": "meeting", "subject": "جلسه هفتگی",
                                     "due_at": NOW - timedelta(days=30), "recurrence": "weekly"})
    once = core.activities.create({"kind": "call", "subject": "تماس",
                                   "due_at": NOW + timedelta(hours=1)})
    # many one-off activities over two years, as at 500,000 (the planner sees their stats)
    with core.db.raw() as conn:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO activities (kind, subject, due_at, done_at, created_at, updated_at)"
            " VALUES ('call', 'x', ?, ?, ?, ?)",
            [(t, t, t, t) for t in (
                (NOW - timedelta(hours=6 * i)).strftime("%Y-%m-%d %H:%M:%S.000000")
                for i in range(3000))])
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
    start, end = NOW - timedelta(days=1), NOW + timedelta(days=7)
    lines = plans(core, lambda: core.activities.occurrences_between(start, end))
    assert any("ix_activities_repeating" in line for line in lines), lines
    # the one-off activities are read over their range only: no open-ended due-time walk
    assert not any("ix_activities_due_at (due_at<?)" in line for line in lines), lines
    # no statement scans the activities table (a walk of the whole due-time index is a
    # "SCAN ... USING INDEX" too)
    assert not any(line.startswith("SCAN activities") for line in lines), lines
    rows = core.activities.occurrences_between(start, end)
    assert once in {r["id"] for r in rows}
    assert sum(r["id"] == weekly for r in rows) in (1, 2)
    # with the Today page's filters (open only, an owner, a bound) too: the repeating rows
    # still come from their partial index
    for kwargs in ({"owner_id": 1}, {"open_only": True, "limit": 10},
                   {"owner_id": 1, "open_only": True}):
        lines = plans(core, lambda k=kwargs: core.activities.occurrences_between(
            start, end, **k))
        assert any("ix_activities_repeating" in line for line in lines), (kwargs, lines)
        assert not any(line.startswith("SCAN activities") for line in lines), lines
        assert not any("(due_at<?)" in line and "ix_activities_repeating" not in line
                       for line in lines), lines
    core.activities.complete(weekly)
    assert weekly not in {r["id"] for r in core.activities.occurrences_between(
        start, end, open_only=True)}
    assert weekly not in {r["id"] for r in core.activities.occurrences_between(
        start, end, owner_id=12345)}


def test_the_partial_index_is_partial_in_models_and_migrations(db_path: Path) -> None:
    from crm_desktop.db.migrate import open_database
    from crm_desktop.db.models import Base

    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'ix_activities_repeating'"
                       ).fetchone()[0]
    conn.close()
    assert "WHERE recurrence IS NOT NULL" in sql
    index = next(i for i in Base.metadata.tables["activities"].indexes
                 if i.name == "ix_activities_repeating")
    assert str(index.dialect_options["sqlite"]["where"]) == "recurrence IS NOT NULL"


@pytest.mark.sqlite_only("reads SQLite's query plan")
def test_the_reminder_check_seeks_the_open_reminders(core: Any) -> None:
    """Many open activities without a reminder, many done ones, and statistics taken
    before any reminder was set, as the demo database has them (done_at: nearly every
    value different, so the planner takes done_at IS NULL for two rows; the index of open
    reminders empty): the check still seeks that index, in its order, instead of reading
    and sorting every open activity."""
    with core.db.raw() as conn:
        conn.execute("BEGIN")
        stamp = "%Y-%m-%d %H:%M:%S.000000"
        conn.executemany(
            "INSERT INTO activities (kind, subject, due_at, done_at, created_at, updated_at)"
            " VALUES ('call', 'x', ?, ?, ?, ?)",
            [(t, t if i % 4 else None, t, t) for i, t in enumerate(
                (NOW - timedelta(hours=6 * i)).strftime(stamp) for i in range(3000))])
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
    due = core.activities.create({"kind": "call", "subject": "یادآوری", "due_at": NOW,
                                  "reminder_at": NOW - timedelta(minutes=5)})
    core.activities.create({"kind": "call", "subject": "بعدا", "due_at": NOW,
                            "reminder_at": NOW + timedelta(hours=1)})  # not due yet
    first = core.activities.create({"kind": "call", "subject": "زودتر", "due_at": NOW,
                                    "reminder_at": NOW - timedelta(hours=2)})
    done = core.activities.create({"kind": "call", "subject": "انجام شد", "due_at": NOW,
                                   "reminder_at": NOW - timedelta(hours=1)})
    core.activities.update(done, {"done_at": NOW})
    lines = plans(core, lambda: core.activities.due_reminders(NOW))
    assert [r["id"] for r in core.activities.due_reminders(NOW)] == [first, due]
    assert "ix_activities_due_reminders" in lines[0], lines
    assert not any("TEMP B-TREE" in line for line in lines), lines
