"""TicketService on a real SQLite file, including numbering from two processes at once."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from crm_desktop.db import models as m
from crm_desktop.domain.clock import today as business_today
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services import tickets as tickets_module
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.text.jalali import jalali_year

NOW = datetime.now(UTC)
PER_PROCESS = 15


def all_rows(service: Any, query: ListQuery) -> list[dict]:
    rows: list[dict] = []
    after = None
    for _ in range(1000):
        page = service.list(replace(query, after=after))
        rows += page.rows
        if page.next_cursor is None:
            return rows
        after = page.next_cursor
    raise AssertionError("paging never ended")


def audit(core: Any, entity: str, entity_id: int) -> list[tuple]:
    a = m.AuditLog
    q = (
        select(a.action, a.field, a.old_value, a.new_value)
        .where(a.entity == entity, a.entity_id == entity_id)
        .order_by(a.id)
    )
    with core.db.read() as session:
        return [tuple(r) for r in session.execute(q)]


def test_create_numbers_and_search_text(core: Any) -> None:
    year = jalali_year(business_today())
    ids = [core.tickets.create({"subject": f"مشکل {i}"}) for i in range(3)]
    got = [core.tickets.get(i) for i in ids]
    assert [(g["year"], g["seq"]) for g in got] == [(year, 1), (year, 2), (year, 3)]
    assert got[1]["number"] == f"T-{year}-0002"
    assert core.tickets.number(got[1]) == f"T-{year}-0002"
    assert got[0]["status"] == "new" and got[0]["priority"] == "normal"
    assert got[0]["category"] == "request" and got[0]["channel"] == "phone"
    assert f"{year} 0001" in got[0]["search_other"]


def test_search_text_holds_both_number_forms_and_description(core: Any) -> None:
    year = jalali_year(business_today())
    description = "کاغذ گیر می‌کند " + "واژه " * 100 + "پایان"
    tid = core.tickets.create({"subject": "چاپگر", "description": description})
    other = core.tickets.get(tid)["search_other"]
    assert other.startswith(f"t {year} 0001 {year} 0001 ")
    assert "میکند" in other
    # only the first 500 characters of the description are indexed
    assert "پایان" not in other
    assert core.tickets.list(ListQuery(text="پایان")).rows == []
    for text in (f"T-{year}-0001", f"{year}-0001", "چاپگر", "میکند"):
        assert [r["id"] for r in core.tickets.list(ListQuery(text=text)).rows] == [tid], text


def test_numbers_are_per_jalali_year(core: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    year = jalali_year(business_today())
    first = core.tickets.create({"subject": "a"})
    core.tickets.create({"subject": "b"})
    monkeypatch.setattr(tickets_module, "jalali_year", lambda _d: year + 1)
    next_year = core.tickets.create({"subject": "c"})
    assert (core.tickets.get(next_year)["year"], core.tickets.get(next_year)["seq"]) == (
        year + 1, 1
    )
    assert core.tickets.find_by_number(f"T-{year + 1}-1") == next_year
    assert core.tickets.find_by_number(f"{year}-0001") == first


def test_find_by_number(core: Any) -> None:
    year = jalali_year(business_today())
    core.tickets.create({"subject": "a"})
    tid = core.tickets.create({"subject": "b"})
    persian = str(year).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert core.tickets.find_by_number(f"{persian}-۰۰۰۲") == tid
    assert core.tickets.find_by_number(f"t-{year}-2") == tid
    with pytest.raises(NotFoundError):
        core.tickets.find_by_number(f"T-{year}-0003")
    with pytest.raises(ValidationError) as exc:
        core.tickets.find_by_number("hello")
    assert exc.value.fields == ["number"]
    core.tickets.delete(tid)
    with pytest.raises(NotFoundError):
        core.tickets.find_by_number(f"{year}-0002")


def test_validation_errors_name_fields(core: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        core.tickets.create({"description": "x"})
    assert exc.value.fields == ["subject"]
    with pytest.raises(ValidationError) as exc:
        core.tickets.create({"subject": "s" * 201, "priority": "asap", "status": "done",
                             "category": "x", "channel": "fax", "sla_due_at": "tomorrow"})
    assert {e.field: e.code for e in exc.value.errors} == {
        "subject": "too_long", "priority": "choice", "status": "choice", "category": "choice",
        "channel": "choice", "sla_due_at": "date.invalid",
    }
    with pytest.raises(ValidationError) as exc:
        core.tickets.create({"subject": "s", "assignee_id": 999, "contact_id": 999,
                             "account_id": 999})
    assert set(exc.value.fields) == {"assignee_id", "contact_id", "account_id"}
    # nothing was written: the next ticket still gets number 1
    tid = core.tickets.create({"subject": "ok"})
    assert core.tickets.get(tid)["seq"] == 1


def test_update_and_audit(core: Any) -> None:
    tid = core.tickets.create({"subject": "کند است"})
    core.tickets.update(tid, {"priority": "urgent", "resolution": "ریست شد"})
    got = core.tickets.get(tid)
    assert got["priority"] == "urgent"
    rows = audit(core, "tickets", tid)
    assert rows[0][0] == "create"
    assert ("update", "priority", "normal", "urgent") in rows
    assert not any(r[1] in ("search_name", "search_other") for r in rows)
    # closing through update also stamps closed_at, and reopening clears it
    core.tickets.update(tid, {"status": "closed"})
    assert core.tickets.get(tid)["closed_at"] is not None
    core.tickets.reopen(tid)  # the only way back from closed
    assert core.tickets.get(tid)["closed_at"] is None


def test_soft_delete_and_restore(core: Any) -> None:
    tid = core.tickets.create({"subject": "حذف‌شدنی"})
    keep = core.tickets.create({"subject": "ماندنی"})
    core.tickets.delete(tid)
    with pytest.raises(NotFoundError):
        core.tickets.get(tid)
    assert core.tickets.get(tid, include_deleted=True)["deleted_at"] is not None
    assert [r["id"] for r in core.tickets.list().rows] == [keep]
    assert [r["id"] for r in core.tickets.list(ListQuery(deleted=True)).rows] == [tid]
    assert core.tickets.list(ListQuery(text="حذف")).rows == []
    assert core.tickets.counts_by_status()["new"] == 1
    with pytest.raises(NotFoundError):
        core.tickets.update(tid, {"subject": "x"})
    core.tickets.restore(tid)
    assert {r["id"] for r in core.tickets.list().rows} == {tid, keep}
    actions = [r[0] for r in audit(core, "tickets", tid)]
    assert actions == ["create", "delete", "restore"]


def test_close_and_reopen(core: Any) -> None:
    tid = core.tickets.create({"subject": "بازپرداخت"})
    with pytest.raises(ValidationError) as exc:
        core.tickets.close(tid, 6)
    assert exc.value.for_field("satisfaction").code == "range"
    with pytest.raises(ValidationError):
        core.tickets.close(tid, 0)
    assert core.tickets.get(tid)["status"] == "new"

    core.tickets.close(tid, 4, "خوب بود")
    got = core.tickets.get(tid)
    assert (got["status"], got["satisfaction"], got["satisfaction_comment"]) == (
        "closed", 4, "خوب بود"
    )
    assert got["closed_at"] is not None

    core.tickets.reopen(tid)
    got = core.tickets.get(tid)
    assert (got["status"], got["closed_at"], got["satisfaction"]) == ("open", None, None)
    assert ("update", "satisfaction", "4", None) in audit(core, "tickets", tid)

    core.tickets.close(tid, None)  # not asked
    got = core.tickets.get(tid)
    assert got["status"] == "closed" and got["satisfaction"] is None
    with pytest.raises(NotFoundError):
        core.tickets.close(9999, 3)


def test_comments_and_first_response(core: Any) -> None:
    tid = core.tickets.create({"subject": "سؤال"})
    c1 = core.tickets.add_comment(tid, "بررسی داخلی")
    assert core.tickets.get(tid)["first_response_at"] is None
    c2 = core.tickets.add_comment(tid, "پاسخ به مشتری", internal=False)
    first = core.tickets.get(tid)["first_response_at"]
    assert first is not None
    core.tickets.add_comment(tid, "پاسخ دوم", internal=False)
    assert core.tickets.get(tid)["first_response_at"] == first
    comments = core.tickets.comments(tid)
    assert [c["id"] for c in comments][:2] == [c1, c2]
    assert [c["internal"] for c in comments] == [True, False, False]
    assert comments[1]["created_at"] == first
    assert comments[0]["author"] == "مدیر سیستم"
    with pytest.raises(ValidationError) as exc:
        core.tickets.add_comment(tid, "   ")
    assert exc.value.fields == ["body"]
    with pytest.raises(NotFoundError):
        core.tickets.add_comment(9999, "x")


def test_list_rows_and_filters(core: Any) -> None:
    year = jalali_year(business_today())
    contact = core.contacts.create({"first_name": "رضا", "last_name": "کریمی"})
    agent = core.users.create({"username": "agent", "display_name": "پشتیبان"})
    t = core.tickets
    a = t.create({"subject": "a", "contact_id": contact, "assignee_id": agent,
                  "priority": "high", "category": "complaint"})
    b = t.create({"subject": "b", "status": "open", "sla_due_at": NOW - timedelta(hours=2)})
    c = t.create({"subject": "c", "status": "resolved", "sla_due_at": NOW - timedelta(hours=2)})
    d = t.create({"subject": "d", "sla_due_at": NOW + timedelta(hours=2)})

    rows = {r["id"]: r for r in t.list().rows}
    assert rows[a]["number"] == f"T-{year}-0001"
    assert rows[a]["contact"] == "رضا کریمی" and rows[a]["assignee"] == "پشتیبان"
    assert rows[b]["contact"] is None

    def ids(**filters: Any) -> set[int]:
        return {r["id"] for r in t.list(ListQuery(filters=filters)).rows}

    assert ids(status="open") == {b}
    assert ids(priority="high") == {a}
    assert ids(category="complaint") == {a}
    assert ids(assignee_id=agent) == {a}
    assert ids(contact_id=contact) == {a}
    assert ids(overdue=True) == {b}
    assert ids(overdue=False) == {a, b, c, d}
    assert t.count(ListQuery(filters={"overdue": True})) == 1
    assert t.counts_by_status() == {"new": 2, "open": 1, "waiting": 0, "resolved": 1,
                                    "closed": 0}


def test_sorts(core: Any) -> None:
    t = core.tickets
    low = t.create({"subject": "x", "priority": "low", "sla_due_at": NOW + timedelta(days=3)})
    urgent = t.create({"subject": "y", "priority": "urgent", "status": "waiting"})
    t.update(urgent, {"sla_due_at": None})  # created with an SLA; cleared: "no SLA"
    normal = t.create({"subject": "z", "sla_due_at": NOW + timedelta(days=1),
                       "status": "open"})

    def order(key: str, desc: bool = False) -> list[int]:
        return [r["id"] for r in t.list(ListQuery(sort=Sort(key, desc))).rows]

    assert order("number") == [low, urgent, normal]
    assert order("number", True) == [normal, urgent, low]
    assert order("priority") == [low, normal, urgent]
    assert order("status") == [low, normal, urgent]
    assert order("sla_due") == [normal, low, urgent]  # no SLA last
    with pytest.raises(KeyError):
        order("colour")


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", ["number", "created", "priority", "status", "sla_due"])
def test_keyset_paging(core: Any, key: str, descending: bool) -> None:
    priorities = ["low", "normal", "high", "urgent"]
    statuses = ["new", "open", "waiting", "resolved", "closed"]
    made = set()
    for i in range(29):
        made.add(core.tickets.create({
            "subject": f"t{i}", "priority": priorities[i % 4], "status": statuses[i % 5],
            "sla_due_at": NOW + timedelta(hours=i % 3) if i % 2 else None,
        }))
    query = ListQuery(sort=Sort(key, descending), limit=4)
    ids = [r["id"] for r in all_rows(core.tickets, query)]
    assert len(ids) == len(set(ids)) == 29 and set(ids) == made
    assert ids == [r["id"] for r in core.tickets.list(replace(query, limit=1000)).rows]


# -- two processes at once ---------------------------------------------------------------

def _create_tickets(path: str, n: int, barrier: Any) -> None:
    from crm_desktop.core import Core

    with Core.open(path) as core:
        barrier.wait(timeout=60)
        for i in range(n):
            core.tickets.create({"subject": f"هم‌زمان {i}"})


def test_numbers_unique_under_concurrency(core: Any, db_target: Path | str) -> None:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_create_tickets, args=(str(db_target), PER_PROCESS, barrier))
             for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0]
    with core.db.read() as session:
        numbers = list(session.execute(select(m.Ticket.year, m.Ticket.seq)))
    year = jalali_year(business_today())
    assert len(numbers) == 2 * PER_PROCESS
    assert sorted(numbers) == [(year, s) for s in range(1, 2 * PER_PROCESS + 1)]
