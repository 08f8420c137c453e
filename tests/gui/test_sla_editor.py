"""Support hours and targets in Settings, SLA breaches above the tickets and a new contact
made from the ticket editor."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot

from crm_desktop.core import Core
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.contact_dialog import ContactDialog
from crm_desktop.ui.dialogs.ticket_dialog import TicketDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.settings import SettingsView
from crm_desktop.ui.views.tickets import TicketsView
from crm_desktop.ui.widgets.sla_editor import SlaEditor

NOW = datetime.now(UTC)



@pytest.fixture
def editor(qtbot: QtBot, core: Core, ops: Ops, ui_lang: str) -> SlaEditor:
    widget = SlaEditor(core, ops)
    qtbot.addWidget(widget)
    return widget


def test_settings_view_has_the_sla_group(qtbot: QtBot, core: Core, ops: Ops,
                                         settings: UiSettings, ui_lang: str) -> None:
    view = SettingsView(core, ops, settings)
    qtbot.addWidget(view)
    assert view.findChild(SlaEditor, "slaEditor") is view.sla


def test_shows_the_stored_defaults(editor: SlaEditor) -> None:
    assert editor.days["thu"].works.isChecked()
    assert editor.days["thu"].end.time() == QTime(13, 0)
    assert not editor.days["fri"].works.isChecked()
    assert editor.targets["urgent"][0].value() == 1.0
    assert editor.holidays.count() == 0


def test_edits_save_to_settings(editor: SlaEditor, core: Core, qtbot: QtBot) -> None:
    editor.days["thu"].works.setChecked(False)
    editor.days["sat"].start.setTime(QTime(9, 30))
    editor.holiday_date.setDate(date(2026, 3, 21))
    qtbot.mouseClick(editor.add_holiday_button, Qt.MouseButton.LeftButton)
    assert editor.holidays.count() == 1
    assert editor.holidays.item(0).text() == display.jalali(date(2026, 3, 21))
    editor.targets["urgent"][0].setValue(0.5)
    editor.targets["urgent"][1].setValue(3)

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert editor.error.isHidden()
    week, holidays, targets = core.settings.sla()
    assert week.as_mapping()["thu"] == []
    assert week.as_mapping()["sat"] == [(time(9, 30), time(17))]
    assert week.as_mapping()["wed"] == [(time(8), time(17))]
    assert holidays == {date(2026, 3, 21)}
    assert targets.response_for("urgent") == timedelta(minutes=30)
    assert targets.resolution_for("urgent") == timedelta(hours=3)
    assert targets.response_for("low") == timedelta(hours=8)

    # removing the holiday saves too
    editor.holidays.item(0).setSelected(True)
    qtbot.mouseClick(editor.remove_holiday_button, Qt.MouseButton.LeftButton)
    assert editor.save()
    assert core.settings.sla()[1] == set()


def test_extra_intervals_are_kept(editor: SlaEditor, core: Core) -> None:
    core.settings.set_sla(week={"sat": [("08:00", "12:00"), ("13:00", "17:00")]})
    editor.refresh()
    editor.days["sat"].start.setTime(QTime(9, 0))
    assert editor.save()
    assert core.settings.sla()[0].as_mapping()["sat"] == [(time(9), time(12)),
                                                          (time(13), time(17))]


def test_end_before_start_shows_the_error_and_saves_nothing(
        editor: SlaEditor, core: Core, qtbot: QtBot) -> None:
    before = core.settings.sla()
    editor.days["thu"].works.setChecked(False)
    editor.days["sun"].start.setTime(QTime(18, 0))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.error.isHidden()
    assert "پایان باید بعد از شروع باشد" in editor.error.text()
    assert core.settings.sla() == before
    # the edit stays, so the user can correct it
    assert editor.days["sun"].start.time() == QTime(18, 0)
    editor.days["sun"].start.setTime(QTime(8, 0))
    assert editor.save()
    assert editor.error.isHidden()


def test_another_setting_does_not_discard_unsaved_edits(editor: SlaEditor, ops: Ops) -> None:
    editor.days["thu"].works.setChecked(False)
    ops.changed.emit(["settings"])
    assert not editor.days["thu"].works.isChecked()


def test_breaches_label(qtbot: QtBot, core: Core, ops: Ops, settings: UiSettings,
                        ui_lang: str) -> None:
    core.tickets.create({"subject": "چاپگر", "sla_due_at": NOW - timedelta(hours=2)})
    core.tickets.create({"subject": "شبکه", "sla_due_at": NOW - timedelta(hours=1)})
    core.tickets.create({"subject": "فاکتور", "sla_due_at": NOW + timedelta(days=1)})
    view = TicketsView(core, ops, settings)
    qtbot.addWidget(view)
    ops.changed.connect(view.on_changed)
    breaches = core.tickets.breaches()
    assert breaches["overdue"] == 2
    label = view.breaches_label
    assert label.objectName() == "ticketBreaches"
    assert display.number(2) in label.text()
    assert display.number(breaches["late"]) in label.text()
    assert "2" not in label.text()  # Persian digits

    core.tickets.create({"subject": "سرور", "sla_due_at": NOW - timedelta(hours=3)})
    ops.changed.emit(["tickets"])
    assert display.number(3) in view.breaches_label.text()


def test_new_contact_from_the_ticket_dialog(qtbot: QtBot, core: Core, ops: Ops,
                                            ui_lang: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []

    def fake_edit(parent, core_, ops_, contact_id=None):
        new_id = core.contacts.create({"first_name": "سارا", "last_name": "رضایی"})
        made.append(new_id)
        return new_id, None

    monkeypatch.setattr(ContactDialog, "edit", classmethod(
        lambda cls, *args, **kwargs: fake_edit(*args, **kwargs)))
    dialog = TicketDialog(core, ops)
    qtbot.addWidget(dialog)
    dialog.bindings["subject"].set("چاپگر کار نمی‌کند")
    qtbot.mouseClick(dialog.new_contact_button, Qt.MouseButton.LeftButton)

    assert made
    binding = dialog.bindings["contact_id"]
    assert binding.get() == made[0]
    assert "سارا" in binding.edit.text()
    dialog.save()
    ticket = core.tickets.get(dialog.result_id)
    assert ticket["contact_id"] == made[0]


def test_cancelled_new_contact_keeps_the_contact(qtbot: QtBot, core: Core, ops: Ops,
                                                 ui_lang: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    first = core.contacts.create({"first_name": "مریم", "last_name": "احمدی"})
    monkeypatch.setattr(ContactDialog, "edit", classmethod(lambda cls, *a, **k: (None, None)))
    dialog = TicketDialog(core, ops, contact_id=first)
    qtbot.addWidget(dialog)
    dialog.new_contact()
    assert dialog.bindings["contact_id"].get() == first
