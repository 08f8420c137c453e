"""A database made at schema 0001 is upgraded to recurring activities, with a copy first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from crm_desktop.db.engine import make_engine
from crm_desktop.db.migrate import alembic_config, head_revision, open_database


def make_at_0001(path: Path) -> None:
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
    finally:
        engine.dispose()


def test_0001_database_is_upgraded_and_keeps_its_activities(db_path: Path) -> None:
    make_at_0001(db_path)
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


def test_downgrade_to_0001_and_back(db_path: Path) -> None:
    open_database(db_path).close()
    engine = make_engine(db_path)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()
    open_database(db_path).close()
