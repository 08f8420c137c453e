"""ListService and CampaignService on a real SQLite file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from crm_desktop.db import models as m
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.base import ListQuery, Sort


def all_rows(fetch: Any, query: ListQuery) -> list[dict]:
    rows: list[dict] = []
    after = None
    for _ in range(1000):
        page = fetch(replace(query, after=after))
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


def make_contacts(core: Any, n: int) -> list[int]:
    return [core.contacts.create({"last_name": f"مخاطب {i}"}) for i in range(n)]


# -- lists -------------------------------------------------------------------------------

def test_list_create_and_validation(core: Any) -> None:
    lid = core.lists.create({"name": " مشتریان   ویژه "})
    got = core.lists.get(lid)
    assert (got["name"], got["kind"], got["owner_id"]) == ("مشتریان ویژه", "static", core.actor_id)
    with pytest.raises(ValidationError) as exc:
        core.lists.create({"description": "x"})
    assert exc.value.fields == ["name"]
    with pytest.raises(ValidationError) as exc:
        core.lists.create({"name": "n" * 201, "kind": "smart"})
    assert {e.field: e.code for e in exc.value.errors} == {"name": "too_long", "kind": "choice"}
    with pytest.raises(ValidationError) as exc:
        core.lists.create({"name": "f", "kind": "filter"})
    assert exc.value.for_field("filter_json").code == "required"
    with pytest.raises(ValidationError) as exc:
        core.lists.create({"name": "f", "kind": "filter", "filter_json": "{city: tehran"})
    assert exc.value.for_field("filter_json").code == "invalid"
    with pytest.raises(ValidationError) as exc:  # a criterion that does not exist
        core.lists.create({"name": "f", "kind": "filter", "filter_json": {"city": "تهران"}})
    assert exc.value.for_field("city").code == "unknown_field"
    fid = core.lists.create({"name": "f", "kind": "filter",
                             "filter_json": {"version": 1, "cities": ["تهران "]}})
    assert core.lists.get(fid)["filter_json"] == '{"cities": ["تهران"], "version": 1}'
    # a list keeps its kind: a static list does not become a filter list, nor back
    with pytest.raises(ValidationError):
        core.lists.update(lid, {"kind": "filter"})
    with pytest.raises(ValidationError) as exc:
        core.lists.update(lid, {"kind": "filter", "filter_json": {"version": 1}})
    assert exc.value.fields == ["kind"]
    core.lists.update(lid, {"description": "برای عید"})
    assert ("update", "description", None, "برای عید") in audit(core, "marketing_lists", lid)
    assert audit(core, "marketing_lists", lid)[0][0] == "create"


def test_add_and_remove_members(core: Any) -> None:
    contacts = make_contacts(core, 5)
    deleted = contacts[4]
    core.contacts.delete(deleted)
    lid = core.lists.create({"name": "L"})
    assert core.lists.add_members(lid, [contacts[0], contacts[1], contacts[1], deleted, 9999]) == 2
    assert core.lists.add_members(lid, [contacts[0], contacts[2]]) == 1  # duplicate ignored
    assert core.lists.member_count(lid) == 3
    assert core.lists.list().rows[0]["members"] == 3
    assert core.lists.remove_members(lid, [contacts[0], contacts[3]]) == 1
    assert {r["id"] for r in core.lists.members(lid).rows} == {contacts[1], contacts[2]}
    # a member deleted later is not counted nor listed, and comes back with a restore
    core.contacts.delete(contacts[1])
    assert core.lists.member_count(lid) == 1
    assert [r["id"] for r in core.lists.members(lid).rows] == [contacts[2]]
    core.contacts.restore(contacts[1])
    assert core.lists.member_count(lid) == 2
    with pytest.raises(NotFoundError):
        core.lists.add_members(9999, contacts)


def test_filter_lists_have_no_static_members(core: Any) -> None:
    (contact,) = make_contacts(core, 1)
    fid = core.lists.create({"name": "f", "kind": "filter", "filter_json": '{"version": 1}'})
    with pytest.raises(ValidationError) as exc:
        core.lists.add_members(fid, [contact])
    assert exc.value.fields == ["kind"]


def test_members_keyset_paging(core: Any) -> None:
    contacts = make_contacts(core, 23)
    lid = core.lists.create({"name": "L"})
    core.lists.add_members(lid, reversed(contacts))
    rows = all_rows(lambda q: core.lists.members(lid, q), ListQuery(limit=5))
    assert [r["id"] for r in rows] == sorted(contacts)
    first = core.lists.members(lid, ListQuery(limit=5))
    assert len(first.rows) == 5 and first.next_cursor is not None
    assert core.lists.members(lid, ListQuery(limit=23)).next_cursor is None


def test_large_member_add_in_chunks(core: Any) -> None:
    with core.db.write() as session:
        rows = [m.Contact(last_name=f"c{i}", full_name=f"c{i}") for i in range(1203)]
        session.add_all(rows)
        session.flush()
        ids = [c.id for c in rows]
    lid = core.lists.create({"name": "big"})
    assert core.lists.add_members(lid, ids) == 1203
    assert core.lists.add_members(lid, ids) == 0
    assert core.lists.member_count(lid) == 1203


# -- campaigns ---------------------------------------------------------------------------

def test_campaign_create_and_validation(core: Any) -> None:
    cid = core.campaigns.create({
        "name": "جشنواره نوروز", "channel": "sms", "start_date": "1405/01/01",
        "end_date": "1405/01/13", "budget_rial": "۱۲٬۰۰۰٬۰۰۰",
    })
    got = core.campaigns.get(cid)
    assert got["status"] == "planned"
    assert got["budget_rial"] == 12_000_000
    assert got["start_date"] == date(2026, 3, 21) and got["end_date"] == date(2026, 4, 2)
    assert (got["actual_cost_rial"], got["expected_revenue_rial"]) == (0, 0)

    with pytest.raises(ValidationError) as exc:
        core.campaigns.create({})
    assert set(exc.value.fields) == {"name", "channel"}
    with pytest.raises(ValidationError) as exc:
        core.campaigns.create({"name": "x", "channel": "pigeon", "budget_rial": "-5",
                               "actual_cost_rial": "abc", "expected_revenue_rial": -1,
                               "start_date": "1405/13/01"})
    assert {e.field: e.code for e in exc.value.errors} == {
        "channel": "choice", "budget_rial": "money.negative", "actual_cost_rial": "money.invalid",
        "expected_revenue_rial": "money.negative", "start_date": "date.invalid",
    }
    with pytest.raises(ValidationError) as exc:
        core.campaigns.create({"name": "x", "channel": "sms", "owner_id": 999})
    assert set(exc.value.fields) == {"owner_id"}
    # the old single list is no field of a campaign any more: targets are
    with pytest.raises(ValidationError) as exc:
        core.campaigns.create({"name": "x", "channel": "sms", "list_id": 1})
    assert exc.value.fields == ["list_id"]


def test_end_before_start(core: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        core.campaigns.create({"name": "x", "channel": "email", "start_date": date(2026, 5, 2),
                               "end_date": date(2026, 5, 1)})
    assert exc.value.errors[0].field == "end_date"
    assert exc.value.errors[0].code == "date.order"
    cid = core.campaigns.create({"name": "x", "channel": "email", "start_date": date(2026, 5, 2),
                                 "end_date": date(2026, 5, 2)})
    # checked against the stored start date when only the end changes
    with pytest.raises(ValidationError) as exc:
        core.campaigns.update(cid, {"end_date": date(2026, 4, 30)})
    assert exc.value.fields == ["end_date"]
    with pytest.raises(ValidationError):
        core.campaigns.update(cid, {"start_date": date(2026, 6, 1)})
    core.campaigns.update(cid, {"start_date": date(2026, 6, 1), "end_date": None})
    assert core.campaigns.get(cid)["end_date"] is None


def test_campaign_update_audit(core: Any) -> None:
    cid = core.campaigns.create({"name": "x", "channel": "event"})
    core.campaigns.update(cid, {"status": "active", "actual_cost_rial": 5_000_000})
    rows = audit(core, "campaigns", cid)
    assert rows[0][0] == "create"
    assert ("update", "status", "planned", "active") in rows
    assert ("update", "actual_cost_rial", "0", "5000000") in rows


def test_members_from_a_list_target(core: Any) -> None:
    contacts = make_contacts(core, 6)
    lid = core.lists.create({"name": "L"})
    core.lists.add_members(lid, contacts[:4])
    core.contacts.delete(contacts[3])
    cid = core.campaigns.create({"name": "c", "channel": "sms"})
    core.campaigns.add_target(cid, list_id=lid)
    assert core.campaigns.add_members_from_targets(cid) == 3
    assert core.campaigns.add_members_from_targets(cid) == 0
    core.lists.add_members(lid, contacts[4:])
    assert core.campaigns.add_members_from_targets(cid) == 2
    assert core.campaigns.member_stats(cid) == {"targeted": 5, "sent": 0, "delivered": 0,
                                                "failed": 0, "responded": 0,
                                                "converted": 0, "opted_out": 0}
    rows = core.campaigns.members(cid).rows
    assert {r["id"] for r in rows} == {*contacts[:3], *contacts[4:]}
    assert all(r["updated_at"] is not None for r in rows)
    assert core.campaigns.list().rows[0]["members"] == 5

    bare = core.campaigns.create({"name": "no list", "channel": "sms"})
    with pytest.raises(ValidationError) as exc:
        core.campaigns.add_members_from_targets(bare)
    assert exc.value.for_field("campaign_targets").code == "required"
    with pytest.raises(NotFoundError):
        core.campaigns.add_members_from_targets(9999)


def test_member_status(core: Any) -> None:
    contacts = make_contacts(core, 3)
    lid = core.lists.create({"name": "L"})
    core.lists.add_members(lid, contacts)
    cid = core.campaigns.create({"name": "c", "channel": "call"})
    core.campaigns.add_target(cid, list_id=lid)
    core.campaigns.add_members_from_targets(cid)
    core.campaigns.set_member_status(cid, contacts[0], "sent")
    core.campaigns.set_member_status(cid, contacts[1], "converted")
    assert core.campaigns.member_stats(cid) == {"targeted": 1, "sent": 1, "delivered": 0,
                                                "failed": 0, "responded": 0,
                                                "converted": 1, "opted_out": 0}
    sent = core.campaigns.members(cid, ListQuery(filters={"status": "sent"})).rows
    assert [r["id"] for r in sent] == [contacts[0]]
    with pytest.raises(ValidationError) as exc:
        core.campaigns.set_member_status(cid, contacts[2], "opened")
    assert exc.value.for_field("status").code == "choice"
    outsider = make_contacts(core, 1)[0]
    with pytest.raises(NotFoundError):
        core.campaigns.set_member_status(cid, outsider, "sent")


def test_campaign_list_filters_and_paging(core: Any) -> None:
    made = []
    for i in range(17):
        made.append(core.campaigns.create({
            "name": f"کمپین {i % 3}", "channel": ["sms", "email"][i % 2],
            "status": ["planned", "active", "completed"][i % 3],
            "start_date": date(2026, 1, 1 + i % 4) if i % 5 else None,
        }))
    for key in ("start_date", "name", "status", "created"):
        for desc in (False, True):
            query = ListQuery(sort=Sort(key, desc), limit=4)
            ids = [r["id"] for r in all_rows(core.campaigns.list, query)]
            assert len(ids) == len(set(ids)) == 17, (key, desc)
            assert ids == [r["id"] for r in core.campaigns.list(replace(query, limit=100)).rows]
    undated = [r["id"] for r in core.campaigns.list(ListQuery(sort=Sort("start_date"))).rows]
    assert set(undated[-4:]) == {made[0], made[5], made[10], made[15]}  # no date sorts last
    sms = {r["id"] for r in core.campaigns.list(ListQuery(filters={"channel": "sms"})).rows}
    assert sms == set(made[0::2])
    active = core.campaigns.count(ListQuery(filters={"status": "active"}))
    assert active == len(made[1::3])
