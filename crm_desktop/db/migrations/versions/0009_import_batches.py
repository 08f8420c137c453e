"""Import batches and what each batch did (for undoing the last import)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 09:00:00
"""

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.types import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('import_batches',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('sheet', sa.String(length=255), nullable=True),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created', sa.BigInteger(), nullable=False),
    sa.Column('updated', sa.BigInteger(), nullable=False),
    sa.Column('undone_at', UTCDateTime(), nullable=True),
    sa.Column('undone_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['undone_by_id'], ['users.id'], name=op.f('fk_import_batches_undone_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_import_batches_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batches'))
    )
    op.create_table('import_changes',
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.BigInteger(), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('ref_id', sa.BigInteger(), nullable=True),
    sa.Column('old_values', sa.Text(), nullable=True),
    sa.Column('new_values', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batches.id'], name=op.f('fk_import_changes_batch_id_import_batches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_changes'))
    )
    with op.batch_alter_table('import_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_changes_batch_id_entity_action'), ['batch_id', 'entity', 'action'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('import_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_changes_batch_id_entity_action'))

    op.drop_table('import_changes')
    op.drop_table('import_batches')
