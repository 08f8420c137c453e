from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from crm_desktop.text.messages import field_message
from crm_desktop.ui.widgets.phone_edit import PhoneEdit


@pytest.fixture
def edit(qtbot: QtBot) -> PhoneEdit:
    widget = PhoneEdit()
    qtbot.addWidget(widget)
    return widget


def test_defaults(persian: QLocale, edit: PhoneEdit) -> None:
    assert edit.objectName() == "phoneEdit"
    assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert edit.kind() == "mobile"
    assert edit.fieldName() == "mobile"
    assert edit.value() is None
    assert edit.isValid()
    assert edit.placeholderText()


@pytest.mark.parametrize(
    "text",
    [
        "09121234567",
        "+98 912 123 4567",
        "0098-912-123-4567",
        "۰۹۱۲ ۱۲۳ ۴۵۶۷",
        "٩١٢١٢٣٤٥٦٧",
        "9121234567",
    ],
)
def test_mobile_is_normalised(any_language, edit, text: str) -> None:
    edit.setText(text)
    assert edit.isValid()
    assert edit.value() == "09121234567"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("021 8877 6655", "02188776655"),
        ("+98 21 8877 6655", "02188776655"),
        ("۸۸۷۷۶۶۵۵", "88776655"),
    ],
)
def test_phone_is_normalised(english, edit, text: str, expected: str) -> None:
    edit.setKind("phone")
    assert edit.fieldName() == "phone"
    edit.setText(text)
    assert edit.value() == expected


def test_persian_ui_shows_persian_digits_but_the_value_stays_ascii(
    persian, edit, type_text, focus_out
) -> None:
    type_text(edit, "+98 912 123 4567")
    focus_out(edit)
    assert edit.text() == "۰۹۱۲۱۲۳۴۵۶۷"
    assert edit.value() == "09121234567"


def test_english_ui_shows_latin_digits(english, edit, qtbot) -> None:
    edit.setText("۰۹۱۲ ۱۲۳ ۴۵۶۷")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "09121234567"


def test_invalid_mobile_keeps_the_text(persian, edit, qtbot, focus_out) -> None:
    with qtbot.waitSignal(edit.validityChanged, check_params_cb=lambda ok: ok is False):
        edit.setText("0212345")
    focus_out(edit)
    assert edit.text() == "0212345"
    assert edit.value() is None
    assert not edit.isValid()
    assert edit.property("invalid") is True
    assert edit.errorText() == field_message("mobile", "mobile.invalid", "fa")
    assert edit.errorText().startswith("موبایل:")


def test_a_landline_is_not_a_mobile_but_is_a_phone(english, edit, qtbot) -> None:
    edit.setText("021 8877 6655")
    assert not edit.isValid()
    assert edit.errorText() == field_message("mobile", "mobile.invalid", "en")
    with qtbot.waitSignal(edit.valueChanged, check_params_cb=lambda v: v == "02188776655"):
        edit.setKind("phone")
    assert edit.isValid()


def test_set_value_and_signals(persian, edit, qtbot) -> None:
    with qtbot.waitSignal(edit.valueChanged, check_params_cb=lambda v: v == "09121234567"):
        edit.setValue("+989121234567")
    assert edit.text() == "۰۹۱۲۱۲۳۴۵۶۷"
    with qtbot.waitSignal(edit.valueChanged, check_params_cb=lambda v: v is None):
        edit.setValue(None)
    assert edit.text() == ""


def test_required_and_field_name(english, edit) -> None:
    edit.setFieldName("mobile2")
    edit.setRequired(True)
    assert not edit.isValid()
    assert edit.errorText() == field_message("mobile2", "required", "en")
    edit.setFieldName(None)
    assert edit.fieldName() == "mobile"


def test_unknown_kind_is_refused(edit) -> None:
    with pytest.raises(ValueError):
        edit.setKind("fax")  # type: ignore[arg-type]
