"""More of the Activities view: the editor's Outcome field, skipping one occurrence of a
repeating appointment from the calendar, and the Day mode (pytest-qt, offscreen, no modal
loop ever runs)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from crm_desktop.domain.clock import today as business_today
from crm_desktop.ui import errors
from crm_desktop.ui.dialogs.appointment_dialog import AppointmentDialog
from crm_desktop.ui.views.activities import DAY, WEEK, ActivitiesView
from crm_desktop.ui.widgets.week_calendar import local_at, week_start


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return local_at(day, time(hour, minute)).astimezone(UTC)



@pytest.fixture
def view(core, ops, settings, ui_lang, qtbot) -> ActivitiesView:
    v = ActivitiesView(core, ops, settings)
    qtbot.addWidget(v)
    ops.changed.connect(v.on_changed)
    return v


def block_days(view: ActivitiesView, activity_id: int) -> list[date]:
    return [b.start.date() for b in view.calendar.blocks if b.activity_id == activity_id]


def test_the_outcome_is_saved_and_loaded(core, ops, ui_lang, qtbot) -> None:
    dialog = AppointmentDialog(core, ops, start=at(business_today(), 10))
    qtbot.addWidget(dialog)
    dialog.bindings["subject"].set("Demo")
    dialog.bindings["outcome"].set("Signed the contract")
    dialog.save()
    assert dialog.result_id is not None
    assert core.activities.get(dialog.result_id)["outcome"] == "Signed the contract"

    again = AppointmentDialog(core, ops, activity_id=dialog.result_id)
    qtbot.addWidget(again)
    assert again.bindings["outcome"].get() == "Signed the contract"


def test_skipping_a_day_keeps_next_weeks_occurrence(core, view, qtbot, monkeypatch) -> None:
    saturday = week_start(business_today())
    activity_id = core.activities.create({
        "kind": "meeting", "subject": "Weekly", "due_at": at(saturday, 10),
        "duration_minutes": 30, "recurrence": "weekly", "recur_every": 1})
    texts: list[str] = []

    def skip(box: QMessageBox):
        texts.append(box.text())
        return next(b for b in box.buttons() if b.objectName() == "skipOccurrence")
    monkeypatch.setattr(errors, "ask_box", skip)

    view.set_mode(WEEK)
    view.show_week(saturday)
    assert block_days(view, activity_id) == [saturday]
    block = view.calendar.blocks[0]
    with qtbot.waitSignal(view.calendar.occurrence_opened) as opened:
        view.calendar.open_at(view.calendar.block_rect_of(block).center())
    assert opened.args == [activity_id, block.start]
    assert texts and block_days(view, activity_id) == []
    view.show_week(saturday + timedelta(days=7))
    assert block_days(view, activity_id) == [saturday + timedelta(days=7)]


def test_cancel_changes_nothing(core, view, monkeypatch) -> None:
    saturday = week_start(business_today())
    activity_id = core.activities.create({
        "kind": "meeting", "subject": "Daily", "due_at": at(saturday, 9),
        "duration_minutes": 30, "recurrence": "daily", "recur_every": 1})
    monkeypatch.setattr(errors, "ask_box", lambda box: QMessageBox.StandardButton.Cancel)
    view.set_mode(WEEK)
    view.show_week(saturday)
    assert view.open_occurrence(activity_id, view.calendar.blocks[2].start) == ""
    assert len(block_days(view, activity_id)) == 7


def test_day_mode_shows_one_column(core, view) -> None:
    today = business_today()
    activity_id = core.activities.create({
        "kind": "meeting", "subject": "Daily", "due_at": at(today - timedelta(days=3), 9),
        "duration_minutes": 30, "recurrence": "daily", "recur_every": 1})
    view.set_mode(DAY)
    assert view.calendar.n_days == 1 and view.calendar.days() == [today]
    assert block_days(view, activity_id) == [today]
    assert view.calendar.column_rect(0).width() > 0
    assert view.calendar.column_of(today + timedelta(days=1)) is None
    view.next_button.click()
    assert view.calendar.days() == [today + timedelta(days=1)]
    assert block_days(view, activity_id) == [today + timedelta(days=1)]
    view.prev_button.click()
    view.prev_button.click()
    assert view.calendar.days() == [today - timedelta(days=1)]
    view.set_mode(WEEK)
    assert len(view.calendar.days()) == 7 and view.calendar.saturday == week_start(today)
    with pytest.raises(ValueError):
        view.calendar.set_days(3)
