"""Expanding a repeating activity into its occurrences (Tehran wall clock)."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.domain.clock import business_tz
from crm_desktop.services.recurrence import (
    add_jalali_months,
    day_bounds,
    local,
    occurrences,
)

LOCAL_TZ = business_tz()

T0 = datetime(2024, 1, 1, tzinfo=UTC)
starts = st.datetimes(min_value=datetime(2023, 1, 1), max_value=datetime(2030, 12, 31),
                      timezones=st.just(UTC))
rules = st.sampled_from(["daily", "weekly", "monthly", "yearly"])
MONTHS = {"monthly": 1, "yearly": 12}


def jalali(d: date) -> jdatetime.date:
    return jdatetime.date.fromgregorian(date=d)


def months_between(a: date, b: date) -> int:
    """Jalali months from a's month to b's."""
    ja, jb = jalali(a), jalali(b)
    return (jb.year - ja.year) * 12 + jb.month - ja.month


def month_length(d: date) -> int:
    j = jalali(d)
    return (jdatetime.date(j.year + (j.month == 12), j.month % 12 + 1, 1)
            - jdatetime.date(j.year, j.month, 1)).days


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
    skipped = {add_jalali_months(first.date(), k * every * MONTHS[rule]) if rule in MONTHS
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
        if rule in MONTHS:
            n = months_between(first.date(), here.date())
            assert n % (every * MONTHS[rule]) == 0
            # the same Jalali day of the month, or the month's last day when it is shorter
            want = min(jalali(first.date()).day, month_length(here.date()))
            assert jalali(here.date()).day == want
            if rule == "yearly":
                assert jalali(here.date()).month == jalali(first.date()).month
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


def jalali_dates(got: list[datetime]) -> list[str]:
    return [jalali(local(g).date()).strftime("%Y/%m/%d") for g in got]


def at_jalali(jy: int, jm: int, jd: int, hour: int = 9) -> datetime:
    return datetime.combine(jdatetime.date(jy, jm, jd).togregorian(), time(hour),
                            tzinfo=LOCAL_TZ)


def test_monthly_follows_jalali_months() -> None:
    """1 Farvardin 1404 repeats on the 1st of every Jalali month, not on Gregorian dates."""
    start = at_jalali(1404, 1, 1)
    got = occurrences(start, "monthly", 1, None, (), start, start + timedelta(days=366))
    assert jalali_dates(got) == [f"1404/{m:02d}/01" for m in range(1, 13)] + ["1405/01/01"]
    assert all(local(g).time() == time(9) for g in got)


def test_monthly_clamps_to_the_last_day_of_the_jalali_month() -> None:
    start = at_jalali(1404, 6, 31)
    got = occurrences(start, "monthly", 1, None, (), start, start + timedelta(days=200))
    assert jalali_dates(got) == ["1404/06/31", "1404/07/30", "1404/08/30", "1404/09/30",
                                 "1404/10/30", "1404/11/30", "1404/12/29"]
    # Esfand has 30 days in a leap year (1403), 29 in a common one (1404)
    start = at_jalali(1403, 11, 30)
    got = occurrences(start, "monthly", 1, None, (), start, start + timedelta(days=40))
    assert jalali_dates(got) == ["1403/11/30", "1403/12/30"]
    # every 2 months from 31 Farvardin: the 31st comes back when the month has it
    start = at_jalali(1404, 1, 31)
    got = occurrences(start, "monthly", 2, None, (), start, start + timedelta(days=250))
    assert jalali_dates(got) == ["1404/01/31", "1404/03/31", "1404/05/31", "1404/07/30",
                                 "1404/09/30"]


def test_yearly_keeps_the_jalali_date() -> None:
    start = at_jalali(1403, 12, 30)  # 1403 is a leap year
    got = occurrences(start, "yearly", 1, None, (), start, start + timedelta(days=366 * 5))
    # 30 Esfand in leap years (1403, 1408), clamped to 29 in common years
    assert jalali_dates(got) == ["1403/12/30", "1404/12/29", "1405/12/29", "1406/12/29",
                                 "1407/12/29", "1408/12/30"]
    start = at_jalali(1404, 7, 15, hour=18)
    got = occurrences(start, "yearly", 2, None, (), start, start + timedelta(days=366 * 5))
    assert jalali_dates(got) == ["1404/07/15", "1406/07/15", "1408/07/15"]
    assert all(local(g).time() == time(18) for g in got)


def test_a_series_stops_at_the_end_of_the_calendar() -> None:
    start = datetime(9990, 1, 1, 8, tzinfo=UTC)
    got = occurrences(start, "yearly", 3, None, (), start, datetime(9999, 12, 31, tzinfo=UTC))
    assert [local(g).year for g in got] == [9990, 9993, 9996, 9999][:len(got)]
    assert occurrences(start, "monthly", 365, None, (), start,
                       datetime(9999, 12, 31, tzinfo=UTC)) == [start]


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
        occurrences(start, "fortnightly", 1, None, (), T0, start)
    with pytest.raises(ValueError):
        occurrences(start, "daily", 0, None, (), T0, start)


def test_day_bounds_are_tehran_days() -> None:
    a, b = day_bounds(date(2026, 11, 22))
    assert a == datetime(2026, 11, 21, 20, 30, tzinfo=UTC)
    assert b - a == timedelta(days=1)


@settings(max_examples=200, deadline=None)
@given(start=starts, rule=st.sampled_from(["monthly", "yearly"]), every=st.integers(1, 24),
       length=st.integers(1, 3000))
def test_jalali_repeats_agree_with_day_bounds(start, rule, every, length) -> None:
    """Occurrences strictly increase, each lies inside the bounds of its own local day, on
    the first occurrence's Jalali day of the month (or the month's last day)."""
    got = occurrences(start, rule, every, None, (), start, start + timedelta(days=length))
    assert got and got[0] == start
    assert all(a < b for a, b in itertools.pairwise(got))
    first_day = jalali(local(start).date()).day
    for g in got:
        day = local(g).date()
        lo, hi = day_bounds(day)
        assert lo <= g < hi
        assert jalali(day).day == min(first_day, month_length(day))
