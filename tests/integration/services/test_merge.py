"""Merging contacts and companies: everything related moves to the survivor, in one
transaction, and the survivor's derived columns are what an edit gives."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.merge import MAX_MERGE, MergeService
from tests.integration.services.audit_check import audit_since, last_audit_id, snapshot

DONE = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)


def _won(core: Core) -> int:
    return next(s["id"] for s in core.stages.list() if s["outcome"] == "won")


def _world(core: Core) -> dict[str, Any]:
    """A survivor and a duplicate with one of every related record; two lists and two
    campaigns hold both, one list and one campaign only the duplicate."""
    i: dict[str, Any] = {}
    c = core.contacts
    i["s"] = c.create({"first_name": "علی", "last_name": "رضایی", "city": "تهران",
                       "mobile": "09121111111", "sms_consent": True, "tags": ["VIP"]})
    i["o"] = c.create({"first_name": "علي", "last_name": "رضائی", "city": "تهران",
                       "mobile": "09122222222", "email": "ali@example.com",
                       "sms_consent": True, "tags": ["VIP", "همکار"], "notes": "قدیمی"})
    o = i["o"]
    i["deal"] = core.deals.create({"title": "خرید", "contact_id": o, "amount_rial": 9_000_000})
    core.deals.move(i["deal"], _won(core))
    i["proforma"] = core.proformas.create({"contact_id": o}, [
        {"description": "نصب", "unit_price_rial": 2_000_000}])
    i["ticket"] = core.tickets.create({"subject": "خرابی", "contact_id": o})
    i["activity"] = core.activities.create({"kind": "meeting", "subject": "جلسه",
                                            "contact_id": o, "done_at": DONE})
    i["only"] = core.lists.create({"name": "فقط دومی"})
    i["both"] = core.lists.create({"name": "هر دو"})
    core.lists.add_members(i["only"], [o])
    core.lists.add_members(i["both"], [i["s"], o])
    i["c_only"] = core.campaigns.create({"name": "یلدا", "channel": "sms"})
    i["c_both"] = core.campaigns.create({"name": "نوروز", "channel": "sms"})
    core.campaigns.add_target(i["c_only"], list_id=i["only"])
    core.campaigns.add_target(i["c_both"], list_id=i["both"])
    core.campaigns.add_members_from_targets(i["c_only"])
    core.campaigns.add_members_from_targets(i["c_both"])
    core.campaigns.set_member_status(i["c_both"], o, "converted")
    i["message"] = core.outbox.save_message(i["c_only"], "sms", "سلام {first_name}")
    core.outbox.queue(i["message"])
    i["both_message"] = core.outbox.save_message(i["c_both"], "sms", "سلام")
    core.outbox.queue(i["both_message"])
    core.rfm.recompute()
    return i


def _rows(core: Core, model: Any, **where: Any) -> list[Any]:
    """The rows of a table as plain values (attribute access), filtered by equality."""
    with core.db.read() as session:
        q = select(*model.__table__.columns)
        for k, v in where.items():
            q = q.where(getattr(model, k) == v)
        return list(session.execute(q))


def test_merging_contacts_moves_every_related_record(core: Core) -> None:
    i = _world(core)
    s, o = i["s"], i["o"]
    moves = core.merging.moves("contacts", [o])
    assert moves == {"deals": 1, "proformas": 1, "tickets": 1, "activities": 1, "outbox": 2,
                     "lists": 2, "campaigns": 2, "tags": 2}
    history = [h["to_stage"] for h in core.deals.stage_history(i["deal"])]
    core.merging.merge("contacts", s, [o], choose={"email": o, "mobile2": o})

    for model, rid in ((m.Deal, i["deal"]), (m.Proforma, i["proforma"]),
                       (m.Ticket, i["ticket"]), (m.Activity, i["activity"])):
        (row,) = _rows(core, model, id=rid)
        assert row.contact_id == s, model
    # the deal's stage history stays with the deal
    assert [h["to_stage"] for h in core.deals.stage_history(i["deal"])] == history
    # lists: the survivor once in each, the duplicate in none
    assert {(r.list_id, r.contact_id) for r in _rows(core, m.ListMember)} == {
        (i["only"], s), (i["both"], s)}
    # campaigns: one member each; the furthest status kept
    members = {(r.campaign_id, r.contact_id, r.status) for r in _rows(core, m.CampaignMember)}
    assert members == {(i["c_only"], s, "targeted"), (i["c_both"], s, "converted")}
    assert core.campaigns.figures(i["c_both"])["converted"] == 1
    # outbox: the duplicate's message moves; the one both were sent stays with the duplicate
    outbox = {(r.message_id, r.contact_id) for r in _rows(core, m.OutboxMessage)}
    assert outbox == {(i["message"], s), (i["both_message"], s), (i["both_message"], o)}
    # tags: the union on the survivor
    assert core.contacts.tags(s) == sorted(["VIP", "همکار"])
    assert core.contacts.tags(o) == []
    # the survivor's RFM figures count the moved sale; its last activity is the moved call
    assert core.rfm.of_contact(s)["segment"] != "no_purchase"
    assert core.rfm.of_contact(o)["segment"] == "no_purchase"
    survivor = core.contacts.get(s)
    assert survivor["last_activity_at"] == DONE
    assert (survivor["email"], survivor["mobile"]) == ("ali@example.com", "09121111111")
    # the duplicate is in the Trash with a note pointing at the survivor
    with pytest.raises(NotFoundError):
        core.contacts.get(o)
    merged = core.contacts.get(o, include_deleted=True)
    assert merged["notes"] == f"قدیمی\nادغام شد در #{_fa(s)} — علی رضایی"


def _fa(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def test_the_merge_is_audited(core: Core) -> None:
    i = _world(core)
    s, o = i["s"], i["o"]
    mark = last_audit_id(core)
    core.merging.merge("contacts", s, [o], choose={"email": o}, lang="en")
    rows = audit_since(core, mark)
    got = {(r["entity"], r["entity_id"], r["action"], r["field"], r["old_value"],
            r["new_value"]) for r in rows}
    assert ("contacts", s, "update", "email", None, "ali@example.com") in got
    assert ("contacts", o, "delete", None, None, None) in got
    assert ("contacts", o, "update", "notes", "قدیمی",
            f"قدیمی\nMerged into #{s} — علی رضایی") in got
    for entity, rid in (("deals", i["deal"]), ("proformas", i["proforma"]),
                        ("tickets", i["ticket"]), ("activities", i["activity"])):
        assert (entity, rid, "update", "contact_id", str(o), str(s)) in got
    assert ("marketing_lists", i["only"], "update", "members", str(o), None) in got
    assert ("marketing_lists", i["only"], "update", "members", None, str(s)) in got
    assert ("contacts", s, "update", "tags", None, "همکار") in got
    assert all(r["user_id"] == core.actor_id for r in rows)


def _derived(core: Core, model: Any, rid: int) -> dict[str, Any]:
    with core.db.read() as session:
        obj = session.get(model, rid)
        names = ("full_name", "sort_key", "search_name", "search_other", "account_sort",
                 "owner_sort", "birth_md")
        return {n: getattr(obj, n) for n in names if hasattr(obj, n)}


def test_the_survivors_derived_columns_are_what_an_edit_gives(core: Core) -> None:
    acc = core.accounts.create({"name": "فولاد فارس"})
    user = core.users.create({"username": "sara", "display_name": "سارا"})
    s = core.contacts.create({"first_name": "علی", "last_name": "رضایی", "mobile": "09121111111"})
    o = core.contacts.create({"first_name": "محمدرضا", "last_name": "رضایی کرمانی",
                              "mobile": "09122222222", "account_id": acc, "owner_id": user,
                              "birthday": "1370/1/5"})
    choose = {f: o for f in ("first_name", "last_name", "mobile", "account_id", "owner_id",
                             "birthday")}
    core.merging.merge("contacts", s, [o], choose=choose)
    merged = _derived(core, m.Contact, s)
    assert merged["full_name"] == "محمدرضا رضایی کرمانی" and merged["account_sort"]
    # the same values through the editor's update recompute the same derived columns
    core.contacts.update(s, {f: core.contacts.get(s)[f] for f in choose})
    assert _derived(core, m.Contact, s) == merged
    assert core.search.search("محمد رضا")  # found under its new name


def test_merging_companies_moves_their_records(core: Core) -> None:
    s = core.accounts.create({"name": "آریا گستر", "city": "کرج"})
    o = core.accounts.create({"name": "شرکت آریاگستر", "city": "کرج", "legal_id": "10100387975"})
    person = core.contacts.create({"last_name": "کارمند", "account_id": o})
    deal = core.deals.create({"title": "سفارش", "account_id": o})
    proforma = core.proformas.create({"account_id": o}, [{"description": "ورق"}])
    ticket = core.tickets.create({"subject": "ورق", "account_id": o})
    activity = core.activities.create({"kind": "note", "subject": "یادداشت", "account_id": o})
    assert core.merging.moves("companies", [o]) == {
        "contacts": 1, "deals": 1, "proformas": 1, "tickets": 1, "activities": 1}
    core.merging.merge("companies", s, [o], choose={"legal_id": o},
                       values={"name": "آریا گستر کرج"})
    for model, rid in ((m.Contact, person), (m.Deal, deal), (m.Proforma, proforma),
                       (m.Ticket, ticket), (m.Activity, activity)):
        assert _rows(core, model, id=rid)[0].account_id == s, model
    survivor = core.accounts.get(s)
    assert (survivor["name"], survivor["legal_id"]) == ("آریا گستر کرج", "10100387975")
    # the moved contact sorts by its new company's name, as an edit would leave it
    sorted_as = _derived(core, m.Contact, person)["account_sort"]
    core.accounts.update(s, {"name": "آریا گستر کرج"})
    assert _derived(core, m.Contact, person)["account_sort"] == sorted_as
    assert _derived(core, m.Account, s)["sort_key"] == sorted_as
    note = core.accounts.get(o, include_deleted=True)["notes"]
    assert note == f"ادغام شد در #{_fa(s)} — آریا گستر کرج"


def test_a_merged_record_comes_back_from_the_trash_without_what_moved(core: Core) -> None:
    i = _world(core)
    core.merging.merge("contacts", i["s"], [i["o"]])
    core.contacts.restore(i["o"])
    back = core.contacts.get(i["o"])
    assert back["notes"].startswith("قدیمی\nادغام شد")
    assert back["tags"] == []
    assert core.merging.moves("contacts", [i["o"]])["deals"] == 0
    # and it can be found as a duplicate again, and merged again
    assert core.merging.moves("contacts", [i["s"]])["deals"] == 1
    core.merging.merge("contacts", i["s"], [i["o"]])


def test_a_failure_midway_changes_nothing(core: Core, monkeypatch: pytest.MonkeyPatch) -> None:
    i = _world(core)
    before, mark = snapshot(core), last_audit_id(core)

    def broken(*_args: Any) -> None:
        raise RuntimeError("disk full")

    # the deals, lists and campaign members have moved when the tags fail
    monkeypatch.setattr(MergeService, "_move_tags", staticmethod(broken))
    with pytest.raises(RuntimeError):
        core.merging.merge("contacts", i["s"], [i["o"]], choose={"email": i["o"]})
    assert snapshot(core) == before
    assert audit_since(core, mark) == []


@pytest.mark.parametrize("case", ["self", "twice", "one", "too_many", "kind", "field",
                                  "source", "trash", "missing", "company_id", "text_ids"])
def test_refused_merges_change_nothing(core: Core, case: str) -> None:
    a = core.contacts.create({"last_name": "یک"})
    b = core.contacts.create({"last_name": "دو"})
    gone = core.contacts.create({"last_name": "حذفی"})
    core.contacts.delete(gone)
    company = core.accounts.create({"name": "فقط شرکت"})
    many = [core.contacts.create({"last_name": f"نفر {n}"}) for n in range(MAX_MERGE)]
    calls = {
        "self": (("contacts", a, [a]), {}, ValidationError),
        "twice": (("contacts", a, [b, b]), {}, ValidationError),
        "one": (("contacts", a, []), {}, ValidationError),
        "too_many": (("contacts", a, many), {}, ValidationError),
        "kind": (("products", a, [b]), {}, ValidationError),
        "field": (("contacts", a, [b]), {"choose": {"colour": b}}, ValidationError),
        "source": (("contacts", a, [b]), {"choose": {"city": many[0]}}, ValidationError),
        "trash": (("contacts", a, [gone]), {}, NotFoundError),
        "missing": (("contacts", a, [10**9]), {}, NotFoundError),
        "company_id": (("contacts", a, [company + 10**6]), {}, NotFoundError),
        "text_ids": (("contacts", a, "12"), {}, ValidationError),
    }
    args, kwargs, error = calls[case]
    before, mark = snapshot(core), last_audit_id(core)
    with pytest.raises(error):
        core.merging.merge(*args, **kwargs)
    assert snapshot(core) == before
    assert audit_since(core, mark) == []


def test_more_than_two_records_merge_into_one(core: Core) -> None:
    ids = [core.contacts.create({"last_name": "نوری", "city": c, "mobile": f"0912000000{n}"})
           for n, c in enumerate(("قم", "", "کرج"))]
    deals = [core.deals.create({"title": f"م{n}", "contact_id": c}) for n, c in enumerate(ids)]
    core.merging.merge("contacts", ids[1], [ids[0], ids[2]], choose={"city": ids[2]})
    assert {_rows(core, m.Deal, id=d)[0].contact_id for d in deals} == {ids[1]}
    assert core.contacts.get(ids[1])["city"] == "کرج"
    for gone in (ids[0], ids[2]):
        with pytest.raises(NotFoundError):
            core.contacts.get(gone)
