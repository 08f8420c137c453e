"""The money, phone and date fields share one validated-input base: the same required,
error and marking rules, each with its own parser."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from crm_desktop.ui.widgets.money_edit import MoneyEdit
from crm_desktop.ui.widgets.phone_edit import PhoneEdit
from crm_desktop.ui.widgets.validated_input import ValidatedInput

FIELDS = {
    "money": (MoneyEdit, lambda w: w, "12500", "12-500"),
    "phone": (PhoneEdit, lambda w: w, "0912 345 6789", "0912"),
    "date": (JalaliDateEdit, lambda w: w.lineEdit(), "1405/9/1", "1405/13/40"),
}


@pytest.mark.parametrize("kind", FIELDS)
def test_one_base_one_behaviour(qtbot, kind: str) -> None:
    cls, line_of, good, bad = FIELDS[kind]
    widget = cls()
    qtbot.addWidget(widget)
    assert isinstance(widget, ValidatedInput)
    line = line_of(widget)
    assert line.layoutDirection() == Qt.LayoutDirection.LeftToRight

    assert widget.isValid() and widget.errorText() == ""  # empty and optional
    widget.setRequired(True)
    assert not widget.isValid() and widget.errorText()
    widget.setRequired(False)

    with qtbot.waitSignal(widget.validityChanged):
        line.setText(bad)
    assert not widget.isValid() and widget.errorText()
    assert line.property("invalid") is False  # not blamed while typing
    widget._finish_editing()  # Enter or focus-out
    assert line.property("invalid") is True
    assert line.text() == bad  # an invalid text is kept as typed

    line.setText(good)
    assert widget.isValid() and line.property("invalid") is False
    widget._finish_editing()
    assert line.text() != good  # rewritten in its canonical form
    assert widget.isValid()
