"""A typed table cell as text (no Qt): how a report's values read on screen and in a PDF.

Kinds as in export/table.py. Persian ("fa") uses Persian digits and separators; money is
written in the display unit without the unit (the column title names it); a rate is a
percentage with one decimal; decimals keep the places they were given (3.50, 28.3).
The result is in LOGICAL order: whoever draws it applies the bidi algorithm (Qt does;
the PDF writer reorders it)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from crm_desktop.text.digits import (
    PERSIAN_DECIMAL_SEPARATOR,
    PERSIAN_THOUSANDS_SEPARATOR,
    format_number,
    to_persian_digits,
)
from crm_desktop.text.jalali import format_jalali, format_jalali_datetime
from crm_desktop.text.money import MoneyUnit, format_money

_PERSIAN_SEPARATORS = {ord(","): PERSIAN_THOUSANDS_SEPARATOR,
                       ord("."): PERSIAN_DECIMAL_SEPARATOR}
#: the kinds whose text is a number (right-aligned in a table, whatever the direction)
NUMERIC = frozenset({"integer", "money", "rate", "decimal"})


def decimal_text(value: Decimal | float | int, persian: bool) -> str:
    """A number with the decimal places it carries (a float: as Python writes it), thousands
    grouped: 28.3, 3.50, 1,234.5."""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    exponent = d.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    text = f"{d:,.{places}f}"
    return text.translate(_PERSIAN_SEPARATORS).translate(
        str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) if persian else text


def percent_text(fraction: Decimal | float | int, persian: bool) -> str:
    """A fraction (0.5) as a percentage with one decimal, half up: «۵۰٫۰٪», "50.0%"."""
    value = (Decimal(str(fraction)) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return decimal_text(value, persian) + ("٪" if persian else "%")


def cell_text(value: Any, kind: str, lang: str = "fa",
              unit: MoneyUnit = MoneyUnit.RIAL) -> str:
    """`value` of a column of `kind` as it reads (logical order); None is empty."""
    if value is None:
        return ""
    persian = lang == "fa"
    if kind == "money" and isinstance(value, int) and not isinstance(value, bool):
        return format_money(value, unit, persian=persian, with_unit=False)
    if kind == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return format_number(value, persian)
    if kind == "rate" and isinstance(value, Decimal | float | int):
        return percent_text(value, persian)
    if kind in ("decimal", "integer", "money") and isinstance(value, Decimal | float | int):
        return decimal_text(value, persian)
    if kind == "datetime" and isinstance(value, datetime):
        return format_jalali_datetime(value, persian)
    if kind in ("date", "datetime") and isinstance(value, date):
        return format_jalali(value, persian)
    if kind == "code":
        return to_persian_digits(str(value)) if persian else str(value)
    return str(value)
