"""Initial schema: every table, the search index (FTS5) and its triggers

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 13:01:34.779105
"""

import sqlalchemy as sa
from alembic import op

from crm_desktop.db import dialects


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


SEARCH_TABLES = ("contacts", "accounts", "deals", "tickets")


def create_search_index() -> None:
    """The search index over the normalised search columns (db/dialects.py)."""
    for t in SEARCH_TABLES:
        dialects.create_search_index(t)

#: (table, column): expression indexes walked by list pages sorted on a nullable column
SORT_INDEXES = (
    ("accounts", "city"), ("accounts", "industry"), ("contacts", "mobile"),
    ("contacts", "city"), ("contacts", "last_activity_at"), ("deals", "expected_close"),
    ("products", "sku"),
)


#: the contact list's stage sort: lifecycle stages in their natural order
STAGE_RANK = (
    "CASE lifecycle_stage WHEN 'lead' THEN 0 WHEN 'prospect' THEN 1 WHEN 'customer' THEN 2 "
    "WHEN 'loyal' THEN 3 WHEN 'churned' THEN 4 ELSE 5 END"
)


def create_sort_indexes() -> None:
    op.create_index("ix_contacts_stage_rank", "contacts",
                    [sa.text(dialects.index_expression(STAGE_RANK)), "id"],
                    sqlite_where=sa.text("deleted_at IS NULL"))
    for table, column in SORT_INDEXES:
        # lists show live rows only: soft-deleted ones stay out of their indexes
        live = {} if table == "products" else {"sqlite_where": sa.text("deleted_at IS NULL")}
        op.create_index(f"ix_{table}_{column}_sort", table,
                        [*dialects.nullable_sort_columns(table, column), "id"], **live)


