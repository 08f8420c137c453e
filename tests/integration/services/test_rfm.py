"""RFM figures stored per contact (services/rfm.py): what counts as a purchase, the
window, the Trash, recomputation after a sale, the audit row, segment sizes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.enums import RfmSegment
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.rfm import ORDER
from crm_desktop.services.base import ListQuery


def _won(core: Core) -> int:
    return next(s["id"] for s in core.stages.list() if s["outcome"] == "won")


def _sale(core: Core, contact: int | None, amount: int, days_ago: int = 0) -> int:
    """A won deal of `amount` closed `days_ago` days ago."""
    deal = core.deals.create({"title": "فروش", "contact_id": contact, "amount_rial": amount})
    core.deals.move(deal, _won(core))
    if days_ago:
        when = datetime.now(UTC) - timedelta(days=days_ago)
        with core.db.write() as session:
            session.execute(update(m.Deal).where(m.Deal.id == deal).values(closed_at=when))
    return deal


def _contact(core: Core, name: str) -> int:
    return core.contacts.create({"last_name": name})


def _rows(core: Core) -> dict[int, dict[str, Any]]:
    with core.db.read() as session:
        return {r.contact_id: dict(r._mapping) for r in session.execute(
            select(*m.ContactRfm.__table__.columns))}


def _audit(core: Core) -> list[dict[str, Any]]:
    a = m.AuditLog
    with core.db.read() as session:
        return [dict(r._mapping) for r in session.execute(
            select(a.entity_id, a.field, a.old_value, a.new_value)
            .where(a.entity == "contact_rfm").order_by(a.id))]


def test_every_live_contact_gets_one_row_and_the_trash_never_counts(core: Core) -> None:
    buyers = [_contact(core, f"خریدار {i}") for i in range(6)]
    idle = _contact(core, "بی‌خرید")
    gone = _contact(core, "حذف‌شده")
    for i, cid in enumerate(buyers):
        _sale(core, cid, (i + 1) * 1_000_000, days_ago=i * 30)
    _sale(core, gone, 50_000_000)
    core.contacts.delete(gone)
    # a deal in the Trash does not count, nor its accepted proforma
    trashed = _sale(core, idle, 90_000_000)
    pid = core.proformas.create({"contact_id": idle, "deal_id": trashed},
                                [{"description": "x", "unit_price_rial": 1_000}])
    core.proformas.set_status(pid, "accepted")
    core.deals.delete(trashed)

    counts = core.rfm.recompute()
    rows = _rows(core)
    live = core.contacts.list_ids(ListQuery())
    assert sorted(rows) == sorted(live) and gone not in rows
    assert sum(counts.values()) == len(live)
    assert rows[idle]["segment"] == RfmSegment.NO_PURCHASE
    assert rows[idle]["frequency"] == 0 and rows[idle]["r_score"] is None
    assert {rows[b]["frequency"] for b in buyers} == {1}
    assert [rows[b]["monetary_rial"] for b in buyers] == [(i + 1) * 1_000_000
                                                          for i in range(6)]
    # the most recent buyer has the best R, the richest the best M
    assert rows[buyers[0]]["r_score"] == 5 and rows[buyers[-1]]["r_score"] == 1
    assert rows[buyers[-1]]["m_score"] == 5 and rows[buyers[0]]["m_score"] == 1
    # one audit row summarises the run
    (run,) = [r for r in _audit(core) if r["entity_id"] == 0]
    summary = json.loads(run["new_value"])
    assert summary["contacts"] == len(live) and summary["window_years"] == 2
    assert sum(summary["segments"].values()) == len(live)


def test_a_proforma_of_a_won_deal_is_not_counted_twice(core: Core) -> None:
    cid = _contact(core, "یکتا")
    deal = _sale(core, cid, 5_000_000)
    pid = core.proformas.create({"contact_id": cid, "deal_id": deal},
                                [{"description": "x", "unit_price_rial": 5_000_000}])
    core.proformas.set_status(pid, "accepted")
    # and a proforma of its own, with no deal: 2 x 1,000,000 + 10% VAT
    alone = core.proformas.create({"contact_id": cid}, [
        {"description": "y", "unit_price_rial": 1_000_000, "quantity": 2}])
    core.proformas.set_status(alone, "accepted")
    core.rfm.recompute()
    row = _rows(core)[cid]
    assert (row["frequency"], row["monetary_rial"]) == (2, 5_000_000 + 2_200_000)


def test_the_window_setting_is_respected(core: Core) -> None:
    cid = _contact(core, "قدیمی")
    _sale(core, cid, 3_000_000, days_ago=3 * 365)
    recent = _contact(core, "تازه")
    _sale(core, recent, 1_000_000, days_ago=10)
    core.rfm.recompute()
    assert _rows(core)[cid]["segment"] == RfmSegment.NO_PURCHASE
    core.settings.set_rfm_window_years(5)
    assert core.rfm.window_years() == 5
    core.rfm.recompute()
    row = _rows(core)[cid]
    assert row["frequency"] == 1 and row["monetary_rial"] == 3_000_000
    assert row["recency_days"] in (3 * 365 - 1, 3 * 365)
    assert json.loads(_audit(core)[-1]["new_value"])["window_years"] == 5


def test_the_window_setting_refuses_bad_values(core: Core) -> None:
    for bad in (0, 11, "x", None, True, 2.5):
        with pytest.raises(ValidationError) as exc:
            core.settings.set_rfm_window_years(bad)
        assert exc.value.errors[0].field == "rfm_window_years"
    assert core.settings.rfm_window_years == 2
    core.settings.set_rfm_window_years("۳")
    assert core.settings.rfm_window_years == 3


def test_recency_is_counted_in_business_days(core: Core) -> None:
    cid = _contact(core, "دیروز")
    deal = _sale(core, cid, 1_000_000)
    # 00:30 in Tehran (UTC+3:30) is 21:00 UTC the day before: a business day later
    today = clock.today()
    for day, hour, minute, days in ((today - timedelta(days=1), 0, 30, 1),
                                    (today - timedelta(days=1), 23, 30, 1),
                                    (today - timedelta(days=2), 0, 30, 2)):
        when = clock.at(day, time(hour, minute))
        assert (when.date() != day) == (hour == 0)
        with core.db.write() as session:
            session.execute(update(m.Deal).where(m.Deal.id == deal).values(closed_at=when))
        core.rfm.recompute()
        assert _rows(core)[cid]["recency_days"] == days


def test_a_won_deal_refreshes_its_contact_at_once(core: Core) -> None:
    others = [_contact(core, f"مشتری {i}") for i in range(4)]
    for i, cid in enumerate(others):
        _sale(core, cid, (i + 1) * 1_000_000, days_ago=100 + i)
    core.rfm.recompute()
    cid = _contact(core, "تازه‌وارد")
    assert core.rfm.of_contact(cid)["segment"] == RfmSegment.NO_PURCHASE
    deal = core.deals.create({"title": "اولین خرید", "contact_id": cid,
                              "amount_rial": 500_000})
    core.deals.move(deal, _won(core))
    row = core.rfm.of_contact(cid)
    # bought today (best R), once (lowest F), the least money: new
    assert (row["frequency"], row["monetary_rial"], row["recency_days"]) == (1, 500_000, 0)
    assert (row["r_score"], row["f_score"], row["m_score"]) == (5, 1, 1)
    assert row["segment"] == RfmSegment.NEW
    last = _audit(core)[-1]
    assert last["entity_id"] == cid and last["old_value"] is None
    assert json.loads(last["new_value"])["segment"] == RfmSegment.NEW
    # the same figures as a full recomputation gives
    core.rfm.recompute()
    again = core.rfm.of_contact(cid)
    assert {k: again[k] for k in ("r_score", "f_score", "m_score", "segment")} == \
        {k: row[k] for k in ("r_score", "f_score", "m_score", "segment")}
    # out of the won stage, or to the Trash: no purchase any more
    first = core.stages.list()[0]["id"]
    core.deals.move(deal, first)
    assert core.rfm.of_contact(cid)["segment"] == RfmSegment.NO_PURCHASE
    core.deals.move(deal, _won(core))
    core.deals.delete(deal)
    assert core.rfm.of_contact(cid)["frequency"] == 0
    core.deals.restore(deal)
    assert core.rfm.of_contact(cid)["frequency"] == 1


def test_accepting_a_proforma_refreshes_its_buyer(core: Core) -> None:
    cid = _contact(core, "پیش‌فاکتور")
    pid = core.proformas.create({"contact_id": cid},
                                [{"description": "x", "unit_price_rial": 1_000_000}])
    core.proformas.set_status(pid, "accepted")
    row = core.rfm.of_contact(cid)
    assert (row["frequency"], row["monetary_rial"]) == (1, 1_100_000)
    core.proformas.set_status(pid, "rejected")
    assert core.rfm.of_contact(cid)["segment"] == RfmSegment.NO_PURCHASE


def test_sizes_cover_every_segment_and_contacts_never_computed(core: Core) -> None:
    a, b = _contact(core, "الف"), _contact(core, "ب")
    _sale(core, a, 4_000_000)
    core.rfm.recompute()
    _contact(core, "بعدی")  # added since: no row yet, counted as no purchase
    sizes = core.rfm.sizes()
    assert [s["segment"] for s in sizes] == [s.value for s in ORDER]
    by = {s["segment"]: s for s in sizes}
    assert by[RfmSegment.NO_PURCHASE]["contacts"] == 2
    assert sum(s["contacts"] for s in sizes) == 3
    assert sum(s["revenue_rial"] for s in sizes) == 4_000_000
    assert by[core.rfm.of_contact(a)["segment"]]["share"] == 1.0
    assert core.rfm.of_contact(b)["segment"] == RfmSegment.NO_PURCHASE
    assert core.rfm.computed_at() is not None


def test_of_contact_for_an_unknown_or_hostile_id(core: Core) -> None:
    for bad in (0, -1, 2**63, "1", None):
        assert core.rfm.of_contact(bad)["segment"] == RfmSegment.NO_PURCHASE  # type: ignore


def test_the_segment_filters_the_contact_list(core: Core) -> None:
    a, b = _contact(core, "الف"), _contact(core, "ب")
    _sale(core, a, 4_000_000)
    core.rfm.recompute()
    c = _contact(core, "پ")  # no row yet
    seg = core.rfm.of_contact(a)["segment"]
    assert core.contacts.list_ids(ListQuery(filters={"segment": seg})) == [a]
    none = core.contacts.list_ids(ListQuery(filters={"segment": "no_purchase"}))
    assert sorted(none) == sorted([b, c])
    assert core.contacts.count(ListQuery(filters={"segment": "nonsense"})) == 0


def _age(core: Core, days: int, contact_id: int | None = None) -> None:
    """Move the stored figures' computation `days` back (of one contact, or of all)."""
    r = m.ContactRfm
    with core.db.write() as session:
        q = update(r).values(computed_at=datetime.now(UTC) - timedelta(days=days))
        session.execute(q if contact_id is None else q.where(r.contact_id == contact_id))


