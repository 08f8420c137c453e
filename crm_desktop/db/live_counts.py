"""How many live (not deleted) rows the large lists have, kept by the database itself.

A list opened without a filter or a search shows its number of rows first: counting them
is a scan of 100,000 contacts (3 ms; 15 ms at 500,000, 27 ms on a server), the largest
part of opening the contact list and of every refresh after a save. The table
`live_counts` holds one row per counted table, and triggers on that table add one for a
row inserted live, take one away for a live row deleted, and follow a row into the Trash
and out of it (its `deleted_at`). They run inside the writing transaction, whatever
writes: the services, an import, a merge, the command line, a restore of older rows.

Like the search index, `live_counts` is derived data, not in the ORM metadata (db/
search_index.is_index_object): a copy of a database (`migrate`) does not copy it, the
target's triggers count the rows copied in (COPY fires them on a server), as they count
a bulk load's (the demo, an import: about 1.3 microseconds a row); `check` says when it
differs from a count of the rows (`drift`).
"""

from __future__ import annotations

from typing import Any

TABLE = "live_counts"
#: the tables counted (each has a `deleted_at`: the Trash)
COUNTED = ("contacts", "accounts")
#: the PL/pgSQL function of the triggers on a server
PG_FUNCTION = "crm_live_count"


def create_sql(dialect: str, tables: tuple[str, ...] = COUNTED) -> list[str]:
    """The statements that make `live_counts`, fill it from the rows and make the
    triggers that keep it."""
    out = [f"CREATE TABLE {TABLE} (name VARCHAR(64) NOT NULL PRIMARY KEY, "
           "live BIGINT NOT NULL)"]
    if dialect == "postgresql":
        out.append(
            f"CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql "
            "AS $$ BEGIN "
            "IF TG_OP = 'INSERT' THEN "
            f"IF NEW.deleted_at IS NULL THEN UPDATE {TABLE} SET live = live + 1 "
            "WHERE name = TG_TABLE_NAME; END IF; RETURN NEW; "
            "ELSIF TG_OP = 'DELETE' THEN "
            f"IF OLD.deleted_at IS NULL THEN UPDATE {TABLE} SET live = live - 1 "
            "WHERE name = TG_TABLE_NAME; END IF; RETURN OLD; "
            "END IF; "
            "IF (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) THEN "
            f"UPDATE {TABLE} SET live = live + CASE WHEN NEW.deleted_at IS NULL THEN 1 "
            "ELSE -1 END WHERE name = TG_TABLE_NAME; END IF; RETURN NEW; END $$")
    for table in tables:
        out.append(f"INSERT INTO {TABLE} (name, live) SELECT '{table}', count(*) FROM {table} "
                   "WHERE deleted_at IS NULL")
        if dialect == "postgresql":
            out.append(f"CREATE TRIGGER {table}_live_count AFTER INSERT OR DELETE OR UPDATE "
                       f"OF deleted_at ON {table} FOR EACH ROW EXECUTE FUNCTION "
                       f"{PG_FUNCTION}()")
            continue
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
    out = []
    for table in tables:
        if dialect == "postgresql":
            out.append(f"DROP TRIGGER IF EXISTS {table}_live_count ON {table}")
        else:
            out += [f"DROP TRIGGER IF EXISTS {table}_live_count_{suffix}"
                    for suffix in ("insert", "delete", "trash")]
    if dialect == "postgresql":
        out.append(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}()")
    out.append(f"DROP TABLE IF EXISTS {TABLE}")
    return out


def read_sql() -> str:
    """The live count of one table (a `?` placeholder: Database.read_rows)."""
    return f"SELECT live FROM {TABLE} WHERE name = ?"


def drift(fetch: Any) -> list[str]:
    """What differs between the counts kept and the rows: one sentence per table, none
    when all agree. `fetch(sql)` returns the rows of one statement."""
    kept = dict(fetch(f"SELECT name, live FROM {TABLE}"))
    out = []
    for table in COUNTED:
        rows = fetch(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL")[0][0]
        if table not in kept:
            out.append(f"{table}: no live count kept")
        elif kept[table] != rows:
            out.append(f"{table}: live count kept {kept[table]}, rows {rows}")
    return out
