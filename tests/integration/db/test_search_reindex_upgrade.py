"""A database written before 0004 (names indexed word by word) is re-indexed on upgrade, so a
compound name typed joined finds the spaced name stored before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crm_desktop.core import Core
from crm_desktop.db.search_index import integrity_problems
from crm_desktop.text.collation import sort_key
from crm_desktop.text.normalize import search_key
from tests.integration.db.alembic_steps import downgrade, upgrade

pytestmark = pytest.mark.sqlite_only("SQLite files made at older schema revisions (FTS5)")

NOW = "2026-01-01 00:00:00"


def make_at_0003_with_old_rows(path: Path) -> None:
    upgrade(path, "0003")
    conn = sqlite3.connect(path)
    for first, last in (("محمد رضا", "کریمی"), ("زهرا سادات", "نوری"), ("علی", "رضایی")):
        full = f"{first} {last}"
        conn.execute(
            "INSERT INTO contacts (first_name, last_name, full_name, gender, lifecycle_stage,"
            " sms_consent, email_consent, account_sort, owner_sort, created_at, updated_at,"
            " search_name, search_other, sort_key) VALUES (?, ?, ?, 'male', 'lead', 1, 0, '',"
            " '', ?, ?, ?, '', ?)",
            (first, last, full, NOW, NOW, search_key(full), sort_key(full)))
    conn.execute(
        "INSERT INTO accounts (name, created_at, updated_at, search_name, search_other,"
        " sort_key) VALUES (?, ?, ?, ?, '', ?)",
        ("پارس خودرو", NOW, NOW, search_key("پارس خودرو"), sort_key("پارس خودرو")))
    conn.commit()
    conn.close()


def test_upgrade_reindexes_names_written_before(db_path: Path) -> None:
    make_at_0003_with_old_rows(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT search_name FROM contacts WHERE id = 1").fetchone() == (
        "محمد رضا کریمی",)
    conn.close()

    with Core.open(db_path) as core:
        titles = {h.title for h in core.search.search("محمدرضا")}
        assert titles == {"محمد رضا کریمی"}
        assert {h.title for h in core.search.search("زهراسادات نوری")} == {"زهرا سادات نوری"}
        assert [h.title for h in core.search.search("پارسخودرو")] == ["پارس خودرو"]
        assert {h.title for h in core.search.search("علی")} == {"علی رضایی"}
        with core.db.raw() as raw:
            assert integrity_problems(raw) == []
            assert raw.execute("SELECT search_name FROM contacts WHERE id = 1").fetchone() == (
                "محمد رضا کریمی محمدرضا رضاکریمی",)
            names = raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'contacts_fts_%'").fetchall()
            assert {n for (n,) in names} == {f"contacts_fts{s}_{op}" for s in ("", "_names")
                                             for op in ("ai", "ad", "au")}
            # the names-only index is filled, and kept in step from now on
            assert raw.execute("SELECT rowid FROM contacts_fts_names WHERE contacts_fts_names "
                               "MATCH '\"محمدرضا\"*'").fetchall() == [(1,)]
        core.contacts.update(1, {"first_name": "حمید"})
        assert [h.title for h in core.search.search("حمید", kinds=("contact",))] == [
            "حمید کریمی"]
        assert core.search.search("محمدرضا") == []


def test_downgrade_to_0003_restores_word_by_word_names(db_path: Path) -> None:
    with Core.open(db_path) as core:
        core.contacts.create({"first_name": "محمد رضا", "last_name": "کریمی"})
    downgrade(db_path, "0003")
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT search_name FROM contacts").fetchall() == [("محمد رضا کریمی",)]
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name LIKE '%fts_names%'"
                            ).fetchall()
    conn.close()
    with Core.open(db_path) as core:  # and up again
        assert [h.title for h in core.search.search("محمدرضا")] == ["محمد رضا کریمی"]
