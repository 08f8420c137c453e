"""Jalali (Solar Hijri) dates outside Qt, on top of jdatetime."""

from __future__ import annotations

import datetime as dt
import re

import jdatetime

from crm_desktop.domain.clock import business_tz
from crm_desktop.text.digits import strip_bidi, to_ascii_digits, to_persian_digits
from crm_desktop.text.validate import InvalidValue

MONTH_NAMES_FA = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
MONTH_NAMES_EN = (
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
)

_DATE_RE = re.compile(r"([0-9]{4})\s*([/\-.])\s*([0-9]{1,2})\s*\2\s*([0-9]{1,2})")


def parse_jalali(s: str) -> dt.date:
    """A Jalali date typed as 1405/09/01, ۱۴۰۵-۹-۱, 1405.9.1 ... -> the Gregorian date.

    Raises InvalidValue("date.invalid").
    """
    if not isinstance(s, str):
        raise InvalidValue("date.invalid")
    m = _DATE_RE.fullmatch(to_ascii_digits(strip_bidi(s)).strip())
    if m is None:
        raise InvalidValue("date.invalid")
    try:
        return jdatetime.date(int(m.group(1)), int(m.group(3)), int(m.group(4))).togregorian()
    except (ValueError, OverflowError):
        raise InvalidValue("date.invalid") from None


# days of the Gregorian months before each month (not counting a leap day)
_G_BEFORE = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_J_DAYS = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30)


def _parts(d: dt.date) -> tuple[int, int, int]:
    """(year, month, day) of the Jalali date: the arithmetic jdatetime itself uses (FarsiWeb's
    jalali.c), without making a jdatetime.date (a list shows dozens of dates per screen and
    an export hundreds of thousands). Outside jdatetime's years (1-9377) it refuses the date
    as jdatetime does (ValueError)."""
    gy = d.year - 1600
    days = (365 * gy + (gy + 3) // 4 - (gy + 99) // 100 + (gy + 399) // 400
            + d.day - 1 - 79 + _G_BEFORE[d.month - 1])
    if d.month > 2 and ((gy % 4 == 0 and gy % 100 != 0) or gy % 400 == 0):
        days += 1  # after a leap February
    cycles, days = divmod(days, 12053)
    jy = 979 + 33 * cycles + 4 * (days // 1461)
    days %= 1461
    if days >= 366:
        jy += (days - 1) // 365
        days = (days - 1) % 365
    month = 0
    while month < 11 and days >= _J_DAYS[month]:
        days -= _J_DAYS[month]
        month += 1
    if not jdatetime.MINYEAR <= jy <= jdatetime.MAXYEAR:
        raise ValueError("year is out of range")
    return jy, month + 1, days + 1


def format_jalali(d: dt.date, persian: bool = True, sep: str = "/") -> str:
    """Format as "۱۴۰۵/۰۹/۰۱" (Persian digits) or "1405/09/01"."""
    year, month, day = _parts(d)
    text = f"{year:04d}{sep}{month:02d}{sep}{day:02d}"
    return to_persian_digits(text) if persian else text


def format_jalali_datetime(
    value: dt.datetime, persian: bool = True, tz: dt.tzinfo | None = None
) -> str:
    """An instant shown on the business's clock (or `tz`'s): "۱۴۰۵/۰۹/۰۱ ۱۴:۳۰". Naive
    means UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    local = value.astimezone(tz or business_tz())
    text = f"{format_jalali(local.date(), persian=False)} {local:%H:%M}"
    return to_persian_digits(text) if persian else text


def jalali_parts(d: dt.date) -> tuple[int, int, int]:
    """(year, month, day) of the Jalali date."""
    return _parts(d)


def jalali_year(d: dt.date) -> int:
    """The Jalali year of a Gregorian date."""
    return _parts(d)[0]


def _first_day(jy: int, jm: int) -> dt.date:
    return jdatetime.date(jy, jm, 1).togregorian()


def month_range(jy: int, jm: int) -> tuple[dt.date, dt.date]:
    """Gregorian [start, end) of Jalali month jm (1-12) of year jy."""
    if not 1 <= jm <= 12:
        raise ValueError(f"month must be 1..12, not {jm}")
    end = _first_day(jy + 1, 1) if jm == 12 else _first_day(jy, jm + 1)
    return _first_day(jy, jm), end


def quarter_range(jy: int, q: int) -> tuple[dt.date, dt.date]:
    """Gregorian [start, end) of quarter q (1-4: months 1-3, 4-6, 7-9, 10-12)."""
    if not 1 <= q <= 4:
        raise ValueError(f"quarter must be 1..4, not {q}")
    return month_range(jy, 3 * q - 2)[0], month_range(jy, 3 * q)[1]


def year_range(jy: int) -> tuple[dt.date, dt.date]:
    """Gregorian [start, end) of Jalali year jy."""
    return _first_day(jy, 1), _first_day(jy + 1, 1)


def month_name(jm: int, lang: str = "fa") -> str:
    """فروردین ... اسفند, or Farvardin ... Esfand for any other lang."""
    if not 1 <= jm <= 12:
        raise ValueError(f"month must be 1..12, not {jm}")
    return (MONTH_NAMES_FA if lang == "fa" else MONTH_NAMES_EN)[jm - 1]
