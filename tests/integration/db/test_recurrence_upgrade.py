"""A database made at schema 0001 is upgraded to recurring activities, with a copy first."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from crm_desktop.core import Core
from crm_desktop.db.migrate import head_revision, open_database
from crm_desktop.services import maintenance
from tests.integration.db.alembic_steps import downgrade, upgrade

pytestmark = pytest.mark.sqlite_only("SQLite files made at older schema revisions")


def test_0001_database_is_upgraded_and_keeps_its_activities(db_path: Path) -> None:
    upgrade(db_path, "0001")
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO activities (kind, subject, due_at, created_at, updated_at) VALUES "
        "('task', 'پیگیری', '2026-01-01 05:30:00', '2026-01-01 00:00:00', "
        "'2026-01-01 00:00:00')")
    conn.commit()
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    conn.close()

    open_database(db_path).close()

    copies = list(db_path.parent.glob("crm.before-upgrade-0001-*.sqlite3"))
    assert len(copies) == 1
    conn = sqlite3.connect(copies[0])
    assert conn.execute("SELECT subject FROM activities").fetchall() == [("پیگیری",)]
    conn.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    assert conn.execute(
        "SELECT subject, recurrence, recur_every, recur_until FROM activities").fetchall() == [
        ("پیگیری", None, 1, None)]
    assert conn.execute("SELECT count(*) FROM activity_exceptions").fetchone()[0] == 0
    indexes = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activities'")}
    assert "ix_activities_owner_id_done_at_due_at" in indexes
    assert "ix_activities_due_sort" in indexes  # 0003
    sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'activities'").fetchone()[0]
    assert "ck_activities_duration" in sql and "ck_activities_recur_every_range" in sql
    conn.close()


def current_revision(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def schema(path: Path) -> dict[tuple[str, str], list[str]]:
    """Every table, index and trigger with its definition, each line on its own and sorted
    (a table copied by a batch migration lists the same constraints in another order and
    quotes its name)."""
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    return {(kind, name): sorted(line.strip().rstrip(",").replace('"', "")
                                 for line in (sql or "").splitlines())
            for kind, name, sql in rows}


def query(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchall()


COMMON = ("SELECT id, kind, subject, notes, due_at, done_at, duration_minutes, contact_id, "
          "account_id, created_at FROM activities ORDER BY id")


def test_downgrade_to_0001_keeps_the_data_and_upgrades_again(db_path: Path,
                                                            tmp_path: Path) -> None:
    with Core.open(db_path) as core:
        account = core.accounts.create({"name": "کلینیک سپید"})
        contact = core.contacts.create({"first_name": "مریم", "last_name": "احمدی",
                                        "account_id": account})
    at_head = schema(db_path)
    with closing(sqlite3.connect(db_path)) as conn:
        conn.executemany(
            "INSERT INTO activities (kind, subject, notes, due_at, duration_minutes, "
            "contact_id, account_id, recurrence, recur_every, recur_until, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                ("call", "تماس اول", "یادداشت", "2026-03-02 05:30:00.000000", None, contact,
                 account, None, 1, None, "2026-03-01 00:00:00.000000",
                 "2026-03-01 00:00:00.000000"),
                ("meeting", "جلسه هفتگی", None, "2026-03-02 06:30:00.000000", 45, contact,
                 None, "weekly", 2, "2026-06-01", "2026-03-01 00:00:00.000000",
                 "2026-03-01 00:00:00.000000")])
        conn.execute("INSERT INTO activity_exceptions (activity_id, occurs_on) "
                     "SELECT id, '2026-03-16' FROM activities WHERE recurrence = 'weekly'")
        conn.commit()
    activities = query(db_path, COMMON)
    people = query(db_path, "SELECT id, first_name, last_name, account_id FROM contacts")
    assert len(activities) == 2 and people == [(contact, "مریم", "احمدی", account)]

    downgrade(db_path, "0001")
    assert current_revision(db_path) == "0001"
    # exactly the schema of a database made at 0001 (no column, table or index of 0002
    # and 0003 left, none of 0001 lost on the way)
    reference = tmp_path / "made-at-0001.sqlite3"
    upgrade(reference, "0001")
    assert schema(db_path) == schema(reference)
    # and the data of 0001 is all there
    assert query(db_path, COMMON) == activities
    assert query(db_path, "SELECT id, first_name, last_name, account_id FROM contacts") == people
    assert query(db_path, "PRAGMA foreign_key_check") == []
    assert query(db_path, "PRAGMA integrity_check") == [("ok",)]

    upgrade(db_path, "head")
    assert current_revision(db_path) == head_revision()
    assert schema(db_path) == at_head
    assert query(db_path, COMMON) == activities
    # what only 0002 could hold is gone, and its defaults are back
    assert query(db_path, "SELECT recurrence, recur_every, recur_until FROM activities") == [
        (None, 1, None), (None, 1, None)]
    assert query(db_path, "SELECT count(*) FROM activity_exceptions") == [(0,)]
    report = maintenance.check(db_path)
    assert report.ok, report.problems
    with Core.open(db_path) as core:
        assert [h.id for h in core.search.search("مریم") if h.kind == "contact"] == [contact]
        assert sorted(a["subject"] for a in core.activities.for_contact(contact)) == [
            "تماس اول", "جلسه هفتگی"]
