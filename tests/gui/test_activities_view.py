"""The activities section: Today, the list, the week calendar, the appointment editor and
the reminders (pytest-qt, offscreen, nothing shown)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.core import Core
from crm_desktop.domain.clock import today as business_today
from crm_desktop.ui import errors
from crm_desktop.ui.dialogs.appointment_dialog import AppointmentDialog
from crm_desktop.ui.reminders import ReminderDialog, ReminderWatcher, due_reminders
from crm_desktop.ui.views.activities import WEEK, ActivitiesView
from crm_desktop.ui.widgets.week_calendar import local_at, week_start


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A local wall-clock time as the aware UTC instant the service stores."""
    return local_at(day, time(hour, minute)).astimezone(UTC)


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    def refuse(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected message: {box.text()}")
    monkeypatch.setattr(errors, "ask_box", refuse)



@pytest.fixture
def today() -> date:
    return business_today()


@pytest.fixture
def data(core: Core, today: date) -> dict[str, int]:
    ali = core.contacts.create({"first_name": "علی", "last_name": "رضایی",
                                "birthday": date(1992, today.month, today.day)})
    sara = core.contacts.create({"first_name": "سارا", "last_name": "کریمی"})
    return {
        "ali": ali,
        "sara": sara,
        "overdue": core.activities.create({
            "kind": "task", "subject": "پیگیری پیش‌فاکتور", "contact_id": sara,
            "due_at": at(today - timedelta(days=2), 10)}),
        "today": core.activities.create({
            "kind": "call", "subject": "تماس با علی", "contact_id": ali,
            "due_at": at(today, 12)}),
        "next_week": core.activities.create({
            "kind": "task", "subject": "ارسال کاتالوگ", "due_at": at(today, 10) + timedelta(
                days=3)}),
    }


@pytest.fixture
def make_view(core, ops, settings, ui_lang, qtbot):
    def make() -> ActivitiesView:
        view = ActivitiesView(core, ops, settings)
        qtbot.addWidget(view)
        ops.changed.connect(view.on_changed)
        return view
    return make


# -- Today --------------------------------------------------------------------------------
def test_today_sections(make_view, data) -> None:
    view = make_view()
    assert view.overdue.ids() == [data["overdue"]]
    assert view.due_today.ids() == [data["today"]]
    assert view.upcoming.ids() == [data["next_week"]]
    assert view.birthdays.ids() == [data["ali"]]
    assert view.overdue.empty.isHidden()
    assert "۱" in view.overdue.title.text()  # Persian digits in the count


def test_today_empty_states(make_view) -> None:
    view = make_view()
    for section in (view.overdue, view.due_today, view.upcoming, view.birthdays):
        assert section.ids() == []
        assert not section.empty.isHidden()
        assert section.list.isHidden()
    assert not view.done_button.isEnabled()


def test_done_completes_the_selected_item(make_view, data, core) -> None:
    view = make_view()
    view.overdue.list.setCurrentRow(0)
    assert view.done_button.isEnabled()
    view.done_button.click()
    assert core.activities.get(data["overdue"])["done_at"] is not None
    assert view.overdue.ids() == []  # refreshed through ops.changed
    assert view.due_today.ids() == [data["today"]]


# -- List ---------------------------------------------------------------------------------
def test_list_model_and_filters(make_view, data, qtmodeltester) -> None:
    view = make_view()
    view.set_mode(1)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 3
    view.state_filter.setCurrentIndex(view.state_filter.findData("overdue"))
    overdue = [view.model.id_at(r) for r in range(view.model.rowCount())]
    assert data["overdue"] in overdue and data["next_week"] not in overdue  # today's: by the clock
    view.state_filter.setCurrentIndex(0)
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("call"))
    assert [view.model.id_at(r) for r in range(view.model.rowCount())] == [data["today"]]


# -- Week ---------------------------------------------------------------------------------
@pytest.fixture
def saturday(today: date) -> date:
    return week_start(today)


@pytest.fixture
def meeting(core: Core, saturday: date) -> int:
    return core.activities.create({"kind": "meeting", "subject": "جلسه", "duration_minutes": 60,
                                   "due_at": at(saturday, 10)})


