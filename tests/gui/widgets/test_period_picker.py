"""The Jalali period picker: each choice gives its period, the arrows step by the period's
kind, a custom range is two Jalali dates, the label is in the UI language's digits."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from crm_desktop.domain import periods
from crm_desktop.domain.periods import Period
from crm_desktop.ui.widgets.period_picker import PeriodPicker, following

# 10 Azar 1405 is 1 December 2026 (the third quarter is Mehr to Azar)
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(periods, "today", lambda: TODAY)


@pytest.fixture
def picker(qtbot: QtBot) -> PeriodPicker:
    widget = PeriodPicker()
    qtbot.addWidget(widget)
    return widget


def test_it_starts_on_this_month_in_persian_words_and_digits(persian, picker) -> None:
    assert picker.period() == Period.of_month(1405, 9)
    assert picker.label.text() == "آذر ۱۴۰۵"
    assert picker.preset() == "this_month"
    assert picker.choice.text() == picker.tr("This month")


def test_english_shows_latin_digits(english, picker) -> None:
    assert picker.label.text() == "Azar 1405"


@pytest.mark.parametrize(("key", "expected"), [
    ("last_month", Period.of_month(1405, 8)),
    ("this_quarter", Period.of_quarter(1405, 3)),
    ("this_year", Period.of_year(1405)),
])
def test_each_choice_emits_its_period(persian, picker, qtbot: QtBot, key: str,
                                      expected: Period) -> None:
    with qtbot.waitSignal(picker.periodChanged, timeout=1000) as signal:
        picker._actions[key].trigger()  # the menu entry, as a click on it does
    assert signal.args == [expected]
    assert picker.period() == expected
    assert picker.label.text() == expected.label("fa")
    assert picker.preset() == key


def test_choosing_the_period_shown_again_emits_nothing(persian, picker, qtbot) -> None:
    with qtbot.assertNotEmitted(picker.periodChanged):
        picker.choose("this_month")


def test_the_arrows_step_by_the_kind_of_period(persian, picker, qtbot) -> None:
    picker.choose("this_quarter")
    with qtbot.waitSignal(picker.periodChanged, timeout=1000) as signal:
        picker.previous_button.click()
    assert signal.args == [Period.of_quarter(1405, 2)]
    assert picker.label.text() == "فصل ۲ سال ۱۴۰۵"
    assert picker.choice.text() == picker.tr("Quarter")
    picker.next_button.click()
    picker.next_button.click()
    assert picker.period() == Period.of_quarter(1405, 4)
    picker.next_button.click()
    assert picker.period() == Period.of_quarter(1406, 1)


def test_a_custom_range_from_two_jalali_dates(persian, picker, qtbot) -> None:
    assert picker._custom is None  # its date fields are made when first chosen
    picker.choose("custom")
    assert not picker.custom_box.isHidden()
    # the fields open on the period shown
    assert picker.from_edit.date() == Period.of_month(1405, 9).start
    picker.from_edit.lineEdit().setText("۱۴۰۵/۰۷/۰۱")
    picker.to_edit.lineEdit().setText("1405/09/15")
    with qtbot.waitSignal(picker.periodChanged, timeout=1000) as signal:
        picker.apply_button.click()
    expected = Period.custom(dt.date(2026, 9, 23), dt.date(2026, 12, 6))
    assert signal.args == [expected]
    assert picker.label.text() == "۱۴۰۵/۰۷/۰۱ تا ۱۴۰۵/۰۹/۱۵"
    assert picker.custom_box.isHidden()
    assert picker.choice.text() == picker.tr("Custom range")
    # the arrows move a custom range by its own length
    picker.previous_button.click()
    assert picker.period().days == expected.days
    assert picker.period().end == expected.start - dt.timedelta(days=1)


def test_a_range_that_ends_before_it_starts_is_refused(persian, picker, qtbot) -> None:
    picker.choose("custom")
    picker.from_edit.lineEdit().setText("1405/09/15")
    picker.to_edit.lineEdit().setText("1405/09/01")
    assert not picker.apply_button.isEnabled()
    assert picker.error_label.text()  # says why
    with qtbot.assertNotEmitted(picker.periodChanged):
        picker.apply_custom()
    assert picker.period() == Period.of_month(1405, 9)


def test_a_range_outside_the_years_of_periods_says_so(persian, picker, qtbot) -> None:
    picker.choose("custom")
    picker.from_edit.lineEdit().setText("1290/01/01")
    picker.to_edit.lineEdit().setText("1290/02/01")
    with qtbot.assertNotEmitted(picker.periodChanged):
        picker.apply_custom()
    assert picker.error_label.text() and not picker.error_label.isHidden()


def test_the_state_keeps_a_preset_relative_and_a_period_fixed(persian, picker) -> None:
    picker.choose("last_month")
    assert picker.state() == "last_month"
    picker.step_back()
    assert picker.state() == "1405-07"
    other = PeriodPicker()
    other.restore("1405-07")
    assert other.period() == Period.of_month(1405, 7)
    other.restore("this_year")
    assert other.period() == Period.of_year(1405)
    other.restore("nonsense")  # ignored
    assert other.period() == Period.of_year(1405)
    other.deleteLater()


@given(st.sampled_from(["month", "quarter", "year", "custom"]),
       st.integers(1301, 1497), st.integers(1, 12), st.integers(1, 400))
def test_following_is_the_inverse_of_previous(kind: str, year: int, index: int,
                                              days: int) -> None:
    if kind == "month":
        period = Period.of_month(year, index)
    elif kind == "quarter":
        period = Period.of_quarter(year, (index - 1) // 3 + 1)
    elif kind == "year":
        period = Period.of_year(year)
    else:
        start = Period.of_month(year, index).start
        period = Period.custom(start, start + dt.timedelta(days=days - 1))
    after = following(period)
    assert after.kind == period.kind
    assert after.start == period.end + dt.timedelta(days=1)
    assert after.previous() == period
