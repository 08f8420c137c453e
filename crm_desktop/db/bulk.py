"""Bulk loads: schema objects dropped for the load and created again after it, from the SQL
the schema itself holds (so this never drifts from the migrations). Inside the caller's
transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any


@contextmanager
def objects_dropped(conn: Any, kind: str, rows: Sequence[tuple[str, str]], *,
                    rolled_back: bool = False) -> Iterator[None]:
    """Drop the (name, sql) objects of `kind` ("INDEX", "TRIGGER"), then create them again
    from their SQL, whatever happens in between. With `rolled_back` (the caller's
    transaction is rolled back when the block raises, which brings them back) they are
    created again only when the block succeeds: a cancelled load does not wait for its
    indexes to be built only to drop them with the rollback."""
    for name, _sql in rows:
        conn.execute(f'DROP {kind} "{name}"')
    try:
        yield
    except BaseException:
        if not rolled_back:
            for _name, sql in rows:
                conn.execute(sql)
        raise
    for _name, sql in rows:
        conn.execute(sql)


@contextmanager
def indexes_suspended(conn: Any, tables: Sequence[str], *,
                      rolled_back: bool = False) -> Iterator[None]:
    """Drop the tables' secondary indexes for a bulk load and create them again after it
    (one sort per index instead of a B-tree insert per row: 500,000 contacts in seconds,
    not minutes); unique indexes are kept (they check the load). `rolled_back`: see
    objects_dropped."""
    if not isinstance(conn, sqlite3.Connection):  # PostgreSQL (psycopg)
        rows = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = ANY(%s) AND indexdef NOT LIKE 'CREATE UNIQUE%%'",
            (list(tables),)).fetchall()
        with objects_dropped(conn, "INDEX", rows, rolled_back=rolled_back):
            yield
        return
    marks = ", ".join("?" * len(tables))
    rows = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}) AND sql NOT LIKE 'CREATE UNIQUE%'", tuple(tables)
    ).fetchall()
    with objects_dropped(conn, "INDEX", rows, rolled_back=rolled_back):
        yield
