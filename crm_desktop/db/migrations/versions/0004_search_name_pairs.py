"""Search: names indexed with each pair of adjacent words joined (compound names)

«محمدرضا», «محمد رضا» and «محمد‌رضا» are one name typed three ways. Names (contacts,
companies, deal titles, ticket subjects) are now indexed by text.normalize.search_name_key,
which adds each pair of adjacent words joined; this recomputes `search_name` of every row
written before and rebuilds the full-text index. The other search column is unchanged.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 07:00:00
"""

import sqlite3

from alembic import op

from crm_desktop.db.search_index import triggers_suspended

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: table -> the column its search name is made from
NAME_COLUMNS = {"contacts": "full_name", "accounts": "name", "deals": "title",
                "tickets": "subject"}


def _reindex(key_function) -> None:
    conn = op.get_bind().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    conn.create_function("crm_search_name_key", 1, key_function, deterministic=True)
    # The index triggers are dropped for the update and the index rebuilt once at the end:
    # updating 500,000 rows through the triggers costs ten times as much.
    with triggers_suspended(conn):
        for table, column in NAME_COLUMNS.items():
            conn.execute(
                f"UPDATE {table} SET search_name = crm_search_name_key(coalesce({column}, ''))"
            )


def upgrade() -> None:
    from crm_desktop.text.normalize import search_name_key

    _reindex(search_name_key)


def downgrade() -> None:
    # The old index text: words only, without the joined pairs.
    from crm_desktop.text.normalize import search_key

    _reindex(search_key)
