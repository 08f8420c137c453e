"""ActivityService on a real SQLite file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from crm_desktop.db import models as m
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.base import ListQuery, Sort

NOW = datetime.now(UTC).replace(microsecond=0)


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
        select(a.action, a.field, a.old_value, a.new_value, a.user_id)
        .where(a.entity == entity, a.entity_id == entity_id)
        .order_by(a.id)
    )
    with core.db.read() as session:
        return [tuple(r) for r in session.execute(q)]


def last_activity(core: Any, contact_id: int) -> datetime | None:
    return core.contacts.get(contact_id)["last_activity_at"]


@pytest.fixture
def contact(core: Any) -> int:
    return core.contacts.create({"first_name": "مریم", "last_name": "احمدی"})


def test_create_and_get(core: Any, contact: int) -> None:
    due = NOW + timedelta(days=1)
    aid = core.activities.create({
        "kind": "meeting", "subject": "  جلسه   معرفی ", "due_at": due, "contact_id": contact,
        "duration_minutes": "۴۵", "notes": "خط اول\n  خط دوم  ",
    })
    got = core.activities.get(aid)
    assert got["subject"] == "جلسه معرفی"
    assert got["duration_minutes"] == 45
    assert got["due_at"] == due and got["due_at"].tzinfo is not None
    assert got["done_at"] is None
    assert got["owner_id"] == core.actor_id
    assert got["notes"] == "خط اول\nخط دوم"


def test_personal_task_without_links_is_allowed(core: Any) -> None:
    aid = core.activities.create({"kind": "task", "subject": "خرید کاغذ"})
    row = core.activities.get(aid)
    assert (row["contact_id"], row["account_id"], row["deal_id"], row["ticket_id"]) == (
        None, None, None, None
    )


def test_validation_errors_name_every_field(core: Any, contact: int) -> None:
    with pytest.raises(ValidationError) as exc:
        core.activities.create({"notes": "x"})
    assert set(exc.value.fields) == {"kind", "subject"}
    assert {e.code for e in exc.value.errors} == {"required"}

    with pytest.raises(ValidationError) as exc:
        core.activities.create({
            "kind": "visit", "subject": "x" * 201, "duration_minutes": 1440 * 7 + 1,
            "outcome": "y" * 301, "due_at": "not a time", "contact_id": 9999,
        })
    codes = {e.field: e.code for e in exc.value.errors}
    assert codes == {
        "kind": "choice", "subject": "too_long", "duration_minutes": "range",
        "outcome": "too_long", "due_at": "date.invalid",
    }

    with pytest.raises(ValidationError) as exc:
        core.activities.create({"kind": "call", "subject": "x", "contact_id": 9999,
                                "deal_id": 9999, "ticket_id": 9999, "account_id": 9999,
                                "owner_id": 9999})
    assert set(exc.value.fields) == {"contact_id", "deal_id", "ticket_id", "account_id",
                                     "owner_id"}
    assert {e.code for e in exc.value.errors} == {"not_found"}


def test_deleted_contact_cannot_be_linked(core: Any, contact: int) -> None:
    core.contacts.delete(contact)
    with pytest.raises(ValidationError) as exc:
        core.activities.create({"kind": "call", "subject": "x", "contact_id": contact})
    assert exc.value.for_field("contact_id").code == "not_found"


def test_duration_bounds(core: Any) -> None:
    aid = core.activities.create({"kind": "task", "subject": "x", "duration_minutes": 1440 * 7})
    assert core.activities.get(aid)["duration_minutes"] == 1440 * 7
    with pytest.raises(ValidationError) as exc:
        core.activities.update(aid, {"duration_minutes": -1})
    assert exc.value.for_field("duration_minutes").code == "range"


def test_naive_instants_are_taken_as_utc(core: Any) -> None:
    aid = core.activities.create({"kind": "task", "subject": "x",
                                  "due_at": "2030-01-02T03:04:05"})
    assert core.activities.get(aid)["due_at"] == datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_update_writes_audit_rows(core: Any, contact: int) -> None:
    aid = core.activities.create({"kind": "call", "subject": "تماس اول", "contact_id": contact})
    core.activities.update(aid, {"subject": "تماس دوم", "outcome": "پاسخ نداد"})
    rows = audit(core, "activities", aid)
    assert rows[0][:2] == ("create", None)
    assert rows[0][4] == core.actor_id
    updates = {r[1]: (r[2], r[3]) for r in rows if r[0] == "update"}
    assert updates["subject"] == ("تماس اول", "تماس دوم")
    assert updates["outcome"] == (None, "پاسخ نداد")


def test_update_unknown_id(core: Any) -> None:
    with pytest.raises(NotFoundError):
        core.activities.update(12345, {"subject": "x"})


def test_complete_and_reopen(core: Any, contact: int) -> None:
    aid = core.activities.create({"kind": "task", "subject": "پیگیری", "contact_id": contact})
    before = datetime.now(UTC)
    core.activities.complete(aid, outcome="انجام شد")
    done = core.activities.get(aid)
    assert done["done_at"] >= before - timedelta(seconds=1)
    assert done["outcome"] == "انجام شد"
    # completing again keeps the first completion time
    core.activities.complete(aid)
    assert core.activities.get(aid)["done_at"] == done["done_at"]
    with pytest.raises(ValidationError) as exc:
        core.activities.complete(aid, outcome="z" * 301)
    assert exc.value.fields == ["outcome"]
    core.activities.reopen(aid)
    assert core.activities.get(aid)["done_at"] is None
    fields = [r[1] for r in audit(core, "activities", aid) if r[0] == "update"]
    assert fields.count("done_at") == 2


def test_notes_are_done_when_written(core: Any, contact: int) -> None:
    aid = core.activities.create({"kind": "note", "subject": "یادداشت", "contact_id": contact})
    got = core.activities.get(aid)
    assert got["done_at"] is not None
    assert last_activity(core, contact) == max(got["done_at"], got["created_at"])


def test_last_activity_follows_done_activities(core: Any, contact: int) -> None:
    other = core.contacts.create({"last_name": "دیگری"})
    assert last_activity(core, contact) is None
    task = core.activities.create({"kind": "task", "subject": "t", "contact_id": contact,
                                   "due_at": NOW - timedelta(days=3)})
    assert last_activity(core, contact) is None  # open activities do not count

    core.activities.complete(task)
    t_done = core.activities.get(task)["done_at"]
    assert last_activity(core, contact) == t_done

    # a meeting done in the past (entered as done) does not move it back
    meeting = core.activities.create({"kind": "meeting", "subject": "m", "contact_id": contact,
                                      "done_at": NOW - timedelta(days=10)})
    assert last_activity(core, contact) == t_done

    # done "in the future" (a typo, but stored): the max wins
    later = NOW + timedelta(days=2)
    core.activities.update(meeting, {"done_at": later})
    assert last_activity(core, contact) == later

    # moving that activity to another contact recomputes both
    core.activities.update(meeting, {"contact_id": other})
    assert last_activity(core, contact) == t_done
    assert last_activity(core, other) == later

    core.activities.reopen(task)
    assert last_activity(core, contact) is None
    core.activities.delete(meeting)
    assert last_activity(core, other) is None
    with pytest.raises(NotFoundError):
        core.activities.get(meeting)
    assert audit(core, "activities", meeting)[-1][:2] == ("delete", "purged")


def test_logged_call_counts_when_it_was_written(core: Any, contact: int) -> None:
    aid = core.activities.create({"kind": "call", "subject": "تماس دیروز", "contact_id": contact,
                                  "done_at": NOW - timedelta(days=1)})
    got = core.activities.get(aid)
    assert got["created_at"] > got["done_at"]
    assert last_activity(core, contact) == got["created_at"]


def test_contact_audit_untouched_by_last_activity(core: Any, contact: int) -> None:
    n = len(audit(core, "contacts", contact))
    core.activities.create({"kind": "note", "subject": "x", "contact_id": contact})
    assert last_activity(core, contact) is not None
    assert len(audit(core, "contacts", contact)) == n


def test_state_filters(core: Any) -> None:
    a = core.activities
    overdue = a.create({"kind": "task", "subject": "overdue", "due_at": NOW - timedelta(hours=1)})
    future = a.create({"kind": "task", "subject": "future", "due_at": NOW + timedelta(days=1)})
    undated = a.create({"kind": "task", "subject": "undated"})
    done = a.create({"kind": "call", "subject": "done", "due_at": NOW - timedelta(days=2)})
    a.complete(done)

    def ids(state: str) -> set[int]:
        return {r["id"] for r in a.list(ListQuery(filters={"state": state})).rows}

    assert ids("open") == {overdue, future, undated}
    assert ids("done") == {done}
    assert ids("overdue") == {overdue}
    assert a.count(ListQuery(filters={"state": "overdue"})) == 1
    with pytest.raises(ValueError):
        a.list(ListQuery(filters={"state": "later"}))


def test_column_filters(core: Any, contact: int) -> None:
    user = core.users.create({"username": "sara", "display_name": "سارا"})
    deal = core.deals.create({"title": "قرارداد", "contact_id": contact})
    ticket = core.tickets.create({"subject": "مشکل"})
    a = core.activities
    call = a.create({"kind": "call", "subject": "c", "contact_id": contact, "owner_id": user})
    on_deal = a.create({"kind": "email", "subject": "e", "deal_id": deal})
    on_ticket = a.create({"kind": "sms", "subject": "s", "ticket_id": ticket})
    a.create({"kind": "task", "subject": "t"})

    def ids(**filters: Any) -> set[int]:
        return {r["id"] for r in a.list(ListQuery(filters=filters)).rows}

    assert ids(kind="call") == {call}
    assert ids(owner_id=user) == {call}
    assert ids(contact_id=contact) == {call}
    assert ids(deal_id=deal) == {on_deal}
    assert ids(ticket_id=ticket) == {on_ticket}
    assert ids(kind="call", owner_id=core.actor_id) == set()
    row = a.list(ListQuery(filters={"kind": "call"})).rows[0]
    assert row["contact"] == "مریم احمدی" and row["owner"] == "سارا"
    assert {r["id"] for r in a.list(ListQuery(text="e")).rows} >= {on_deal}
    with pytest.raises(KeyError):
        a.list(ListQuery(filters={"colour": "red"}))


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", ["due", "created", "subject"])
def test_keyset_paging_loses_and_repeats_nothing(core: Any, key: str, descending: bool) -> None:
    a = core.activities
    created = []
    for i in range(37):
        due = NOW + timedelta(hours=i % 5) if i % 3 else None  # ties and gaps on purpose
        created.append(a.create({"kind": "task", "subject": f"کار {i % 4}", "due_at": due}))
    query = ListQuery(sort=Sort(key, descending), limit=7)
    rows = all_rows(a, query)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) == 37
    assert set(ids) == set(created)
    whole = a.list(replace(query, limit=1000)).rows
    assert [r["id"] for r in whole] == ids


def test_due_sort_uses_created_when_undated(core: Any) -> None:
    a = core.activities
    late = a.create({"kind": "task", "subject": "late", "due_at": NOW + timedelta(days=30)})
    undated = a.create({"kind": "task", "subject": "undated"})
    early = a.create({"kind": "task", "subject": "early", "due_at": NOW - timedelta(days=30)})
    rows = a.list(ListQuery(sort=Sort("due"))).rows
    assert [r["id"] for r in rows] == [early, undated, late]


def test_for_contact_timeline(core: Any, contact: int) -> None:
    a = core.activities
    old = a.create({"kind": "meeting", "subject": "old", "contact_id": contact,
                    "done_at": NOW - timedelta(days=5)})
    upcoming = a.create({"kind": "task", "subject": "upcoming", "contact_id": contact,
                         "due_at": NOW + timedelta(days=2)})
    mid = a.create({"kind": "call", "subject": "mid", "contact_id": contact,
                    "due_at": NOW - timedelta(days=1)})
    a.create({"kind": "call", "subject": "someone else"})
    rows = a.for_contact(contact)
    assert [r["id"] for r in rows] == [upcoming, mid, old]
    assert rows[0]["at"] == NOW + timedelta(days=2)
    assert [r["id"] for r in a.for_contact(contact, limit=2)] == [upcoming, mid]


def test_due_between(core: Any) -> None:
    user = core.users.create({"username": "ali", "display_name": "علی"})
    a = core.activities
    start = datetime(2030, 3, 1, tzinfo=UTC)
    end = start + timedelta(days=7)
    at_start = a.create({"kind": "meeting", "subject": "a", "due_at": start})
    inside = a.create({"kind": "call", "subject": "b", "due_at": start + timedelta(days=2),
                       "owner_id": user})
    a.complete(inside)
    a.create({"kind": "call", "subject": "at end", "due_at": end})
    a.create({"kind": "call", "subject": "before", "due_at": start - timedelta(seconds=1)})
    a.create({"kind": "task", "subject": "undated"})
    assert [r["id"] for r in a.due_between(start, end)] == [at_start, inside]
    assert [r["id"] for r in a.due_between(start, end, owner_id=user)] == [inside]


def test_due_reminders(core) -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 11, 22, 9, tzinfo=UTC)
    due = core.activities.create({"kind": "task", "subject": "زنگ بزن",
                                  "reminder_at": now - timedelta(minutes=5)})
    core.activities.create({"kind": "task", "subject": "بعداً",
                            "reminder_at": now + timedelta(hours=1)})
    done = core.activities.create({"kind": "task", "subject": "انجام شد",
                                   "reminder_at": now - timedelta(hours=2)})
    core.activities.complete(done)
    assert [r["id"] for r in core.activities.due_reminders(now)] == [due]
