"""The customer club's arithmetic, without the database: tiers, expiry dates, which lots
a spending takes its points from (services/club/ stores and audits the results)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import jdatetime

#: what a tier is measured by: the points a member holds now, or what they bought in the
#: last 12 months (Rials)
BASIS_POINTS, BASIS_SPEND = "points", "spend"
BASES = (BASIS_POINTS, BASIS_SPEND)
#: the months "spend in the last 12 months" looks back over
SPEND_MONTHS = 12


@dataclass(frozen=True)
class Tier:
    key: str
    name: str
    min: int


def tier_for(value: int, tiers: Sequence[Tier]) -> str | None:
    """The highest tier whose minimum `value` reaches (tiers ascending by min); None when
    it is below the lowest."""
    found = None
    for tier in tiers:
        if value >= tier.min:
            found = tier.key
        else:
            break
    return found


def next_tier(value: int, tiers: Sequence[Tier]) -> tuple[Tier | None, int]:
    """The first tier above `value` and how much is missing to reach it ((None, 0) at the
    top)."""
    for tier in tiers:
        if value < tier.min:
            return tier, tier.min - value
    return None, 0


def is_up(before: str | None, after: str | None, tiers: Sequence[Tier]) -> bool:
    """Whether moving from tier `before` to `after` is a move up (no tier is the lowest;
    a tier no longer in the settings counts as no tier)."""
    rank = {t.key: i for i, t in enumerate(tiers)}
    return rank.get(after or "", -1) > rank.get(before or "", -1)


def add_months(day: date, months: int) -> date:
    """`day` plus whole Jalali months (the day of the month kept, or the month's last day:
    30 Bahman plus 1 month is 29 Esfand in a common year, 30 in a leap year)."""
    j = jdatetime.date.fromgregorian(date=day)
    total = j.year * 12 + (j.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    last = 31 if month <= 6 else 30 if month <= 11 else (
        30 if jdatetime.date(year, 1, 1).isleap() else 29)
    return jdatetime.date(year, month, min(j.day, last)).togregorian()


@dataclass
class Lot:
    """The unspent part of a positive ledger row."""

    id: int
    remaining: int
    expires_at: datetime | None


def lot_order(lot: Lot) -> tuple[bool, datetime | None, int]:
    """The soonest to expire first, those that never expire last, then the oldest."""
    return (lot.expires_at is None, lot.expires_at, lot.id)


def take(lots: Iterable[Lot], points: int, first: int | None = None) -> list[tuple[int, int]]:
    """Which lots `points` are taken from: [(lot id, points taken)], the lot `first` (the
    lot a purchase that is taken back earned) before the others, then in `lot_order`.
    Raises ValueError when the lots hold fewer points than that (the services check the
    balance first: it never goes below zero)."""
    if points < 0:
        raise ValueError(points)
    ordered = sorted((lot for lot in lots if lot.remaining > 0),
                     key=lambda lot: (lot.id != first, *lot_order(lot)))
    out: list[tuple[int, int]] = []
    left = points
    for lot in ordered:
        if left == 0:
            break
        n = min(lot.remaining, left)
        out.append((lot.id, n))
        left -= n
    if left:
        raise ValueError(points)
    return out
