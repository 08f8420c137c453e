"""The large lists' numbers of live rows, kept by triggers (db/live_counts.py)

A list opened without a filter shows its count without counting 100,000 rows: the
database keeps the number of live contacts and companies in `live_counts` as rows are
added, deleted, moved to the Trash and restored. SQLite only (on PostgreSQL the one
counter row updated per row written is quadratic in a large transaction: see the module).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 02:00:00
"""

from alembic import op

from crm_desktop.db import live_counts

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for sql in live_counts.create_sql(op.get_bind().dialect.name):
        op.execute(sql)


def downgrade() -> None:
    for sql in live_counts.drop_sql(op.get_bind().dialect.name):
        op.execute(sql)
