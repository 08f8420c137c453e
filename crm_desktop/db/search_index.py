"""The search index: which rows match a search, and its maintenance (the index itself is
created by the migrations: db/dialects.py).

On PostgreSQL the index is a pair of GIN expression indexes per table over the same
normalised words (db/dialects.py): they follow every write by themselves, so the bulk-load
helpers below have nothing to do there, and the check is that the indexes exist and are
valid. What follows describes SQLite.

Each searchable table has `search_name` and `search_other` columns holding text already
normalised by `crm_desktop.text.normalize` (search_name_key, search_key); an external-content
FTS5 table `<table>_fts` indexes both, a second one `<table>_fts_names` the names alone (so
"which hits are in names" costs as much as there are name hits, not as much as hits in
phones: "09" matches every mobile and no name), and triggers keep them in step with every
write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from crm_desktop.db import live_counts
from crm_desktop.db.bulk import objects_dropped
from crm_desktop.db.dialects import PG_ALL

SEARCH_TABLES: tuple[str, ...] = ("contacts", "accounts", "deals", "tickets")


def fts_table(table: str) -> str:
    return f"{table}_fts"


def names_fts_table(table: str) -> str:
    return f"{table}_fts_names"


def matching_ids(table: str, raw: str, dialect: str) -> Any | None:
    """A SELECT of the ids of `table` (of SEARCH_TABLES) whose search text matches what
    the user typed (deleted rows included), for `id IN (...)`; None when nothing
    searchable was typed."""
    from sqlalchemy import text

    from crm_desktop.services.search_query import match_expression, tsquery_expression

    if dialect == "postgresql":
        query = tsquery_expression(raw)
        if query is None:
            return None
        return text(f"SELECT id FROM {table} WHERE {PG_ALL} @@ CAST(:match AS tsquery)"
                    ).bindparams(match=query)
    expr = match_expression(raw)
    if expr is None:
        return None
    fts = fts_table(table)
    return text(f"SELECT rowid FROM {fts} WHERE {fts} MATCH :match").bindparams(match=expr)


def _sqlite(conn: Any) -> bool:
    return isinstance(conn, sqlite3.Connection)


def _all_fts(conn: sqlite3.Connection) -> list[str]:
    """The index tables this database has (the names indexes came with schema 0004)."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [f(t) for t in SEARCH_TABLES for f in (fts_table, names_fts_table) if f(t) in present]


def is_index_object(name: str | None) -> bool:
    """True for the derived tables the ORM metadata leaves out: the FTS5 virtual tables
    and their shadow tables, and the live counts (db/live_counts.py)."""
    return bool(name) and (name == live_counts.TABLE or any(
        str(name).startswith(fts_table(t)) for t in SEARCH_TABLES))


@contextmanager
def triggers_suspended(conn: sqlite3.Connection) -> Iterator[None]:
    """Drop the index triggers for a bulk load, then restore them and rebuild the index.

    The trigger SQL is read back from the schema, so this never drifts from the migrations.
    Runs inside the caller's transaction.
    """
    if not _sqlite(conn):
        yield
        return
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' "
        "ESCAPE '\\'"
    ).fetchall()
    try:
        with objects_dropped(conn, "TRIGGER", rows):
            yield
    finally:
        rebuild(conn)


def _index_triggers(conn: sqlite3.Connection, tables: Sequence[str], suffix: str,
                    present: set[str]) -> list[tuple[str, str]]:
    """(name, sql) of the tables' index triggers ending in `suffix` ("ai", "ad")."""
    rows = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
        f"'%\\_{suffix}' ESCAPE '\\' AND tbl_name IN ({', '.join('?' * len(tables))})",
        tuple(tables)).fetchall()
    return [(n, sql) for n, sql in rows if n[:-3] in present]


def _index_columns(conn: sqlite3.Connection, fts: str) -> str:
    return ", ".join(r[1] for r in conn.execute(f"PRAGMA table_info({fts})"))


@contextmanager
def indexed_at_end(conn: sqlite3.Connection, tables: Sequence[str]) -> Iterator[None]:
    """For many rows inserted into `tables` (of SEARCH_TABLES) inside the caller's
    transaction: their after-insert index triggers are dropped for the block, and at its
    end the rows it added (ids above the largest before it) are indexed with one
    INSERT ... SELECT per index table, then the triggers are created again. 100,000 new
    contacts in a database of 100,000: 2 s instead of 8 s of per-row triggers, and the
    rest of the index is not rebuilt (triggers_suspended rebuilds it all: 3.4 s;
    bench/bench_import.py --strategies). Update and delete triggers stay. When the block
    raises, the caller's transaction is rolled back (which brings the triggers back)."""
    if not _sqlite(conn):
        yield
        return
    lasts = {t: conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]
             for t in tables}
    present = set(_all_fts(conn))
    with objects_dropped(conn, "TRIGGER", _index_triggers(conn, tables, "ai", present),
                         rolled_back=True):
        yield
        for table, last in lasts.items():
            for fts in (fts_table(table), names_fts_table(table)):
                if fts in present:
                    names = _index_columns(conn, fts)
                    conn.execute(f"INSERT INTO {fts}(rowid, {names}) SELECT id, {names} "
                                 f"FROM {table} WHERE id > ?", (last,))


@contextmanager
def unindexed_first(conn: sqlite3.Connection, table: str, ids: str) -> Iterator[None]:
    """For many rows of `table` deleted in the block (the ids the SQL `ids` selects): their
    entries leave the index tables first, with one statement per index table, and the
    after-delete triggers are dropped for the block (per-row triggers cost several times
    more). When the block raises, the caller's transaction is rolled back."""
    if not _sqlite(conn):
        yield
        return
    present = set(_all_fts(conn))
    with objects_dropped(conn, "TRIGGER", _index_triggers(conn, [table], "ad", present),
                         rolled_back=True):
        for fts in (fts_table(table), names_fts_table(table)):
            if fts in present:
                names = _index_columns(conn, fts)
                conn.execute(f"INSERT INTO {fts}({fts}, rowid, {names}) SELECT 'delete', id, "
                             f"{names} FROM {table} WHERE id IN ({ids})")
        yield


def rebuild(conn: sqlite3.Connection) -> None:
    if not _sqlite(conn):
        return
    for fts in _all_fts(conn):
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """Tables whose index disagrees with their content (empty list when all is well)."""
    if not _sqlite(conn):
        return pg_integrity_problems(conn)
    problems = []
    for fts in _all_fts(conn):
        try:
            conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            problems.append(f"{fts}: {exc}")
    return problems


def pg_integrity_problems(conn: Any) -> list[str]:
    """PostgreSQL: every search index is there and valid (an expression index is written
    with its row, so one that exists and is valid is in step)."""
    wanted = [f(t) for t in SEARCH_TABLES for f in (fts_table, names_fts_table)]
    rows = conn.execute(
        "SELECT c.relname, i.indisvalid AND i.indisready FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE c.relnamespace = current_schema()::regnamespace "
        "AND c.relname = ANY(%s)", (wanted,)).fetchall()
    found = dict(rows)
    return [f"{name}: missing" if name not in found else f"{name}: not valid"
            for name in wanted if not found.get(name)]
