"""A campaign's targets, members from its targets, bulk status changes and its figures
(members, responses, revenue from won deals, ROI, cost per acquired customer), in the
list (sortable, windowed) and for one campaign."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

import pytest
from sqlalchemy import func, select

from crm_desktop.db import models as m
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.services.campaigns import SEGMENTS
from crm_desktop.text.money import MAX_RIALS


def contacts(core: Any, n: int) -> list[int]:
    return [core.contacts.create({"last_name": f"نفر {i}"}) for i in range(n)]


def in_segment(core: Any, segment: str, ids: list[int]) -> None:
    with core.db.write() as session:
        for cid in ids:
            session.merge(m.ContactRfm(contact_id=cid, segment=segment))


def audit_rows(core: Any, entity: str) -> list[tuple]:
    a = m.AuditLog
    with core.db.read() as session:
        return [tuple(r) for r in session.execute(
            select(a.entity_id, a.action, a.field, a.old_value, a.new_value)
            .where(a.entity == entity).order_by(a.id))]


def won_stage(core: Any) -> int:
    return next(s["id"] for s in core.stages.list() if s["outcome"] == "won")


# -- targets ---------------------------------------------------------------------------------
def test_targets_add_list_and_segment_and_remove(core: Any) -> None:
    people = contacts(core, 3)
    lid = core.lists.create({"name": "مشتریان تهران"})
    core.lists.add_members(lid, people[:2])
    in_segment(core, "at_risk", people[1:])
    cid = core.campaigns.create({"name": "یلدا", "channel": "sms"})
    t_list = core.campaigns.add_target(cid, list_id=lid)
    t_seg = core.campaigns.add_target(cid, segment="at_risk")
    got = core.campaigns.targets(cid)
    assert [(t["id"], t["name"], t["segment"], t["contacts"]) for t in got] == [
        (t_list, "مشتریان تهران", None, 2), (t_seg, None, "at_risk", 2)]

    for kwargs, field, code in (
        ({"list_id": lid}, "list_id", "target.duplicate"),
        ({"segment": "at_risk"}, "segment", "target.duplicate"),
        ({"segment": "vip"}, "segment", "choice"),
        ({"segment": "x" * 25}, "segment", "choice"),
        ({"list_id": 999}, "list_id", "not_found"),
        ({}, "campaign_targets", "target.one"),
        ({"list_id": lid, "segment": "lost"}, "campaign_targets", "target.one"),
    ):
        with pytest.raises(ValidationError) as exc:
            core.campaigns.add_target(cid, **kwargs)
        assert exc.value.for_field(field).code == code, kwargs
    with pytest.raises(NotFoundError):
        core.campaigns.add_target(999, segment="lost")

    other = core.campaigns.create({"name": "دیگر", "channel": "sms"})
    with pytest.raises(NotFoundError):  # a target of another campaign
        core.campaigns.remove_target(other, t_list)
    core.campaigns.remove_target(cid, t_list)
    assert [t["id"] for t in core.campaigns.targets(cid)] == [t_seg]
    # both the new targets and the removal are in the audit log
    rows = audit_rows(core, "campaign_targets")
    assert [(r[0], r[1]) for r in rows] == [(t_list, "create"), (t_seg, "create"),
                                            (t_list, "delete")]
    assert '"segment":"at_risk"' in rows[1][4]


def test_every_segment_name_fits_the_column() -> None:
    assert len(set(SEGMENTS)) == len(SEGMENTS)
    assert all(0 < len(s) <= 24 for s in SEGMENTS)


def test_members_from_lists_and_segments_without_duplicates(core: Any) -> None:
    people = contacts(core, 8)
    a = core.lists.create({"name": "A"})
    b = core.lists.create({"name": "B"})
    core.lists.add_members(a, people[0:4])
    core.lists.add_members(b, people[2:6])  # 2, 3 on both lists
    in_segment(core, "loyal", [people[3], people[5], people[6]])  # 3, 5 on lists too
    in_segment(core, "lost", [people[7]])  # not targeted
    core.contacts.delete(people[0])  # in the Trash: not added
    cid = core.campaigns.create({"name": "c", "channel": "sms"})
    for target in ({"list_id": a}, {"list_id": b}, {"segment": "loyal"}):
        core.campaigns.add_target(cid, **target)
    assert core.campaigns.add_members_from_targets(cid) == 6  # people 1..6, once each
    with core.db.read() as session:
        got = session.scalars(select(m.CampaignMember.contact_id)
                              .where(m.CampaignMember.campaign_id == cid)).all()
    assert sorted(got) == people[1:7]
    # again: nothing new, statuses kept
    core.campaigns.set_member_status(cid, people[1], "responded")
    assert core.campaigns.add_members_from_targets(cid) == 0
    assert core.campaigns.member_stats(cid)["responded"] == 1
    created = [r for r in audit_rows(core, "campaign_members") if r[1] == "create"]
    assert len(created) == 6


def test_a_filter_list_target_reaches_whoever_its_filter_finds(core: Any) -> None:
    qom = [core.contacts.create({"last_name": f"قمی {i}", "city": "قم"}) for i in range(3)]
    core.contacts.create({"last_name": "تهرانی", "city": "تهران"})
    core.contacts.delete(qom[2])
    lid = core.lists.create({"name": "F", "kind": "filter",
                             "filter_json": {"version": 1, "cities": ["قم"]}})
    cid = core.campaigns.create({"name": "c", "channel": "sms"})
    core.campaigns.add_target(cid, list_id=lid)
    assert core.campaigns.targets(cid)[0]["contacts"] == 2
    assert core.campaigns.add_members_from_targets(cid) == 2
    assert {r["id"] for r in core.campaigns.members(cid).rows} == set(qom[:2])
    # a later contact of Qom joins on the next run, the others are not added twice
    later = core.contacts.create({"last_name": "قمی دیگر", "city": "قم"})
    assert core.campaigns.add_members_from_targets(cid) == 1
    assert {r["id"] for r in core.campaigns.members(cid).rows} == {*qom[:2], later}


def test_the_no_purchase_segment_holds_contacts_never_scored(core: Any) -> None:
    scored, fresh = contacts(core, 2)
    with core.db.write() as session:
        session.add(m.ContactRfm(contact_id=scored, segment="champions"))
    cid = core.campaigns.create({"name": "c", "channel": "sms"})
    core.campaigns.add_target(cid, segment="no_purchase")
    assert core.campaigns.add_members_from_targets(cid) == 1
    assert [r["id"] for r in core.campaigns.members(cid).rows] == [fresh]


# -- bulk status -----------------------------------------------------------------------------
def campaign_with_members(core: Any, n: int) -> tuple[int, list[int]]:
    people = contacts(core, n)
    lid = core.lists.create({"name": "L"})
    core.lists.add_members(lid, people)
    cid = core.campaigns.create({"name": "c", "channel": "sms"})
    core.campaigns.add_target(cid, list_id=lid)
    core.campaigns.add_members_from_targets(cid)
    return cid, people


def test_bulk_status_by_ids_and_by_status(core: Any) -> None:
    cid, people = campaign_with_members(core, 6)
    outsider = contacts(core, 1)[0]
    assert core.campaigns.set_members_status(cid, "sent", [*people[:4], outsider, 2**70]) == 4
    assert core.campaigns.set_members_status(cid, "sent", people[:4]) == 0  # already sent
    core.campaigns.set_member_status(cid, people[0], "failed")
    # every member still "sent" becomes delivered; the others keep theirs
    assert core.campaigns.set_members_status(cid, "delivered", from_status="sent") == 3
    assert core.campaigns.member_stats(cid) == {
        "targeted": 2, "sent": 0, "delivered": 3, "failed": 1, "responded": 0,
        "converted": 0, "opted_out": 0}
    # one audit row per member changed, with its old status
    updates = [r for r in audit_rows(core, "campaign_members") if r[1] == "update"]
    assert sorted((r[3], r[4]) for r in updates) == sorted(
        [("targeted", "sent")] * 4 + [("sent", "failed")] + [("sent", "delivered")] * 3)
    # a contact in the Trash is left alone
    core.contacts.delete(people[5])
    assert core.campaigns.set_members_status(cid, "opted_out", from_status="targeted") == 1
    with core.db.read() as session:
        trashed = session.scalar(select(m.CampaignMember.status).where(
            m.CampaignMember.contact_id == people[5]))
    assert trashed == "targeted"

    for args, kwargs in ((("sent",), {}), (("sent", [1]), {"from_status": "sent"}),
                         (("opened", [1]), {}), (("sent",), {"from_status": "opened"}),
                         (("sent", "abc"), {})):
        with pytest.raises(ValidationError):
            core.campaigns.set_members_status(cid, *args, **kwargs)
    with pytest.raises(NotFoundError):
        core.campaigns.set_members_status(999, "sent", [people[0]])


def test_member_window_and_count(core: Any) -> None:
    cid, people = campaign_with_members(core, 7)
    core.campaigns.set_members_status(cid, "responded", people[2:5])
    core.contacts.delete(people[6])
    assert core.campaigns.member_count(cid) == 6
    assert core.campaigns.member_count(cid, "responded") == 3
    assert [r["id"] for r in core.campaigns.member_window(cid, 1, 3)] == people[1:4]
    assert [r["id"] for r in core.campaigns.member_window(cid, 1, 5, "responded")] == \
        people[3:5]
    assert core.campaigns.member_window(cid, 50, 5) == []
    assert core.campaigns.member_count(cid, "opened") == 0
    assert core.campaigns.member_window(2**70, 0, 5) == []
    with pytest.raises(ValidationError):
        core.campaigns.member_window(cid, "0", 5)


# -- figures ---------------------------------------------------------------------------------
def test_figures_roi_and_cost_per_customer(core: Any) -> None:
    won = won_stage(core)
    cid, people = campaign_with_members(core, 10)
    core.campaigns.update(cid, {"actual_cost_rial": 10_000_000})
    core.campaigns.set_members_status(cid, "responded", people[:4])
    core.campaigns.set_members_status(cid, "converted", people[:2])
    company = core.accounts.create({"name": "شرکت"})
    deals = [
        core.deals.create({"title": "d1", "contact_id": people[0], "amount_rial": 20_000_000,
                           "source_campaign_id": cid}),
        # the same customer again: revenue counts, the customer once
        core.deals.create({"title": "d2", "contact_id": people[0], "amount_rial": 5_000_000,
                           "source_campaign_id": cid}),
        core.deals.create({"title": "d3", "account_id": company, "amount_rial": 7_000_000,
                           "source_campaign_id": cid}),
        # open, from the campaign: no revenue
        core.deals.create({"title": "open", "contact_id": people[1], "amount_rial": 99,
                           "source_campaign_id": cid}),
        # won, from no campaign: not this campaign's
        core.deals.create({"title": "other", "contact_id": people[1], "amount_rial": 3}),
        # won and then in the Trash: ignored
        core.deals.create({"title": "trash", "contact_id": people[2], "amount_rial": 1000,
                           "source_campaign_id": cid}),
    ]
    for deal in (deals[0], deals[1], deals[2], deals[4], deals[5]):
        core.deals.move(deal, won)
    core.deals.delete(deals[5])
    core.contacts.delete(people[9])  # a member in the Trash: not counted
    fig = core.campaigns.figures(cid)
    assert (fig["members"], fig["responded"], fig["converted"]) == (9, 4, 2)
    assert fig["revenue_rial"] == 32_000_000
    assert fig["roi_exact"] == Fraction(22, 10) and fig["roi"] == pytest.approx(2.2)
    assert fig["acquired"] == 2  # people[0] and the company
    assert fig["cost_per_acquisition_rial"] == 5_000_000
    assert fig["response_rate"] == Fraction(4, 9)
    assert fig["conversion_rate"] == Fraction(2, 9)
    # the list carries the same figures
    row = next(r for r in core.campaigns.list().rows if r["id"] == cid)
    assert {k: row[k] for k in fig} == fig

    core.campaigns.update(cid, {"actual_cost_rial": 0})
    fig = core.campaigns.figures(cid)
    assert fig["roi"] is None and fig["cost_per_acquisition_rial"] == 0
    with pytest.raises(NotFoundError):
        core.campaigns.figures(999)


def test_figures_at_the_largest_amounts(core: Any) -> None:
    won = won_stage(core)
    people = contacts(core, 3)
    cid = core.campaigns.create({"name": "big", "channel": "event",
                                 "actual_cost_rial": MAX_RIALS})
    for person in people:
        deal = core.deals.create({"title": "x", "contact_id": person, "amount_rial": MAX_RIALS,
                                  "source_campaign_id": cid})
        core.deals.move(deal, won)
    fig = core.campaigns.figures(cid)
    assert fig["revenue_rial"] == 3 * MAX_RIALS
    assert fig["roi_exact"] == 2
    assert fig["cost_per_acquisition_rial"] == MAX_RIALS // 3


def test_sorting_by_figures_pages_through_every_campaign(core: Any) -> None:
    won = won_stage(core)
    people = contacts(core, 4)
    made = []
    for i in range(9):
        cid = core.campaigns.create({"name": f"کمپین {i}", "channel": "sms",
                                     "actual_cost_rial": (i % 4) * 1_000_000})
        made.append(cid)
        if i % 3:
            deal = core.deals.create({"title": "d", "contact_id": people[i % 4],
                                      "amount_rial": i * 1_500_000,
                                      "source_campaign_id": cid})
            core.deals.move(deal, won)
    lid = core.lists.create({"name": "L"})
    core.lists.add_members(lid, people)
    core.campaigns.add_target(made[4], list_id=lid)
    core.campaigns.add_members_from_targets(made[4])
    for key in ("members", "responded", "converted", "cost", "revenue", "roi", "channel"):
        for desc in (False, True):
            query = ListQuery(sort=Sort(key, desc), limit=2)
            rows, after = [], None
            while True:
                page = core.campaigns.list(replace(query, after=after))
                rows += page.rows
                if page.next_cursor is None:
                    break
                after = page.next_cursor
            assert sorted(r["id"] for r in rows) == sorted(made), (key, desc)
            window = [r["id"] for o in range(0, 9, 4)
                      for r in core.campaigns.window(query, o, 4, total=9).rows]
            assert window == [r["id"] for r in rows], (key, desc)
    by_roi = core.campaigns.list(ListQuery(sort=Sort("roi", True), limit=100)).rows
    rois = [r["roi"] for r in by_roi]
    real = [r for r in rois if r is not None]
    assert real == sorted(real, reverse=True)
    assert rois[len(real):] == [None] * (len(rois) - len(real))  # no cost: last
    assert core.campaigns.list(ListQuery(sort=Sort("members", True))).rows[0]["id"] == made[4]


def test_search_by_name(core: Any) -> None:
    a = core.campaigns.create({"name": "جشنواره نوروزي", "channel": "sms"})  # Arabic yeh
    core.campaigns.create({"name": "تخفیف یلدا", "channel": "sms",
                           "description": "برای مشتریان وفادار"})
    assert [r["id"] for r in core.campaigns.list(ListQuery(text="نوروزی")).rows] == [a]
    assert core.campaigns.count(ListQuery(text="وفادار یلدا")) == 1
    assert core.campaigns.count(ListQuery(text="یلدا نوروز")) == 0
    assert core.campaigns.list_ids(ListQuery(text="جشنواره")) == [a]


def test_options_latest_first(core: Any) -> None:
    old = core.campaigns.create({"name": "old", "channel": "sms", "start_date": "1400/01/01"})
    new = core.campaigns.create({"name": "new", "channel": "sms", "start_date": "1405/01/01"})
    planned = core.campaigns.create({"name": "planned", "channel": "sms"})
    assert [i for i, _ in core.campaigns.options()] == [planned, new, old]
    with core.db.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Campaign)) == 3
