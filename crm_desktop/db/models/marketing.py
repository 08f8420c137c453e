"""Marketing lists and campaigns."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.db.models.base import (
    Base,
    CreatorMixin,
    IdColumn,
    IdMixin,
    OwnedMixin,
    TimestampMixin,
    VersionMixin,
)
from crm_desktop.db.types import enum_column, utcnow
from crm_desktop.domain.enums import (
    CampaignChannel,
    CampaignStatus,
    ListKind,
    MemberStatus,
    MessageChannel,
    OutboxStatus,
)


class MarketingList(IdMixin, TimestampMixin, OwnedMixin, VersionMixin, Base):
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


class Campaign(IdMixin, TimestampMixin, OwnedMixin, VersionMixin, Base):
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


class CampaignTarget(IdMixin, Base):
    """Who a campaign is for: a marketing list (static or filter) or an RFM segment."""

    __tablename__ = "campaign_targets"

    campaign_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("campaigns.id", ondelete="CASCADE")
    )
    list_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("marketing_lists.id", ondelete="CASCADE"), index=True
    )
    segment: Mapped[str | None] = mapped_column(String(24))

    __table_args__ = (
        CheckConstraint("(list_id IS NULL) <> (segment IS NULL)", name="list_or_segment"),
        Index("uq_campaign_targets_list", "campaign_id", "list_id", unique=True,
              sqlite_where=text("list_id IS NOT NULL")),
        Index("uq_campaign_targets_segment", "campaign_id", "segment", unique=True,
              sqlite_where=text("segment IS NOT NULL")),
    )


class ContactRfm(Base):
    """A contact's RFM figures and segment, as the last recomputation left them.

    Derived data (recomputed from won deals and accepted proformas), kept beside the
    contact so that lists and filters can use the segment without recomputing it."""

    __tablename__ = "contact_rfm"

    contact_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    #: days since the last purchase in the window; NULL when none
    recency_days: Mapped[int | None] = mapped_column()
    frequency: Mapped[int] = mapped_column(default=0)
    monetary_rial: Mapped[int] = mapped_column(default=0)
    #: quintile scores 1-5; NULL when the contact bought nothing in the window
    r_score: Mapped[int | None] = mapped_column(Integer)
    f_score: Mapped[int | None] = mapped_column(Integer)
    m_score: Mapped[int | None] = mapped_column(Integer)
    segment: Mapped[str] = mapped_column(String(24))
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index(None, "segment", "contact_id"),)


class CampaignMessage(IdMixin, TimestampMixin, CreatorMixin, Base):
    """A message written for a campaign: an SMS text or an e-mail with placeholders."""

    __tablename__ = "campaign_messages"

    campaign_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(enum_column(MessageChannel))
    subject: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)


class OutboxMessage(IdMixin, TimestampMixin, Base):
    """One message to one recipient, waiting for or done with its delivery: a campaign's
    (message_id and campaign_id set) or an automation rule's (rule_id set).

    One row per (message, contact): nothing is queued twice for the same member; a rule's
    messages are kept single by the automation log's (rule, key)."""

    __tablename__ = "outbox"

    #: the campaign message it was rendered from; NULL for a message an automation rule
    #: queued (rule_id set instead)
    message_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("campaign_messages.id", ondelete="CASCADE")
    )
    campaign_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("campaigns.id", ondelete="CASCADE")
    )
    #: the automation rule that queued it (its log row names the occurrence)
    rule_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("automation_rules.id", ondelete="SET NULL"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    channel: Mapped[str] = mapped_column(enum_column(MessageChannel))
    #: the mobile number or e-mail address it goes to, as it was when queued
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str | None] = mapped_column(String(200))
    #: the text with its placeholders filled in for this recipient
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(
        enum_column(OutboxStatus), default=OutboxStatus.QUEUED.value
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    #: when a failed or queued row may be tried (again); NULL = now
    next_attempt_at: Mapped[datetime | None] = mapped_column()
    sent_at: Mapped[datetime | None] = mapped_column()
    #: the gateway's id for the message, when it gives one
    provider_ref: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        Index(None, "message_id", "contact_id", unique=True),
        Index(None, "status", "next_attempt_at"),
        Index(None, "campaign_id", "status"),
    )
