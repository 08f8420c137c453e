"""The demo generator's bulk load: the indexes it drops for the load are all back
afterwards, exactly as the migrations made them, and the process state is restored."""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path

import pytest

from crm_desktop.db.engine import CACHE_SIZE
from crm_desktop.services.demo import BULK_TABLES, generate


def schema(path: Path) -> set[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return set(conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"))
    finally:
        conn.close()


@pytest.mark.sqlite_only("the demo's bulk loader drops and restores SQLite's indexes and triggers")
def test_bulk_load_restores_every_index_and_trigger(core, db_path: Path) -> None:
    before = schema(db_path)
    assert {name for kind, name, _sql in before if kind == "index"
            and any(f" ON {t} " in _sql or f' ON "{t}"' in _sql for t in BULK_TABLES)}
    assert gc.isenabled()
    generate(core.db, 300, seed=3)
    assert gc.isenabled()
    assert schema(db_path) == before
    with core.db.raw() as conn:
        # the connection's own page cache is back (the load enlarged it)
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == CACHE_SIZE
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # the search index was rebuilt and the list indexes answer
    assert core.contacts.count() == 300
    assert core.search.search(core.contacts.list().rows[0]["full_name"].split()[0])


@pytest.mark.sqlite_only("the demo's bulk loader is SQLite's (PRAGMA, dropped indexes)")
def test_the_load_runs_without_its_indexes_and_without_the_cyclic_collector(core) -> None:
    seen: list[tuple[str, bool]] = []

    def progress(step: str) -> None:
        seen.append((step, gc.isenabled()))

    generate(core.db, 50, seed=1, progress=progress)
    assert seen and not any(enabled for _step, enabled in seen)
    assert gc.isenabled()


@pytest.mark.sqlite_only("SQLite's indexes dropped and restored from sqlite_master")
def test_indexes_suspended_drops_and_restores(core, db_path: Path) -> None:
    from crm_desktop.db.bulk import indexes_suspended

    before = schema(db_path)
    with core.db.raw() as conn:
        conn.execute("BEGIN")
        with indexes_suspended(conn, ("contacts",)):
            names = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts'"
                " AND sql IS NOT NULL")}
            unique = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts'"
                " AND sql LIKE 'CREATE UNIQUE%'")}
            assert names == unique  # only the unique ones stay, they check the load
        conn.execute("COMMIT")
    assert schema(db_path) == before
