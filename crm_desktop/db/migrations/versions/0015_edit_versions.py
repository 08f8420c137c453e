"""Records edited in a form carry a version: a save names the version it was read at

Two desks editing the same record: the second save is refused instead of silently
overwriting the first (optimistic locking). Every write of one of these rows adds one to
its `version` (SQLAlchemy's version counter: UPDATE ... WHERE version = :old); a form
sends the version it loaded, and a save against an older one is an EditConflict.

ADD COLUMN with a server default (no table rebuild, unlike a batch copy) works on SQLite and PostgreSQL alike; existing
rows start at 1.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 23:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

#: the tables whose records a user edits in a form (keep in step with db/models:
#: the models with VersionMixin)
VERSIONED = ("users", "accounts", "contacts", "products", "pipeline_stages", "deals",
             "proformas", "activities", "tickets", "marketing_lists", "campaigns",
             "automation_rules")


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.BigInteger(), server_default="1",
                                       nullable=False))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN on both (SQLite 3.35+): a batch rebuild of contacts
    # or accounts would drop their search triggers
    for table in reversed(VERSIONED):
        op.drop_column(table, "version")
