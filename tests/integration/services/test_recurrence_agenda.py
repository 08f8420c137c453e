"""Repeating activities in ActivityService, and the day's agenda."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from crm_desktop.domain.clock import business_tz
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.agenda import agenda
from crm_desktop.services.recurrence import day_bounds, local

LOCAL_TZ = business_tz()

DAY = date(2026, 3, 2)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LOCAL_TZ).astimezone(UTC)


@pytest.fixture
def contact(core: Any) -> int:
    return core.contacts.create({"first_name": "مریم", "last_name": "احمدی",
                                 "birthday": date(1990, DAY.month, DAY.day)})


def test_recurrence_fields_are_validated(core: Any, contact: int) -> None:
    base = {"kind": "task", "subject": "گزارش", "due_at": at(DAY, 9)}
    with pytest.raises(ValidationError) as err:
        core.activities.create({**base, "recurrence": "fortnightly", "recur_every": 0})
    assert set(err.value.fields) == {"recurrence", "recur_every"}
    with pytest.raises(ValidationError) as err:
        core.activities.create({**base, "recur_every": 366})
    assert err.value.fields == ["recur_every"]
    with pytest.raises(ValidationError) as err:
        core.activities.create({**base, "recurrence": "daily",
                                "recur_until": DAY - timedelta(days=1)})
    e = err.value.for_field("recur_until")
    assert e is not None and e.code == "date.order"
    with pytest.raises(ValidationError) as err:
        core.activities.create({"kind": "task", "subject": "x", "recurrence": "daily"})
    assert err.value.fields == ["due_at"]
    aid = core.activities.create({**base, "recurrence": "weekly", "recur_every": "۲",
                                  "recur_until": "2026-04-30"})
    got = core.activities.get(aid)
    assert (got["recurrence"], got["recur_every"], got["recur_until"]) == (
        "weekly", 2, date(2026, 4, 30))
    with pytest.raises(ValidationError) as err:  # an update is checked against the row
        core.activities.update(aid, {"recur_until": DAY - timedelta(days=3)})
    assert err.value.fields == ["recur_until"]
    core.activities.update(aid, {"recurrence": None})
    assert core.activities.get(aid)["recurrence"] is None
    assert core.activities.get(core.activities.create(base))["recur_every"] == 1


def test_occurrences_between_and_skip(core: Any, contact: int) -> None:
    daily = core.activities.create({"kind": "meeting", "subject": "جلسه صبح",
                                    "due_at": at(DAY, 9), "recurrence": "daily",
                                    "recur_until": DAY + timedelta(days=4),
                                    "contact_id": contact})
    once = core.activities.create({"kind": "call", "subject": "تماس",
                                   "due_at": at(DAY + timedelta(days=1), 11)})
    start, _ = day_bounds(DAY)
    _, end = day_bounds(DAY + timedelta(days=9))
    rows = core.activities.occurrences_between(start, end)
    assert [(r["id"], local(r["occurs_at"]).day, r["recurring"]) for r in rows] == [
        (daily, 2, True), (daily, 3, True), (once, 3, False), (daily, 4, True),
        (daily, 5, True), (daily, 6, True)]
    assert rows[0]["contact"] == "مریم احمدی" and rows[2]["occurs_at"] == rows[2]["due_at"]
    assert all(local(r["occurs_at"]).time() == time(9) for r in rows if r["recurring"])

    core.activities.skip_occurrence(daily, DAY + timedelta(days=2))
    core.activities.skip_occurrence(daily, DAY + timedelta(days=2))  # again: no-op
    rows = core.activities.occurrences_between(start, end)
    assert [local(r["occurs_at"]).day for r in rows if r["recurring"]] == [2, 3, 5, 6]
    with pytest.raises(ValidationError):  # not a day the series falls on
        core.activities.skip_occurrence(daily, DAY + timedelta(days=30))
    with pytest.raises(ValidationError):  # not repeating
        core.activities.skip_occurrence(once, DAY + timedelta(days=1))
    # owner filter and deleting the activity takes its exceptions along
    assert core.activities.occurrences_between(start, end, owner_id=999_999) == []
    core.activities.delete(daily)
    assert [r["id"] for r in core.activities.occurrences_between(start, end)] == [once]


def test_agenda_of_a_day(core: Any, contact: int) -> None:
    company = core.accounts.create({"name": "صنایع پارس"})
    core.activities.create({"kind": "task", "subject": "قدیمی", "due_at": at(DAY, 8)
                            - timedelta(days=3), "account_id": company})
    done_old = core.activities.create({"kind": "task", "subject": "انجام شده قبلی",
                                       "due_at": at(DAY, 8) - timedelta(days=2)})
    core.activities.complete(done_old)
    core.activities.create({"kind": "meeting", "subject": "جلسه هفتگی", "contact_id": contact,
                            "due_at": at(DAY - timedelta(days=7), 10), "recurrence": "weekly"})
    call = core.activities.create({"kind": "call", "subject": "تماس عصر",
                                   "due_at": at(DAY, 17)})
    core.activities.complete(call)
    core.activities.create({"kind": "task", "subject": "فردا", "due_at": at(DAY, 23, 59)
                            + timedelta(minutes=2)})
    now = at(DAY, 12)
    items = agenda(core.activities, core.contacts, DAY, now=now)
    assert [(i.kind, i.subject, i.contact, i.status) for i in items] == [
        ("birthday", "تولد", "مریم احمدی", "open"),
        ("overdue", "قدیمی", "صنایع پارس", "overdue"),
        ("meeting", "جلسه هفتگی", "مریم احمدی", "overdue"),  # 10:00 has passed at noon
        ("call", "تماس عصر", "", "done"),
    ]
    assert items[0].time is None and items[2].time == at(DAY, 10)
    assert items[2].as_json()["time"] == at(DAY, 10).isoformat()
    early = agenda(core.activities, core.contacts, DAY, now=at(DAY, 7))
    assert early[2].status == "open"
    assert agenda(core.activities, core.contacts, DAY, owner_id=999_999, now=now) == [
        items[0]]
