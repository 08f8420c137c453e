"""The helpers that keep values in order in either direction, and one percent rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.ui import display

values = st.text(alphabet=st.characters(blacklist_characters=sorted(display.BIDI_CONTROLS),
                                        blacklist_categories=("Cs",)), min_size=1)


@given(values)
def test_isolate_wraps_any_value_and_plain_takes_it_back(value: str) -> None:
    wrapped = display.isolate(value)
    assert wrapped.startswith(display.FSI) and wrapped.endswith(display.PDI)
    assert display.plain(wrapped) == value
    assert not display.unisolated_mix(display.join(["Created", value, "12:38"]))


def test_empty_values_stay_empty_and_are_left_out_of_a_join() -> None:
    assert display.isolate("") == "" and display.isolate(None) == ""
    assert display.plain(display.join(["a", "", None, "ب"])) == "a — ب"


def test_fill_isolates_each_placeholder() -> None:
    text = display.fill("Created in {stage} at {time}", stage="سرنخ جدید", time="12:38")
    assert display.plain(text) == "Created in سرنخ جدید at 12:38"
    assert display.mixes_directions(text) and not display.unisolated_mix(text)


def test_a_mixed_line_without_isolates_is_found() -> None:
    assert display.unisolated_mix("Created in 12:38 1405/04/30 - سرنخ جدید")
    assert not display.unisolated_mix("سرنخ جدید ۱۲:۳۸")
    assert not display.unisolated_mix("Created in 12:38")


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_one_percent_rule_per_language(ui_lang) -> None:
    assert display.percent(10) == ("۱۰٪" if ui_lang == "fa" else "10%")
    assert display.percent("12.5") == ("۱۲.۵٪" if ui_lang == "fa" else "12.5%")
