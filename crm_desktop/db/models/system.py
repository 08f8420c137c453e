"""The audit log and key/value settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.db.models.base import Base, IdColumn, IdMixin
from crm_desktop.db.types import enum_column, utcnow
from crm_desktop.domain.enums import AuditAction


class AuditLog(IdMixin, Base):
    """Who changed what, when: one row per changed field (one row for create/delete)."""

    __tablename__ = "audit_log"

    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("users.id", ondelete="SET NULL")
    )
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column()
    action: Mapped[str] = mapped_column(enum_column(AuditAction))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index(None, "entity", "entity_id", "at"),)


class Setting(Base):
    """Settings as JSON values: company profile, VAT rate, display unit, ..."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
