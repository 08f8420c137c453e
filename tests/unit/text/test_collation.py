from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.text.collation import sort_key

ALPHABET = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("ب", "پ"),
        ("بابک", "پارسا"),
        ("ج", "چ"),
        ("جمشید", "چنگیز"),
        ("ز", "ژ"),
        ("زهرا", "ژاله"),
        ("ک", "گ"),
        ("کامران", "گلاره"),
        ("آرش", "احمد"),
        ("ت", "ث"),
        ("و", "ه"),
        ("ه", "ی"),
        ("علی رضایی", "علیرضا"),  # a space sorts before any letter
        ("علی", "علیرضا"),  # a prefix sorts first
        ("9", "a"),  # ASCII digits, then Latin letters, then Persian letters
        ("Zed", "آرش"),
        ("adam", "Bob"),  # Latin is casefolded
        ("۱۰", "۲"),  # digits are compared as ASCII text, character by character
    ],
)
def test_order(before: str, after: str) -> None:
    assert sort_key(before) < sort_key(after)


def test_ye_is_last_of_all_letters() -> None:
    keys = sorted(ALPHABET, key=sort_key)
    assert "".join(keys) == ALPHABET
    assert keys[-1] == "ی"


@pytest.mark.parametrize(
    ("arabic", "persian"),
    [
        ("علي", "علی"),
        ("على", "علی"),
        ("كريمي", "کریمی"),
        ("مسئول", "مسیول"),
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهیم"),
        ("مؤمن", "مومن"),
        ("فاطمة", "فاطمه"),
        ("مُحَمَّد", "محمد"),
        ("مـحمد", "محمد"),
        ("علی\u200cرضا", "علیرضا"),
        ("  علی   رضایی ", "علی رضایی"),
        ("۱۲۳", "123"),
        ("ADAM", "adam"),
    ],
)
def test_variants_sort_the_same(arabic: str, persian: str) -> None:
    assert sort_key(arabic) == sort_key(persian)


def test_sorting_a_list() -> None:
    names = ["یاسمن", "گلاره", "پارسا", "بهرام", "علیرضا", "علی رضایی", "آرش", "احمد", "کامران"]
    assert sorted(names, key=sort_key) == [
        "آرش",
        "احمد",
        "بهرام",
        "پارسا",
        "علی رضایی",
        "علیرضا",
        "کامران",
        "گلاره",
        "یاسمن",
    ]


def test_sort_key_orders_like_utf8_bytes() -> None:
    # SQLite's BINARY collation compares UTF-8 bytes; for the key that is code-point order.
    names = ["ژاله", "زهرا", "گلاره", "کامران", "چنگیز", "جمشید", "پارسا", "بابک", "علی", "Ali"]
    by_str = sorted(names, key=sort_key)
    by_bytes = sorted(names, key=lambda n: sort_key(n).encode("utf-8"))
    assert by_str == by_bytes


def persian_compare(a: str, b: str) -> int:
    """Independent comparator: letter by letter in the alphabet, a space before any letter."""

    def ranks(s: str) -> list[int]:
        return [-1 if ch == " " else ALPHABET.index(ch) for ch in s]

    ra, rb = ranks(a), ranks(b)
    return (ra > rb) - (ra < rb)


names = st.lists(
    st.text(alphabet=ALPHABET + " ", min_size=1, max_size=10).map(lambda s: " ".join(s.split())),
    min_size=2,
    max_size=20,
)


@given(names)
def test_sort_key_matches_an_independent_comparator(names: list[str]) -> None:
    expected = sorted(names, key=functools.cmp_to_key(persian_compare))
    assert sorted(names, key=sort_key) == expected


@given(st.text(alphabet=ALPHABET + " ", max_size=10), st.text(alphabet=ALPHABET + " ", max_size=10))
def test_pairwise_order_matches_the_comparator(a: str, b: str) -> None:
    a, b = " ".join(a.split()), " ".join(b.split())
    cmp = persian_compare(a, b)
    ka, kb = sort_key(a).encode("utf-8"), sort_key(b).encode("utf-8")
    assert ((ka > kb) - (ka < kb)) == cmp
