"""clean_text removes what must not be stored in a name: control characters (C0, C1, DEL),
lone surrogates (which UTF-8 cannot encode: SQLite would fail at flush) and bidi controls."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.text.normalize import clean_text

#: text from every Unicode category, surrogates and controls included
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x00b", "ab"),  # NUL
        ("\x07علی\x1b", "علی"),  # bell, escape
        ("رضا\x7f", "رضا"),  # DEL
        ("x\x80y\x9fz", "xyz"),  # C1 controls
        ("a\tb\nc\rd\x0be\x0cf", "a b c d e f"),  # whitespace controls are spaces
        ("a\x85b", "a b"),  # NEXT LINE (C1) is a line break
        ("a\ud800b\udfffc", "abc"),  # lone surrogates
        ("\ud83d\ude00", ""),  # a surrogate pair given as two code points is two lone halves
        ("😀", "😀"),  # a real astral character stays
        ("a\u202eb\u2066c", "abc"),  # bidi overrides and isolates, as before
        ("\x00\x01\x02", ""),
    ],
)
def test_controls_are_removed(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@given(any_text)
def test_clean_text_output_can_be_stored(s: str) -> None:
    out = clean_text(s)
    out.encode("utf-8")  # no lone surrogate
    assert not any(unicodedata.category(ch) in ("Cc", "Cs") for ch in out)
    assert clean_text(out) == out  # idempotent, with controls too
