"""Reporting periods on the Jalali calendar (no Qt).

A period is a Jalali month, quarter or year, or a custom range of business-local days;
both ends are included. "The previous period" is the one of the same kind just before (the
month, quarter or year before), or for a custom range the same number of days just before
it. Instants are compared on the business's clock: `bounds_utc` gives [first midnight,
midnight after the last day) as aware UTC instants.

Typed as the command line and the dashboard accept it (Latin or Persian digits):
`1405` (a year), `1405-Q3` (a quarter), `1405-07` (a month), `1405-07-01..1405-09-30`
(a custom range; `/` or `.` may separate the parts of a date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from crm_desktop.domain.clock import day_bounds, today
from crm_desktop.text.digits import strip_bidi, to_ascii_digits, to_persian_digits
from crm_desktop.text.jalali import (
    format_jalali,
    jalali_parts,
    month_name,
    month_range,
    parse_jalali,
    quarter_range,
    year_range,
)
from crm_desktop.text.validate import InvalidValue

Kind = Literal["year", "quarter", "month", "custom"]

#: the Jalali years a period may fall in (1300 = 1921, 1499 = 2121): a report of the
#: business's own history, far from the ends of the calendar
MIN_YEAR = 1300
MAX_YEAR = 1499

_YEAR = re.compile(r"([0-9]{4})")
_QUARTER = re.compile(r"([0-9]{4})\s*-\s*[Qq]\s*([0-9])")
_MONTH = re.compile(r"([0-9]{4})\s*[-/.]\s*([0-9]{1,2})")
_RANGE = re.compile(r"(.+?)\s*\.\.\s*(.+)")


@dataclass(frozen=True)
class Period:
    """A span of whole business days, `start` and `end` both included (Gregorian dates).

    `year` is the Jalali year and `index` the quarter (1-4) or month (1-12) for those
    kinds; both are 0 for a custom range (and `index` for a year)."""

    kind: Kind
    start: date
    end: date
    year: int = 0
    index: int = 0

    # -- building -------------------------------------------------------------------
    @classmethod
    def of_year(cls, jy: int) -> Period:
        _check_year(jy)
        first, after = year_range(jy)
        return cls("year", first, after - timedelta(days=1), jy, 0)

    @classmethod
    def of_quarter(cls, jy: int, q: int) -> Period:
        _check_year(jy)
        if not 1 <= q <= 4:
            raise InvalidValue("period.invalid")
        first, after = quarter_range(jy, q)
        return cls("quarter", first, after - timedelta(days=1), jy, q)

    @classmethod
    def of_month(cls, jy: int, jm: int) -> Period:
        _check_year(jy)
        if not 1 <= jm <= 12:
            raise InvalidValue("period.invalid")
        first, after = month_range(jy, jm)
        return cls("month", first, after - timedelta(days=1), jy, jm)

    @classmethod
    def custom(cls, start: date, end: date) -> Period:
        if not isinstance(start, date) or not isinstance(end, date):
            raise InvalidValue("period.invalid")
        if isinstance(start, datetime) or isinstance(end, datetime) or end < start:
            raise InvalidValue("period.invalid")
        _check_year(jalali_parts(start)[0])
        _check_year(jalali_parts(end)[0])
        return cls("custom", start, end)

    # -- arithmetic -----------------------------------------------------------------
    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same kind just before (InvalidValue before MIN_YEAR)."""
        if self.kind == "year":
            return Period.of_year(self.year - 1)
        if self.kind == "quarter":
            if self.index == 1:
                return Period.of_quarter(self.year - 1, 4)
            return Period.of_quarter(self.year, self.index - 1)
        if self.kind == "month":
            if self.index == 1:
                return Period.of_month(self.year - 1, 12)
            return Period.of_month(self.year, self.index - 1)
        end = self.start - timedelta(days=1)
        return Period.custom(end - timedelta(days=self.days - 1), end)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def bounds_utc(self) -> tuple[datetime, datetime]:
        """[midnight starting the first day, midnight after the last day) on the business's
        clock, as aware UTC instants: compare stored instants with `>=` and `<`."""
        return day_bounds(self.start)[0], day_bounds(self.end)[1]

    # -- text ---------------------------------------------------------------------------
    def code(self) -> str:
        """The period as typed on the command line, Latin digits: 1405, 1405-Q3, 1405-07,
        1405-07-01..1405-09-30."""
        if self.kind == "year":
            return f"{self.year:04d}"
        if self.kind == "quarter":
            return f"{self.year:04d}-Q{self.index}"
        if self.kind == "month":
            return f"{self.year:04d}-{self.index:02d}"
        return (f"{format_jalali(self.start, persian=False, sep='-')}.."
                f"{format_jalali(self.end, persian=False, sep='-')}")

    def label(self, lang: str = "fa") -> str:
        """A title for the period: «آذر ۱۴۰۵», «فصل ۳ ۱۴۰۵», «سال ۱۴۰۵»,
        «۱۴۰۵/۰۷/۰۱ تا ۱۴۰۵/۰۹/۳۰» (or Azar 1405, Q3 1405, 1405, 1405/07/01 - 1405/09/30)."""
        fa = lang == "fa"
        if self.kind == "year":
            return to_persian_digits(f"سال {self.year}") if fa else f"{self.year}"
        if self.kind == "quarter":
            if fa:
                return to_persian_digits(f"فصل {self.index} سال {self.year}")
            return f"Q{self.index} {self.year}"
        if self.kind == "month":
            text = f"{month_name(self.index, lang)} {self.year}"
            return to_persian_digits(text) if fa else text
        first = format_jalali(self.start, persian=fa)
        last = format_jalali(self.end, persian=fa)
        return f"{first} تا {last}" if fa else f"{first} – {last}"


