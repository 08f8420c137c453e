"""SMS part counting at the 70/67 and 160/153 boundaries, mixed scripts, extension
characters; message placeholders checked, escaped and filled in."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.domain.errors import ValidationError
from crm_desktop.text.placeholders import PLACEHOLDERS, escape, parse, render, used
from crm_desktop.text.sms import GSM7_BASIC, GSM7_EXTENSION, count_sms

persian = st.sampled_from(list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی۰۱۲۳۴۵۶۷۸۹،؟"))
latin = st.sampled_from(sorted(GSM7_BASIC))
extension = st.sampled_from(sorted(GSM7_EXTENSION))


def expected_parts(units: int, single: int, per_part: int) -> int:
    if units == 0:
        return 0
    return 1 if units <= single else math.ceil(units / per_part)


@given(st.integers(0, 700))
def test_persian_parts_are_70_then_67(n: int) -> None:
    text = "س" * n
    c = count_sms(text)
    assert c.encoding == ("ucs2" if n else "gsm7")
    assert c.parts == expected_parts(n, 70, 67)


@pytest.mark.parametrize(("n", "parts"), [(70, 1), (71, 2), (134, 2), (135, 3), (201, 3),
                                          (202, 4)])
def test_persian_boundaries(n: int, parts: int) -> None:
    assert count_sms("ب" * n).parts == parts


@pytest.mark.parametrize(("n", "parts"), [(160, 1), (161, 2), (306, 2), (307, 3), (459, 3),
                                          (460, 4)])
def test_latin_boundaries(n: int, parts: int) -> None:
    assert count_sms("a" * n).parts == parts


@given(st.lists(latin, max_size=700).map("".join))
def test_gsm7_parts_are_160_then_153(text: str) -> None:
    c = count_sms(text)
    assert c.encoding == "gsm7"
    assert c.units == len(text)
    assert c.parts == expected_parts(len(text), 160, 153)


@given(st.lists(st.one_of(latin, extension), max_size=500).map("".join))
def test_extension_characters_count_two_and_are_never_split(text: str) -> None:
    c = count_sms(text)
    units = sum(2 if ch in GSM7_EXTENSION else 1 for ch in text)
    assert c.encoding == "gsm7" and c.units == units
    if units <= 160:
        assert c.parts == (1 if units else 0)
    else:
        # greedy filling of 153-septet parts where an escape pair stays together
        parts, used_ = 1, 0
        for ch in text:
            cost = 2 if ch in GSM7_EXTENSION else 1
            if used_ + cost > 153:
                parts, used_ = parts + 1, 0
            used_ += cost
        assert c.parts == parts
        assert math.ceil(units / 153) <= c.parts <= math.ceil(units / 152)


def test_extension_at_the_160_boundary() -> None:
    assert count_sms("a" * 158 + "€").parts == 1  # 160 septets
    assert count_sms("a" * 159 + "€").parts == 2  # 161 septets
    # 152 + an escape pair does not fit in the first 153-septet part
    assert count_sms("a" * 152 + "[" + "a" * 10).parts == 2
    c = count_sms("a" * 152 + "[" + "a" * 10)
    assert c.remaining == 153 - 12


@given(st.lists(latin, min_size=1, max_size=300).map("".join), persian,
       st.integers(0, 300))
def test_one_persian_letter_makes_the_whole_text_ucs2(text: str, fa: str, at: int) -> None:
    mixed = text[:at] + fa + text[at:]
    c = count_sms(mixed)
    assert c.encoding == "ucs2"
    assert c.parts == expected_parts(len(mixed), 70, 67)


def test_mixed_at_boundaries() -> None:
    assert count_sms("a" * 69 + "ب").parts == 1
    assert count_sms("a" * 70 + "ب").parts == 2
    assert count_sms("Hello علی " * 7).parts == 1  # 70 characters


def test_emoji_takes_two_units_and_is_not_split() -> None:
    assert count_sms("😀" * 35).parts == 1
    assert count_sms("😀" * 35 + "a").parts == 2
    assert count_sms("a" + "😀" * 33 + "b" * 2).units == 69


def test_empty() -> None:
    c = count_sms("")
    assert (c.parts, c.units, c.remaining) == (0, 0, 160)


# -- placeholders ---------------------------------------------------------------------------
def test_render_fills_in_and_keeps_escaped_braces() -> None:
    values = {"first_name": "علی", "company": "فولاد", "city": None}
    text = render("سلام {first_name} از {company} {{کد}} {city}!", values)
    assert text == "سلام علی از فولاد {کد}!"
    assert render("{نام} {شرکت}", values) == "علی فولاد"


def test_an_empty_value_leaves_no_double_space() -> None:
    empty = {"company": "", "first_name": None}
    assert render("this week {company} gives you 20% off", empty) == (
        "this week gives you 20% off")
    assert render("سلام {first_name}، خوش آمدید", empty) == "سلام، خوش آمدید"
    assert render("از {company}", empty) == "از"
    # a value that is there, or an empty one inside a word, is left as it is
    assert render("this week {company} gives", {"company": "Taban"}) == (
        "this week Taban gives")
    assert render("code-{company}-x", empty) == "code--x"


@given(st.lists(st.sampled_from(["a", " ", "{company}", "،", "{city}", "b "]), max_size=12))
def test_empty_values_never_leave_two_spaces_where_the_template_had_one(parts) -> None:
    template = "".join(parts)
    if "  " in template.replace("{company}", "").replace("{city}", "") or "  " in template:
        return  # the template's own double spaces are kept
    assert "  " not in render(template, {"company": "", "city": ""})


def test_unknown_placeholders_are_named() -> None:
    with pytest.raises(ValidationError) as info:
        parse("Hi {first_name} {discount} {code}")
    message = info.value.message("en")
    assert "{discount}" in message and "{code}" in message
    assert info.value.fields == ["body"]
    assert "{discount}" in info.value.message("fa")


@pytest.mark.parametrize("text", ["a { b", "a } b", "{first_name", "}{", "{{{"])
def test_stray_braces_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse(text)
    assert info.value.errors[0].code == "placeholder.brace"


@given(st.text(max_size=60))
def test_escaped_text_renders_to_itself(text: str) -> None:
    assert render(escape(text), {}) == text


@given(st.lists(st.sampled_from(PLACEHOLDERS), max_size=6), st.text(
    st.characters(blacklist_characters="{}"), min_size=1, max_size=20))
def test_every_known_placeholder_is_used_and_filled(names: list[str], filler: str) -> None:
    template = " ".join("{" + n + "}" for n in names)
    assert used(template) == list(dict.fromkeys(names))
    assert render(template, dict.fromkeys(PLACEHOLDERS, filler)) == " ".join(
        filler for _ in names)
