"""Activities (calls, meetings, tasks, ...) and support tickets."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.db.models.base import (
    Base,
    IdColumn,
    IdMixin,
    OwnedMixin,
    SearchMixin,
    SoftDeleteMixin,
    TimestampMixin,
    VersionMixin,
)
from crm_desktop.db.types import enum_column, utcnow
from crm_desktop.domain.enums import (
    ActivityKind,
    TicketCategory,
    TicketChannel,
    TicketPriority,
    TicketStatus,
)

#: when an activity is shown in lists: its due time, or when it was written down
ACTIVITY_DUE_SQL = "coalesce(due_at, created_at)"
#: the rows of the partial index of repeating activities (queries must repeat it)
LIVE_SQL = "deleted_at IS NULL"
OPEN_REMINDER_SQL = "done_at IS NULL AND reminder_at IS NOT NULL"
REPEATING_SQL = "recurrence IS NOT NULL"


class Activity(IdMixin, TimestampMixin, OwnedMixin, VersionMixin, Base):
    __tablename__ = "activities"

    kind: Mapped[str] = mapped_column(enum_column(ActivityKind))
    subject: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    #: when it is due (UTC); for a date-only task (`due_all_day`) the last instant of its
    #: day in the business's time zone, so "due_at < now" means overdue in every case
    due_at: Mapped[datetime | None] = mapped_column()
    #: due on a day, not at a time: shown without a time, overdue once its day is over
    due_all_day: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    done_at: Mapped[datetime | None] = mapped_column()
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    reminder_at: Mapped[datetime | None] = mapped_column(index=True)
    outcome: Mapped[str | None] = mapped_column(String(300))
    contact_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("contacts.id", ondelete="CASCADE")
    )
    account_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    deal_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("deals.id", ondelete="SET NULL"), index=True
    )
    ticket_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("tickets.id", ondelete="SET NULL"), index=True
    )
    #: repetition of a task or appointment: "daily", "weekly", "monthly", "yearly" (the
    #: last two by the Jalali calendar) or None (once)
    recurrence: Mapped[str | None] = mapped_column(String(8))
    #: every N days / weeks / months / years (1..365)
    recur_every: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: last local day an occurrence may fall on (None: no end)
    recur_until: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint("duration_minutes IS NULL OR duration_minutes >= 0", name="duration"),
        CheckConstraint(
            "recurrence IS NULL OR recurrence IN ('daily', 'weekly', 'monthly', 'yearly')",
            name="recurrence_values",
        ),
        CheckConstraint("recur_every BETWEEN 1 AND 365", name="recur_every_range"),
        Index(None, "contact_id", "due_at"),
        Index(None, "owner_id", "done_at", "due_at"),
        # the list's "due" sort (coalesce(due_at, created_at)), the open/overdue lists,
        # and due-time ranges (Today, the week calendar): 500,000 activities stay quick
        Index("ix_activities_due_sort", text(ACTIVITY_DUE_SQL), "id"),
        Index("ix_activities_done_due", "done_at", text(ACTIVITY_DUE_SQL)),
        Index(None, "due_at"),
        Index(None, "done_at", "due_at"),
        Index(None, "created_at", "id"),
        Index(None, "subject", "id"),
        # the few repeating activities, for the calendar and Today: a range over due_at
        # must not walk every one-off activity to find them
        Index("ix_activities_repeating", "due_at", sqlite_where=text(REPEATING_SQL)),
        # the reminder check (every 30 s): the open activities with a reminder, in order
        Index("ix_activities_due_reminders", "reminder_at", "id",
              sqlite_where=text(OPEN_REMINDER_SQL), postgresql_where=text(OPEN_REMINDER_SQL)),
    )


class ActivityException(Base):
    """A skipped occurrence of a recurring activity (the local day it would fall on)."""

    __tablename__ = "activity_exceptions"

    activity_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True
    )
    occurs_on: Mapped[date] = mapped_column(Date, primary_key=True)


class Ticket(IdMixin, TimestampMixin, OwnedMixin, SoftDeleteMixin, SearchMixin, VersionMixin,
             Base):
    """A support request or complaint, numbered per Jalali year (T-1405-0001)."""

    __tablename__ = "tickets"

    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    contact_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    account_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    category: Mapped[str] = mapped_column(
        enum_column(TicketCategory), default=TicketCategory.REQUEST.value
    )
    priority: Mapped[str] = mapped_column(
        enum_column(TicketPriority), default=TicketPriority.NORMAL.value
    )
    status: Mapped[str] = mapped_column(enum_column(TicketStatus), default=TicketStatus.NEW.value)
    channel: Mapped[str] = mapped_column(
        enum_column(TicketChannel), default=TicketChannel.PHONE.value
    )
    sla_due_at: Mapped[datetime | None] = mapped_column()
    first_response_at: Mapped[datetime | None] = mapped_column()
    assignee_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    resolution: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    satisfaction_comment: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column()

    __table_args__ = (
        Index(None, "year", "seq", unique=True),
        Index(None, "status", "priority"),
        # the live tickets per status (the side bar's open tickets): read from the index
        # alone, not from every ticket's row (deleted_at in it: SQLite then needs no row)
        Index("ix_tickets_live_status", "status", "deleted_at", sqlite_where=text(LIVE_SQL),
              postgresql_where=text(LIVE_SQL)),
        CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5", name="satisfaction_range"
        ),
    )


class TicketComment(IdMixin, Base):
    __tablename__ = "ticket_comments"

    ticket_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("tickets.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("users.id", ondelete="SET NULL")
    )
    body: Mapped[str] = mapped_column(Text)
    internal: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
