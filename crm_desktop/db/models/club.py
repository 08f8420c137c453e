"""The customer club: every change of a member's points (the ledger), the balances and
tiers derived from it (contact_club) and the tier changes the tier-change rule greets.

How the ledger works (services/club.py says more):

* a positive row is a lot: `remaining` is the part of it not yet spent, taken back or
  expired; its `expires_at` (NULL: never) is when that remainder expires;
* a negative row takes its points from the member's lots, the soonest to expire first
  (a purchase taken back first from the lot that purchase earned); an "expired" row takes
  exactly the remainder of the lot it names (source "ledger", source_id = the lot);
* a member's balance is the sum of the points, which is the sum of the lots' remainders,
  and it never goes below zero.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.db.models.base import Base, IdColumn, IdMixin
from crm_desktop.db.types import enum_column, utcnow
from crm_desktop.domain.enums import LedgerKind


class ClubLedger(IdMixin, Base):
    """One change of a member's points."""

    __tablename__ = "club_ledger"

    at: Mapped[datetime] = mapped_column(default=utcnow)
    contact_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("contacts.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(enum_column(LedgerKind))
    #: signed: earned and birthday points are positive; redeemed and expired
    #: negative; adjusted either
    points: Mapped[int] = mapped_column(BigInteger)
    #: for a positive row, the points not yet spent, taken back or expired (else 0)
    remaining: Mapped[int] = mapped_column(BigInteger, default=0)
    expires_at: Mapped[datetime | None] = mapped_column()
    reason: Mapped[str] = mapped_column(Text, default="")
    #: what the row is for: "deal" / "proforma" (a purchase, or a discount on a proforma),
    #: "ledger" (an expired lot), "birthday" (source_id: the Jalali year); NULL: by hand
    source: Mapped[str | None] = mapped_column(String(16))
    source_id: Mapped[int | None] = mapped_column(BigInteger)
    #: the purchase amount (Rial) this row counted (signed like the points; a purchase's
    #: rows add up to the amount its points were last earned for)
    basis_rial: Mapped[int] = mapped_column(BigInteger, default=0)
    user_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("users.id", ondelete="SET NULL")
    )

    __table_args__ = (
        Index(None, "contact_id", "at", "id"),
        # covering: every balance summed without reading the table (recompute)
        Index(None, "contact_id", "points"),
        Index(None, "at", "id"),
        Index(None, "source", "source_id"),
        # the lots still holding points that have an expiry date (expire() walks these)
        Index("ix_club_ledger_open_lots", "expires_at",
              sqlite_where=text("remaining > 0 AND expires_at IS NOT NULL")),
    )


class ContactClub(Base):
    """A member's balance, spend in the last 12 months and tier, as last computed.

    Derived data (from the ledger and the purchases), kept beside the contact so that the
    lists can show and filter by tier. A contact without a row is not a member yet."""

    __tablename__ = "contact_club"

    contact_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    balance: Mapped[int] = mapped_column(BigInteger, default=0)
    spend_12m: Mapped[int] = mapped_column(BigInteger, default=0)
    #: the tier's key (settings "club" tiers); NULL: below the lowest tier
    tier: Mapped[str | None] = mapped_column(String(24))
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        Index(None, "tier", "contact_id"),
        Index(None, "balance", "contact_id"),
    )


class ClubTierChange(IdMixin, Base):
    """A member moved to another tier (the tier-change rule greets the moves up)."""

    __tablename__ = "club_tier_changes"

    contact_id: Mapped[int] = mapped_column(
        IdColumn, ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    from_tier: Mapped[str | None] = mapped_column(String(24))
    to_tier: Mapped[str | None] = mapped_column(String(24))
    up: Mapped[bool] = mapped_column(Boolean)
    #: the member's balance at the change
    points: Mapped[int] = mapped_column(default=0)

    __table_args__ = (Index(None, "at", "id"),)
