from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.text.jalali import (
    format_jalali,
    format_jalali_datetime,
    jalali_parts,
    jalali_year,
    month_name,
    month_range,
    parse_jalali,
    quarter_range,
    year_range,
)
from crm_desktop.text.validate import InvalidValue

TEHRAN = ZoneInfo("Asia/Tehran")
# 1 Azar 1405 is Sunday 22 November 2026; 1 Farvardin 1403 was 20 March 2024.
AZAR_1 = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    "text",
    [
        "۱۴۰۵/۰۹/۰۱",
        "1405-09-01",
        "1405/9/1",
        "۱۴۰۵.۹.۱",
        "١٤٠٥/٠٩/٠١",
        "  1405/09/01 ",
        "\u200e۱۴۰۵/۰۹/۰۱\u200f",
        "1405 / 09 / 01",
    ],
)
def test_parse_jalali(text: str) -> None:
    assert parse_jalali(text) == AZAR_1


def test_parse_jalali_leap_day() -> None:
    assert parse_jalali("1403/12/30") == dt.date(2025, 3, 20)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1405/13/01",
        "1405/00/10",
        "1405/01/00",
        "1404/12/30",  # 1404 is not a leap year
        "1404/12/31",
        "1405/07/31",  # the second half of the year has 30-day months
        "امروز",
        "1405/09",
        "05/09/01",
        "1405/09-01",
        "1405/09/01/02",
        "0000/01/01",
        "14050901",
    ],
)
def test_parse_jalali_refuses(text: str) -> None:
    with pytest.raises(InvalidValue) as info:
        parse_jalali(text)
    assert info.value.code == "date.invalid"


def test_format_jalali() -> None:
    assert format_jalali(AZAR_1) == "۱۴۰۵/۰۹/۰۱"
    assert format_jalali(AZAR_1, persian=False) == "1405/09/01"
    assert format_jalali(AZAR_1, persian=False, sep="-") == "1405-09-01"
    assert format_jalali(dt.date(2024, 3, 20), persian=False) == "1403/01/01"


def test_format_jalali_datetime_in_a_given_zone() -> None:
    instant = dt.datetime(2026, 11, 22, 11, 0, tzinfo=dt.UTC)
    assert format_jalali_datetime(instant, tz=TEHRAN) == "۱۴۰۵/۰۹/۰۱ ۱۴:۳۰"
    assert format_jalali_datetime(instant, persian=False, tz=TEHRAN) == "1405/09/01 14:30"
    naive = dt.datetime(2026, 11, 22, 21, 45)  # naive: UTC; in Tehran already the next day
    assert format_jalali_datetime(naive, persian=False, tz=TEHRAN) == "1405/09/02 01:15"


@pytest.fixture
def tehran_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available on this platform")
    monkeypatch.setenv("TZ", "Asia/Tehran")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("tehran_local_time")
def test_format_jalali_datetime_uses_local_time() -> None:
    instant = dt.datetime(2026, 11, 22, 11, 0, tzinfo=dt.UTC)
    assert format_jalali_datetime(instant) == "۱۴۰۵/۰۹/۰۱ ۱۴:۳۰"
    assert format_jalali_datetime(dt.datetime(2026, 11, 22, 11, 0)) == "۱۴۰۵/۰۹/۰۱ ۱۴:۳۰"


def test_parts_and_year() -> None:
    assert jalali_parts(AZAR_1) == (1405, 9, 1)
    assert jalali_parts(dt.date(2026, 3, 20)) == (1404, 12, 29)
    assert jalali_parts(dt.date(2026, 3, 21)) == (1405, 1, 1)
    assert jalali_year(dt.date(2026, 3, 20)) == 1404
    assert jalali_year(AZAR_1) == 1405


