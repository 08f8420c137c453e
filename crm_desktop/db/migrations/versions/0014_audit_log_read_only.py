"""The audit log cannot be edited: the database refuses UPDATE and DELETE on audit_log

Nothing in the program changes or removes an audit row (the services only add rows; users
are deactivated, never deleted, so no ON DELETE SET NULL rewrites one): these triggers make
the file itself refuse it, whatever writes to it.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 20:40:00
"""

from crm_desktop.db import dialects

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

MESSAGE = "the audit log cannot be changed"


def upgrade() -> None:
    dialects.audit_log_read_only(MESSAGE)


def downgrade() -> None:
    dialects.drop_audit_log_read_only()
