"""ListService beyond members: deleting a list, the kind a list keeps, the rows of both
kinds for the lists page and the windowed members."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from crm_desktop.db import models as m
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.base import ListQuery, Sort


def test_delete_a_list_with_its_members_but_not_one_a_campaign_uses(core: Any) -> None:
    a = core.contacts.create({"last_name": "الف"})
    lid = core.lists.create({"name": "L"})
    core.lists.add_members(lid, [a])
    used = core.lists.create({"name": "کمپین"})
    campaign = core.campaigns.create({"name": "نوروز", "channel": "sms"})
    core.campaigns.add_target(campaign, list_id=used)
    with pytest.raises(ValidationError) as exc:
        core.lists.delete(used)
    assert exc.value.for_field("list").code == "in_use"
    assert "کمپین" in exc.value.message("fa")
    core.lists.delete(lid)
    with pytest.raises(NotFoundError):
        core.lists.get(lid)
    with core.db.read() as session:
        assert session.scalar(select(func.count()).select_from(m.ListMember).where(
            m.ListMember.list_id == lid)) == 0
        actions = [(r.action, r.field) for r in session.execute(
            select(m.AuditLog.action, m.AuditLog.field).where(
                m.AuditLog.entity == "marketing_lists", m.AuditLog.entity_id == lid))]
    assert ("delete", "purged") in actions and ("update", "members") in actions
    assert core.contacts.get(a)["id"] == a  # the contact stays
    with pytest.raises(NotFoundError):
        core.lists.delete(lid)


def test_a_list_keeps_its_kind_and_a_static_list_no_filter(core: Any) -> None:
    lid = core.lists.create({"name": "L", "filter_json": {"version": 1, "cities": ["قم"]}})
    assert core.lists.get(lid)["filter_json"] is None
    fid = core.lists.create({"name": "F", "kind": "filter", "filter_json": {"version": 1}})
    with pytest.raises(ValidationError) as exc:
        core.lists.update(fid, {"kind": "static"})
    assert exc.value.fields == ["kind"]
    core.lists.update(fid, {"filter_json": {"version": 1, "birth_months": [1]}})
    assert core.lists.get(fid)["filter_json"] == '{"birth_months": [1], "version": 1}'
    with pytest.raises(ValidationError) as exc:
        core.lists.update(fid, {"filter_json": {"version": 1, "birth_months": [0]}})
    assert exc.value.fields == ["birth_months"]
    assert "ماه تولد" in exc.value.message("fa")


def test_rows_of_both_kinds_and_the_windowed_members(core: Any) -> None:
    ids = [core.contacts.create({"last_name": name, "city": city})
           for name, city in (("ب", "تهران"), ("الف", "تهران"), ("پ", "شیراز"))]
    sid = core.lists.create({"name": "ثابت"})
    core.lists.add_members(sid, ids[:2])
    fid = core.lists.create({"name": "تهرانی‌ها", "kind": "filter",
                             "filter_json": {"version": 1, "cities": ["تهران"]}})
    rows = {r["id"]: r for r in core.lists.list().rows}
    assert rows[sid]["members"] == 2
    assert rows[fid]["members"] is None  # counted when used
    assert core.lists.member_count(fid) == 2
    assert core.lists.static_options() == [(sid, "ثابت")]
    for list_id in (sid, fid):
        source = core.lists.member_rows(list_id)
        query = ListQuery(sort=Sort("name"))
        assert source.count(query) == 2
        page = source.window(query, 0, 10, total=2)
        assert [r["full_name"] for r in page.rows] == ["الف", "ب"]
        assert source.list_ids(ListQuery(text="الف")) == [ids[1]]
    core.contacts.delete(ids[1])
    assert core.lists.member_rows(sid).count() == 1
    assert core.lists.member_rows(fid).count() == 1
    with pytest.raises(NotFoundError):
        core.lists.member_rows(9999)


def test_segment_filter_reads_no_row_as_no_purchase(core: Any) -> None:
    a = core.contacts.create({"last_name": "الف"})
    b = core.contacts.create({"last_name": "ب"})
    core.contacts.create({"last_name": "پ"})  # added since the last recomputation: no row
    with core.db.write() as session:
        session.add(m.ContactRfm(contact_id=a, segment="champions"))
        session.add(m.ContactRfm(contact_id=b, segment="no_purchase"))
    assert core.lists.filter_count({"version": 1, "segments": ["champions"]}) == 1
    assert core.lists.filter_count({"version": 1, "segments": ["no_purchase"]}) == 2
    assert core.lists.filter_count({"version": 1,
                                    "segments": ["champions", "no_purchase"]}) == 3
    with pytest.raises(ValidationError):
        core.lists.filter_count({"version": 1, "segments": ["vip"]})
    with pytest.raises(ValidationError):
        core.lists.filter_preview({"version": 1}, limit="10")
