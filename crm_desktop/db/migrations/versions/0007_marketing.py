"""Campaign targets (lists or RFM segments), RFM figures per contact, campaign messages
and the outbox

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 08:44:02

A campaign used to have one list (campaigns.list_id); it now has any number of targets,
each a list or an RFM segment. The upgrade copies every campaign's list into its targets
(campaigns.list_id stays, unused by the program, so that a downgrade loses nothing).
"""

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.types import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('campaign_messages',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=13), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_campaign_messages_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_campaign_messages_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign_messages'))
    )
    with op.batch_alter_table('campaign_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_messages_campaign_id'), ['campaign_id'], unique=False)

    op.create_table('campaign_targets',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=True),
    sa.Column('segment', sa.String(length=24), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('(list_id IS NULL) <> (segment IS NULL)', name=op.f('ck_campaign_targets_list_or_segment')),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_campaign_targets_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['list_id'], ['marketing_lists.id'], name=op.f('fk_campaign_targets_list_id_marketing_lists'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign_targets'))
    )
    with op.batch_alter_table('campaign_targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_targets_list_id'), ['list_id'], unique=False)
        batch_op.create_index('uq_campaign_targets_list', ['campaign_id', 'list_id'], unique=True, sqlite_where=sa.text('list_id IS NOT NULL'))
        batch_op.create_index('uq_campaign_targets_segment', ['campaign_id', 'segment'], unique=True, sqlite_where=sa.text('segment IS NOT NULL'))
    op.execute("INSERT INTO campaign_targets (campaign_id, list_id) "
               "SELECT id, list_id FROM campaigns WHERE list_id IS NOT NULL")

    op.create_table('contact_rfm',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('recency_days', sa.BigInteger(), nullable=True),
    sa.Column('frequency', sa.BigInteger(), nullable=False),
    sa.Column('monetary_rial', sa.BigInteger(), nullable=False),
    sa.Column('r_score', sa.Integer(), nullable=True),
    sa.Column('f_score', sa.Integer(), nullable=True),
    sa.Column('m_score', sa.Integer(), nullable=True),
    sa.Column('segment', sa.String(length=24), nullable=False),
    sa.Column('computed_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_contact_rfm_contact_id_contacts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('contact_id', name=op.f('pk_contact_rfm'))
    )
    with op.batch_alter_table('contact_rfm', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_rfm_segment_contact_id'), ['segment', 'contact_id'], unique=False)

    op.create_table('outbox',
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=13), nullable=False),
    sa.Column('recipient', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=17), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('next_attempt_at', UTCDateTime(), nullable=True),
    sa.Column('sent_at', UTCDateTime(), nullable=True),
    sa.Column('provider_ref', sa.String(length=100), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_outbox_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_outbox_contact_id_contacts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['message_id'], ['campaign_messages.id'], name=op.f('fk_outbox_message_id_campaign_messages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_campaign_id_status'), ['campaign_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_message_id_contact_id'), ['message_id', 'contact_id'], unique=True)
        batch_op.create_index(batch_op.f('ix_outbox_status_next_attempt_at'), ['status', 'next_attempt_at'], unique=False)



def downgrade() -> None:
    # the old schema has one list per campaign: the first of its list targets
    op.execute("UPDATE campaigns SET list_id = (SELECT min(t.list_id) FROM campaign_targets t "
               "WHERE t.campaign_id = campaigns.id)")
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_status_next_attempt_at'))
        batch_op.drop_index(batch_op.f('ix_outbox_message_id_contact_id'))
        batch_op.drop_index(batch_op.f('ix_outbox_contact_id'))
        batch_op.drop_index(batch_op.f('ix_outbox_campaign_id_status'))

    op.drop_table('outbox')
    with op.batch_alter_table('contact_rfm', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_rfm_segment_contact_id'))

    op.drop_table('contact_rfm')
    with op.batch_alter_table('campaign_targets', schema=None) as batch_op:
        batch_op.drop_index('uq_campaign_targets_segment', sqlite_where=sa.text('segment IS NOT NULL'))
        batch_op.drop_index('uq_campaign_targets_list', sqlite_where=sa.text('list_id IS NOT NULL'))
        batch_op.drop_index(batch_op.f('ix_campaign_targets_list_id'))

    op.drop_table('campaign_targets')
    with op.batch_alter_table('campaign_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_messages_campaign_id'))

    op.drop_table('campaign_messages')
