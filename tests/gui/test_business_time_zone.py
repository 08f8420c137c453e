"""The window keeps the business's clock whatever the computer's time zone: the week
calendar, the lists, the editor and the agenda show the same time, "Skip this day" takes
the business's day, and date-only tasks show no time (pytest-qt, offscreen)."""

from __future__ import annotations

import os
import re
import time as systime
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QMessageBox

from crm_desktop.domain import clock
from crm_desktop.services.agenda import agenda
from crm_desktop.services.recurrence import local
from crm_desktop.text.digits import to_ascii_digits
from crm_desktop.ui import display, errors
from crm_desktop.ui.dialogs.activity_dialog import ActivityDialog
from crm_desktop.ui.dialogs.appointment_dialog import AppointmentDialog
from crm_desktop.ui.views.activities import LIST, WEEK, ActivitiesView
from crm_desktop.ui.views.settings import SettingsView

TEHRAN = ZoneInfo("Asia/Tehran")
DAY = date(2026, 11, 24)  # a Tuesday (1405/09/03)
CLOCK = re.compile(r"\d{1,2}:\d{2}")


def tehran(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TEHRAN).astimezone(UTC)


@pytest.fixture
def computer_tz() -> Iterator[Callable[[str], None]]:
    """Set the process's (the computer's) time zone; restored afterwards."""
    before = os.environ.get("TZ")

    def set_tz(name: str) -> None:
        os.environ["TZ"] = name
        systime.tzset()

    yield set_tz
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    systime.tzset()



@pytest.fixture
def view(core, ops, settings, ui_lang, qtbot) -> ActivitiesView:
    v = ActivitiesView(core, ops, settings)
    qtbot.addWidget(v)
    ops.changed.connect(v.on_changed)
    return v


def section_texts(section: Any) -> list[str]:
    """The rows of a Today section, as shown."""
    model = section.list.model()
    return [display.plain(str(model.index(r, 0).data())) for r in range(model.rowCount())]


def list_texts(view: ActivitiesView, activity_id: int) -> list[str]:
    model = view.model
    row = next(r for r in range(model.rowCount()) if model.id_at(r) == activity_id)
    return [to_ascii_digits(str(model.index(row, c).data() or ""))
            for c in range(model.columnCount())]


def test_the_window_shows_the_same_time_as_the_agenda_on_a_utc_computer(
        core, ops, view, qtbot, computer_tz) -> None:
    """The issue's case: 10:53 in Tehran showed as 07:23 in the window of a UTC computer."""
    computer_tz("UTC")
    assert datetime(2026, 11, 24, 7, 23, tzinfo=UTC).astimezone().strftime("%H:%M") == "07:23"
    meeting = core.activities.create({"kind": "meeting", "subject": "Demo",
                                      "due_at": tehran(DAY, 10, 53), "duration_minutes": 30})
    items = agenda(core.activities, core.contacts, DAY)
    assert [local(i.time).strftime("%H:%M") for i in items] == ["10:53"]

    view.set_mode(WEEK)
    view.show_week(DAY)
    block = view.calendar.block(meeting)
    assert block is not None
    assert (block.day, block.start.strftime("%H:%M")) == (DAY, "10:53")
    # the list shows the same time
    view.set_mode(LIST)
    assert "10:53" in list_texts(view, meeting)[0]
    # and so does the editor
    dialog = AppointmentDialog(core, ops, activity_id=meeting)
    qtbot.addWidget(dialog)
    assert dialog.bindings["due_time"].get() == time(10, 53)
    assert dialog.bindings["due_date"].get() == DAY
    # saving it unchanged keeps the instant
    dialog.save()
    assert core.activities.get(meeting)["due_at"] == tehran(DAY, 10, 53)
    # a click on the 14:00 slot of the day is 14:00 in Tehran
    slot = view.calendar.slot_at(view.calendar.slot_point(
        datetime.combine(DAY, time(14), tzinfo=TEHRAN)))
    assert slot is not None and slot.astimezone(UTC) == tehran(DAY, 14)


def test_skip_this_day_works_for_an_evening_occurrence(core, view, monkeypatch,
                                                       computer_tz) -> None:
    """22:30 in Tehran is already the next day on a computer at UTC+14: the day skipped is
    still the business's day, not refused and not the wrong one."""
    computer_tz("Pacific/Kiritimati")
    assert tehran(DAY, 22, 30).astimezone().date() == DAY + timedelta(days=1)
    series = core.activities.create({
        "kind": "meeting", "subject": "Evening review", "due_at": tehran(DAY, 22, 30),
        "duration_minutes": 30, "recurrence": "weekly", "recur_every": 1})
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda parent, text, *a, **k: shown.append(text))

    def skip(box: QMessageBox):
        return next(b for b in box.buttons() if b.objectName() == "skipOccurrence")
    monkeypatch.setattr(errors, "ask_box", skip)

    view.set_mode(WEEK)
    view.show_week(DAY)
    blocks = [b for b in view.calendar.blocks if b.activity_id == series]
    assert [(b.day, b.start.strftime("%H:%M")) for b in blocks] == [(DAY, "22:30")]
    assert view.open_occurrence(series, blocks[0].start) == "skip"
    assert [b for b in view.calendar.blocks if b.activity_id == series] == []
    start, end = clock.day_bounds(DAY)
    assert core.activities.occurrences_between(start, end) == []
    # next week's occurrence is still there
    later = core.activities.occurrences_between(start, end + timedelta(days=7))
    assert [clock.local_day(r["occurs_at"]) for r in later] == [DAY + timedelta(days=7)]


