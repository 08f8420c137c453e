"""Recurring activities: recurrence, recur_every, recur_until and skipped occurrences

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 14:30:00
"""

import warnings

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The batch copy reflects the tables activities refers to; their expression indexes
    # (list sorts) cannot be reflected and do not matter to the copy.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection")
        with op.batch_alter_table("activities", schema=None) as batch_op:
            batch_op.add_column(sa.Column("recurrence", sa.String(length=8), nullable=True))
            batch_op.add_column(
                sa.Column("recur_every", sa.Integer(), nullable=False, server_default="1")
            )
            batch_op.add_column(sa.Column("recur_until", sa.Date(), nullable=True))
            batch_op.create_check_constraint(
                op.f("ck_activities_recurrence_values"),
                "recurrence IS NULL OR recurrence IN ('daily', 'weekly', 'monthly')",
            )
            batch_op.create_check_constraint(
                op.f("ck_activities_recur_every_range"), "recur_every BETWEEN 1 AND 365"
            )

    op.create_table(
        "activity_exceptions",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("occurs_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activities.id"],
            name=op.f("fk_activity_exceptions_activity_id_activities"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "occurs_on", name=op.f("pk_activity_exceptions")),
    )


def downgrade() -> None:
    op.drop_table("activity_exceptions")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection")
        with op.batch_alter_table("activities", schema=None) as batch_op:
            batch_op.drop_constraint(op.f("ck_activities_recur_every_range"), type_="check")
            batch_op.drop_constraint(op.f("ck_activities_recurrence_values"), type_="check")
            batch_op.drop_column("recur_until")
            batch_op.drop_column("recur_every")
            batch_op.drop_column("recurrence")
