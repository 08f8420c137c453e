"""Users, companies (accounts), people (contacts) and tags."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Column, ForeignKey, Index, String, Table, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.db.models.base import (
    LIVE,
    Base,
    IdColumn,
    IdMixin,
    OwnedMixin,
    SearchMixin,
    SoftDeleteMixin,
    SortKeyMixin,
    TimestampMixin,
    VersionMixin,
    live_index,
    sort_index,
)
from crm_desktop.db.types import enum_column
from crm_desktop.domain.enums import ContactSource, Gender, LifecycleStage, Role


def lifecycle_rank_sql(column: str = "lifecycle_stage") -> str:
    """SQL ranking the lifecycle stages in their natural order (lead first, churned last),
    shared by the contact list's stage sort and the expression index it walks."""
    whens = " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(LifecycleStage))
    return f"CASE {column} {whens} ELSE {len(LifecycleStage)} END"


class User(IdMixin, TimestampMixin, VersionMixin, Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(enum_column(Role), default=Role.SALES.value)
    password_hash: Mapped[str | None] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column()
    last_login_at: Mapped[datetime | None] = mapped_column()


class Account(
    IdMixin, TimestampMixin, OwnedMixin, SoftDeleteMixin, SearchMixin, SortKeyMixin, VersionMixin,
    Base
):
    """A company or organisation."""

    __tablename__ = "accounts"

    name: Mapped[str] = mapped_column(String(200))
    legal_id: Mapped[str | None] = mapped_column(String(11), index=True)
    economic_code: Mapped[str | None] = mapped_column(String(14))
    registration_no: Mapped[str | None] = mapped_column(String(20))
    phone: Mapped[str | None] = mapped_column(String(16))
    fax: Mapped[str | None] = mapped_column(String(16))
    email: Mapped[str | None] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(200))
    industry: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(100), index=True)
    address: Mapped[str | None] = mapped_column(Text)
    postal_code: Mapped[str | None] = mapped_column(String(10))
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        live_index("sort_key", "id"),
        live_index("created_at", "id"),
        sort_index("accounts", "city", live=True),
        sort_index("accounts", "industry", live=True),
    )


contact_tags = Table(
    "contact_tags",
    Base.metadata,
    Column("contact_id", IdColumn, ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", IdColumn, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index(None, "tag_id", "contact_id"),
)


class Tag(IdMixin, Base):
    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(String(60), unique=True)


class Contact(
    IdMixin, TimestampMixin, OwnedMixin, SoftDeleteMixin, SearchMixin, SortKeyMixin, VersionMixin,
    Base
):
    """A person: customer, lead, patient, student."""

    __tablename__ = "contacts"

    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    full_name: Mapped[str] = mapped_column(String(201), default="")
    gender: Mapped[str] = mapped_column(enum_column(Gender), default=Gender.UNSPECIFIED.value)
    birthday: Mapped[date | None] = mapped_column()
    #: "MM-DD" of the birthday, indexed for the birthday list and automation.
    birth_md: Mapped[str | None] = mapped_column(String(5), index=True)
    mobile: Mapped[str | None] = mapped_column(String(11), index=True)
    mobile2: Mapped[str | None] = mapped_column(String(11))
    phone: Mapped[str | None] = mapped_column(String(16))
    email: Mapped[str | None] = mapped_column(String(254))
    national_code: Mapped[str | None] = mapped_column(String(10), index=True)
    job_title: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(Text)
    postal_code: Mapped[str | None] = mapped_column(String(10))
    source: Mapped[str | None] = mapped_column(enum_column(ContactSource))
    source_campaign_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("campaigns.id", ondelete="SET NULL")
    )
    lifecycle_stage: Mapped[str] = mapped_column(
        enum_column(LifecycleStage), default=LifecycleStage.LEAD.value
    )
    sms_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    email_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    account_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str | None] = mapped_column(Text)
    last_activity_at: Mapped[datetime | None] = mapped_column()
    #: when the contact last became a customer (stage customer, from another stage or
    #: when created); NULL before the program kept it (the welcome rule's trigger)
    customer_since: Mapped[datetime | None] = mapped_column(index=True)
    # who referred this contact (the club's referral points). No foreign key in the
    # database: SQLite can add a column with REFERENCES but not name it or keep its
    # ON DELETE where the schema comparison sees them, and rebuilding contacts would drop
    # its search triggers. The contacts service checks the reference, merging repoints it,
    # and a reference to a contact that is gone reads as none.
    referred_by_id: Mapped[int | None] = mapped_column(IdColumn, index=True)
    #: sort keys of the company and the owner, copied here so that sorting the contact list
    #: by them walks an index instead of sorting 100,000 joined rows
    account_sort: Mapped[str] = mapped_column(String(400), default="")
    owner_sort: Mapped[str] = mapped_column(String(400), default="")

    __table_args__ = (
        live_index("sort_key", "id"),
        live_index("created_at", "id"),
        live_index("lifecycle_stage", "sort_key", "id"),
        live_index("city", "sort_key", "id"),
        live_index("owner_id", "sort_key", "id"),
        live_index("account_sort", "id"),
        live_index("owner_sort", "id"),
        Index("ix_contacts_stage_rank", text(lifecycle_rank_sql()), "id",
              sqlite_where=text(LIVE)),
        sort_index("contacts", "mobile", live=True),
        sort_index("contacts", "city", live=True),
        sort_index("contacts", "last_activity_at", live=True),
        # dynamic marketing lists: the contact's own criteria read from the index alone
        # (city + stage at 100,000 contacts: 1 ms instead of 45-90 ms of row lookups)
        Index("ix_contacts_filter", "city", "lifecycle_stage", "gender", "source",
              "sms_consent", "email_consent", "owner_id", "last_activity_at", "created_at",
              "birth_md", sqlite_where=text(LIVE)),
    )
