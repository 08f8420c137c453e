"""Unexpected errors, refused writes, keyboard behaviour of dialogs, remembered widths."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.ui import errors
from crm_desktop.ui.dialogs.contact_dialog import ContactDialog
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.contacts import ContactsView


def test_unexpected_error_is_logged_and_shown_politely(qapp, monkeypatch, ui_lang) -> None:
    from crm_desktop.logging_setup import setup_logging

    log_file = setup_logging()
    shown = []
    monkeypatch.setattr(errors, "ask_box", lambda box: shown.append(box.text()) or 0)
    errors.install_excepthook()
    try:
        raise RuntimeError("the disk is on fire")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert shown and "Traceback" not in shown[0] and "fire" not in shown[0]
    assert "crm-desktop.log" in shown[0]
    text = Path(log_file).read_text(encoding="utf-8")
    assert "the disk is on fire" in text and "Traceback" in text
    sys.excepthook = sys.__excepthook__


def test_ops_reports_refusals(ops, monkeypatch, ui_lang) -> None:
    import crm_desktop.ui.ops as ops_module

    shown = []
    monkeypatch.setattr(ops_module, "show_message", lambda parent, text, **k: shown.append(text))
    seen = []
    ops.changed.connect(seen.append)

    def refuse() -> None:
        raise ValidationError(FieldError("mobile", "mobile.invalid"))

    outcome = ops.run(None, refuse, changes=["contacts"])
    assert not outcome.ok and outcome.invalid is not None
    assert "موبایل" in shown[-1]  # in the UI language
    outcome = ops.run(None, lambda: 7, changes=["contacts"])
    assert outcome.ok and outcome.value == 7 and seen == [["contacts"]]

    def crash() -> None:
        raise KeyError("bug")

    monkeypatch.setattr(ops_module, "show_unexpected", lambda parent: shown.append("sorry"))
    assert not ops.run(None, crash).ok and shown[-1] == "sorry"


def test_escape_cancels_and_enter_saves(core, ops, ui_lang, qtbot) -> None:
    dialog = ContactDialog(core, ops)
    qtbot.addWidget(dialog)
    dialog.bindings["last_name"].set("کاظمی")
    assert dialog.save_button.isDefault()
    dialog.save_button.click()  # what Enter does on the default button
    assert core.contacts.count() == 1
    other = ContactDialog(core, ops)
    qtbot.addWidget(other)
    QApplication.sendEvent(other, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape,
                                            Qt.KeyboardModifier.NoModifier))
    assert other.result() == other.DialogCode.Rejected
    assert core.contacts.count() == 1


def test_column_widths_and_splitter_are_remembered(core, ops, ui_lang, qtbot) -> None:
    view = ContactsView(core, ops, UiSettings())
    qtbot.addWidget(view)
    view.table.setColumnWidth(2, 321)
    view.splitter.setSizes([500, 300])
    view.save_state()
    UiSettings().sync()
    again = ContactsView(core, ops, UiSettings())
    qtbot.addWidget(again)
    again.restore_state()
    assert again.table.columnWidth(2) == 321
    assert os.path.exists(Path(os.environ["CRM_DESKTOP_DATA_DIR"]) / "desktop.ini")
