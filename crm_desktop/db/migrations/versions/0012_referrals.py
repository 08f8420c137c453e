"""Who referred a contact (the club's referral points)

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 20:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain column, no foreign key: see the model (crm_desktop/db/models/people.py)
    op.add_column("contacts", sa.Column("referred_by_id", sa.Integer(), nullable=True))
    op.create_index("ix_contacts_referred_by_id", "contacts", ["referred_by_id"])


def downgrade() -> None:
    op.drop_index("ix_contacts_referred_by_id", table_name="contacts")
    op.execute("ALTER TABLE contacts DROP COLUMN referred_by_id")
