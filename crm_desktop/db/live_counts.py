"""How many live (not deleted) rows the large lists have, kept by the database itself.

A list opened without a filter or a search shows its number of rows first: counting them
is a scan of 100,000 contacts (3 ms; 15 ms at 500,000), the largest part of opening the
contact list and of every refresh after a save. The table `live_counts` holds one row
per counted table, and triggers on that table add one for a row inserted live, take one
away for a live row deleted, and follow a row into the Trash and out of it (its
`deleted_at`). They run inside the writing transaction, whatever writes: the services,
an import, a merge, the command line, a script. A bulk load pays about 1.3 microseconds
a row for it (500,000 contacts: 0.7 s).

SQLite only. On PostgreSQL every update of the one counter row in a transaction makes a
new version of it that the next update walks to: 20,000 rows copied in one transaction
took 2 s and 100,000 did not finish in a minute (quadratic), so a server database counts
its rows as before (the services ask `Database.is_sqlite`).

Like the search index, `live_counts` is derived data, not in the ORM metadata (db/
search_index.is_index_object): a copy of a database (`migrate`) does not copy it, and the
target file's triggers count the rows copied in; `check` says when it differs from a
count of the rows (`drift`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TABLE = "live_counts"
#: the tables counted (each has a `deleted_at`: the Trash)
COUNTED = ("contacts", "accounts")


def create_sql(dialect: str, tables: tuple[str, ...] = COUNTED) -> list[str]:
    """The statements that make `live_counts`, fill it from the rows and make the
    triggers that keep it (SQLite; none on a server: see the module's text)."""
    if dialect != "sqlite":
        return []
    out = [f"CREATE TABLE {TABLE} (name VARCHAR(64) NOT NULL PRIMARY KEY, "
           "live BIGINT NOT NULL)"]
    for table in tables:
        out.append(f"INSERT INTO {TABLE} (name, live) SELECT '{table}', count(*) FROM {table} "
                   "WHERE deleted_at IS NULL")
        change = f"UPDATE {TABLE} SET live = live + {{}} WHERE name = '{table}'; END"
        out += [
            f"CREATE TRIGGER {table}_live_count_insert AFTER INSERT ON {table} "
            f"WHEN NEW.deleted_at IS NULL BEGIN {change.format('1')}",
            f"CREATE TRIGGER {table}_live_count_delete AFTER DELETE ON {table} "
            f"WHEN OLD.deleted_at IS NULL BEGIN {change.format('-1')}",
            f"CREATE TRIGGER {table}_live_count_trash AFTER UPDATE OF deleted_at ON {table} "
            "WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN "
            + change.format("(CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END)"),
        ]
    return out


def drop_sql(dialect: str, tables: tuple[str, ...] = COUNTED) -> list[str]:
    if dialect != "sqlite":
        return []
    return [*(f"DROP TRIGGER IF EXISTS {table}_live_count_{suffix}"
              for table in tables for suffix in ("insert", "delete", "trash")),
            f"DROP TABLE IF EXISTS {TABLE}"]


def read_sql() -> str:
    """The live count of one table (a `?` placeholder: Database.read_rows)."""
    return f"SELECT live FROM {TABLE} WHERE name = ?"


def drift(fetch: Any, counted: Mapping[str, int] | None = None) -> list[str]:
    """What differs between the counts kept and the rows: one sentence per table, none
    when all agree. `fetch(sql)` returns the rows of one statement; `counted` (table ->
    live rows) spares the counting when the caller has counted them already."""
    kept = dict(fetch(f"SELECT name, live FROM {TABLE}"))
    out = []
    for table in COUNTED:
        rows = counted[table] if counted is not None and table in counted else fetch(
            f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL")[0][0]
        if table not in kept:
            out.append(f"{table}: no live count kept")
        elif kept[table] != rows:
            out.append(f"{table}: live count kept {kept[table]}, rows {rows}")
    return out