def upgrade() -> None:
    dialects.mark_database()
    op.create_table('pipeline_stages',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('probability', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=8), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("outcome IN ('open', 'won', 'lost')", name=op.f('ck_pipeline_stages_outcome_values')),
    sa.CheckConstraint('probability BETWEEN 0 AND 100', name=op.f('ck_pipeline_stages_probability_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pipeline_stages'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('tags',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tags')),
    sa.UniqueConstraint('name', name=op.f('uq_tags_name'))
    )
    op.create_table('users',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=17), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('accounts',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('legal_id', sa.String(length=11), nullable=True),
    sa.Column('economic_code', sa.String(length=14), nullable=True),
    sa.Column('registration_no', sa.String(length=20), nullable=True),
    sa.Column('phone', sa.String(length=16), nullable=True),
    sa.Column('fax', sa.String(length=16), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('website', sa.String(length=200), nullable=True),
    sa.Column('industry', sa.String(length=100), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('postal_code', sa.String(length=10), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('search_name', sa.Text(), nullable=False),
    sa.Column('search_other', sa.Text(), nullable=False),
    sa.Column('sort_key', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_accounts_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_accounts_owner_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts'))
    )
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accounts_city'), ['city'], unique=False)
        batch_op.create_index(batch_op.f('ix_accounts_created_at_id'), ['created_at', 'id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index(batch_op.f('ix_accounts_legal_id'), ['legal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_accounts_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_accounts_sort_key_id'), ['sort_key', 'id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))

    op.create_table('audit_log',
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.BigInteger(), nullable=False),
    sa.Column('action', sa.String(length=15), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_log_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_entity_entity_id_at'), ['entity', 'entity_id', 'at'], unique=False)

    op.create_table('marketing_lists',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=14), nullable=False),
    sa.Column('filter_json', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_marketing_lists_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_marketing_lists_owner_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_marketing_lists'))
    )
    with op.batch_alter_table('marketing_lists', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_marketing_lists_owner_id'), ['owner_id'], unique=False)

    op.create_table('products',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=True),
    sa.Column('unit', sa.String(length=30), nullable=False),
    sa.Column('unit_price_rial', sa.BigInteger(), nullable=False),
    sa.Column('taxable', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('sort_key', sa.String(length=400), nullable=False),
    sa.CheckConstraint('unit_price_rial >= 0', name=op.f('ck_products_price_not_negative')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_products_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('sku', name=op.f('uq_products_sku'))
    )
    op.create_table('campaigns',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('channel', sa.String(length=14), nullable=False),
    sa.Column('status', sa.String(length=17), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('budget_rial', sa.BigInteger(), nullable=False),
    sa.Column('actual_cost_rial', sa.BigInteger(), nullable=False),
    sa.Column('expected_revenue_rial', sa.BigInteger(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('budget_rial >= 0 AND actual_cost_rial >= 0 AND expected_revenue_rial >= 0', name=op.f('ck_campaigns_money_not_negative')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_campaigns_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['list_id'], ['marketing_lists.id'], name=op.f('fk_campaigns_list_id_marketing_lists'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_campaigns_owner_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaigns'))
    )
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaigns_owner_id'), ['owner_id'], unique=False)

    op.create_table('contacts',
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('full_name', sa.String(length=201), nullable=False),
    sa.Column('gender', sa.String(length=19), nullable=False),
    sa.Column('birthday', sa.Date(), nullable=True),
    sa.Column('birth_md', sa.String(length=5), nullable=True),
    sa.Column('mobile', sa.String(length=11), nullable=True),
    sa.Column('mobile2', sa.String(length=11), nullable=True),
    sa.Column('phone', sa.String(length=16), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('national_code', sa.String(length=10), nullable=True),
    sa.Column('job_title', sa.String(length=100), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('postal_code', sa.String(length=10), nullable=True),
    sa.Column('source', sa.String(length=18), nullable=True),
    sa.Column('source_campaign_id', sa.Integer(), nullable=True),
    sa.Column('lifecycle_stage', sa.String(length=16), nullable=False),
    sa.Column('sms_consent', sa.Boolean(), nullable=False),
    sa.Column('email_consent', sa.Boolean(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('last_activity_at', sa.DateTime(), nullable=True),
    sa.Column('account_sort', sa.String(length=400), nullable=False),
    sa.Column('owner_sort', sa.String(length=400), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('search_name', sa.Text(), nullable=False),
    sa.Column('search_other', sa.Text(), nullable=False),
    sa.Column('sort_key', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_contacts_account_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_contacts_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_contacts_owner_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_campaign_id'], ['campaigns.id'], name=op.f('fk_contacts_source_campaign_id_campaigns'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_account_sort_id'), ['account_sort', 'id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index(batch_op.f('ix_contacts_birth_md'), ['birth_md'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_city_sort_key_id'), ['city', 'sort_key', 'id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index(batch_op.f('ix_contacts_created_at_id'), ['created_at', 'id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index(batch_op.f('ix_contacts_lifecycle_stage_sort_key_id'), ['lifecycle_stage', 'sort_key', 'id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index(batch_op.f('ix_contacts_mobile'), ['mobile'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_national_code'), ['national_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_owner_id_sort_key_id'), ['owner_id', 'sort_key', 'id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index(batch_op.f('ix_contacts_owner_sort_id'), ['owner_sort', 'id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index(batch_op.f('ix_contacts_sort_key_id'), ['sort_key', 'id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'))

    op.create_table('campaign_members',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=17), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_campaign_members_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_campaign_members_contact_id_contacts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign_members'))
    )
    with op.batch_alter_table('campaign_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_members_campaign_id_contact_id'), ['campaign_id', 'contact_id'], unique=True)
        batch_op.create_index(batch_op.f('ix_campaign_members_contact_id'), ['contact_id'], unique=False)

    op.create_table('contact_tags',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_contact_tags_contact_id_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tags.id'], name=op.f('fk_contact_tags_tag_id_tags'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('contact_id', 'tag_id', name=op.f('pk_contact_tags'))
    )
    with op.batch_alter_table('contact_tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_tags_tag_id_contact_id'), ['tag_id', 'contact_id'], unique=False)

    op.create_table('deals',
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('amount_rial', sa.BigInteger(), nullable=False),
    sa.Column('stage_id', sa.Integer(), nullable=False),
    sa.Column('stage_changed_at', sa.DateTime(), nullable=False),
    sa.Column('expected_close', sa.Date(), nullable=True),
    sa.Column('source_campaign_id', sa.Integer(), nullable=True),
    sa.Column('lost_reason', sa.String(length=300), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('search_name', sa.Text(), nullable=False),
    sa.Column('search_other', sa.Text(), nullable=False),
    sa.CheckConstraint('amount_rial >= 0', name=op.f('ck_deals_amount_not_negative')),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_deals_account_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_deals_contact_id_contacts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_deals_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_deals_owner_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_campaign_id'], ['campaigns.id'], name=op.f('fk_deals_source_campaign_id_campaigns'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['stage_id'], ['pipeline_stages.id'], name=op.f('fk_deals_stage_id_pipeline_stages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deals'))
    )
    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deals_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deals_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deals_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deals_source_campaign_id'), ['source_campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deals_stage_id_expected_close'), ['stage_id', 'expected_close'], unique=False)

    op.create_table('list_members',
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_list_members_contact_id_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['list_id'], ['marketing_lists.id'], name=op.f('fk_list_members_list_id_marketing_lists'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('list_id', 'contact_id', name=op.f('pk_list_members'))
    )
    with op.batch_alter_table('list_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_list_members_contact_id'), ['contact_id'], unique=False)

    op.create_table('tickets',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=17), nullable=False),
    sa.Column('priority', sa.String(length=14), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=17), nullable=False),
    sa.Column('sla_due_at', sa.DateTime(), nullable=True),
    sa.Column('first_response_at', sa.DateTime(), nullable=True),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=True),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('satisfaction_comment', sa.Text(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('search_name', sa.Text(), nullable=False),
    sa.Column('search_other', sa.Text(), nullable=False),
    sa.CheckConstraint('satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5', name=op.f('ck_tickets_satisfaction_range')),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_tickets_account_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_tickets_assignee_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_tickets_contact_id_contacts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_tickets_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_tickets_owner_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tickets'))
    )
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tickets_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tickets_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tickets_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tickets_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tickets_status_priority'), ['status', 'priority'], unique=False)
        batch_op.create_index(batch_op.f('ix_tickets_year_seq'), ['year', 'seq'], unique=True)

    op.create_table('activities',
    sa.Column('kind', sa.String(length=15), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('duration_minutes', sa.Integer(), nullable=True),
    sa.Column('reminder_at', sa.DateTime(), nullable=True),
    sa.Column('outcome', sa.String(length=300), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('deal_id', sa.Integer(), nullable=True),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('duration_minutes IS NULL OR duration_minutes >= 0', name=op.f('ck_activities_duration')),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_activities_account_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_activities_contact_id_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_activities_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], name=op.f('fk_activities_deal_id_deals'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_activities_owner_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_activities_ticket_id_tickets'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activities_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_contact_id_due_at'), ['contact_id', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_owner_id_done_at_due_at'), ['owner_id', 'done_at', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_reminder_at'), ['reminder_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('deal_stage_changes',
    sa.Column('deal_id', sa.Integer(), nullable=False),
    sa.Column('from_stage_id', sa.Integer(), nullable=True),
    sa.Column('to_stage_id', sa.Integer(), nullable=True),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['changed_by_id'], ['users.id'], name=op.f('fk_deal_stage_changes_changed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], name=op.f('fk_deal_stage_changes_deal_id_deals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['from_stage_id'], ['pipeline_stages.id'], name=op.f('fk_deal_stage_changes_from_stage_id_pipeline_stages'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['to_stage_id'], ['pipeline_stages.id'], name=op.f('fk_deal_stage_changes_to_stage_id_pipeline_stages'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_stage_changes'))
    )
    with op.batch_alter_table('deal_stage_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deal_stage_changes_deal_id'), ['deal_id'], unique=False)

    op.create_table('proformas',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('deal_id', sa.Integer(), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('issue_date', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('vat_rate', sa.String(length=32), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_proformas_account_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_proformas_contact_id_contacts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_proformas_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], name=op.f('fk_proformas_deal_id_deals'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_proformas_owner_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proformas'))
    )
    with op.batch_alter_table('proformas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proformas_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proformas_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proformas_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proformas_issue_date'), ['issue_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_proformas_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proformas_year_seq'), ['year', 'seq'], unique=True)

    op.create_table('ticket_comments',
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('internal', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_ticket_comments_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ticket_comments_ticket_id_tickets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_comments'))
    )
    with op.batch_alter_table('ticket_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_comments_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('proforma_lines',
    sa.Column('proforma_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('quantity', sa.String(length=32), nullable=False),
    sa.Column('unit', sa.String(length=30), nullable=False),
    sa.Column('unit_price_rial', sa.BigInteger(), nullable=False),
    sa.Column('discount_kind', sa.String(length=15), nullable=False),
    sa.Column('discount_value', sa.String(length=32), nullable=False),
    sa.Column('taxable', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('unit_price_rial >= 0', name=op.f('ck_proforma_lines_price_not_negative')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_proforma_lines_product_id_products'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proforma_id'], ['proformas.id'], name=op.f('fk_proforma_lines_proforma_id_proformas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proforma_lines'))
    )
    with op.batch_alter_table('proforma_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proforma_lines_proforma_id'), ['proforma_id'], unique=False)

    create_sort_indexes()
    create_search_index()


def downgrade() -> None:
    for t in SEARCH_TABLES:
        dialects.drop_search_index(t)
    op.drop_index("ix_contacts_stage_rank", table_name="contacts")
    for table, column in SORT_INDEXES:
        op.drop_index(f"ix_{table}_{column}_sort", table_name=table)
    with op.batch_alter_table('proforma_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proforma_lines_proforma_id'))

    op.drop_table('proforma_lines')
    with op.batch_alter_table('ticket_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ticket_comments_ticket_id'))

    op.drop_table('ticket_comments')
    with op.batch_alter_table('proformas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proformas_year_seq'))
        batch_op.drop_index(batch_op.f('ix_proformas_owner_id'))
        batch_op.drop_index(batch_op.f('ix_proformas_issue_date'))
        batch_op.drop_index(batch_op.f('ix_proformas_deal_id'))
        batch_op.drop_index(batch_op.f('ix_proformas_contact_id'))
        batch_op.drop_index(batch_op.f('ix_proformas_account_id'))

    op.drop_table('proformas')
    with op.batch_alter_table('deal_stage_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deal_stage_changes_deal_id'))

    op.drop_table('deal_stage_changes')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activities_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_activities_reminder_at'))
        batch_op.drop_index(batch_op.f('ix_activities_owner_id_done_at_due_at'))
        batch_op.drop_index(batch_op.f('ix_activities_owner_id'))
        batch_op.drop_index(batch_op.f('ix_activities_deal_id'))
        batch_op.drop_index(batch_op.f('ix_activities_contact_id_due_at'))
        batch_op.drop_index(batch_op.f('ix_activities_account_id'))

    op.drop_table('activities')
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tickets_year_seq'))
        batch_op.drop_index(batch_op.f('ix_tickets_status_priority'))
        batch_op.drop_index(batch_op.f('ix_tickets_owner_id'))
        batch_op.drop_index(batch_op.f('ix_tickets_contact_id'))
        batch_op.drop_index(batch_op.f('ix_tickets_assignee_id'))
        batch_op.drop_index(batch_op.f('ix_tickets_account_id'))

    op.drop_table('tickets')
    with op.batch_alter_table('list_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_list_members_contact_id'))

    op.drop_table('list_members')
    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deals_stage_id_expected_close'))
        batch_op.drop_index(batch_op.f('ix_deals_source_campaign_id'))
        batch_op.drop_index(batch_op.f('ix_deals_owner_id'))
        batch_op.drop_index(batch_op.f('ix_deals_contact_id'))
        batch_op.drop_index(batch_op.f('ix_deals_account_id'))

    op.drop_table('deals')
    with op.batch_alter_table('contact_tags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_tags_tag_id_contact_id'))

    op.drop_table('contact_tags')
    with op.batch_alter_table('campaign_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_members_contact_id'))
        batch_op.drop_index(batch_op.f('ix_campaign_members_campaign_id_contact_id'))

    op.drop_table('campaign_members')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_sort_key_id'), sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_contacts_owner_sort_id'), sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_contacts_owner_id_sort_key_id'), sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_contacts_owner_id'))
        batch_op.drop_index(batch_op.f('ix_contacts_national_code'))
        batch_op.drop_index(batch_op.f('ix_contacts_mobile'))
        batch_op.drop_index(batch_op.f('ix_contacts_lifecycle_stage_sort_key_id'), sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_contacts_created_at_id'), sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_contacts_city_sort_key_id'), sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_contacts_birth_md'))
        batch_op.drop_index(batch_op.f('ix_contacts_account_sort_id'), sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_contacts_account_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaigns_owner_id'))

    op.drop_table('campaigns')
    op.drop_table('products')
    with op.batch_alter_table('marketing_lists', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_marketing_lists_owner_id'))

    op.drop_table('marketing_lists')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_entity_entity_id_at'))

    op.drop_table('audit_log')
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accounts_sort_key_id'), sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_accounts_owner_id'))
        batch_op.drop_index(batch_op.f('ix_accounts_legal_id'))
        batch_op.drop_index(batch_op.f('ix_accounts_created_at_id'), sqlite_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_accounts_city'))

    op.drop_table('accounts')
    op.drop_table('users')
    op.drop_table('tags')
    op.drop_table('settings')
    op.drop_table('pipeline_stages')
