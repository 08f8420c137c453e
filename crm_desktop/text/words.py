"""Numbers in Persian words, as written on invoices and cheques ("مبلغ به حروف").

    number_to_words(1_250_000)  -> "یک میلیون و دویست و پنجاه هزار"
    number_to_words(1_000)      -> "یک هزار"   (the formal form used for amounts)
    amount_in_words(25_000_000, MoneyUnit.TOMAN) -> "دو میلیون و پانصد هزار تومان"

Groups of three digits are joined with " و "; empty groups are skipped. Scales: هزار,
میلیون, میلیارد, تریلیون (10^12), کوادریلیون (10^15), کوینتیلیون (10^18): every amount an
SQLite integer can hold (below 9.3 × 10^18) has words.
"""

from __future__ import annotations

from crm_desktop.text.money import MoneyUnit

_ONES = ("", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")
_TEENS = ("ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده",
          "نوزده")
_TENS = ("", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود")
_HUNDREDS = ("", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد")
_SCALES = ("", "هزار", "میلیون", "میلیارد", "تریلیون", "کوادریلیون", "کوینتیلیون")
_AND = " و "

ZERO = "صفر"
NEGATIVE = "منفی"
#: the largest magnitude with words (just under 10^21)
MAX_WORDS = 10 ** (3 * len(_SCALES)) - 1

_UNIT_NAMES = {MoneyUnit.RIAL: "ریال", MoneyUnit.TOMAN: "تومان"}


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(_HUNDREDS[hundreds])
    if 10 <= rest < 20:
        parts.append(_TEENS[rest - 10])
    else:
        tens, ones = divmod(rest, 10)
        if tens:
            parts.append(_TENS[tens])
        if ones:
            parts.append(_ONES[ones])
    return _AND.join(parts)


def number_to_words(n: int) -> str:
    """Persian words for an integer: 0 -> "صفر", -5 -> "منفی پنج"; |n| < 10^21."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"number_to_words takes an int, not {type(n).__name__}")
    if n == 0:
        return ZERO
    if n < 0:
        return f"{NEGATIVE} {number_to_words(-n)}"
    if n > MAX_WORDS:
        raise ValueError(f"too large for words: {n}")
    groups = []
    scale = 0
    while n:
        n, group = divmod(n, 1000)
        if group:
            words = _below_thousand(group)
            if scale:
                words += " " + _SCALES[scale]
            groups.append(words)
        scale += 1
    return _AND.join(reversed(groups))


def amount_in_words(rials: int, unit: MoneyUnit | str = MoneyUnit.RIAL) -> str:
    """An amount of integer Rials in words, in `unit`, with the unit named:
    "یک میلیون و دویست و پنجاه هزار ریال", "صد و بیست و پنج هزار تومان".

    In Toman a remainder below one Toman is added in Rials: 15 Rials is
    "یک تومان و پنج ریال"."""
    if isinstance(rials, bool) or not isinstance(rials, int):
        raise TypeError(f"rials must be an int, not {type(rials).__name__}")
    u = MoneyUnit(unit)
    if u is MoneyUnit.RIAL:
        return f"{number_to_words(rials)} {_UNIT_NAMES[u]}"
    sign = f"{NEGATIVE} " if rials < 0 else ""
    tomans, rest = divmod(abs(rials), 10)
    rial_part = f"{number_to_words(rest)} {_UNIT_NAMES[MoneyUnit.RIAL]}"
    if not rest:
        return f"{sign}{number_to_words(tomans)} {_UNIT_NAMES[u]}"
    if not tomans:
        return sign + rial_part
    return f"{sign}{number_to_words(tomans)} {_UNIT_NAMES[u]}{_AND}{rial_part}"
