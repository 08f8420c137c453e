"""Alembic environment: always run from crm_desktop.db.migrate with a live connection."""

from alembic import context

from crm_desktop.db.dialects import finish_upgrade
from crm_desktop.db.models import Base
from crm_desktop.db.search_index import is_index_object

config = context.config
connection = config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=lambda obj, name, type_, reflected, compare_to: not is_index_object(name),
)
with context.begin_transaction():
    context.run_migrations()
    finish_upgrade(connection)
