"""What the Excel and CSV writers share: the sheet's columns (a Jalali date column is
followed by its real date), and each typed value made safe and shaped for a cell.

Text is cleaned before it is written: a lone surrogate (it cannot be encoded), a control
character other than tab, line feed and carriage return, and U+FFFE/U+FFFF (none of them
allowed in XML, nor useful in a spreadsheet) become U+FFFD, the replacement character.
Text longer than Excel's 32,767 characters is cut there, ending with "…".

Text that a spreadsheet would read as a formula starts with one of FORMULA_START (=, +, -,
@, tab, CR; OWASP's list for CSV injection): see xlsx.py and csv_file.py for how each
format keeps it text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any

from crm_desktop.domain import clock
from crm_desktop.export.table import ExportColumn
from crm_desktop.text.digits import to_persian_digits
from crm_desktop.text.export_titles import writer_text
from crm_desktop.text.jalali import format_jalali

FORMULA_START = frozenset("=+-@\t\r")
#: Excel's longest text in a cell
MAX_TEXT = 32_767
REPLACEMENT = "\ufffd"
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: integers beyond this are not exact as a spreadsheet's numbers (IEEE doubles): text
MAX_EXACT = 2**53
#: day 0 of Excel's serial dates (1900 date system, with its 1900-02-29 bug folded in)
EXCEL_EPOCH = date(1899, 12, 30)
DATE_KINDS = frozenset({"date", "datetime"})
NUMBER_KINDS = frozenset({"integer", "money", "rate", "decimal"})


def clean_text(value: Any) -> str:
    """`value` as text a file can hold (see the module's docstring)."""
    text = value if isinstance(value, str) else _as_text(value)
    if UNSAFE.search(text) is not None:
        text = UNSAFE.sub(REPLACEMENT, text)
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT - 1] + "…"
    return text


def _as_text(value: Any) -> str:
    try:
        return str(value)
    except Exception:  # an object whose __str__ fails, an int of 5,000 digits: no text
        return REPLACEMENT


def formula_like(text: str) -> bool:
    return text[:1] in FORMULA_START


@dataclass(frozen=True)
class SheetColumn:
    """A column of the written sheet: the table column it shows (`source`, its index in
    a row) and whether it is that column's real (Gregorian) date."""

    source: int
    column: ExportColumn
    title: str
    real_date: bool = False

    @property
    def kind(self) -> str:
        return "real_date" if self.real_date else self.column.kind


def sheet_columns(columns: Sequence[ExportColumn], lang: str) -> list[SheetColumn]:
    """The table's columns in order; each date or datetime column (written as Jalali
    text) is followed by the same date as a real date (a spreadsheet can sort, filter and
    compute with it; CSV gets it as ISO 8601)."""
    out = []
    for i, column in enumerate(columns):
        out.append(SheetColumn(i, column, clean_text(column.title)))
        if column.kind in DATE_KINDS:
            title = writer_text("gregorian", lang, title=clean_text(column.title))
            out.append(SheetColumn(i, column, title, real_date=True))
    return out


# -- values ----------------------------------------------------------------------------------
def number(value: Any, kind: str) -> int | float | None:
    """A number cell's value; None when `value` is not a finite number (the writer then
    writes it as text, or nothing for None). Integers beyond 2**53 are not numbers here:
    a spreadsheet would round them."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value if -MAX_EXACT <= value <= MAX_EXACT else None
    if isinstance(value, Decimal | float | Fraction):
        try:
            f = float(value)
        except (OverflowError, ValueError):
            return None
        if not math.isfinite(f):
            return None
        if kind in ("integer", "money") and f == int(f) and abs(f) <= MAX_EXACT:
            return int(f)
        return f
    return None


@lru_cache(maxsize=8192)
def _jalali_day(day: date, persian: bool) -> str:
    return format_jalali(day, persian=persian)


def local_instant(value: datetime) -> datetime:
    """An instant on the business's clock (naive means UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return clock.local(value)


def jalali_text(value: Any, persian: bool) -> str | None:
    """A date as "۱۴۰۵/۰۹/۰۱", an instant as "۱۴۰۵/۰۹/۰۱ ۱۴:۳۰" on the business's clock
    (Latin digits unless `persian`); None when `value` is neither."""
    if isinstance(value, datetime):
        local = local_instant(value)
        clock_text = f"{local.hour:02d}:{local.minute:02d}"
        if persian:
            clock_text = to_persian_digits(clock_text)
        return f"{_jalali_day(local.date(), persian)} {clock_text}"
    if isinstance(value, date):
        return _jalali_day(value, persian)
    return None


def real_date(value: Any) -> date | datetime | None:
    """The real date of a date cell: a date, or a naive local datetime (the business's
    clock: a spreadsheet has no time zones); None when `value` is neither."""
    if isinstance(value, datetime):
        return local_instant(value).replace(tzinfo=None)
    if isinstance(value, date):
        return value
    return None


def excel_serial(value: date | datetime) -> float | int:
    """Excel's serial number of a date (days since 1899-12-30) or of a local datetime."""
    if isinstance(value, datetime):
        days = (value.date() - EXCEL_EPOCH).days
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return days + seconds / 86400
    return (value - EXCEL_EPOCH).days
