from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.text.digits import (
    format_number,
    parse_decimal,
    parse_int,
    to_ascii_digits,
    to_persian_digits,
)

PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
ARABIC = "٠١٢٣٤٥٦٧٨٩"
SEPARATORS = [",", "\u066c", "\u060c", "'", " ", "\u2009", "\u202f", "\u00a0"]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069"]


def test_text_package_never_imports_qt() -> None:
    code = (
        "import sys\n"
        "import crm_desktop.text.collation, crm_desktop.text.digits, crm_desktop.text.jalali\n"
        "import crm_desktop.text.messages, crm_desktop.text.money, crm_desktop.text.normalize\n"
        "import crm_desktop.text.validate\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_to_ascii_digits() -> None:
    assert to_ascii_digits(PERSIAN) == "0123456789"
    assert to_ascii_digits(ARABIC) == "0123456789"
    assert to_ascii_digits("تلفن ۰۲۱-٨٨٧٧ x9") == "تلفن 021-8877 x9"


def test_to_persian_digits_only_touches_digits() -> None:
    assert to_persian_digits("0123456789") == PERSIAN
    assert to_persian_digits("12,500.5 abc") == "۱۲,۵۰۰.۵ abc"
    assert to_persian_digits("۱۲") == "۱۲"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("12500000", 12500000),
        ("12,500,000", 12500000),
        ("۱۲٬۵۰۰٬۰۰۰", 12500000),
        ("١٢،٥٠٠،٠٠٠", 12500000),
        ("12'500'000", 12500000),
        ("12 500 000", 12500000),
        ("12\u202f500\u2009000", 12500000),
        ("  -۴۲  ", -42),
        ("+7", 7),
        ("\u200f۱۲۳\u200e", 123),
        ("\u2066-1,000\u2069", -1000),
        ("1,,2", 12),  # any run of separators between digits is accepted
        ("007", 7),
    ],
)
def test_parse_int_accepts(text: str, value: int) -> None:
    assert parse_int(text) == value


@pytest.mark.parametrize(
    "text",
    ["", "   ", "-", "abc", "12a", "1.5", "۱٫۵", "1,", ",1", "- 1", "--1", "1-", "1e5", "١/٢", "²"],
)
def test_parse_int_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_int(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.5", Decimal("1.5")),
        ("۱٫۵", Decimal("1.5")),
        ("١٢٬٣٤٥٫٦٧", Decimal("12345.67")),
        ("-0.25", Decimal("-0.25")),
        ("12,500", Decimal("12500")),
        (" 3 ", Decimal("3")),
    ],
)
def test_parse_decimal_accepts(text: str, value: Decimal) -> None:
    assert parse_decimal(text) == value


@pytest.mark.parametrize(
    "text", ["1/5", "۱/۵", "1.2.3", "1.", ".5", "1,5.", "1. 5", "nan", "", "1.5x"]
)
def test_parse_decimal_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_decimal(text)


@pytest.mark.parametrize(
    ("n", "persian", "text"),
    [
        (12500000, True, "۱۲٬۵۰۰٬۰۰۰"),
        (12500000, False, "12,500,000"),
        (0, True, "۰"),
        (999, False, "999"),
        (-1234, True, "-۱٬۲۳۴"),
        (-1234, False, "-1,234"),
        (Decimal("1234.5600"), True, "۱٬۲۳۴٫۵۶"),
        (Decimal("1234.5600"), False, "1,234.56"),
        (Decimal("-0.5"), False, "-0.5"),
        (Decimal("10.000"), False, "10"),
        (Decimal("1E+3"), False, "1,000"),
    ],
)
def test_format_number(n: int | Decimal, persian: bool, text: str) -> None:
    assert format_number(n, persian) == text


def test_format_number_refuses_float() -> None:
    with pytest.raises(TypeError):
        format_number(1.5)  # type: ignore[arg-type]


@given(st.integers(), st.booleans())
def test_format_then_parse_int_round_trips(n: int, persian: bool) -> None:
    text = format_number(n, persian)
    assert parse_int(text) == n
    if persian:
        assert not any(c in "0123456789," for c in text)


@given(st.decimals(allow_nan=False, allow_infinity=False), st.booleans())
def test_format_then_parse_decimal_round_trips(d: Decimal, persian: bool) -> None:
    assert parse_decimal(format_number(d, persian)) == d


@st.composite
def noisy_int(draw: st.DrawFn) -> tuple[str, int]:
    """An integer written with random digit forms, separators, sign, spaces and bidi marks."""
    value = draw(st.integers(min_value=0, max_value=10**30))
    out = []
    for i, ch in enumerate(str(value)):
        if i and draw(st.booleans()):
            out.append("".join(draw(st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=2))))
        out.append(draw(st.sampled_from([ch, PERSIAN[int(ch)], ARABIC[int(ch)]])))
        if draw(st.integers(0, 9)) == 0:
            out.append(draw(st.sampled_from(BIDI)))
    sign = draw(st.sampled_from(["", "+", "-"]))
    pad = draw(st.sampled_from(["", " ", "  ", "\t"]))
    text = pad + draw(st.sampled_from(["", *BIDI])) + sign + "".join(out) + pad
    return text, -value if sign == "-" else value


@given(noisy_int())
def test_parse_int_with_random_separators(case: tuple[str, int]) -> None:
    text, value = case
    assert parse_int(text) == value
    assert parse_decimal(text) == value


@given(noisy_int(), st.sampled_from(["a", "ب", ".", "/", "_", "e"]), st.data())
def test_parse_int_refuses_any_foreign_character(
    case: tuple[str, int], junk: str, data: st.DataObject
) -> None:
    text, _ = case
    where = data.draw(st.integers(0, len(text)))
    with pytest.raises(ValueError):
        parse_int(text[:where] + junk + text[where:])
