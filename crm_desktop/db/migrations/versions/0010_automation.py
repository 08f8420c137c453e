"""Automation rules, their log and runs; rule messages in the outbox; a deal's satisfaction
score; when a contact became a customer

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 17:22:34
"""

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.types import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('automation_rules',
    sa.Column('kind', sa.String(length=28), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('enabled_at', UTCDateTime(), nullable=True),
    sa.Column('settings_json', sa.Text(), nullable=False),
    sa.Column('conditions_json', sa.Text(), nullable=True),
    sa.Column('last_run_at', UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_automation_rules_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_automation_rules'))
    )
    op.create_table('automation_runs',
    sa.Column('started_at', UTCDateTime(), nullable=False),
    sa.Column('finished_at', UTCDateTime(), nullable=True),
    sa.Column('trigger', sa.String(length=15), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('actions', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_automation_runs_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_automation_runs'))
    )
    op.create_table('automation_log',
    sa.Column('rule_id', sa.Integer(), nullable=True),
    sa.Column('rule_name', sa.String(length=200), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('entity', sa.String(length=40), nullable=True),
    sa.Column('entity_id', sa.BigInteger(), nullable=True),
    sa.Column('action', sa.String(length=15), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('due_at', UTCDateTime(), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.Column('outbox_id', sa.Integer(), nullable=True),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('reply_score', sa.Integer(), nullable=True),
    sa.Column('replied_at', UTCDateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_automation_log_activity_id_activities'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_automation_log_contact_id_contacts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['outbox_id'], ['outbox.id'], name=op.f('fk_automation_log_outbox_id_outbox'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['rule_id'], ['automation_rules.id'], name=op.f('fk_automation_log_rule_id_automation_rules'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['run_id'], ['automation_runs.id'], name=op.f('fk_automation_log_run_id_automation_runs'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_automation_log'))
    )
    with op.batch_alter_table('automation_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_automation_log_at_id'), ['at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_automation_log_contact_id_at'), ['contact_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_automation_log_entity_entity_id'), ['entity', 'entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_automation_log_rule_id_key'), ['rule_id', 'key'], unique=True)

    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('customer_since', UTCDateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_contacts_customer_since'), ['customer_since'], unique=False)

    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('satisfaction', sa.Integer(), nullable=True))

    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rule_id', sa.Integer(), nullable=True))
        batch_op.alter_column('message_id',
               existing_type=sa.INTEGER(),
               nullable=True)
        batch_op.alter_column('campaign_id',
               existing_type=sa.INTEGER(),
               nullable=True)
        batch_op.create_index(batch_op.f('ix_outbox_rule_id'), ['rule_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_outbox_rule_id_automation_rules'), 'automation_rules', ['rule_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_outbox_rule_id_automation_rules'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_outbox_rule_id'))
        batch_op.alter_column('campaign_id',
               existing_type=sa.INTEGER(),
               nullable=False)
        batch_op.alter_column('message_id',
               existing_type=sa.INTEGER(),
               nullable=False)
        batch_op.drop_column('rule_id')

    # plain ALTER TABLE ... DROP COLUMN: a batch copy of these tables would lose their
    # expression indexes and search triggers, which SQLite's reflection cannot see
    op.drop_index('ix_contacts_customer_since', table_name='contacts')
    op.execute('ALTER TABLE deals DROP COLUMN satisfaction')
    op.execute('ALTER TABLE contacts DROP COLUMN customer_since')

    with op.batch_alter_table('automation_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_automation_log_rule_id_key'))
        batch_op.drop_index(batch_op.f('ix_automation_log_entity_entity_id'))
        batch_op.drop_index(batch_op.f('ix_automation_log_contact_id_at'))
        batch_op.drop_index(batch_op.f('ix_automation_log_at_id'))

    op.drop_table('automation_log')
    op.drop_table('automation_runs')
    op.drop_table('automation_rules')
