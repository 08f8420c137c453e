from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.text.messages import field_message
from crm_desktop.text.money import MAX_RIALS, MoneyUnit, format_money, parse_money
from crm_desktop.text.validate import InvalidValue


def test_money_unit_values() -> None:
    assert MoneyUnit.RIAL == "rial"
    assert MoneyUnit.TOMAN == "toman"
    assert MoneyUnit("toman") is MoneyUnit.TOMAN


@pytest.mark.parametrize(
    ("rials", "unit", "persian", "text"),
    [
        (12_500_000, MoneyUnit.RIAL, True, "۱۲٬۵۰۰٬۰۰۰ ریال"),
        (12_500_000, MoneyUnit.TOMAN, True, "۱٬۲۵۰٬۰۰۰ تومان"),
        (12_500_000, MoneyUnit.RIAL, False, "12,500,000 Rial"),
        (12_500_000, MoneyUnit.TOMAN, False, "1,250,000 Toman"),
        (1234, "toman", True, "۱۲۳٫۴ تومان"),
        (1234, "toman", False, "123.4 Toman"),
        (5, "toman", False, "0.5 Toman"),
        (-15, "toman", False, "-1.5 Toman"),
        (-12_000, "rial", False, "-12,000 Rial"),
        (0, "rial", True, "۰ ریال"),
        (10**22 + 7, "toman", False, "1,000,000,000,000,000,000,000.7 Toman"),
    ],
)
def test_format_money(rials: int, unit: MoneyUnit | str, persian: bool, text: str) -> None:
    assert format_money(rials, unit, persian) == text


def test_format_money_without_unit() -> None:
    assert format_money(12_500_000, MoneyUnit.TOMAN, persian=False, with_unit=False) == "1,250,000"
    assert format_money(1234, MoneyUnit.TOMAN, with_unit=False) == "۱۲۳٫۴"


def test_format_money_refuses_floats_and_unknown_units() -> None:
    with pytest.raises(TypeError):
        format_money(12.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_money(10, "dollar")


@pytest.mark.parametrize(
    ("text", "unit", "rials"),
    [
        ("12,500,000", MoneyUnit.RIAL, 12_500_000),
        ("۱٬۲۵۰٬۰۰۰", MoneyUnit.TOMAN, 12_500_000),
        ("123.4", MoneyUnit.TOMAN, 1234),
        ("۱۲۳٫۴", "toman", 1234),
        ("۱۲۳٫۴ تومان", MoneyUnit.RIAL, 1234),  # the unit word overrides
        ("1000 ریال", MoneyUnit.TOMAN, 1000),
        ("1000 ريال", MoneyUnit.TOMAN, 1000),  # Arabic yeh
        ("1000ریال", MoneyUnit.TOMAN, 1000),
        ("50 TOMAN", MoneyUnit.RIAL, 500),
        ("50 Rial", MoneyUnit.TOMAN, 50),
        ("50 rials", MoneyUnit.TOMAN, 50),
        ("  \u200f۲۵۰ تومان\u200f ", MoneyUnit.RIAL, 2500),
        ("12.50", MoneyUnit.TOMAN, 125),  # a written trailing zero is still one decimal of value
        ("0", MoneyUnit.RIAL, 0),
        ("+10", MoneyUnit.RIAL, 10),
    ],
)
def test_parse_money(text: str, unit: MoneyUnit | str, rials: int) -> None:
    assert parse_money(text, unit) == rials


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("", MoneyUnit.RIAL),
        ("ریال", MoneyUnit.RIAL),
        ("abc", MoneyUnit.RIAL),
        ("12.5", MoneyUnit.RIAL),
        ("12.5 ریال", MoneyUnit.TOMAN),
        ("12.34", MoneyUnit.TOMAN),
        ("12.34 تومان", MoneyUnit.RIAL),
        ("12/5", MoneyUnit.TOMAN),
        ("10 dollars", MoneyUnit.RIAL),
        ("تومان 10", MoneyUnit.RIAL),
        ("1." + "0" * 40 + "1", MoneyUnit.TOMAN),  # too many decimals, even if tiny
    ],
)
def test_parse_money_refuses(text: str, unit: MoneyUnit) -> None:
    with pytest.raises(InvalidValue) as info:
        parse_money(text, unit)
    assert info.value.code == "money.invalid"
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("text", ["-5", "-۱۰ تومان", "\u2212100"])
def test_parse_money_refuses_negative(text: str) -> None:
    with pytest.raises(InvalidValue) as info:
        parse_money(text)
    assert info.value.code == "money.negative"


