"""Random small databases: every KPI as the database computes it equals a plain-Python
reading of the same rows, for the whole business and for each owner (hypothesis)."""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.periods import parse_period
from crm_desktop.services.kpis import KpiService
from tests.integration.services.kpi_world import END, PREV_START, START, US, tehran

P = parse_period("1405-08")
PREV = P.previous()
PREV2 = PREV.previous()
EDGES = [START - US, START, END - US, END, PREV_START - US, PREV_START,
         PREV2.bounds_utc()[0], tehran(2026, 11, 1, 12)]
FIRST = PREV2.bounds_utc()[0] - timedelta(days=20)



def between(lo: datetime, hi: datetime) -> st.SearchStrategy[datetime]:
    """Instants in [lo, hi), to the microsecond."""
    return st.integers(0, (hi - lo) // US - 1).map(lambda n: lo + n * US)


#: instants: the edges of the periods half of the time, else inside this period, inside
#: the previous one, or anywhere from before the period before to after this one
instants = st.one_of(st.sampled_from(EDGES), st.sampled_from(EDGES), between(START, END),
                     between(PREV_START, START), between(FIRST, END + timedelta(days=20)))
maybe = st.none() | instants
days = st.one_of(st.sampled_from([P.start - timedelta(days=1), P.start, P.end,
                                  P.end + timedelta(days=1)]),
                 st.builds(lambda n: P.start + timedelta(days=n), st.integers(-40, 40)))
amounts = st.integers(0, 10**9) | st.sampled_from([0, 1, 99, 101, 10**15])


def world() -> st.SearchStrategy[dict[str, list[dict[str, Any]]]]:
    owner = st.sampled_from(["a", "b"])
    trash = st.sampled_from([None, None, None, END + timedelta(days=1)])
    contact = st.fixed_dictionaries({"created_at": instants, "owner": owner,
                                     "deleted_at": trash})
    # most deals have a contact and are closed (won more often than not)
    deal = st.fixed_dictionaries({
        "contact": st.integers(-1, 5).map(lambda i: None if i < 0 else i),
        "stage": st.sampled_from([5, 5, 5, 6, 6, 1, 2, 3, 4]),
        "amount_rial": amounts, "closed_at": maybe, "stage_changed_at": instants,
        "expected_close": st.none() | days, "deleted_at": trash, "owner": owner,
    })
    ticket = st.fixed_dictionaries({
        "created_at": instants, "closed_at": maybe, "satisfaction": st.none() | st.integers(1, 5),
        "sla_due_at": maybe, "first_response_at": maybe, "deleted_at": trash,
        "owner": owner,
    })
    activity = st.fixed_dictionaries({"done_at": maybe, "owner": owner})
    campaign = st.fixed_dictionaries({"start_date": st.none() | days,
                                      "actual_cost_rial": amounts, "owner": owner})
    return st.fixed_dictionaries({
        "contacts": st.lists(contact, min_size=3, max_size=6),
        "deals": st.lists(deal, min_size=4, max_size=12),
        "tickets": st.lists(ticket, min_size=1, max_size=8),
        "activities": st.lists(activity, max_size=5),
        "campaigns": st.lists(campaign, max_size=3),
    })


def store(core: Core, data: dict[str, list[dict[str, Any]]], users: dict[str, int],
          stages: dict[int, int]) -> None:
    with core.db.write() as s:
        for model in (m.Activity, m.Ticket, m.Deal, m.Campaign, m.Contact):
            s.execute(delete(model))
        ids = []
        for i, c in enumerate(data["contacts"]):
            ids.append(s.execute(insert(m.Contact).values(
                last_name=f"c{i}", created_at=c["created_at"], owner_id=users[c["owner"]],
                deleted_at=c["deleted_at"])).inserted_primary_key[0])
        for i, d in enumerate(data["deals"]):
            contact = d["contact"]
            s.execute(insert(m.Deal).values(
                title=f"d{i}", contact_id=None if contact is None else ids[contact % len(ids)],
                stage_id=stages[d["stage"]],
                amount_rial=d["amount_rial"], closed_at=d["closed_at"],
                stage_changed_at=d["stage_changed_at"], expected_close=d["expected_close"],
                deleted_at=d["deleted_at"], owner_id=users[d["owner"]]))
        for i, t in enumerate(data["tickets"]):
            s.execute(insert(m.Ticket).values(
                year=1405, seq=i + 1, subject=f"t{i}", created_at=t["created_at"],
                closed_at=t["closed_at"], satisfaction=t["satisfaction"],
                sla_due_at=t["sla_due_at"], first_response_at=t["first_response_at"],
                deleted_at=t["deleted_at"], assignee_id=users[t["owner"]]))
        for i, a in enumerate(data["activities"]):
            s.execute(insert(m.Activity).values(kind="call", subject=f"a{i}",
                                                done_at=a["done_at"],
                                                owner_id=users[a["owner"]]))
        for i, c in enumerate(data["campaigns"]):
            s.execute(insert(m.Campaign).values(
                name=f"k{i}", channel="sms", start_date=c["start_date"],
                actual_cost_rial=c["actual_cost_rial"], owner_id=users[c["owner"]]))


# -- the plain-Python reading -------------------------------------------------------------------
def half_up(num: int, den: int, places: int) -> Decimal | None:
    if den == 0:
        return None
    exact = Fraction(num, den) * 10**places
    with localcontext() as ctx:
        ctx.prec = 100
        value = Decimal(exact.numerator) / Decimal(exact.denominator)
        return value.quantize(Decimal(1), rounding=ROUND_HALF_UP).scaleb(-places)


def money(num: int, den: int) -> int | None:
    value = half_up(num, den, 0)
    return None if value is None else int(value)


def inside(t: datetime | None, period: Any) -> bool:
    lo, hi = period.bounds_utc()
    return t is not None and lo <= t < hi


def reference(data: dict[str, list[dict[str, Any]]], owner: str | None,
              outcome: dict[int, str], probability: dict[int, int]) -> dict[str, Any]:
    def mine(row: dict[str, Any]) -> bool:
        return owner is None or row["owner"] == owner

    contacts = [dict(c, id=i) for i, c in enumerate(data["contacts"])]
    live_contact = {c["id"]: c for c in contacts if c["deleted_at"] is None}
    deals = [d for d in data["deals"] if d["deleted_at"] is None]
    for d in deals:
        d["closed"] = d["closed_at"] or d["stage_changed_at"]
        d["outcome"] = outcome[d["stage"]]
        if d["contact"] is not None:
            d["contact"] %= len(contacts)
    won = [d for d in deals if d["outcome"] == "won" and mine(d) and inside(d["closed"], P)]
    lost = [d for d in deals if d["outcome"] == "lost" and mine(d) and inside(d["closed"], P)]
    revenue = sum(d["amount_rial"] for d in won)
    # customers: live won deals of live contacts (contact owner)
    bought: dict[int, list[dict[str, Any]]] = {}
    for d in deals:
        if d["outcome"] == "won" and d["contact"] in live_contact:
            bought.setdefault(d["contact"], []).append(d)
    customers = {cid: ds for cid, ds in bought.items() if mine(live_contact[cid])}
    new_contacts = [c for c in live_contact.values() if mine(c) and inside(c["created_at"], P)]
    end = P.bounds_utc()[1]
    new_customers = [cid for cid, ds in customers.items()
                     if inside(min(d["closed"] for d in ds), P)]
    converted = [c for c in new_contacts
                 if any(d["closed"] < end for d in customers.get(c["id"], []))]
    before = [cid for cid, ds in customers.items() if any(inside(d["closed"], PREV) for d in ds)]
    kept = [cid for cid in before if any(inside(d["closed"], P) for d in customers[cid])]
    upto = {cid: [d for d in ds if d["closed"] < end] for cid, ds in customers.items()}
    upto = {cid: ds for cid, ds in upto.items() if ds}
    cost = sum(k["actual_cost_rial"] for k in data["campaigns"] if mine(k)
               and k["start_date"] is not None and P.start <= k["start_date"] <= P.end)
    tickets = [t for t in data["tickets"] if t["deleted_at"] is None and mine(t)]
    closed = [t for t in tickets if inside(t["closed_at"], P)]
    rated = [t for t in closed if t["satisfaction"] is not None]
    with_sla = [t for t in closed if t["sla_due_at"] is not None]
    answered = [t for t in tickets if inside(t["first_response_at"], P)]
    us = timedelta(microseconds=1)
    open_deals = [d for d in deals if d["outcome"] == "open" and mine(d)
                  and d["expected_close"] is not None
                  and P.start <= d["expected_close"] <= P.end]
    retention = half_up(len(kept), len(before), 4)
    return {
        "new_contacts": len(new_contacts), "new_customers": len(new_customers),
        "won_deals": len(won), "lost_deals": len(lost),
        "win_rate": half_up(len(won), len(won) + len(lost), 4), "revenue_rial": revenue,
        "average_deal_rial": money(revenue, len(won)),
        "lead_conversion_rate": half_up(len(converted), len(new_contacts), 4),
        "retention_rate": retention,
        "churn_rate": None if retention is None else 1 - retention,
        "clv_rial": money(sum(d["amount_rial"] for ds in upto.values() for d in ds),
                          len(upto)),
        "cac_rial": money(cost, len(new_customers)),
        "csat_average": half_up(sum(t["satisfaction"] for t in rated), len(rated), 2),
        "csat_satisfied_rate": half_up(sum(t["satisfaction"] >= 4 for t in rated),
                                       len(rated), 4),
        "tickets_opened": sum(inside(t["created_at"], P) for t in tickets),
        "tickets_closed": len(closed),
        "sla_breach_rate": half_up(sum(t["closed_at"] > t["sla_due_at"] for t in with_sla),
                                   len(with_sla), 4),
        "avg_first_response_hours": half_up(
            sum((t["first_response_at"] - t["created_at"]) // us for t in answered),
            len(answered) * 3_600_000_000, 1),
        "avg_resolution_hours": half_up(
            sum((t["closed_at"] - t["created_at"]) // us for t in closed),
            len(closed) * 3_600_000_000, 1),
        "pipeline_open_rial": sum(d["amount_rial"] for d in open_deals),
        "forecast_weighted_rial": sum(d["amount_rial"] * probability[d["stage"]] // 100
                                      for d in open_deals),
        "activities_done": sum(inside(a["done_at"], P) for a in data["activities"]
                               if mine(a)),
    }


def test_random_databases_match_a_plain_reading(core: Core) -> None:
    with core.db.write() as s:
        a, b = m.User(username="a", display_name="a"), m.User(username="b", display_name="b")
        s.add_all([a, b])
        s.flush()
        users = {"a": a.id, "b": b.id}
        rows = s.execute(select(m.PipelineStage.position, m.PipelineStage.id,
                                m.PipelineStage.outcome, m.PipelineStage.probability)).all()
    stages = {pos: sid for pos, sid, _, _ in rows}
    outcome = {pos: out for pos, _, out, _ in rows}
    probability = {pos: prob for pos, _, _, prob in rows}
    service = KpiService(core.db)

    # no shrinking: each example writes to the database, and a failing one is small anyway
    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow],
              phases=(Phase.explicit, Phase.reuse, Phase.generate))
    @given(world())
    def check(data: dict[str, list[dict[str, Any]]]) -> None:
        store(core, data, users, stages)
        for owner in (None, "a", "b"):
            got = service.compute(P, None if owner is None else users[owner])
            expected = reference(copy.deepcopy(data), owner, outcome, probability)
            assert got == expected, owner

    check()


def test_the_reading_knows_the_dates() -> None:
    """The instants the strategies favour are the edges of the three periods."""
    assert P.bounds_utc() == (START, END) and PREV.bounds_utc()[0] == PREV_START
    assert isinstance(P.start, date)