def week_view(make_view) -> ActivitiesView:
    view = make_view()
    view.set_mode(WEEK)
    view.calendar.resize(7 * 120 + 56, view.calendar.sizeHint().height())
    return view


def test_saturday_is_the_right_column_in_persian(make_view, meeting, saturday) -> None:
    view = week_view(make_view)
    cal = view.calendar
    assert cal.saturday == saturday
    assert cal.layoutDirection() == Qt.LayoutDirection.RightToLeft
    columns = [cal.column_rect(i) for i in range(7)]
    assert columns[0].left() > columns[6].left()  # Saturday at the right
    assert [c.left() for c in columns] == sorted((c.left() for c in columns), reverse=True)
    block = cal.block_rect(meeting)
    assert columns[0].contains(block.center())
    assert cal.slot_at(block.topLeft()) == local_at(saturday, time(10))
    # an hour long: two half-hour slots tall
    assert cal.slot_at(block.bottomLeft()) == local_at(saturday, time(10, 30))


@pytest.mark.parametrize("ui_lang", ["en"], indirect=True)
def test_saturday_is_the_left_column_in_english(make_view, meeting) -> None:
    view = week_view(make_view)  # held: the calendar is the view's child
    cal = view.calendar
    assert cal.column_rect(0).left() < cal.column_rect(6).left()
    assert cal.column_rect(0).contains(cal.block_rect(meeting).center())


def test_week_buttons(make_view, saturday) -> None:
    view = week_view(make_view)
    view.next_button.click()
    assert view.calendar.saturday == saturday + timedelta(days=7)
    view.prev_button.click()
    view.prev_button.click()
    assert view.calendar.saturday == saturday - timedelta(days=7)
    view.this_button.click()
    assert view.calendar.saturday == saturday


def test_drop_moves_the_appointment(make_view, meeting, saturday, core) -> None:
    view = week_view(make_view)
    monday = saturday + timedelta(days=2)
    target = local_at(monday, time(14, 30))
    assert view.calendar.drop_at(meeting, view.calendar.slot_point(target))
    assert core.activities.get(meeting)["due_at"] == target.astimezone(UTC)
    # the calendar was refreshed: the block is in Monday's column now
    assert view.calendar.column_rect(2).contains(view.calendar.block_rect(meeting).center())


def test_clicking_a_free_slot_opens_the_dialog_prefilled(make_view, meeting, saturday,
                                                         monkeypatch, qtbot) -> None:
    calls = []
    monkeypatch.setattr(AppointmentDialog, "edit",
                        lambda parent, core, ops, **kw: calls.append(kw) or None)
    view = week_view(make_view)
    sunday = saturday + timedelta(days=1)
    point = view.calendar.slot_point(local_at(sunday, time(15)))
    point.setY(point.y() + 30)  # inside the 15:30 slot, rounded down to it
    qtbot.mouseClick(view.calendar, Qt.MouseButton.LeftButton, pos=point)
    assert calls == [{"start": local_at(sunday, time(15, 30))}]
    # a click on a block opens nothing new
    qtbot.mouseClick(view.calendar, Qt.MouseButton.LeftButton,
                     pos=view.calendar.block_rect(meeting).center())
    assert len(calls) == 1


def test_overlaps_of_the_same_owner(make_view, core, meeting, saturday, monkeypatch) -> None:
    other_user = core.users.create({"username": "sara", "display_name": "سارا"})
    second = core.activities.create({"kind": "meeting", "subject": "دوم",
                                     "duration_minutes": 30, "due_at": at(saturday, 10, 30)})
    core.activities.create({"kind": "meeting", "subject": "دیگری", "owner_id": other_user,
                            "duration_minutes": 60, "due_at": at(saturday, 10)})
    later = core.activities.create({"kind": "meeting", "subject": "بعد",
                                    "duration_minutes": 30, "due_at": at(saturday, 11)})
    view = week_view(make_view)
    cal = view.calendar
    assert cal.overlaps() == [(meeting, second)]
    # drawn side by side, not on top of each other
    a, b = cal.block_rect(meeting), cal.block_rect(second)
    assert not a.intersects(b)
    assert cal.column_rect(0).contains(a.center()) and cal.column_rect(0).contains(b.center())

    # moving onto another appointment of the same owner asks first
    asked = []
    monkeypatch.setattr(errors, "ask_box", lambda box: asked.append(box.objectName())
                        or QMessageBox.StandardButton.Cancel)
    target = local_at(saturday, time(11))
    assert not view.move_activity(second, target)
    assert asked == ["overlapWarning"]
    assert core.activities.get(second)["due_at"] == at(saturday, 10, 30)
    monkeypatch.setattr(errors, "ask_box", lambda box: QMessageBox.StandardButton.Yes)
    assert view.move_activity(second, target)
    assert core.activities.get(second)["due_at"] == target.astimezone(UTC)
    assert (later, second) in cal.overlaps() or (second, later) in cal.overlaps()


