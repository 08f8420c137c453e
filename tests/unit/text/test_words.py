"""Persian number words, as printed on proformas ("مبلغ به حروف")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.text.money import MoneyUnit
from crm_desktop.text.words import MAX_WORDS, amount_in_words, number_to_words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "صفر"),
        (1, "یک"),
        (10, "ده"),
        (11, "یازده"),
        (19, "نوزده"),
        (20, "بیست"),
        (21, "بیست و یک"),
        (100, "صد"),
        (101, "صد و یک"),
        (110, "صد و ده"),
        (999, "نهصد و نود و نه"),
        (1_000, "یک هزار"),
        (1_001, "یک هزار و یک"),
        (12_000, "دوازده هزار"),
        (200_500, "دویست هزار و پانصد"),
        (1_000_000, "یک میلیون"),
        (1_250_000, "یک میلیون و دویست و پنجاه هزار"),
        (
            1_234_567_890,
            "یک میلیارد و دویست و سی و چهار میلیون و پانصد و شصت و هفت هزار و هشتصد و نود",
        ),
        (1_000_000_001, "یک میلیارد و یک"),
        (10**12, "یک تریلیون"),
        (10**15, "یک کوادریلیون"),
        (-1_500, "منفی یک هزار و پانصد"),
    ],
)
def test_number_to_words(n: int, words: str) -> None:
    assert number_to_words(n) == words


def test_largest_sqlite_integer_has_words() -> None:
    words = number_to_words(2**63 - 1)
    assert words.startswith("نه کوینتیلیون و دویست و بیست و سه کوادریلیون")
    assert words.endswith("هشتصد و هفت")
    with pytest.raises(ValueError):
        number_to_words(MAX_WORDS + 1)


@pytest.mark.parametrize("bad", [1.5, "12", True, None])
def test_only_integers(bad: object) -> None:
    with pytest.raises(TypeError):
        number_to_words(bad)  # type: ignore[arg-type]


def test_amount_in_words() -> None:
    assert amount_in_words(1_250_000, MoneyUnit.RIAL) == "یک میلیون و دویست و پنجاه هزار ریال"
    assert amount_in_words(12_500_000, MoneyUnit.TOMAN) == "یک میلیون و دویست و پنجاه هزار تومان"
    assert amount_in_words(15, "toman") == "یک تومان و پنج ریال"
    assert amount_in_words(7, MoneyUnit.TOMAN) == "هفت ریال"
    assert amount_in_words(0, MoneyUnit.TOMAN) == "صفر تومان"
    assert amount_in_words(0, MoneyUnit.RIAL) == "صفر ریال"


NUMBERS = st.integers(min_value=-(10**18), max_value=10**18)


@given(NUMBERS)
def test_words_are_clean(n: int) -> None:
    words = number_to_words(n)
    assert words
    assert words == words.strip()
    assert "  " not in words
    assert "و و" not in words
    assert not words.startswith("و ") and not words.endswith(" و")
    assert ("صفر" in words) == (n == 0)
    assert words.startswith("منفی ") == (n < 0)


@given(NUMBERS)
def test_neighbours_differ(n: int) -> None:
    assert number_to_words(n) != number_to_words(n + 1)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_groups_compose(high: int, low: int) -> None:
    """high thousands and low units are the two groups' own words joined with " و "."""
    assert number_to_words(high * 1000 + low) == (
        f"{number_to_words(high)} هزار و {number_to_words(low)}"
    )


@given(st.integers(min_value=0, max_value=10**15))
def test_amount_in_rial_is_words_plus_unit(n: int) -> None:
    assert amount_in_words(n, MoneyUnit.RIAL) == f"{number_to_words(n)} ریال"
    assert amount_in_words(n * 10, MoneyUnit.TOMAN) == f"{number_to_words(n)} تومان"
