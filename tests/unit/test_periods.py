"""Jalali reporting periods: parsing, previous-period arithmetic, bounds on the business's
clock."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from crm_desktop.domain.periods import (
    MAX_YEAR,
    MIN_YEAR,
    Period,
    months_up_to,
    parse_period,
)
from crm_desktop.text.jalali import jalali_parts
from crm_desktop.text.validate import InvalidValue

D = dt.date


@pytest.mark.parametrize("text, kind, start, end", [
    ("1405", "year", D(2026, 3, 21), D(2027, 3, 20)),
    ("۱۴۰۵", "year", D(2026, 3, 21), D(2027, 3, 20)),
    ("1405-Q3", "quarter", D(2026, 9, 23), D(2026, 12, 21)),
    ("۱۴۰۵-q۳", "quarter", D(2026, 9, 23), D(2026, 12, 21)),
    ("1405-07", "month", D(2026, 9, 23), D(2026, 10, 22)),
    ("1405/7", "month", D(2026, 9, 23), D(2026, 10, 22)),
    ("1405-12", "month", D(2027, 2, 20), D(2027, 3, 20)),
    ("1403-12", "month", D(2025, 2, 19), D(2025, 3, 20)),  # 1403 is a leap year: 30 Esfand
    ("1405-07-01..1405-09-30", "custom", D(2026, 9, 23), D(2026, 12, 21)),
    ("۱۴۰۵/۰۷/۰۱ .. ۱۴۰۵/۰۷/۰۱", "custom", D(2026, 9, 23), D(2026, 9, 23)),
])
def test_parse(text, kind, start, end):
    p = parse_period(text)
    assert (p.kind, p.start, p.end) == (kind, start, end)
    assert parse_period(p.code()) == p


@pytest.mark.parametrize("text", [
    "", "14", "1405-Q5", "1405-Q0", "1405-13", "1405-00", "1405-07-01..1405-06-30",
    "1405-07-32..1405-08-01", "1299", "1500", "1405-07-01..", "..1405-07-01", "1405..1406",
    "9999-12-31..9999-12-31", "0001-01-01..0001-01-02", "1405\x00", "\ud800", "1" * 10_000,
])
def test_refused(text):
    with pytest.raises(InvalidValue) as err:
        parse_period(text)
    assert err.value.code == "period.invalid"


def test_previous_of_each_kind():
    assert parse_period("1405").previous() == parse_period("1404")
    assert parse_period("1405-Q1").previous() == parse_period("1404-Q4")
    assert parse_period("1405-Q3").previous() == parse_period("1405-Q2")
    assert parse_period("1405-01").previous() == parse_period("1404-12")
    assert parse_period("1405-08").previous() == parse_period("1405-07")
    custom = parse_period("1405-07-01..1405-07-10")
    assert custom.previous() == Period.custom(D(2026, 9, 13), D(2026, 9, 22))
    with pytest.raises(InvalidValue):
        Period.of_year(MIN_YEAR).previous()


def test_bounds_are_tehran_midnights():
    tehran = ZoneInfo("Asia/Tehran")
    start, end = parse_period("1405-07").bounds_utc()
    assert start.astimezone(tehran).replace(tzinfo=None) == dt.datetime(2026, 9, 23)
    assert end.astimezone(tehran).replace(tzinfo=None) == dt.datetime(2026, 10, 23)


def test_labels():
    assert parse_period("1405-09").label("fa") == "آذر ۱۴۰۵"
    assert parse_period("1405-09").label("en") == "Azar 1405"
    assert parse_period("1405-Q3").label("en") == "Q3 1405"
    assert parse_period("1405").label("fa") == "سال ۱۴۰۵"


def test_twelve_months_oldest_first():
    months = months_up_to(parse_period("1405-Q1"))
    assert [m.code() for m in months[:2]] == ["1404-04", "1404-05"]
    assert months[-1].code() == "1405-03"
    assert all(a.end + dt.timedelta(days=1) == b.start for a, b in itertools.pairwise(months))


_years = st.integers(MIN_YEAR + 1, MAX_YEAR)


@st.composite
def periods(draw):
    kind = draw(st.sampled_from(["year", "quarter", "month", "custom"]))
    jy = draw(_years)
    if kind == "year":
        return Period.of_year(jy)
    if kind == "quarter":
        return Period.of_quarter(jy, draw(st.integers(1, 4)))
    if kind == "month":
        return Period.of_month(jy, draw(st.integers(1, 12)))
    first = draw(st.dates(D(1922, 3, 21), D(2120, 3, 20)))
    days = draw(st.integers(0, 800))
    last = min(first + dt.timedelta(days=days), D(2120, 3, 20))
    return Period.custom(first, last)


@given(periods())
# a custom range from the first day of 1301 whose previous range starts in 1299
@example(Period.custom(D(1922, 3, 21), D(1923, 3, 21)))
def test_previous_ends_the_day_before_and_has_the_same_kind(p):
    if p.kind == "custom" and p.start - dt.timedelta(days=p.days) < Period.of_year(MIN_YEAR).start:
        with pytest.raises(InvalidValue):  # the range just before begins before MIN_YEAR
            p.previous()
        return
    prev = p.previous()
    assert prev.kind == p.kind
    assert prev.end + dt.timedelta(days=1) == p.start
    if p.kind == "custom":
        assert prev.days == p.days
    else:
        # a whole Jalali month / quarter / year: starts on a first of a month
        assert jalali_parts(prev.start)[2] == 1
        assert jalali_parts(prev.end + dt.timedelta(days=1))[2] == 1


@given(periods())
def test_code_round_trips(p):
    assert parse_period(p.code()) == p
    assert parse_period(p.code().translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))) == p


@given(st.text(max_size=40))
def test_any_text_is_a_period_or_refused(text):
    try:
        p = parse_period(text)
    except InvalidValue as err:
        assert err.code == "period.invalid"
    else:
        assert p.start <= p.end
