"""Search: names indexed with each pair of adjacent words joined, and an index of names alone

«محمدرضا», «محمد رضا» and «محمد‌رضا» are one name typed three ways. Names (contacts,
companies, deal titles, ticket subjects) are now indexed by text.normalize.search_name_key,
which adds each pair of adjacent words joined; this recomputes `search_name` of every row
written before (the other search column is unchanged).

A second full-text table per searchable table, `<table>_fts_names`, indexes the names
alone: the global search lists hits in names first, and asking the combined index "which
hits are in the name column" reads every hit ("09" matches 500,000 mobiles and no name).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 07:00:00
"""

import sqlite3

from alembic import op

from crm_desktop.db import dialects

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: table -> the column its search name is made from
NAME_COLUMNS = {"contacts": "full_name", "accounts": "name", "deals": "title",
                "tickets": "subject"}


def _connection() -> sqlite3.Connection:
    conn = op.get_bind().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    return conn


def _recompute_names(conn: sqlite3.Connection, key_function) -> None:
    """Rewrite every search_name with the index triggers dropped, then rebuild the indexes
    once (updating 500,000 rows through the triggers costs ten times as much)."""
    conn.create_function("crm_search_name_key", 1, key_function, deterministic=True)
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' "
        "ESCAPE '\\'").fetchall()
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    for table, column in NAME_COLUMNS.items():
        conn.execute(
            f"UPDATE {table} SET search_name = crm_search_name_key(coalesce({column}, ''))")
    for _name, sql in triggers:
        conn.execute(sql)
    for table in NAME_COLUMNS:
        for fts in (f"{table}_fts", f"{table}_fts_names"):
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (fts,)).fetchone():
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def upgrade() -> None:
    from crm_desktop.text.normalize import search_name_key

    for t in NAME_COLUMNS:
        dialects.create_names_index(t)
    _recompute(search_name_key)


def downgrade() -> None:
    # The old index text: words only, without the joined pairs.
    from crm_desktop.text.normalize import search_key

    for t in NAME_COLUMNS:
        dialects.drop_names_index(t)
    _recompute(search_key)


def _recompute(key_function) -> None:
    if dialects.is_postgresql():
        dialects.recompute_search_names(NAME_COLUMNS, key_function)
    else:
        _recompute_names(_connection(), key_function)
