"""Sign-in attempts on users, the record of backups, the audit viewer's indexes

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 20:20:00
"""

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.types import UTCDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("failed_logins", sa.BigInteger(), server_default="0",
                                     nullable=False))
    op.add_column("users", sa.Column("locked_until", UTCDateTime(), nullable=True))
    op.add_column("users", sa.Column("last_login_at", UTCDateTime(), nullable=True))
    op.create_table(
        "backups",
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("encrypted", sa.Boolean(), nullable=False),
        sa.Column("schema_revision", sa.String(length=32), nullable=True),
        sa.Column("counts_json", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_backups_user_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_backups")),
    )
    op.create_index(op.f("ix_backups_at"), "backups", ["at"])
    op.create_index(op.f("ix_audit_log_at_id"), "audit_log", ["at", "id"])
    op.create_index(op.f("ix_audit_log_user_id_at"), "audit_log", ["user_id", "at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_log_user_id_at"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_at_id"), table_name="audit_log")
    op.drop_index(op.f("ix_backups_at"), table_name="backups")
    op.drop_table("backups")
    for column in ("last_login_at", "locked_until", "failed_logins"):
        op.execute(f"ALTER TABLE users DROP COLUMN {column}")
