"""Digits in the three forms people type (ASCII, Persian, Arabic-Indic); parsing and formatting."""

from __future__ import annotations

import re
from decimal import Decimal

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ASCII_DIGITS = "0123456789"

#: Invisible bidi controls that copy/paste drags along: LRM, RLM, ALM, embeddings/overrides
#: (U+202A-U+202E) and isolates (U+2066-U+2069).
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

#: Thousands separators accepted between digits.
THOUSANDS_SEPARATORS = ",\u066c\u060c' \u00a0\u2009\u202f"

PERSIAN_THOUSANDS_SEPARATOR = "\u066c"  # ٬
PERSIAN_DECIMAL_SEPARATOR = "\u066b"  # ٫

_TO_ASCII = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, ASCII_DIGITS * 2)
_TO_PERSIAN = str.maketrans(ASCII_DIGITS, PERSIAN_DIGITS)
_DROP_BIDI = str.maketrans(dict.fromkeys(BIDI_CONTROLS))

_SEP = "[" + re.escape(THOUSANDS_SEPARATORS) + "]+"
_INT_RE = re.compile(rf"([+\-\u2212]?)([0-9]+(?:{_SEP}[0-9]+)*)")
_DEC_RE = re.compile(rf"([+\-\u2212]?)([0-9]+(?:{_SEP}[0-9]+)*)(?:[.\u066b]([0-9]+))?")
_STRIP_SEP = str.maketrans(dict.fromkeys(THOUSANDS_SEPARATORS))


def to_ascii_digits(s: str) -> str:
    """Persian ۰-۹ and Arabic-Indic ٠-٩ digits to ASCII 0-9; everything else unchanged."""
    return s.translate(_TO_ASCII)


def to_persian_digits(s: str) -> str:
    """ASCII digits to Persian ۰-۹ (separators are left alone)."""
    return s.translate(_TO_PERSIAN)


def strip_bidi(s: str) -> str:
    """Remove invisible bidi control characters."""
    return s.translate(_DROP_BIDI)


def _prepare(s: str) -> str:
    if not isinstance(s, str):
        raise ValueError(f"not a text: {s!r}")
    return to_ascii_digits(strip_bidi(s)).strip()


def parse_int(s: str) -> int:
    """Parse an integer typed in any digit form, with optional sign and thousands separators.

    Separators (any run of them) are accepted only between digits. Raises ValueError.
    """
    m = _INT_RE.fullmatch(_prepare(s))
    if m is None:
        raise ValueError(f"not an integer: {s!r}")
    value = int(m.group(2).translate(_STRIP_SEP))
    return -value if m.group(1) in ("-", "\u2212") else value


def parse_decimal(s: str) -> Decimal:
    """Like parse_int, plus an optional fraction after "." or "٫" (U+066B). Raises ValueError."""
    m = _DEC_RE.fullmatch(_prepare(s))
    if m is None:
        raise ValueError(f"not a number: {s!r}")
    text = m.group(2).translate(_STRIP_SEP)
    if m.group(3) is not None:
        text += "." + m.group(3)
    value = Decimal(text)
    # copy_negate is exact; unary minus would round to the context precision (28 digits).
    return value.copy_negate() if m.group(1) in ("-", "\u2212") else value


def format_number(n: int | Decimal, persian: bool = True) -> str:
    """Group thousands: "۱۲٬۵۰۰٬۰۰۰" (Persian) or "12,500,000"; Decimals drop trailing zeros."""
    if isinstance(n, bool) or not isinstance(n, int | Decimal):
        raise TypeError(f"format_number takes int or Decimal, not {type(n).__name__}")
    if isinstance(n, Decimal):
        if not n.is_finite():
            raise ValueError(f"not a finite number: {n}")
        negative = n < 0
        text = format(n.copy_abs(), "f")  # abs() would round to the context precision
        whole, _, frac = text.partition(".")
        frac = frac.rstrip("0")
        whole_int = int(whole)
    else:
        negative = n < 0
        whole_int, frac = abs(n), ""
    out = f"{whole_int:,}"
    if frac:
        out += "." + frac
    if persian:
        out = to_persian_digits(out).translate(
            {ord(","): PERSIAN_THOUSANDS_SEPARATOR, ord("."): PERSIAN_DECIMAL_SEPARATOR}
        )
    return "-" + out if negative else out