def _check_year(jy: int) -> None:
    if not isinstance(jy, int) or isinstance(jy, bool) or not MIN_YEAR <= jy <= MAX_YEAR:
        raise InvalidValue("period.invalid")


def parse_period(text: str) -> Period:
    """`1405`, `1405-Q3`, `1405-07` or `1405-07-01..1405-09-30` (Latin or Persian digits)
    -> the Period; InvalidValue("period.invalid") for anything else."""
    if not isinstance(text, str) or len(text) > 64:
        raise InvalidValue("period.invalid")
    s = to_ascii_digits(strip_bidi(text)).strip().replace("\u066b", ".")
    if m := _YEAR.fullmatch(s):
        return Period.of_year(int(m.group(1)))
    if m := _QUARTER.fullmatch(s):
        return Period.of_quarter(int(m.group(1)), int(m.group(2)))
    if m := _MONTH.fullmatch(s):
        return Period.of_month(int(m.group(1)), int(m.group(2)))
    if m := _RANGE.fullmatch(s):
        try:
            first, last = parse_jalali(m.group(1)), parse_jalali(m.group(2))
        except InvalidValue:
            raise InvalidValue("period.invalid") from None
        return Period.custom(first, last)
    raise InvalidValue("period.invalid")


def month_of(day: date) -> Period:
    jy, jm, _ = jalali_parts(day)
    return Period.of_month(jy, jm)


def quarter_of(day: date) -> Period:
    jy, jm, _ = jalali_parts(day)
    return Period.of_quarter(jy, (jm - 1) // 3 + 1)


def year_of(day: date) -> Period:
    return Period.of_year(jalali_parts(day)[0])


def this_month() -> Period:
    return month_of(today())


def last_month() -> Period:
    return this_month().previous()


def this_quarter() -> Period:
    return quarter_of(today())


def this_year() -> Period:
    return year_of(today())


def months_up_to(last: Period, count: int = 12) -> list[Period]:
    """`count` Jalali months, oldest first, ending with the month `last` ends in (the
    twelve months of a revenue chart)."""
    months = [month_of(last.end)]
    while len(months) < count:
        months.append(months[-1].previous())
    months.reverse()
    return months
