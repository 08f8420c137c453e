"""Products, the pipeline, deals and proforma invoices."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.db.models.base import (
    Base,
    CreatorMixin,
    IdColumn,
    IdMixin,
    OwnedMixin,
    SearchMixin,
    SoftDeleteMixin,
    SortKeyMixin,
    TimestampMixin,
    VersionMixin,
    sort_index,
)
from crm_desktop.db.types import DecimalText, enum_column, utcnow
from crm_desktop.domain.enums import STAGE_LOST as STAGE_LOST  # re-exported by db.models
from crm_desktop.domain.enums import STAGE_OPEN as STAGE_OPEN
from crm_desktop.domain.enums import STAGE_WON as STAGE_WON
from crm_desktop.domain.enums import DiscountKind, ProformaStatus


class Product(IdMixin, TimestampMixin, CreatorMixin, SortKeyMixin, VersionMixin, Base):
    __tablename__ = "products"

    name: Mapped[str] = mapped_column(String(200))
    sku: Mapped[str | None] = mapped_column(String(64), unique=True)
    unit: Mapped[str] = mapped_column(String(30), default="")
    unit_price_rial: Mapped[int] = mapped_column(default=0)
    taxable: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    description: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint("unit_price_rial >= 0", name="price_not_negative"),
        sort_index("products", "sku"),
    )


class PipelineStage(IdMixin, TimestampMixin, VersionMixin, Base):
    __tablename__ = "pipeline_stages"

    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer)
    probability: Mapped[int] = mapped_column(Integer, default=0)
    #: "open", "won" or "lost"
    outcome: Mapped[str] = mapped_column(String(8), default=STAGE_OPEN)

    __table_args__ = (
        CheckConstraint("probability BETWEEN 0 AND 100", name="probability_range"),
        CheckConstraint("outcome IN ('open', 'won', 'lost')", name="outcome_values"),
    )


class Deal(IdMixin, TimestampMixin, OwnedMixin, SoftDeleteMixin, SearchMixin, VersionMixin,
           Base):
    __tablename__ = "deals"

    title: Mapped[str] = mapped_column(String(200))
    contact_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    account_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    amount_rial: Mapped[int] = mapped_column(default=0)
    stage_id: Mapped[int] = mapped_column(IdColumn, ForeignKey("pipeline_stages.id"))
    stage_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    expected_close: Mapped[date | None] = mapped_column()
    source_campaign_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )
    lost_reason: Mapped[str | None] = mapped_column(String(300))
    closed_at: Mapped[datetime | None] = mapped_column()
    notes: Mapped[str | None] = mapped_column(Text)
    #: the customer's satisfaction with a won deal, 1-5 (by hand or from a reply to a
    #: satisfaction request)
    satisfaction: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint("amount_rial >= 0", name="amount_not_negative"),
        Index(None, "stage_id", "expected_close"),
        sort_index("deals", "expected_close", live=True),
    )


class DealStageChange(IdMixin, Base):
    __tablename__ = "deal_stage_changes"

    deal_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("deals.id", ondelete="CASCADE"), index=True
    )
    from_stage_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("pipeline_stages.id", ondelete="SET NULL")
    )
    to_stage_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("pipeline_stages.id", ondelete="SET NULL")
    )
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("users.id", ondelete="SET NULL")
    )


class Proforma(IdMixin, TimestampMixin, OwnedMixin, VersionMixin, Base):
    """A proforma invoice, numbered per Jalali year (year + seq is unique)."""

    __tablename__ = "proformas"

    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    deal_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("deals.id", ondelete="SET NULL"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    account_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    issue_date: Mapped[date] = mapped_column()
    valid_until: Mapped[date | None] = mapped_column()
    status: Mapped[str] = mapped_column(
        enum_column(ProformaStatus), default=ProformaStatus.DRAFT.value
    )
    vat_rate: Mapped[Decimal] = mapped_column(DecimalText(), default=Decimal(10))
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index(None, "year", "seq", unique=True),
        Index(None, "issue_date"),
    )


class ProformaLine(IdMixin, Base):
    __tablename__ = "proforma_lines"

    proforma_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("proformas.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("products.id", ondelete="SET NULL")
    )
    description: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[Decimal] = mapped_column(DecimalText(), default=Decimal(1))
    unit: Mapped[str] = mapped_column(String(30), default="")
    unit_price_rial: Mapped[int] = mapped_column(default=0)
    discount_kind: Mapped[str] = mapped_column(
        enum_column(DiscountKind), default=DiscountKind.AMOUNT.value
    )
    #: Rials when discount_kind is "amount", a percentage when it is "percent".
    discount_value: Mapped[Decimal] = mapped_column(DecimalText(), default=Decimal(0))
    taxable: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (CheckConstraint("unit_price_rial >= 0", name="price_not_negative"),)
