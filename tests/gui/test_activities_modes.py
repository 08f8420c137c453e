"""The Activities section is one page per mode (Today, List, Week/Day calendar) under a
thin view holding the tabs and the shared owner filter: each page is built without
reading and works on its own, and the section reads only the page it shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from crm_desktop.core import Core
from crm_desktop.domain.clock import today as business_today
from crm_desktop.services.base import Sort
from crm_desktop.ui.views.activities import DAY, LIST, TODAY, WEEK, ActivitiesView
from crm_desktop.ui.views.activities_calendar import CalendarView
from crm_desktop.ui.views.activities_list import ActivityListView
from crm_desktop.ui.views.activities_today import TodayView
from crm_desktop.ui.widgets.week_calendar import local_at, week_start

READS = {"activities": ("open_due_before", "occurrences_between", "count", "list",
                        "list_ids"),
         "contacts": ("birthdays",)}


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return local_at(day, time(hour, minute)).astimezone(UTC)


def select_first(page: ActivityListView) -> None:
    flags = QItemSelectionModel.SelectionFlag
    page.table.selectionModel().select(page.model.index(0, 0),
                                       flags.ClearAndSelect | flags.Rows)



@pytest.fixture
def reads(core: Core, monkeypatch) -> list[str]:
    """The names of the service reads a page makes, in order (cleared by the test)."""
    seen: list[str] = []

    def recorded(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            seen.append(name)
            return real(*args, **kwargs)
        return call

    for service, names in READS.items():
        for name in names:
            target = getattr(core, service)
            monkeypatch.setattr(target, name, recorded(name, getattr(target, name)))
    return seen


@pytest.fixture
def data(core: Core) -> dict[str, int]:
    today = business_today()
    saturday = week_start(today)
    sara = core.users.create({"username": "sara", "display_name": "سارا"})
    return {
        "sara": sara,
        "mine": core.activities.create({"kind": "meeting", "subject": "جلسه من",
                                        "duration_minutes": 60, "due_at": at(today, 10)}),
        "saras": core.activities.create({"kind": "meeting", "subject": "جلسه سارا",
                                         "owner_id": sara, "duration_minutes": 30,
                                         "due_at": at(today, 15)}),
        "overdue": core.activities.create({"kind": "task", "subject": "دیرکرد",
                                           "due_at": at(saturday - timedelta(days=3), 9)}),
    }


def test_today_page_on_its_own(core, ops, ui_lang, qtbot, reads, data) -> None:
    page = TodayView(core, ops)
    qtbot.addWidget(page)
    assert reads == []  # built, not read
    assert page.is_empty()
    page.refresh()
    assert sorted(reads) == ["birthdays", "occurrences_between", "occurrences_between",
                             "open_due_before"]
    assert page.overdue.ids() == [data["overdue"]]
    assert page.due_today.ids() == [data["mine"], data["saras"]]  # every owner
    assert not page.is_empty()
    page.due_today.list.setCurrentRow(1)
    assert page.selected_id() == data["saras"] and page.done_button.isEnabled()
    assert page.complete_selected()
    assert core.activities.get(data["saras"])["done_at"] is not None


def test_list_page_on_its_own(core, ops, ui_lang, qtbot, reads, data, qtmodeltester) -> None:
    page = ActivityListView(core, ops)
    qtbot.addWidget(page)
    assert reads == [] and page.model.rowCount() == 0  # built, not read
    page.refresh()
    assert "count" in reads and page.model.rowCount() == 3
    qtmodeltester.check(page.model)
    assert page.model.id_at(0) == data["saras"]  # latest due first
    assert not page.is_empty()
    page.owner_id = data["sara"]
    page.refresh()
    assert [page.model.id_at(r) for r in range(page.model.rowCount())] == [data["saras"]]
    select_first(page)
    assert page.selected_id() == data["saras"]
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by subject
    page.refresh()
    assert page.model.query.sort == Sort("subject", descending=False)  # kept
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("task"))  # refreshes
    assert page.model.rowCount() == 0 and page.is_empty()


@pytest.mark.parametrize("days", [7, 1])
def test_calendar_page_on_its_own(core, ops, ui_lang, qtbot, reads, data, days) -> None:
    page = CalendarView(core, ops, days=days)
    qtbot.addWidget(page)
    assert reads == [] and page.is_empty()  # built, not read
    assert page.calendar.n_days == days
    today = business_today()
    assert page.calendar.saturday == (week_start(today) if days == 7 else today)
    page.refresh()
    assert reads == ["occurrences_between"]
    assert {b.activity_id for b in page.calendar.blocks} == {data["mine"], data["saras"]}
    page.owner_id = data["sara"]
    page.refresh()
    assert [b.activity_id for b in page.calendar.blocks] == [data["saras"]]
    page.owner_id = None
    page.next_button.click()  # the next week (or day): nothing of ours there
    assert page.is_empty()


def test_the_section_reads_only_the_page_shown(core, ops, settings, ui_lang, qtbot, reads,
                                               data) -> None:
    view = ActivitiesView(core, ops, settings)
    qtbot.addWidget(view)
    ops.changed.connect(view.on_changed)
    assert sorted(reads) == ["birthdays", "occurrences_between", "occurrences_between",
                             "open_due_before"]  # Today only: the list is not counted
    assert view.owner_filter.isHidden()  # Today is not filtered by owner
    for mode, page, expected in ((LIST, view.list_page, {"count", "list"}),
                                 (WEEK, view.calendar_page, {"occurrences_between"}),
                                 (DAY, view.calendar_page, {"occurrences_between"}),
                                 (TODAY, view.today_page, {"open_due_before", "birthdays",
                                                           "occurrences_between"})):
        reads.clear()
        view.set_mode(mode)
        assert view.stack.currentWidget() is page and view.page() is page
        assert set(reads) <= expected and reads, (mode, reads)
        assert view.owner_filter.isHidden() == (mode == TODAY)
    # the owner filter is shared: chosen on the calendar, it filters the list too, and
    # only the page shown is read again
    view.set_mode(WEEK)
    reads.clear()
    view.owner_filter.setCurrentIndex(view.owner_filter.findData(data["sara"]))
    assert reads == ["occurrences_between"]
    assert {b.activity_id for b in view.calendar.blocks} == {data["saras"]}
    reads.clear()
    view.set_mode(LIST)
    assert "occurrences_between" not in reads
    assert [view.model.id_at(r) for r in range(view.model.rowCount())] == [data["saras"]]
    # a change while the list is shown reads the list, not Today or the calendar
    reads.clear()
    core.activities.update(data["saras"], {"subject": "جلسه سارا (تغییر)"})
    view.on_changed(["activities"])
    assert reads and set(reads) <= {"count", "list"}
    # the selection is the page's own
    select_first(view.list_page)
    assert view.selected_id() == data["saras"]
    view.set_mode(TODAY)
    assert view.selected_id() is None


def test_a_birthday_opens_its_contact_through_the_section(core, ops, settings, ui_lang,
                                                          qtbot) -> None:
    today = business_today()
    ali = core.contacts.create({"first_name": "علی", "last_name": "رضایی",
                                "birthday": date(1992, today.month, today.day)})
    view = ActivitiesView(core, ops, settings)
    qtbot.addWidget(view)
    assert view.birthdays.ids() == [ali]
    index = view.birthdays.model.index(0, 0)
    with qtbot.waitSignal(view.open_record) as opened:
        view.birthdays.list.doubleClicked.emit(index)
    assert opened.args == ["contacts", ali]