def test_ranges() -> None:
    assert month_range(1405, 9) == (AZAR_1, dt.date(2026, 12, 22))
    assert month_range(1403, 12) == (dt.date(2025, 2, 19), dt.date(2025, 3, 21))
    assert quarter_range(1405, 1) == (dt.date(2026, 3, 21), dt.date(2026, 6, 22))
    assert quarter_range(1405, 4) == (dt.date(2026, 12, 22), dt.date(2027, 3, 21))
    assert year_range(1403) == (dt.date(2024, 3, 20), dt.date(2025, 3, 21))  # 366 days
    assert year_range(1404) == (dt.date(2025, 3, 21), dt.date(2026, 3, 21))  # 365 days
    with pytest.raises(ValueError):
        month_range(1405, 13)
    with pytest.raises(ValueError):
        quarter_range(1405, 0)


def test_month_names() -> None:
    assert month_name(1) == "فروردین"
    assert month_name(9) == "آذر"
    assert month_name(12) == "اسفند"
    assert month_name(1, "en") == "Farvardin"
    assert month_name(12, "en") == "Esfand"
    assert len({month_name(m) for m in range(1, 13)}) == 12
    assert len({month_name(m, "en") for m in range(1, 13)}) == 12
    with pytest.raises(ValueError):
        month_name(0)


dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@given(dates, st.booleans(), st.sampled_from(["/", "-", "."]))
def test_format_then_parse_round_trips(d: dt.date, persian: bool, sep: str) -> None:
    text = format_jalali(d, persian, sep)
    assert parse_jalali(text) == d
    y, m, day = jalali_parts(d)
    assert text == format_jalali(d, persian).replace("/", sep)
    assert parse_jalali(f"{y}/{m}/{day}") == d


@given(st.integers(1279, 1479), st.integers(1, 12))
def test_months_tile_without_gaps(jy: int, jm: int) -> None:
    start, end = month_range(jy, jm)
    next_start = month_range(jy + 1, 1)[0] if jm == 12 else month_range(jy, jm + 1)[0]
    assert end == next_start
    length = (end - start).days
    if jm <= 6:
        assert length == 31
    elif jm <= 11:
        assert length == 30
    else:
        assert length in (29, 30)
    assert jalali_parts(start) == (jy, jm, 1)
    assert jalali_parts(end - dt.timedelta(days=1))[:2] == (jy, jm)


@given(st.integers(1279, 1479))
def test_year_and_quarters(jy: int) -> None:
    start, end = year_range(jy)
    days = (end - start).days
    assert days in (365, 366)
    esfand_start, esfand_end = month_range(jy, 12)
    assert (days == 366) == ((esfand_end - esfand_start).days == 30)
    assert year_range(jy + 1)[0] == end
    quarters = [quarter_range(jy, q) for q in (1, 2, 3, 4)]
    assert quarters[0][0] == start and quarters[-1][1] == end
    for (_, a_end), (b_start, _) in itertools.pairwise(quarters):
        assert a_end == b_start


@given(st.dates())
def test_the_jalali_date_is_jdatetimes_on_every_day(day: dt.date) -> None:
    """The arithmetic is jdatetime's own (exhaustively checked over every date once), and
    a date outside jdatetime's years is refused the same way (ValueError)."""
    import jdatetime

    try:
        j = jdatetime.date.fromgregorian(date=day)
    except ValueError:
        with pytest.raises(ValueError):
            jalali_parts(day)
        return
    assert jalali_parts(day) == (j.year, j.month, j.day)
    assert format_jalali(day, persian=False) == f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    assert jalali_year(day) == j.year


def test_formatting_a_date_makes_no_jdatetime_object(monkeypatch) -> None:
    """A list shows dozens of dates per screen and an export hundreds of thousands: each is
    worked out with plain arithmetic, not through a jdatetime.date."""
    import jdatetime

    def refuse(**_kw: object) -> None:
        raise AssertionError("a jdatetime.date was made")

    monkeypatch.setattr(jdatetime.date, "fromgregorian", staticmethod(refuse))
    assert format_jalali(AZAR_1) == "۱۴۰۵/۰۹/۰۱"
    assert format_jalali(dt.datetime(2024, 3, 20, 23, 0), persian=False) == "1403/01/01"
    assert jalali_parts(dt.date(2025, 3, 20)) == (1403, 12, 30)  # a leap Esfand
