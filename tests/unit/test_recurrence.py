"""Expanding a repeating activity into its occurrences (Tehran wall clock)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.services.recurrence import (
    LOCAL_TZ,
    add_months,
    day_bounds,
    local,
    occurrences,
)

T0 = datetime(2024, 1, 1, tzinfo=UTC)
starts = st.datetimes(min_value=datetime(2023, 1, 1), max_value=datetime(2030, 12, 31),
                      timezones=st.just(UTC))
rules = st.sampled_from(["daily", "weekly", "monthly"])


def months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


@settings(max_examples=300, deadline=None)
@given(
    start=starts,
    rule=rules,
    every=st.integers(1, 40),
    until=st.none() | st.dates(date(2023, 1, 1), date(2032, 12, 31)),
    offset=st.integers(-400, 3000),
    length=st.integers(0, 800),
    skip=st.lists(st.integers(0, 120), max_size=6),
)
def test_occurrences_properties(start, rule, every, until, offset, length, skip) -> None:
    first = local(start)
    step = {"daily": timedelta(days=every), "weekly": timedelta(weeks=every)}
    skipped = {add_months(first.date(), k * every) if rule == "monthly"
               else first.date() + k * step[rule] for k in skip}
    w0 = start + timedelta(days=offset)
    w1 = w0 + timedelta(days=length)
    got = occurrences(start, rule, every, until, skipped, w0, w1)
    assert got == sorted(got) and len(set(got)) == len(got)
    for at in got:
        assert at.tzinfo is not None and at.utcoffset() == timedelta(0)
        assert w0 <= at < w1
        here = local(at)
        assert here.time() == first.time()  # the wall clock is kept
        assert here.date() not in skipped
        assert until is None or here.date() <= until
        assert here.date() >= first.date()
        if rule == "monthly":
            n = months_between(first.date(), here.date())
            assert n % every == 0
            assert here.date() == add_months(first.date(), n)
        else:
            assert (here.date() - first.date()) % step[rule] == timedelta(0)


@settings(max_examples=150, deadline=None)
@given(start=starts, rule=rules, every=st.integers(1, 12), length=st.integers(1, 400))
def test_windows_add_up(start, rule, every, length) -> None:
    """Splitting the window anywhere gives the same occurrences: none lost, none doubled."""
    w0, w1 = start - timedelta(days=3), start + timedelta(days=length)
    mid = w0 + (w1 - w0) / 3
    whole = occurrences(start, rule, every, None, (), w0, w1)
    parts = (occurrences(start, rule, every, None, (), w0, mid)
             + occurrences(start, rule, every, None, (), mid, w1))
    assert whole == parts
    assert whole[0] == start


def test_monthly_clamps_to_the_last_day() -> None:
    start = datetime.combine(date(2024, 1, 31), time(9), tzinfo=LOCAL_TZ)
    got = occurrences(start, "monthly", 1, None, (), start, start + timedelta(days=100))
    assert [local(g).date() for g in got] == [
        date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30)]
    assert all(local(g).time() == time(9) for g in got)
    start = start.replace(year=2025)
    got = occurrences(start, "monthly", 1, None, (), start, start + timedelta(days=40))
    assert [local(g).date() for g in got] == [date(2025, 1, 31), date(2025, 2, 28)]


def test_wall_clock_is_kept_across_an_old_dst_change() -> None:
    """Iran kept summer time until 2022: 09:00 stays 09:00 on both sides of the change."""
    start = datetime.combine(date(2021, 3, 15), time(9), tzinfo=LOCAL_TZ)
    got = occurrences(start, "weekly", 1, None, (), start, start + timedelta(days=15))
    assert [local(g).time() for g in got] == [time(9)] * 3
    assert got[0].utcoffset() == timedelta(0)
    assert {g.hour for g in got} == {5, 4}  # 09:00 +03:30 then +04:30


def test_until_and_exceptions_and_one_off() -> None:
    start = datetime.combine(date(2026, 1, 1), time(8), tzinfo=LOCAL_TZ)
    got = occurrences(start, "daily", 2, date(2026, 1, 9), {date(2026, 1, 5)},
                      T0, T0 + timedelta(days=1000))
    assert [local(g).day for g in got] == [1, 3, 7, 9]
    assert occurrences(start, None, 1, None, (), start, start + timedelta(hours=1)) == [
        start.astimezone(UTC)]
    assert occurrences(start, None, 1, None, (), T0, start) == []
    with pytest.raises(ValueError):
        occurrences(start, "yearly", 1, None, (), T0, start)
    with pytest.raises(ValueError):
        occurrences(start, "daily", 0, None, (), T0, start)


def test_day_bounds_are_tehran_days() -> None:
    a, b = day_bounds(date(2026, 11, 22))
    assert a == datetime(2026, 11, 21, 20, 30, tzinfo=UTC)
    assert b - a == timedelta(days=1)
