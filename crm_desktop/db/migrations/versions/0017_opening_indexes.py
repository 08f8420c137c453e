"""Two partial indexes for what the window reads as it opens

- The open activities with a reminder: every 30 seconds, and as the window opens, the
  program asks for the open activities whose reminder has come. SQLite read every open
  activity (the done_at index) and sorted them: 7 ms and 4 MB of page cache at 100,000
  contacts, for no row when nothing has a reminder. Now a seek to the reminders due.
- The live tickets' statuses: the side bar's count of open tickets read every ticket's
  row for its deleted_at (15 ms at 25,000 tickets, on the window's thread, and its pages
  kept in the page cache). Now counted from the index alone.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 02:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

OPEN_REMINDER_SQL = "done_at IS NULL AND reminder_at IS NOT NULL"
LIVE_SQL = "deleted_at IS NULL"


def upgrade() -> None:
    op.create_index("ix_activities_due_reminders", "activities", ["reminder_at", "id"],
                    sqlite_where=sa.text(OPEN_REMINDER_SQL),
                    postgresql_where=sa.text(OPEN_REMINDER_SQL))
    op.create_index("ix_tickets_live_status", "tickets", ["status", "deleted_at"],
                    sqlite_where=sa.text(LIVE_SQL), postgresql_where=sa.text(LIVE_SQL))


def downgrade() -> None:
    op.drop_index("ix_tickets_live_status", table_name="tickets")
    op.drop_index("ix_activities_due_reminders", table_name="activities")