def test_parse_money_largest_amount() -> None:
    assert parse_money(str(MAX_RIALS)) == MAX_RIALS
    assert parse_money(format_money(MAX_RIALS, "toman"), "rial") == MAX_RIALS
    assert parse_money(str(MAX_RIALS // 10), "toman") == MAX_RIALS


def test_the_limit_keeps_table_sums_inside_64_bits() -> None:
    # 100,000 amounts at the limit add up to less than SQLite's largest integer
    assert 100_000 * MAX_RIALS <= 2**63 - 1
    # and an amount x 100 (a probability in percent) fits one integer too
    assert MAX_RIALS * 100 <= 2**63 - 1


@pytest.mark.parametrize(
    ("text", "unit", "code", "maximum"),
    [
        (str(MAX_RIALS + 1), MoneyUnit.RIAL, "money.too_large", MAX_RIALS),
        ("1" * 28, MoneyUnit.RIAL, "money.too_large", MAX_RIALS),  # 28 digits
        ("۱" * 28 + " ریال", MoneyUnit.TOMAN, "money.too_large", MAX_RIALS),
        ("9" * 5000, MoneyUnit.RIAL, "money.too_large", MAX_RIALS),  # past int()'s digit limit
        (str(2**63), MoneyUnit.RIAL, "money.too_large", MAX_RIALS),
        (str(MAX_RIALS // 10 + 1), MoneyUnit.TOMAN, "money.too_large.toman", MAX_RIALS // 10),
        ("1000000000000.1 تومان", MoneyUnit.RIAL, "money.too_large.toman", MAX_RIALS // 10),
        ("1" * 28 + ".5", MoneyUnit.RIAL, "money.too_large", MAX_RIALS),
    ],
)
def test_parse_money_says_an_amount_is_too_large(
    text: str, unit: MoneyUnit, code: str, maximum: int
) -> None:
    with pytest.raises(InvalidValue) as info:
        parse_money(text, unit)
    assert info.value.code == code
    assert info.value.params == {"max": maximum}


def test_too_large_message_names_the_maximum_in_persian_digits() -> None:
    with pytest.raises(InvalidValue) as info:
        parse_money("1" * 28)
    fa = field_message("amount", info.value.code, "fa", **info.value.params)
    en = field_message("amount", info.value.code, "en", **info.value.params)
    assert fa == "مبلغ: مبلغ بیش از حد بزرگ است، حداکثر ۱۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰ ریال وارد کنید."
    assert en == "Amount: the amount is too large, enter at most 10,000,000,000,000 Rial."
    with pytest.raises(InvalidValue) as info:
        parse_money("1" * 28, "toman")
    fa = field_message("amount", info.value.code, "fa", **info.value.params)
    assert fa.endswith("حداکثر ۱٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰ تومان وارد کنید.")


units = st.sampled_from([MoneyUnit.RIAL, MoneyUnit.TOMAN])


@given(st.integers(min_value=0, max_value=MAX_RIALS), units, st.booleans(), st.booleans())
def test_format_then_parse_money_round_trips(
    rials: int, unit: MoneyUnit, persian: bool, with_unit: bool
) -> None:
    text = format_money(rials, unit, persian, with_unit)
    assert parse_money(text, unit) == rials


@given(st.integers(min_value=0, max_value=MAX_RIALS), units, st.booleans())
def test_printed_unit_wins_over_the_parse_unit(rials: int, unit: MoneyUnit, persian: bool) -> None:
    other = MoneyUnit.TOMAN if unit is MoneyUnit.RIAL else MoneyUnit.RIAL
    assert parse_money(format_money(rials, unit, persian), other) == rials