# -- the appointment editor ---------------------------------------------------------------
def test_appointment_dialog_prefilled_and_saved(core, ops, ui_lang, qtbot, data) -> None:
    start = local_at(business_today() + timedelta(days=1), time(16, 30))
    dialog = AppointmentDialog(core, ops, start=start, contact_id=data["ali"])
    qtbot.addWidget(dialog)
    assert dialog.bindings["due_date"].get() == start.date()
    assert dialog.bindings["due_time"].get() == time(16, 30)
    assert dialog.contact_label.text() == "علی رضایی"
    assert not dialog.save_button.isEnabled()  # no subject yet
    dialog.bindings["subject"].set("جلسه معرفی")
    dialog.bindings["duration_minutes"].set(45)
    dialog.bindings["reminder"].set(60)
    assert dialog.save_button.isEnabled()
    dialog.save()
    saved = core.activities.get(dialog.result_id)
    assert saved["due_at"] == start.astimezone(UTC)
    assert saved["reminder_at"] == start.astimezone(UTC) - timedelta(hours=1)
    assert saved["duration_minutes"] == 45 and saved["contact_id"] == data["ali"]
    assert saved["kind"] == "meeting"

    again = AppointmentDialog(core, ops, activity_id=dialog.result_id)
    qtbot.addWidget(again)
    assert again.bindings["reminder"].get() == 60
    assert again.bindings["due_time"].get() == time(16, 30)


# -- reminders ----------------------------------------------------------------------------
def test_reminders_shown_once_and_snoozed(core, ops, ui_lang, qtbot, data) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    core.activities.update(data["today"], {"reminder_at": now - timedelta(hours=3)})
    core.activities.update(data["next_week"], {"reminder_at": now + timedelta(days=1)})
    assert [r["id"] for r in due_reminders(core, now)] == [data["today"]]

    presented = []
    watcher = ReminderWatcher(core, ops, now=lambda: now)
    watcher.present = presented.append  # type: ignore[method-assign]
    watcher.start()  # a reminder that fell due while the program was closed
    assert watcher.timer.isActive() and watcher.timer.interval() == 30_000
    dialog = watcher.dialog
    assert isinstance(dialog, ReminderDialog) and dialog.objectName() == "reminderDialog"
    qtbot.addWidget(dialog)
    assert presented == [dialog] and dialog.ids() == [data["today"]]
    assert watcher.check() == []  # not shown twice

    dialog.snooze_buttons["1h"].click()
    assert core.activities.get(data["today"])["reminder_at"] == now + timedelta(hours=1)
    assert due_reminders(core, now) == []
    watcher.stop()


def test_reminder_done_and_open(core, ops, ui_lang, qtbot, data) -> None:
    now = datetime.now(UTC)
    for key in ("today", "overdue"):
        core.activities.update(data[key], {"reminder_at": now - timedelta(minutes=5)})
    dialog = ReminderDialog(core, ops, now=lambda: now)
    qtbot.addWidget(dialog)
    dialog.add_rows(due_reminders(core, now))
    assert sorted(dialog.ids()) == sorted([data["today"], data["overdue"]])
    first = dialog.selected_id()
    dialog.done_button.click()
    assert core.activities.get(first)["done_at"] is not None
    opened = []
    dialog.open_requested.connect(opened.append)
    dialog.open_button.click()
    assert len(opened) == 1 and dialog.ids() == []
