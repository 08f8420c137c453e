"""The audit log and key/value settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.db.models.base import Base, IdColumn, IdMixin
from crm_desktop.db.types import utcnow


class AuditLog(IdMixin, Base):
    """Who changed what, when: one row per changed field (one row for create/delete)."""

    __tablename__ = "audit_log"

    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("users.id", ondelete="SET NULL")
    )
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column()
    # AuditAction values, at most 15 characters (the width the column was created with)
    action: Mapped[str] = mapped_column(String(15))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index(None, "entity", "entity_id", "at"),
        Index(None, "at", "id"),  # the audit viewer, newest first
        Index(None, "user_id", "at"),  # the audit viewer filtered by user
    )


class Setting(Base):
    """Settings as JSON values: company profile, VAT rate, display unit, ..."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class BackupRecord(IdMixin, Base):
    """One backup written (automatic on exit or daily, by hand, or from the command line)
    and what its verification found: the status bar's warning reads the newest good one."""

    __tablename__ = "backups"

    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(16))  # exit | daily | manual | cli
    path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    ok: Mapped[bool] = mapped_column(Boolean, default=False)
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    schema_revision: Mapped[str | None] = mapped_column(String(32))
    counts_json: Mapped[str] = mapped_column(Text, default="{}")  # table -> rows verified
    detail: Mapped[str] = mapped_column(Text, default="")  # why verification failed
    user_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("users.id", ondelete="SET NULL")
    )
