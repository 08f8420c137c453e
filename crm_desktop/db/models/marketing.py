"""Marketing lists and campaigns."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.db.models.base import Base, IdColumn, IdMixin, OwnedMixin, TimestampMixin
from crm_desktop.db.types import enum_column, utcnow
from crm_desktop.domain.enums import CampaignChannel, CampaignStatus, ListKind, MemberStatus


class MarketingList(IdMixin, TimestampMixin, OwnedMixin, Base):
    """Static members, or a saved contact filter (JSON) evaluated when used."""

    __tablename__ = "marketing_lists"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(enum_column(ListKind), default=ListKind.STATIC.value)
    filter_json: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)


class ListMember(Base):
    __tablename__ = "list_members"

    list_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("marketing_lists.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index(None, "contact_id"),)


class Campaign(IdMixin, TimestampMixin, OwnedMixin, Base):
    __tablename__ = "campaigns"

    name: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(enum_column(CampaignChannel))
    status: Mapped[str] = mapped_column(
        enum_column(CampaignStatus), default=CampaignStatus.PLANNED.value
    )
    start_date: Mapped[date | None] = mapped_column()
    end_date: Mapped[date | None] = mapped_column()
    budget_rial: Mapped[int] = mapped_column(default=0)
    actual_cost_rial: Mapped[int] = mapped_column(default=0)
    expected_revenue_rial: Mapped[int] = mapped_column(default=0)
    list_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("marketing_lists.id", ondelete="SET NULL")
    )
    description: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint(
            "budget_rial >= 0 AND actual_cost_rial >= 0 AND expected_revenue_rial >= 0",
            name="money_not_negative",
        ),
    )


class CampaignMember(IdMixin, Base):
    __tablename__ = "campaign_members"

    campaign_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("campaigns.id", ondelete="CASCADE")
    )
    contact_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(
        enum_column(MemberStatus), default=MemberStatus.TARGETED.value
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (Index(None, "campaign_id", "contact_id", unique=True),)
