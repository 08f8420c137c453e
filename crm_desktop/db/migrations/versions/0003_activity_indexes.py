"""Indexes for activity lists at scale: the "due" sort, open/overdue lists, due ranges

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 14:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DUE = "coalesce(due_at, created_at)"


def upgrade() -> None:
    op.create_index("ix_activities_due_sort", "activities", [sa.text(DUE), "id"])
    op.create_index("ix_activities_done_due", "activities", ["done_at", sa.text(DUE)])
    op.create_index("ix_activities_due_at", "activities", ["due_at"])
    op.create_index("ix_activities_done_at_due_at", "activities", ["done_at", "due_at"])
    op.create_index("ix_activities_created_at_id", "activities", ["created_at", "id"])
    op.create_index("ix_activities_subject_id", "activities", ["subject", "id"])


def downgrade() -> None:
    for name in ("ix_activities_subject_id", "ix_activities_created_at_id",
                 "ix_activities_done_at_due_at", "ix_activities_due_at",
                 "ix_activities_done_due", "ix_activities_due_sort"):
        op.drop_index(name, table_name="activities")
