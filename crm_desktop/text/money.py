"""Money: stored as integer Rials, shown and typed in Rial or Toman (10 Rials)."""

from __future__ import annotations

import enum
import re
from decimal import Decimal
from fractions import Fraction

from crm_desktop.text.digits import (
    PERSIAN_DECIMAL_SEPARATOR,
    format_number,
    parse_decimal,
    strip_bidi,
)
from crm_desktop.text.validate import InvalidValue

#: The largest amount accepted anywhere (a deal, a price, a budget, a proforma line or
#: total): 10,000,000,000,000 Rial, i.e. one thousand billion Toman (one «همت»). The one
#: place this limit is set; every path that stores Rials checks it, typed or given as an int.
#: Why this value: the sum of 100,000 such amounts (10**18) stays inside SQLite's signed
#: 64-bit integers (about 9.22 * 10**18), so totals over a whole table cannot overflow;
#: it also leaves room for x100 (a probability in percent) per amount.
MAX_RIALS = 10**13


class MoneyUnit(enum.StrEnum):
    RIAL = "rial"
    TOMAN = "toman"


_UNIT_WORDS: dict[MoneyUnit, tuple[str, str]] = {
    MoneyUnit.RIAL: ("Rial", "ریال"),
    MoneyUnit.TOMAN: ("Toman", "تومان"),
}

# A trailing unit word; Arabic yeh/kaf are folded before matching, "﷼" is the Rial sign.
_UNIT_RE = re.compile(r"(ریال|﷼|rials?|تومان|tomans?)\s*\Z", re.IGNORECASE)
_FOLD_ARABIC = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def _unit(unit: MoneyUnit | str) -> MoneyUnit:
    if isinstance(unit, MoneyUnit):
        return unit
    try:
        return MoneyUnit(str(unit).strip().lower())
    except ValueError:
        raise ValueError(f"unknown money unit: {unit!r}") from None


def format_money(
    rials: int,
    unit: MoneyUnit | str = MoneyUnit.RIAL,
    persian: bool = True,
    with_unit: bool = True,
) -> str:
    """Format integer Rials in `unit`: "۱۲٬۵۰۰٬۰۰۰ ریال", "1,250,000 Toman", "۱۲۳٫۴ تومان"."""
    if isinstance(rials, bool) or not isinstance(rials, int):
        raise TypeError(f"rials must be an int, not {type(rials).__name__}")
    u = _unit(unit)
    if u is MoneyUnit.TOMAN:
        whole, tenth = divmod(abs(rials), 10)
        text = format_number(whole, persian)
        if tenth:
            point = PERSIAN_DECIMAL_SEPARATOR if persian else "."
            text += point + format_number(tenth, persian)
        if rials < 0:
            text = "-" + text
    else:
        text = format_number(rials, persian)
    if with_unit:
        text += " " + _UNIT_WORDS[u][1 if persian else 0]
    return text


def parse_money(text: str, unit: MoneyUnit | str = MoneyUnit.RIAL) -> int:
    """Parse an amount typed by a user into integer Rials.

    A trailing unit word (ریال, تومان, rial, toman) overrides `unit`. Toman allows one decimal
    digit; Rial none. Raises InvalidValue ("money.invalid", "money.negative",
    "money.too_large" / "money.too_large.toman" with the maximum in that unit), a ValueError.
    """
    if not isinstance(text, str):
        raise InvalidValue("money.invalid")
    u = _unit(unit)
    s = strip_bidi(text).strip().translate(_FOLD_ARABIC)
    m = _UNIT_RE.search(s)
    if m is not None:
        word = m.group(1).lower()
        u = MoneyUnit.TOMAN if word.startswith(("تومان", "toman")) else MoneyUnit.RIAL
        s = s[: m.start()]
    try:
        amount = parse_decimal(s)
    except ValueError:
        raise InvalidValue("money.invalid") from None
    if amount < 0:
        raise InvalidValue("money.negative")
    too_large(amount, u)
    # Exact rational arithmetic. Written trailing zeros ("12.50") are accepted: only the
    # value must be a whole number of Rials.
    scaled = Fraction(amount) * (10 if u is MoneyUnit.TOMAN else 1)
    if scaled.denominator != 1:
        raise InvalidValue("money.invalid")
    return scaled.numerator


def too_large(amount: int | Decimal, unit: MoneyUnit | str = MoneyUnit.RIAL) -> None:
    """InvalidValue when `amount` (in `unit`) is above MAX_RIALS; the message names the
    maximum in the same unit ("money.too_large" for Rial, "money.too_large.toman")."""
    if _unit(unit) is MoneyUnit.TOMAN:
        if amount > MAX_RIALS // 10:  # exact: MAX_RIALS is a multiple of 10
            raise InvalidValue("money.too_large.toman", max=MAX_RIALS // 10)
    elif amount > MAX_RIALS:
        raise InvalidValue("money.too_large", max=MAX_RIALS)
