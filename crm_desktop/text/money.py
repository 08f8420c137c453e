"""Money: stored as integer Rials, shown and typed in Rial or Toman (10 Rials)."""

from __future__ import annotations

import enum
import re
from fractions import Fraction

from crm_desktop.text.digits import (
    PERSIAN_DECIMAL_SEPARATOR,
    format_number,
    parse_decimal,
    strip_bidi,
)
from crm_desktop.text.validate import InvalidValue

#: Largest amount SQLite can store in an INTEGER column.
MAX_RIALS = 2**63 - 1


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
    digit; Rial none. Raises InvalidValue ("money.invalid", "money.negative"), a ValueError.
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
    # Exact rational arithmetic. Written trailing zeros ("12.50") are accepted: only the
    # value must be a whole number of Rials.
    scaled = Fraction(amount) * (10 if u is MoneyUnit.TOMAN else 1)
    if scaled.denominator != 1:
        raise InvalidValue("money.invalid")
    rials = scaled.numerator
    if rials > MAX_RIALS:
        raise InvalidValue("money.invalid")
    return rials
