"""The customer club: the points ledger, members' balances and tiers, tier changes

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 17:40:00
"""

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.types import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('club_ledger',
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('points', sa.BigInteger(), nullable=False),
    sa.Column('remaining', sa.BigInteger(), nullable=False),
    sa.Column('expires_at', UTCDateTime(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=True),
    sa.Column('source_id', sa.BigInteger(), nullable=True),
    sa.Column('basis_rial', sa.BigInteger(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_club_ledger_contact_id_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_club_ledger_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_club_ledger'))
    )
    with op.batch_alter_table('club_ledger', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_club_ledger_contact_id_at_id'), ['contact_id', 'at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_club_ledger_at_id'), ['at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_club_ledger_source_source_id'), ['source', 'source_id'], unique=False)
        batch_op.create_index('ix_club_ledger_open_lots', ['expires_at'], unique=False, sqlite_where=sa.text('remaining > 0 AND expires_at IS NOT NULL'))

    op.create_table('contact_club',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.Column('spend_12m', sa.BigInteger(), nullable=False),
    sa.Column('tier', sa.String(length=24), nullable=True),
    sa.Column('computed_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_contact_club_contact_id_contacts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('contact_id', name=op.f('pk_contact_club'))
    )
    with op.batch_alter_table('contact_club', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_club_tier_contact_id'), ['tier', 'contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_club_balance_contact_id'), ['balance', 'contact_id'], unique=False)

    op.create_table('club_tier_changes',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.Column('from_tier', sa.String(length=24), nullable=True),
    sa.Column('to_tier', sa.String(length=24), nullable=True),
    sa.Column('up', sa.Boolean(), nullable=False),
    sa.Column('points', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_club_tier_changes_contact_id_contacts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_club_tier_changes'))
    )
    with op.batch_alter_table('club_tier_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_club_tier_changes_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_club_tier_changes_at_id'), ['at', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('club_tier_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_club_tier_changes_at_id'))
        batch_op.drop_index(batch_op.f('ix_club_tier_changes_contact_id'))
    op.drop_table('club_tier_changes')
    with op.batch_alter_table('contact_club', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_club_balance_contact_id'))
        batch_op.drop_index(batch_op.f('ix_contact_club_tier_contact_id'))
    op.drop_table('contact_club')
    with op.batch_alter_table('club_ledger', schema=None) as batch_op:
        batch_op.drop_index('ix_club_ledger_open_lots')
        batch_op.drop_index(batch_op.f('ix_club_ledger_source_source_id'))
        batch_op.drop_index(batch_op.f('ix_club_ledger_at_id'))
        batch_op.drop_index(batch_op.f('ix_club_ledger_contact_id_at_id'))
    op.drop_table('club_ledger')
