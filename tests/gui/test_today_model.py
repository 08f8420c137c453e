"""The Today page: each section is a list view over a model with a bounded number of rows
(not a list item per activity), and the bounded service reads give the same first rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtWidgets import QListWidget

import crm_desktop.ui.views.activities_today as today_module
from crm_desktop.domain.clock import today as business_today
from crm_desktop.ui.qtmodels.today_model import TodayModel
from crm_desktop.ui.views.activities import WEEK, ActivitiesView
from crm_desktop.ui.views.activities_today import TodayView
from crm_desktop.ui.widgets.week_calendar import local_at


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return local_at(day, time(hour, minute)).astimezone(UTC)



@pytest.fixture
def many(core) -> dict[str, list[int]]:
    today = business_today()
    out: dict[str, list[int]] = {"overdue": [], "today": [], "upcoming": []}
    before, after = today - timedelta(days=3), today + timedelta(days=2)
    for i in range(7):
        out["overdue"].append(core.activities.create({
            "kind": "task", "subject": f"دیرکرد {i}", "due_at": at(before, 8 + i)}))
        out["today"].append(core.activities.create({
            "kind": "call", "subject": f"امروز {i}", "due_at": at(today, 1, i)}))
        out["upcoming"].append(core.activities.create({
            "kind": "meeting", "subject": f"بعدا {i}", "due_at": at(after, 8 + i)}))
    done = core.activities.create({"kind": "call", "subject": "انجام‌شده",
                                   "due_at": at(today, 0, 30)})
    core.activities.complete(done)
    return out


def test_sections_are_bounded_models(core, ops, settings, ui_lang, qtbot, many, monkeypatch,
                                     qtmodeltester) -> None:
    monkeypatch.setattr(today_module, "SECTION_LIMIT", 5)
    view = ActivitiesView(core, ops, settings)
    qtbot.addWidget(view)
    for section, key in ((view.overdue, "overdue"), (view.due_today, "today"),
                         (view.upcoming, "upcoming")):
        assert not isinstance(section.list, QListWidget)
        assert isinstance(section.list.model(), TodayModel)
        qtmodeltester.check(section.list.model())
        # the first five, earliest first; the title says there are more
        assert section.ids() == many[key][:5]
        assert section.title.text().endswith("+)")
    view.due_today.list.setCurrentRow(1)
    assert view.selected_today_id() == many["today"][1]
    view.overdue.list.setCurrentRow(0)
    assert view.selected_today_id() == many["overdue"][0]
    assert view.due_today.selected_id() is None  # one selection across the sections


def test_bounded_occurrences_are_the_first_ones(core, many) -> None:
    today = business_today()
    core.activities.create({"kind": "meeting", "subject": "هفتگی", "recurrence": "daily",
                            "due_at": at(today - timedelta(days=10), 1, 3)})
    start, end = at(today, 0), at(today + timedelta(days=5), 0)
    every = [r for r in core.activities.occurrences_between(start, end)
             if r["done_at"] is None]
    for limit in (1, 3, 8, 50):
        got = core.activities.occurrences_between(start, end, open_only=True, limit=limit)
        assert [(r["id"], r["occurs_at"]) for r in got] == \
            [(r["id"], r["occurs_at"]) for r in every[:limit]]


def test_opening_reads_only_the_page_shown(core, ops, settings, ui_lang, qtbot,
                                           monkeypatch) -> None:
    calls: list[dict] = []
    real = core.activities.occurrences_between

    def recorded(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(core.activities, "occurrences_between", recorded)
    view = ActivitiesView(core, ops, settings)
    qtbot.addWidget(view)
    # Today: due today and the next days, each bounded; the week is not read yet
    assert len(calls) == 2
    assert all(c.get("limit") == today_module.SECTION_LIMIT + 1 for c in calls)
    view.set_mode(WEEK)
    assert len(calls) == 3 and calls[-1].get("limit") is None


def test_a_row_is_formatted_when_first_shown(core, ops, settings, ui_lang, qtbot, many,
                                             monkeypatch, qtmodeltester) -> None:
    made: list[int] = []
    real = TodayView._item_text

    def counted(self, row, *, with_date=True):
        made.append(row["id"])
        return real(self, row, with_date=with_date)

    monkeypatch.setattr(TodayView, "_item_text", counted)
    view = ActivitiesView(core, ops, settings)
    qtbot.addWidget(view)
    assert made == []  # 21 rows read, none formatted yet
    model = view.upcoming.model
    first = model.data(model.index(0, 0))
    assert made == [many["upcoming"][0]] and "بعدا 0" in first
    assert model.data(model.index(0, 0)) == first and len(made) == 1  # kept
    model = TodayModel()
    texts: list[int] = []
    model.set_rows([{"id": 7, "n": 1}, {"id": 9, "n": 2}],
                   lambda r: texts.append(r["id"]) or f"row {r['n']}")
    assert texts == [] and model.ids() == [7, 9]
    qtmodeltester.check(model)
    assert model.data(model.index(1, 0)) == "row 2"
    assert model.data(model.index(1, 0), TodayModel.IdRole) == 9