def test_figures_older_than_a_week_are_stale(core: Core) -> None:
    assert not core.rfm.stale()  # nothing to compute
    buyer = _contact(core, "خریدار")
    _sale(core, buyer, 1_000_000, days_ago=3)
    _contact(core, "بی‌خرید")
    # the sale refreshed its contact only: the other one was never computed, but the
    # oldest stored row is fresh; a full recompute is what keeps every row fresh
    core.rfm.recompute()
    assert not core.rfm.stale()
    _age(core, 8)
    assert core.rfm.stale()
    assert not core.rfm.stale(max_age_days=30)
    assert core.rfm.stale(max_age_days=10**30) is False  # no overflow
    # one fresh contact does not make the others fresh: the oldest row counts
    _sale(core, buyer, 2_000_000)
    assert core.rfm.stale()
    core.rfm.recompute()
    assert not core.rfm.stale()
    with core.db.write() as session:
        session.execute(m.ContactRfm.__table__.delete())
    assert core.rfm.stale()  # contacts, never computed


def test_recency_is_counted_to_today(core: Core) -> None:
    buyer = _contact(core, "خریدار")
    _sale(core, buyer, 1_000_000, days_ago=3)
    core.rfm.recompute()
    row = core.rfm.of_contact(buyer)
    assert row["recency_days"] == row["days_since_last"] == 3
    _age(core, 10, buyer)  # computed ten days ago: the purchase is 13 days old today
    assert core.rfm.of_contact(buyer)["days_since_last"] == 13
    assert core.rfm.of_contact(_contact(core, "بی‌خرید"))["days_since_last"] is None
