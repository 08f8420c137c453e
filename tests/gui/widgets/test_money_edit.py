from __future__ import annotations

from typing import ClassVar

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.text.messages import field_message
from crm_desktop.text.money import MAX_RIALS, MoneyUnit
from crm_desktop.ui.widgets.money_edit import MoneyEdit


@pytest.fixture
def edit(qtbot: QtBot) -> MoneyEdit:
    widget = MoneyEdit()
    qtbot.addWidget(widget)
    return widget


def test_defaults(persian: QLocale, edit: MoneyEdit) -> None:
    assert edit.objectName() == "moneyEdit"
    assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert edit.alignment() & Qt.AlignmentFlag.AlignRight
    assert edit.unit() is MoneyUnit.RIAL
    assert edit.value() is None
    assert edit.isValid()
    assert edit.unitLabel().text() == "Rial"  # until a translation is installed


def test_english_ui_aligns_left(english: QLocale, edit: MoneyEdit) -> None:
    assert edit.alignment() & Qt.AlignmentFlag.AlignLeft


@pytest.mark.parametrize(
    ("text", "rials"),
    [
        ("12500000", 12_500_000),
        ("12,500,000", 12_500_000),
        ("۱۲٬۵۰۰٬۰۰۰", 12_500_000),
        ("١٢٥٠٠٠٠٠", 12_500_000),
        ("۱۲ ۵۰۰ ۰۰۰", 12_500_000),
        ("0", 0),
        ("500 تومان", 5_000),  # a typed unit word wins
    ],
)
def test_rial_amounts_in_any_digits(any_language, edit, text: str, rials: int) -> None:
    edit.setText(text)
    assert edit.value() == rials
    assert edit.isValid()


@pytest.mark.parametrize(
    ("text", "rials"),
    [("123.4", 1234), ("۱۲۳٫۴", 1234), ("١٢٣.٤", 1234), ("1,250,000", 12_500_000), ("5", 50)],
)
def test_toman_amounts_are_valued_in_rials(any_language, edit, text: str, rials: int) -> None:
    edit.setUnit(MoneyUnit.TOMAN)
    edit.setText(text)
    assert edit.value() == rials


def test_a_tenth_of_a_rial_is_invalid(persian, edit) -> None:
    edit.setText("123.4")
    assert not edit.isValid()
    assert edit.errorText() == field_message("amount", "money.invalid", "fa")


def test_negative_is_refused(persian, edit, qtbot) -> None:
    edit.setFieldName("unit_price")
    with qtbot.waitSignal(edit.validityChanged, check_params_cb=lambda ok: ok is False):
        edit.setText("-500")
    assert edit.value() is None
    assert edit.errorText() == field_message("unit_price", "money.negative", "fa")
    assert edit.errorText().startswith("قیمت واحد:")
    with pytest.raises(ValueError):
        edit.setValue(-1)
    with pytest.raises(TypeError):
        edit.setValue(True)  # type: ignore[arg-type]


def test_an_amount_too_large_names_the_maximum(persian, edit) -> None:
    edit.setText("1" * 28)
    assert edit.value() is None
    assert edit.errorText() == field_message("amount", "money.too_large", "fa", max=MAX_RIALS)
    assert "۱۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰ ریال" in edit.errorText()
    # an amount an older version stored above the limit is shown, and refused, not a crash
    edit.setValue(5 * 10**18)
    assert edit.value() is None and "۵٬۰۰۰" in edit.text()
    assert edit.errorText() == field_message("amount", "money.too_large", "fa", max=MAX_RIALS)


def test_garbage_is_invalid_and_kept(english, edit, focus_out) -> None:
    edit.setText("12abc")
    assert not edit.isValid()
    assert edit.errorText() == "Amount: enter an amount in digits, such as 1,250,000."
    focus_out(edit)
    assert edit.text() == "12abc"
    assert edit.property("invalid") is True


def test_focus_out_groups_digits_in_persian(persian, edit, type_text, focus_out) -> None:
    type_text(edit, "۱۲۵۰۰۰۰۰")
    assert edit.value() == 12_500_000
    focus_out(edit)
    assert edit.text() == "۱۲٬۵۰۰٬۰۰۰"
    assert edit.value() == 12_500_000


def test_enter_groups_digits_in_english(english, edit, qtbot) -> None:
    qtbot.keyClicks(edit, "12500000")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "12,500,000"


def test_toman_formatting(persian, edit, focus_out) -> None:
    edit.setUnit("toman")
    edit.setText("123.4")
    focus_out(edit)
    assert edit.text() == "۱۲۳٫۴"
    assert edit.value() == 1234


def test_set_value_and_switching_unit_keeps_the_rials(english, edit, qtbot) -> None:
    edit.setValue(12_500_000)
    assert edit.text() == "12,500,000"
    with qtbot.assertNotEmitted(edit.valueChanged):
        edit.setUnit(MoneyUnit.TOMAN)
    assert edit.text() == "1,250,000"
    assert edit.value() == 12_500_000
    assert edit.unitLabel().text() == "Toman"
    edit.setValue(None)
    assert edit.text() == ""
    assert edit.value() is None


def test_value_changed_and_required(english, edit, qtbot) -> None:
    seen: list[int | None] = []
    edit.valueChanged.connect(seen.append)
    edit.setText("1")
    edit.setText("1x")
    edit.setText("10")
    assert seen == [1, None, 10]
    edit.setText("")
    edit.setRequired(True)
    assert not edit.isValid()
    assert edit.errorText() == field_message("amount", "required", "en")


class _FakePersianTranslator(QTranslator):
    """Stands in for the .qm built from translations/crm_desktop_fa.ts."""

    WORDS: ClassVar[dict[str, str]] = {"Rial": "ریال", "Toman": "تومان"}

    def isEmpty(self) -> bool:  # an empty translator does not announce a LanguageChange
        return False

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context == "MoneyEdit":
            return self.WORDS.get(source_text)
        return None


def test_unit_name_is_translated(persian, edit, qtbot) -> None:
    translator = _FakePersianTranslator()
    QApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: edit.unitLabel().text() == "ریال", timeout=1000)
        edit.setUnit(MoneyUnit.TOMAN)
        assert edit.unitLabel().text() == "تومان"
    finally:
        QApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: edit.unitLabel().text() == "Toman", timeout=1000)


def test_unit_label_leaves_room_for_the_text(any_language, edit) -> None:
    edit.resize(240, 30)
    margins = edit.textMargins()
    label = edit.unitLabel().geometry()
    if any_language == "fa":  # the unit follows the number as it is read: at its left
        assert label.left() < 20
        assert margins.left() >= label.width()
    else:
        assert label.right() > 200
        assert margins.right() >= label.width()
