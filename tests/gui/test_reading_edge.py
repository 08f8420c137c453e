"""Dialogs in a right-to-left window start their text at the right: the company profile's
address and every line of the About box."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import QPoint, Qt

from crm_desktop.ui import display

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def paragraph_direction(line: str) -> str | None:
    """The direction a line takes by itself (UAX #9 rules P2-P3): its first strong
    character outside isolates; None when it has none."""
    depth = 0
    for ch in line:
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == "\u2069":
            depth = max(0, depth - 1)
        elif depth == 0:
            kind = unicodedata.bidirectional(ch)
            if kind in ("R", "AL"):
                return "rtl"
            if kind == "L":
                return "ltr"
    return None


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_about_lines_read_in_the_ui_direction(small_window, ui_lang) -> None:
    expected = "rtl" if ui_lang == "fa" else "ltr"
    lines = small_window.about_text().split("\n")
    assert len(lines) >= 3
    assert [paragraph_direction(line) for line in lines] == [expected] * len(lines)


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_company_profile_address_at_the_reading_edge(small_window, qapp, ui_lang) -> None:
    from crm_desktop.ui.dialogs.company_profile_dialog import CompanyProfileDialog

    core = small_window.core
    dialog = CompanyProfileDialog(core, small_window.ops, small_window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    dialog.bindings["address"].set("تهران، خیابان ولیعصر")
    dialog.show()
    qapp.processEvents()
    edit = dialog.bindings["address"].edit
    line = edit.document().firstBlock().layout().lineAt(0).naturalTextRect()
    width = edit.viewport().width()
    if ui_lang == "fa":
        assert line.right() > width - 12  # at the right, where the label's text starts
    else:
        assert line.left() < 12
    # the address box sits with its label, not in the middle of a stretched row
    postal = dialog.bindings["postal_code"].widget
    gap = (postal.mapTo(dialog, QPoint(0, 0)).y()
           - edit.mapTo(dialog, QPoint(0, edit.height())).y())
    assert gap < 3 * dialog.fontMetrics().lineSpacing()
    assert display.persian() == (ui_lang == "fa")
    dialog.close()
