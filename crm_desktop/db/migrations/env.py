"""Alembic environment: always run from crm_desktop.db.migrate with a live connection."""

import warnings

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
with context.begin_transaction(), warnings.catch_warnings():
    # A batch step reflects the table it alters and those its foreign keys point at;
    # SQLAlchemy cannot reflect expression indexes (the list sorts) and says so for each.
    # The one step that rebuilds a table having some puts them back itself (0006); the
    # others add columns in place or rebuild tables without any. The warning was only
    # noise on the user's terminal (`crm-desktop demo` printed six of them).
    warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
    context.run_migrations()
    finish_upgrade(connection)
