"""Working-hours arithmetic for SLAs (Tehran calendar), with hypothesis properties."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.services.sla import (
    SlaTargets,
    WorkWeek,
    add_working_time,
    is_working_moment,
    working_time_between,
)

TEHRAN = ZoneInfo("Asia/Tehran")

WEEK = WorkWeek.default()
# 1403 Nowruz and a mid-week holiday (Gregorian; the UI shows them Jalali)
HOLIDAYS = {date(2025, 3, 21), date(2025, 3, 22), date(2025, 3, 23), date(2025, 3, 24),
            date(2025, 1, 8)}
FRIDAY = 4


def tehran(*args: int) -> datetime:
    return datetime(*args, tzinfo=TEHRAN)  # type: ignore[misc]


starts = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1),
                      timezones=st.just(UTC))
durations = st.integers(min_value=0, max_value=60 * 3600).map(lambda s: timedelta(seconds=s))
holiday_sets = st.sampled_from([set(), HOLIDAYS])


def test_defaults() -> None:
    assert WEEK.intervals(date(2025, 1, 4)) == ((time(8), time(17)),)  # Saturday
    assert WEEK.intervals(date(2025, 1, 2)) == ((time(8), time(13)),)  # Thursday
    assert WEEK.intervals(date(2025, 1, 3)) == ()  # Friday
    t = SlaTargets()
    assert (t.response_for("urgent"), t.resolution_for("urgent")) == (
        timedelta(hours=1), timedelta(hours=4))
    assert (t.response_for("low"), t.resolution_for("low")) == (
        timedelta(hours=8), timedelta(hours=40))


def test_across_the_weekend() -> None:
    # Wednesday 16:00 + 4h: 1h on Wednesday, 3h on the Thursday half-day
    wed = tehran(2025, 1, 1, 16)
    assert add_working_time(wed, timedelta(hours=4), WEEK) == tehran(2025, 1, 2, 11)
    # Thursday 12:00 + 4h: 1h on Thursday, Friday off, 3h on Saturday
    thu = tehran(2025, 1, 2, 12)
    assert add_working_time(thu, timedelta(hours=4), WEEK) == tehran(2025, 1, 4, 11)
    # with Thursday off too, Wednesday 16:00 + 4h is Saturday 11:00
    five_days = WorkWeek.from_mapping({d: [(time(8), time(17))]
                                       for d in ("sat", "sun", "mon", "tue", "wed")})
    assert add_working_time(wed, timedelta(hours=4), five_days) == tehran(2025, 1, 4, 11)
    result = add_working_time(wed, timedelta(hours=4), five_days)
    assert result.tzinfo == UTC and result == datetime(2025, 1, 4, 7, 30, tzinfo=UTC)


def test_holiday_is_skipped() -> None:
    tue = tehran(2025, 1, 7, 15)  # Wednesday 2025-01-08 is a holiday
    got = add_working_time(tue, timedelta(hours=4), WEEK, HOLIDAYS)
    assert got == tehran(2025, 1, 9, 10)  # Thursday 10:00
    assert working_time_between(tue, got, WEEK, HOLIDAYS) == timedelta(hours=4)
    # Nowruz: Thursday 20 March 12:00 + 2h waits until Tuesday 25 March
    assert add_working_time(tehran(2025, 3, 20, 12), timedelta(hours=2), WEEK, HOLIDAYS) == \
        tehran(2025, 3, 25, 9)


def test_start_outside_hours_and_interval_end() -> None:
    assert add_working_time(tehran(2025, 1, 3, 10), timedelta(0), WEEK) == tehran(2025, 1, 4, 8)
    assert add_working_time(tehran(2025, 1, 1, 6), timedelta(hours=1), WEEK) == \
        tehran(2025, 1, 1, 9)
    # ending exactly at the close of a day stays there
    assert add_working_time(tehran(2025, 1, 1, 13), timedelta(hours=4), WEEK) == \
        tehran(2025, 1, 1, 17)
    assert working_time_between(tehran(2025, 1, 3), tehran(2025, 1, 3, 23), WEEK) == timedelta(0)
    assert working_time_between(tehran(2025, 1, 2, 12), tehran(2025, 1, 1, 16), WEEK) == \
        -timedelta(hours=5)


def test_bad_input() -> None:
    with pytest.raises(ValueError):
        add_working_time(datetime(2025, 1, 1), timedelta(hours=1), WEEK)  # naive
    with pytest.raises(ValueError):
        add_working_time(tehran(2025, 1, 1), -timedelta(hours=1), WEEK)
    with pytest.raises(ValueError):
        add_working_time(tehran(2025, 1, 1), timedelta(hours=1), WorkWeek(((),) * 7))
    with pytest.raises(ValueError):
        WorkWeek.from_mapping({"sat": [(time(17), time(8))]})


@settings(max_examples=300, deadline=None)
@given(starts, durations, holiday_sets)
def test_result_is_a_working_moment(start: datetime, duration: timedelta,
                                    holidays: set[date]) -> None:
    got = add_working_time(start, duration, WEEK, holidays)
    assert got.tzinfo == UTC and got >= start
    local = got.astimezone(TEHRAN)
    if duration == timedelta(0) and is_working_moment(start, WEEK, holidays):
        assert got == start
    assert local.weekday() != FRIDAY
    assert local.date() not in holidays
    assert is_working_moment(got, WEEK, holidays)


@settings(max_examples=300, deadline=None)
@given(starts, durations, holiday_sets)
def test_between_inverts_add(start: datetime, duration: timedelta, holidays: set[date]) -> None:
    end = add_working_time(start, duration, WEEK, holidays)
    assert working_time_between(start, end, WEEK, holidays) == duration


@settings(max_examples=200, deadline=None)
@given(starts, durations, durations, holiday_sets)
def test_monotone_in_duration(start: datetime, d1: timedelta, d2: timedelta,
                              holidays: set[date]) -> None:
    small, large = sorted((d1, d2))
    assert add_working_time(start, small, WEEK, holidays) <= \
        add_working_time(start, large, WEEK, holidays)
    if small < large:
        assert add_working_time(start, small, WEEK, holidays) < \
            add_working_time(start, large, WEEK, holidays)
