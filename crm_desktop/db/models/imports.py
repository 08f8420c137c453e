"""Import batches: one row per import run, and what each run did (so that it can be undone
as a whole: services/imports/undo.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.db.models.base import Base, IdColumn, IdMixin
from crm_desktop.db.types import utcnow


class ImportBatch(IdMixin, Base):
    """One import: what was read, who ran it, how many records it created and updated,
    and whether it was undone."""

    __tablename__ = "import_batches"

    #: contacts, companies or products (services.imports.model.IMPORT_KINDS)
    kind: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(255))
    sheet: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("users.id", ondelete="SET NULL")
    )
    #: rows that created a record / updated one (ImportPlan.counts: new, updates)
    created: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    undone_at: Mapped[datetime | None] = mapped_column()
    undone_by_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("users.id", ondelete="SET NULL")
    )


class ImportChange(IdMixin, Base):
    """What one batch did to one record (bookkeeping for undo, not audited: the audit log
    has its own rows for every change).

    action "create": records the batch made, ids entity_id to ref_id (consecutive ids;
    ref_id NULL: one record), of contacts, accounts, products or tags (accounts in a
    contacts batch are companies named in the company column). What was written is the
    records' audit "create" rows.
    action "update": fields the batch changed; old_values / new_values = JSON objects of
    those fields before and after.
    action "add": an association row the batch added: entity "contact_tags" (entity_id =
    the contact, ref_id = the tag) or "list_members" (entity_id = the contact, ref_id =
    the list).
    """

    __tablename__ = "import_changes"

    batch_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("import_batches.id", ondelete="CASCADE")
    )
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column()
    action: Mapped[str] = mapped_column(String(10))
    ref_id: Mapped[int | None] = mapped_column()
    old_values: Mapped[str | None] = mapped_column(Text)
    new_values: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index(None, "batch_id", "entity", "action"),)
