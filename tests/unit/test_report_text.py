"""How report cells read (cell_text) and the word-by-word shaping of PDF text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import arabic_reshaper
from bidi.algorithm import get_display
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.export.pdf.proforma import _HYPHENATED, _shape, ltr, visual
from crm_desktop.text.cell_text import cell_text, decimal_text, percent_text
from crm_desktop.text.money import MoneyUnit

PERSIAN = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةأإؤئءًٌٍَُِّْ"


@given(st.text(alphabet=PERSIAN + " \t\u200c\u0640-۰۱۲0123456789ab()", max_size=40))
def test_shaping_word_by_word_is_shaping_the_whole_text(text: str) -> None:
    whole = arabic_reshaper.reshape(_HYPHENATED.sub(lambda m: ltr(m.group()), text))
    assert _shape(text) == whole


@given(st.text(alphabet=PERSIAN + " ۰۱۲0129abc-+.,:/٪%٫٬()«»[]<>\u200c\u200d\u200e\u200f"
               "\u202a\u202b\u202c\u060c!?", max_size=30), st.sampled_from(["R", "L"]))
def test_the_fast_bidi_gives_the_legacy_order(text: str, base: str) -> None:
    shaped = _shape(text)
    assert visual(shaped, base) == get_display(shaped, base_dir=base)


def test_cells() -> None:
    assert cell_text(12_500_000, "money") == "۱۲٬۵۰۰٬۰۰۰"
    assert cell_text(12_500_005, "money", "fa", MoneyUnit.TOMAN) == "۱٬۲۵۰٬۰۰۰٫۵"
    assert cell_text(12_500_000, "money", "en") == "12,500,000"
    assert cell_text(1234, "integer") == "۱٬۲۳۴"
    assert cell_text(Decimal(4) / Decimal(7), "rate") == "۵۷٫۱٪"
    assert cell_text(Decimal("-0.5"), "rate", "en") == "-50.0%"
    assert cell_text(Decimal("3.50"), "decimal") == "۳٫۵۰"
    assert cell_text(Decimal("28.3"), "decimal", "en") == "28.3"
    assert cell_text(Decimal("1234.5"), "decimal", "en") == "1,234.5"
    assert cell_text(date(2026, 9, 23), "date") == "۱۴۰۵/۰۷/۰۱"
    assert cell_text("09120000001", "code") == "۰۹۱۲۰۰۰۰۰۰۱"
    assert cell_text("09120000001", "code", "en") == "09120000001"
    assert cell_text(None, "money") == ""
    assert cell_text("متن 12", "text") == "متن 12"


@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False))
def test_decimals_keep_their_places(value: Decimal) -> None:
    text = decimal_text(value, persian=False)
    assert Decimal(text.replace(",", "")) == value
    persian = decimal_text(value, persian=True)
    assert persian.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٬٫", "0123456789,.")) == text


@given(st.fractions(min_value=-5, max_value=5))
def test_percentages_round_half_up_to_one_decimal(value: object) -> None:
    from fractions import Fraction

    assert isinstance(value, Fraction)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    text = percent_text(exact, persian=False)
    assert text.endswith("%")
    assert abs(Decimal(text[:-1].replace(",", "")) - exact * 100) <= Decimal("0.05")
