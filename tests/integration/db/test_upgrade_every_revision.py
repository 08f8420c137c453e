"""A database made at every earlier schema revision, filled with data in every table that
revision has, is upgraded by the current code with no row lost, its values kept, and
`check` passing.

The rows are made from the revision's own schema (columns, types, NOT NULL, CHECK lists,
foreign keys read from the file), so a table added by a later migration is filled in the
databases made after it without a change here."""

from __future__ import annotations

import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from crm_desktop.db.migrate import HEAD, open_database
from crm_desktop.services import maintenance
from tests.integration.db.alembic_steps import upgrade

pytestmark = pytest.mark.sqlite_only("SQLite files made at every older schema revision")

REVISIONS = [f"{n:04d}" for n in range(1, int(HEAD))]
ROWS = 3


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One empty database per revision (Alembic run once along the chain)."""
    folder = tmp_path_factory.mktemp("revisions")
    work = folder / "chain.sqlite3"
    out = {}
    for revision in REVISIONS:
        upgrade(work, revision)
        out[revision] = folder / f"at-{revision}.sqlite3"
        with closing(sqlite3.connect(work)) as src, closing(sqlite3.connect(out[revision])) as d:
            src.backup(d)
    return out


def tables(conn: sqlite3.Connection) -> list[str]:
    """Plain tables in an order where each comes after those it points at."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name != 'alembic_version' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
    virtual = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")]
    names = [n for n in names if not any(n.startswith(v + "_") for v in virtual)]
    parents = {n: {r[2] for r in conn.execute(f"PRAGMA foreign_key_list({n})")} - {n}
               for n in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        for n in names:
            if n not in ordered and parents[n] <= set(ordered):
                ordered.append(n)
    return ordered


def choices(sql: str) -> dict[str, str]:
    """column -> its first allowed value, from CHECK (column IN (...)) lists."""
    return {m[0].strip('"'): m[1].split(",")[0].strip()
            for m in re.findall(r'("?\w+"?) IN \(([^)]*)\)', sql)}


def value(table: str, col: str, kind: str, i: int, listed: dict[str, str]) -> object:
    if col in listed:
        return sqlite3.connect(":memory:").execute(f"SELECT {listed[col]}").fetchone()[0]
    kind = kind.upper()
    if "DATETIME" in kind or "TIMESTAMP" in kind:
        return f"2026-0{i}-01 0{i}:30:00.000000"
    if "DATE" in kind:
        return f"2026-0{i}-1{i}"
    if "BOOL" in kind:
        return i % 2
    if "INT" in kind:
        return i
    if col.endswith("_json") or col in ("settings", "conditions", "value", "filter"):
        return "{}" if col != "value" else f'"{table}-{i}"'
    return f"{table}.{col}.{i}"


def fill(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        for table in tables(conn):
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                               (table,)).fetchone()[0]
            listed = choices(sql)
            fks = {r[3]: r[2] for r in conn.execute(f"PRAGMA foreign_key_list({table})")}
            cols = list(conn.execute(f"PRAGMA table_info({table})"))
            for i in range(1, ROWS + 1):
                row = {}
                for _cid, col, kind, _notnull, _default, pk in cols:
                    if pk and "INT" in kind.upper() and len([c for c in cols if c[5]]) == 1:
                        row[col] = i
                    elif col in fks:
                        row[col] = i if fks[col] != table else None
                    else:
                        row[col] = value(table, col, kind, i, listed)
                nullable = {c[1] for c in cols if not c[3] and not c[5]}
                insert(conn, table, [  # a row that a CHECK refuses is tried with fewer values
                    row,
                    {c: None if c in nullable and c not in fks else v for c, v in row.items()},
                    {c: None if c in nullable and c in fks else v for c, v in row.items()},
                ])
        conn.commit()


def insert(conn: sqlite3.Connection, table: str, tries: list[dict[str, object]]) -> None:
    for n, row in enumerate(tries, 1):
        names = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        try:
            conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))
            return
        except sqlite3.IntegrityError:
            if n == len(tries):
                raise


def snapshot(path: Path) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(path)) as conn:
        out = {}
        for table in tables(conn):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            rows = conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            out[table] = [dict(zip(cols, r, strict=True)) for r in rows]
        return out


@pytest.mark.parametrize("revision", REVISIONS)
def test_a_filled_database_is_upgraded_without_losing_a_row(made: dict[str, Path],
                                                            tmp_path: Path,
                                                            revision: str) -> None:
    path = tmp_path / "crm.sqlite3"
    shutil.copy(made[revision], path)
    fill(path)
    before = snapshot(path)
    assert sum(len(rows) for rows in before.values()) >= ROWS * 10

    open_database(path).close()

    after = snapshot(path)
    for table, rows in before.items():
        assert table in after, f"{table} is gone after the upgrade from {revision}"
        assert len(after[table]) == len(rows), (table, len(rows), len(after[table]))
        for old, new in zip(rows, after[table], strict=True):
            # (what the user typed; the search and sort columns derived from it are
            # rebuilt by the migrations that change how they are made)
            kept = {c: v for c, v in old.items() if c in new and isinstance(v, str)
                    and v.startswith(f"{table}.") and "search" not in c and "sort" not in c}
            assert {c: new[c] for c in kept} == kept, (table, revision)
    report = maintenance.check(path)
    assert report.ok, report.problems
    assert report.schema == HEAD


def test_every_earlier_revision_is_tried() -> None:
    from crm_desktop.db.migrate import known_revisions

    assert set(REVISIONS) | {HEAD} == known_revisions()