def test_today_page_lists_the_business_day(core, view, computer_tz) -> None:
    """On a UTC computer, "Due today" is the business's day: 01:00 and 23:30 in Tehran are
    on it, 02:00 the next morning (still the same UTC day) is not."""
    computer_tz("UTC")
    for subject, day, hour, minute in (("early", DAY, 1, 0), ("late", DAY, 23, 30),
                                       ("tomorrow", DAY + timedelta(days=1), 2, 0)):
        core.activities.create({"kind": "call", "subject": subject,
                                "due_at": tehran(day, hour, minute)})
    view.refresh_today(DAY)
    texts = [to_ascii_digits(t) for t in section_texts(view.due_today)]
    assert [(t[:5], t.split(" — ")[-1]) for t in texts] == [("01:00", "early"),
                                                            ("23:30", "late")]
    upcoming = section_texts(view.upcoming)
    assert len(upcoming) == 1 and upcoming[0].endswith("tomorrow")


def test_a_business_zone_far_from_tehran(core, view, computer_tz) -> None:
    """With the business in New York and the computer in Tehran, the window shows New
    York's wall clock, like the agenda does."""
    computer_tz("Asia/Tehran")
    core.settings.set_time_zone("America/New_York")
    meeting = core.activities.create({"kind": "meeting", "subject": "NY",
                                      "due_at": datetime(2026, 11, 24, 14, tzinfo=UTC),
                                      "duration_minutes": 30})
    view.set_mode(WEEK)
    view.show_week(DAY)
    block = view.calendar.block(meeting)
    assert block is not None and block.start.strftime("%H:%M") == "09:00"
    items = agenda(core.activities, core.contacts, DAY)
    assert [local(i.time).strftime("%H:%M") for i in items] == ["09:00"]


def test_a_date_only_task_shows_no_time(core, ops, view, qtbot) -> None:
    """A task added with a date only is due at the end of that day: not overdue during
    the day, and no list shows a time nobody typed."""
    contact = core.contacts.create({"first_name": "Sara", "last_name": "Karimi"})
    dialog = ActivityDialog(core, ops, "task", contact)
    qtbot.addWidget(dialog)
    dialog.bindings["subject"].set("Send the catalogue")
    dialog.bindings["due_at"].set(DAY)
    dialog.save()
    assert dialog.result_id is not None
    row = core.activities.get(dialog.result_id)
    assert row["due_all_day"] is True
    assert row["due_at"] == clock.end_of_day(DAY)
    assert clock.local_day(row["due_at"]) == DAY

    view.refresh_today(DAY)
    texts = section_texts(view.due_today)
    assert len(texts) == 1 and "Send the catalogue" in texts[0]
    assert not CLOCK.search(to_ascii_digits(texts[0]))
    view.set_mode(LIST)
    due_text = list_texts(view, dialog.result_id)[0]
    assert "1405/09/03" in due_text and not CLOCK.search(due_text)

    # the editor opens it as a whole day and keeps it so
    editor = AppointmentDialog(core, ops, activity_id=dialog.result_id)
    qtbot.addWidget(editor)
    assert editor.bindings["due_all_day"].get() is True
    assert not editor.bindings["due_time"].widget.isEnabled()
    editor.bindings["subject"].set("Send the new catalogue")
    editor.save()
    again = core.activities.get(dialog.result_id)
    assert again["due_all_day"] is True and again["due_at"] == clock.end_of_day(DAY)


def test_yearly_is_offered_by_the_editor(core, ops, qtbot, ui_lang) -> None:
    dialog = AppointmentDialog(core, ops, start=tehran(DAY, 10))
    qtbot.addWidget(dialog)
    dialog.bindings["subject"].set("Anniversary")
    dialog.bindings["recurrence"].set("yearly")
    assert dialog.bindings["recurrence"].get() == "yearly"
    dialog.save()
    assert dialog.result_id is not None
    assert str(core.activities.get(dialog.result_id)["recurrence"]) == "yearly"


def test_the_settings_view_chooses_the_time_zone(core, ops, settings, ui_lang, qtbot) -> None:
    view = SettingsView(core, ops, settings)
    qtbot.addWidget(view)
    ops.changed.connect(view.on_changed)
    combo = view.time_zone
    assert combo.objectName() == "timeZoneChoice"
    assert combo.currentData() == "Asia/Tehran"
    combo.setCurrentIndex(combo.findData("Europe/Berlin"))
    assert core.settings.time_zone() == "Europe/Berlin"
    assert clock.business_tz().key == "Europe/Berlin"


def test_the_deal_page_shows_a_date_only_task_without_a_time(core, ops, ui_lang,
                                                               qtbot) -> None:
    from crm_desktop.ui.dialogs.deal_page import DealPage

    deal = core.deals.create({"title": "Paper", "amount_rial": 1_000_000})
    core.activities.create({"kind": "task", "subject": "Call back", "deal_id": deal,
                            "due_at": clock.at(DAY, time(0)), "due_all_day": True})
    core.activities.create({"kind": "call", "subject": "Timed", "deal_id": deal,
                            "due_at": tehran(DAY - timedelta(days=1), 10, 53)})
    page = DealPage(core, ops, deal)
    qtbot.addWidget(page)
    rows = [to_ascii_digits(page.activities.index(r, 0).data())
            for r in range(page.activities.rowCount())]
    assert len(rows) == 2
    assert "Call back" in rows[0] and "1405/09/03" in rows[0] and not CLOCK.search(rows[0])
    assert "Timed" in rows[1] and "10:53" in rows[1]
