"""The club's arithmetic without a database: tiers at their boundaries, Jalali expiry
months, which lots a spending takes its points from."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import jdatetime
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.domain.club import Lot, Tier, add_months, is_up, next_tier, take, tier_for

TIERS = [Tier("bronze", "B", 0), Tier("silver", "S", 500), Tier("gold", "G", 2000)]


@pytest.mark.parametrize(("value", "tier"), [
    (0, "bronze"), (499, "bronze"), (500, "silver"), (1999, "silver"), (2000, "gold"),
    (10**12, "gold")])
def test_tier_boundaries(value: int, tier: str) -> None:
    assert tier_for(value, TIERS) == tier


def test_below_the_lowest_tier_is_no_tier() -> None:
    tiers = [Tier("silver", "S", 500)]
    assert tier_for(499, tiers) is None
    assert tier_for(500, tiers) == "silver"
    assert next_tier(120, tiers) == (tiers[0], 380)
    assert next_tier(500, tiers) == (None, 0)


@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=6, unique=True),
       st.integers(0, 2 * 10**6))
def test_tier_is_the_highest_minimum_reached(mins: list[int], value: int) -> None:
    tiers = [Tier(f"t{m}", "", m) for m in sorted(mins)]
    reached = [t for t in tiers if t.min <= value]
    assert tier_for(value, tiers) == (reached[-1].key if reached else None)
    # one below a minimum is the tier before it
    for before, tier in zip([None, *tiers], tiers, strict=False):
        if tier.min > 0:
            assert tier_for(tier.min - 1, tiers) == (before.key if before else None)
        assert tier_for(tier.min, tiers) == tier.key
    upcoming, missing = next_tier(value, tiers)
    if upcoming is not None:
        assert upcoming.min - missing == value and tier_for(value + missing, tiers) == upcoming.key


def test_moving_up_and_down() -> None:
    assert is_up(None, "bronze", TIERS) and is_up("bronze", "gold", TIERS)
    assert not is_up("gold", "silver", TIERS) and not is_up("silver", None, TIERS)


def test_jalali_months_keep_the_day_or_take_the_last() -> None:
    # 30 Bahman 1402 + 1 month: Esfand 1402 has 29 days (1403 is the leap year)
    start = jdatetime.date(1402, 11, 30).togregorian()
    assert jdatetime.date.fromgregorian(date=add_months(start, 1)) == jdatetime.date(1402, 12, 29)
    start = jdatetime.date(1403, 11, 30).togregorian()
    assert jdatetime.date.fromgregorian(date=add_months(start, 1)) == jdatetime.date(1403, 12, 30)
    # 31 Shahrivar + 1: Mehr has 30 days
    start = jdatetime.date(1404, 6, 31).togregorian()
    assert jdatetime.date.fromgregorian(date=add_months(start, 1)) == jdatetime.date(1404, 7, 30)
    # 30 Esfand 1403 + 12 months: 29 Esfand 1404
    start = jdatetime.date(1403, 12, 30).togregorian()
    assert jdatetime.date.fromgregorian(date=add_months(start, 12)) == jdatetime.date(1404, 12, 29)
    assert add_months(start, 0) == start


@given(st.dates(date(1950, 1, 1), date(2150, 1, 1)), st.integers(-120, 120))
def test_adding_months_lands_in_the_right_month(day: date, months: int) -> None:
    j = jdatetime.date.fromgregorian(date=day)
    out = jdatetime.date.fromgregorian(date=add_months(day, months))
    assert out.year * 12 + out.month == j.year * 12 + j.month + months
    assert out.day == j.day or (out.day < j.day and (out + timedelta(days=1)).day == 1)


lots = st.lists(st.builds(
    Lot, st.integers(1, 10**6), st.integers(0, 1000),
    st.one_of(st.none(), st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1),
                                      timezones=st.just(UTC)))),
    max_size=8, unique_by=lambda lot: lot.id)


@given(lots, st.data())
def test_take_spends_exactly_soonest_to_expire_first(found: list[Lot], data: st.DataObject) -> None:
    held = sum(lot.remaining for lot in found)
    points = data.draw(st.integers(0, held + 5))
    first = data.draw(st.one_of(st.none(), st.sampled_from([lot.id for lot in found] or [1])))
    if points > held:
        with pytest.raises(ValueError):
            take(found, points, first)
        return
    taken = take(found, points, first)
    by_id = {lot.id: lot for lot in found}
    assert sum(n for _, n in taken) == points
    assert all(0 < n <= by_id[i].remaining for i, n in taken)
    assert len({i for i, _ in taken}) == len(taken)
    # every lot but the last one used is emptied, in order: `first`, then soonest expiry
    for i, n in taken[:-1]:
        assert n == by_id[i].remaining
    rest = [lot for lot in found if lot.remaining and lot.id != first]
    order = sorted(rest, key=lambda lot: (lot.expires_at is None, lot.expires_at, lot.id))
    expected = ([first] if first in by_id and by_id[first].remaining else []) + [
        lot.id for lot in order]
    assert [i for i, _ in taken] == expected[:len(taken)]
