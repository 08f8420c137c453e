"""A partial index of repeating activities (the calendar's and Today's occurrence query)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 06:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_activities_repeating", "activities", ["due_at"],
                    sqlite_where=sa.text("recurrence IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_activities_repeating", table_name="activities")
