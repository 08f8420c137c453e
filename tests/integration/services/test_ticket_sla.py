"""Ticket SLA due times, breaches, the status workflow and the SLA settings."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import update

from crm_desktop.db import models as m
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.sla import SlaTargets, WorkWeek, add_working_time

NOW = datetime.now(UTC)


def due(core: Any, created: datetime, hours: float) -> datetime:
    week, holidays, _ = core.settings.sla()
    return add_working_time(created, timedelta(hours=hours), week, holidays)


def test_sla_settings_defaults_round_trip_and_validation(core: Any) -> None:
    week, holidays, targets = core.settings.sla()
    assert week == WorkWeek.default() and holidays == set() and targets == SlaTargets()
    core.settings.set_sla(
        week={"sat": [("08:00", "12:00"), ("۱۳:۰۰", "17:30")], "sun": [("9:00", "17:00")]},
        holidays=["2025-03-21", "1404/01/02", date(2025, 4, 1)],
        targets={"urgent": {"response": "0.5", "resolution": 3}, "low": (10, 50)},
    )
    week, holidays, targets = core.settings.sla()
    assert week.intervals(date(2025, 1, 4)) == ((time(8), time(12)), (time(13), time(17, 30)))
    assert week.intervals(date(2025, 1, 5)) == ((time(9), time(17)),)
    assert week.intervals(date(2025, 1, 1)) == ()  # a day left out is off
    assert holidays == {date(2025, 3, 21), date(2025, 3, 22), date(2025, 4, 1)}
    assert targets.response_for("urgent") == timedelta(minutes=30)
    assert targets.resolution_for("low") == timedelta(hours=50)
    assert targets.resolution_for("normal") == timedelta(hours=24)  # left out: default
    # holidays alone: the week stays
    core.settings.set_sla(holidays=[])
    assert core.settings.sla()[0] == week and core.settings.sla()[1] == set()

    with pytest.raises(ValidationError) as exc:
        core.settings.set_sla(
            week={"sat": [("8", "17:00"), ("17:00", "09:00")], "sun": [("08:00", "12:00"),
                                                                    ("11:00", "13:00")],
                  "xyz": []},
            holidays=["1404/13/01"],
            targets={"urgent": {"response": 0, "resolution": "-2"}, "asap": (1, 2)},
        )
    assert {e.field: e.code for e in exc.value.errors} == {
        "week.sat.0": "time.invalid", "week.sat.1": "time.order", "week.sun": "time.overlap",
        "week.xyz": "invalid", "holidays.0": "date.invalid",
        "targets.urgent.response": "range", "targets.urgent.resolution": "range",
        "targets.asap": "choice",
    }
    with pytest.raises(ValidationError) as exc:
        core.settings.set_sla(week={"fri": []})
    assert exc.value.fields == ["week"]
    assert core.settings.sla()[0] == week  # nothing was stored


def test_due_on_create_and_priority_change(core: Any) -> None:
    t = core.tickets
    tid = t.create({"subject": "کند است"})
    got = t.get(tid)
    assert got["sla_due_at"] == due(core, got["created_at"], 24)
    assert t.response_due(got) == due(core, got["created_at"], 4)
    assert t.response_due(tid) == t.response_due(got)

    t.update(tid, {"priority": "urgent"})
    assert t.get(tid)["sla_due_at"] == due(core, got["created_at"], 4)
    assert t.response_due(tid) == due(core, got["created_at"], 1)
    t.update(tid, {"subject": "خیلی کند است"})  # other changes keep the due time
    assert t.get(tid)["sla_due_at"] == due(core, got["created_at"], 4)

    # the settings drive it
    core.settings.set_sla(targets={"high": (1, 2)})
    t.update(tid, {"priority": "high"})
    assert t.get(tid)["sla_due_at"] == due(core, got["created_at"], 2)

    # a due time the caller gives is kept, on create and along with a priority change
    fixed = NOW + timedelta(days=7)
    other = t.create({"subject": "x", "priority": "low", "sla_due_at": fixed})
    assert t.get(other)["sla_due_at"] == fixed
    t.update(other, {"priority": "urgent", "sla_due_at": fixed + timedelta(hours=1)})
    assert t.get(other)["sla_due_at"] == fixed + timedelta(hours=1)


def test_breaches(core: Any) -> None:
    t = core.tickets
    past, future = NOW - timedelta(days=2), NOW + timedelta(days=2)
    overdue = t.create({"subject": "a", "status": "open", "sla_due_at": past})
    t.create({"subject": "b", "status": "waiting", "sla_due_at": future})
    late = t.create({"subject": "c", "sla_due_at": past})
    t.update(late, {"status": "resolved"})  # resolved now, two days late
    on_time = t.create({"subject": "d", "sla_due_at": future})
    t.close(on_time, 5)
    late_closed = t.create({"subject": "e", "sla_due_at": past - timedelta(days=30)})
    t.close(late_closed, None)
    gone = t.create({"subject": "f", "status": "open", "sla_due_at": past})
    t.delete(gone)
    assert t.breaches() == {"late": 2, "overdue": 1, "total": 3}
    assert t.breaches(since=NOW - timedelta(days=10)) == {"late": 1, "overdue": 1, "total": 2}
    assert t.breaches(since=NOW) == {"late": 0, "overdue": 0, "total": 0}

    # resolved on time, then closed late: the resolution time counts, not closed_at
    early = t.create({"subject": "g", "sla_due_at": future})
    t.update(early, {"status": "resolved"})
    with core.db.write() as session:
        session.execute(update(m.Ticket).where(m.Ticket.id == early)
                        .values(sla_due_at=datetime.now(UTC)))
    t.close(early, 4)
    assert t.get(early)["closed_at"] > t.get(early)["sla_due_at"]
    assert t.breaches()["late"] == 2
    assert overdue in {r["id"] for r in t.list().rows}


def test_status_workflow(core: Any) -> None:
    t = core.tickets

    def refused(tid: int, status: str) -> None:
        before = t.get(tid)["status"]
        with pytest.raises(ValidationError) as exc:
            t.update(tid, {"status": status})
        assert [(e.field, e.code) for e in exc.value.errors] == [("status", "invalid")]
        assert t.get(tid)["status"] == before

    tid = t.create({"subject": "چرخه"})
    for status in ("waiting", "open", "resolved", "open", "waiting", "resolved", "closed"):
        t.update(tid, {"status": status})
        assert t.get(tid)["status"] == status
    for status in ("open", "new", "waiting", "resolved"):
        refused(tid, status)
    t.update(tid, {"status": "closed", "subject": "بسته"})  # unchanged status is fine
    t.reopen(tid)
    assert t.get(tid)["status"] == "open"
    refused(tid, "new")
    t.update(tid, {"status": "resolved"})
    refused(tid, "waiting")
    refused(tid, "new")
    # a new ticket may start in any status, and go straight to closed
    other = t.create({"subject": "x", "status": "resolved"})
    t.update(other, {"status": "closed"})
    assert t.get(other)["closed_at"] is not None
    fresh = t.create({"subject": "y"})
    t.update(fresh, {"status": "closed"})
    refused(fresh, "open")
