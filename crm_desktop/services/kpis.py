"""The key figures (KPIs) of a reporting period, computed in the database (no Qt).

A period is a Jalali month, quarter, year or a custom range of business-local days, both
ends included (domain/periods.py); its instants are [first midnight, midnight after the
last day) on the business's clock (`Period.bounds_utc`), compared with the stored UTC
instants. "The previous period" is `Period.previous()`.

Records in the Trash never count: contacts, deals and tickets with `deleted_at` set are
left out everywhere (activities and campaigns have no Trash: deleting them removes them).
A deal's close instant is `deals.closed_instant()`: `closed_at`, or when it entered its
stage for a deal created straight into a won or lost stage (as RFM reads it). "Won" and
"lost" are the outcomes of the deal's stage now.

Every KPI is an aggregate in SQL: `compute` runs ONE statement (six aggregate subqueries
joined into one row, built once with parameters); Python only divides and rounds
(domain/rounding.py: rates are fractions 0..1 with 4 decimals, money in whole Rials, all
half up; None where the definition divides by zero). The definition of each KPI is
written next to its SQL below and, once, in the README (the table of KPIs).

The owner filter (`owner_id`) keeps the records of one user, by the owner that fits the
figure (OWNER_BY): the contact's owner for the figures about people (new contacts and
customers, lead conversion, retention, churn, CLV), the deal's owner for the deal figures,
the ticket's assignee for the support figures, the activity's owner, and for CAC the
campaign's owner (cost) over the new customers the user owns.

The chart series of the dashboard are in services/kpi_charts.py, the records behind each
figure (the dashboard's click-through) in services/kpi_drill.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from sqlalchemy import Date, Integer, Select, and_, bindparam, case, func, or_, select, true

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.types import UTCDateTime
from crm_desktop.domain import rounding as r
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.periods import Period
from crm_desktop.services import kpi_charts, kpi_drill
from crm_desktop.services.deals import (
    _combine,
    _exact_sum,
    _weighted,
    closed_instant,
    won_stage_ids,
)
from crm_desktop.services.kpi_sql import (
    check_owner,
    check_period,
    count_if,
    duration_sums,
    previous_or_none,
    unindexed,
    within,
)

Kind = Literal["count", "money", "rate", "decimal", "hours"]
Value = int | Decimal | None


@dataclass(frozen=True)
class KpiDef:
    """One KPI: its key in `compute()`'s result and the JSON, how its value reads (a count,
    Rials, a rate 0..1, a decimal, hours), whether a rise is good news, and its titles."""

    name: str
    kind: Kind
    higher_is_better: bool
    title_en: str
    title_fa: str

    def title(self, lang: str = "fa") -> str:
        return self.title_fa if lang == "fa" else self.title_en


ZW = "\u200c"  # ZWNJ

#: every KPI, in the order of the issue and the README
KPIS: tuple[KpiDef, ...] = (
    KpiDef("new_contacts", "count", True, "New contacts", "مخاطبان جدید"),
    KpiDef("new_customers", "count", True, "New customers", "مشتریان جدید"),
    KpiDef("won_deals", "count", True, "Won deals", f"معامله{ZW}های موفق"),
    KpiDef("lost_deals", "count", False, "Lost deals", f"معامله{ZW}های ناموفق"),
    KpiDef("win_rate", "rate", True, "Win rate", "نرخ موفقیت"),
    KpiDef("revenue_rial", "money", True, "Revenue", "درآمد"),
    KpiDef("average_deal_rial", "money", True, "Average deal", "میانگین معامله"),
    KpiDef("lead_conversion_rate", "rate", True, "Lead conversion", "نرخ تبدیل سرنخ"),
    KpiDef("retention_rate", "rate", True, "Customer retention", "نرخ حفظ مشتری"),
    KpiDef("churn_rate", "rate", False, "Customer churn", "نرخ ریزش مشتری"),
    KpiDef("clv_rial", "money", True, "Customer lifetime value", "ارزش طول عمر مشتری"),
    KpiDef("cac_rial", "money", False, "Customer acquisition cost", "هزینه جذب مشتری"),
    KpiDef("csat_average", "decimal", True, "Average satisfaction", "میانگین رضایت"),
    KpiDef("csat_satisfied_rate", "rate", True, "Satisfied customers",
           "سهم مشتریان راضی"),
    KpiDef("tickets_opened", "count", False, "Tickets opened", f"تیکت{ZW}های ثبت{ZW}شده"),
    KpiDef("tickets_closed", "count", True, "Tickets closed", f"تیکت{ZW}های بسته{ZW}شده"),
    KpiDef("sla_breach_rate", "rate", False, "SLA breaches", "نرخ عبور از مهلت رسیدگی"),
    KpiDef("avg_first_response_hours", "hours", False, "Average first response",
           "میانگین زمان نخستین پاسخ"),
    KpiDef("avg_resolution_hours", "hours", False, "Average resolution time",
           "میانگین زمان حل تیکت"),
    KpiDef("pipeline_open_rial", "money", True, "Open pipeline", f"ارزش معامله{ZW}های باز"),
    KpiDef("forecast_weighted_rial", "money", True, "Weighted forecast",
           f"پیش{ZW}بینی وزنی فروش"),
    KpiDef("activities_done", "count", True, "Activities done",
           f"فعالیت{ZW}های انجام{ZW}شده"),
)
KPI_NAMES: tuple[str, ...] = tuple(k.name for k in KPIS)
KPI_BY_NAME: Mapping[str, KpiDef] = {k.name: k for k in KPIS}

#: whose records each KPI keeps under the owner filter
OWNER_BY: Mapping[str, str] = {
    **dict.fromkeys(("new_contacts", "new_customers", "lead_conversion_rate",
                     "retention_rate", "churn_rate", "clv_rial"), "contact owner"),
    **dict.fromkeys(("won_deals", "lost_deals", "win_rate", "revenue_rial",
                     "average_deal_rial", "pipeline_open_rial", "forecast_weighted_rial"),
                    "deal owner"),
    "cac_rial": "campaign owner (cost) / contact owner (new customers)",
    **dict.fromkeys(("csat_average", "csat_satisfied_rate", "tickets_opened",
                     "tickets_closed", "sla_breach_rate", "avg_first_response_hours",
                     "avg_resolution_hours"), "ticket assignee"),
    "activities_done": "activity owner",
}


@dataclass(frozen=True)
class KpiComparison:
    """The KPIs of a period and of the period before it."""

    period: Period
    previous: Period
    kpis: dict[str, Value]
    previous_kpis: dict[str, Value]


# -- the queries ----------------------------------------------------------------------------
#: the period's instants [start, end), the previous period's, its first and last days, the
#: owner: parameters of the statement (see `parameters`)
NOW = (bindparam("start_at", type_=UTCDateTime()), bindparam("end_at", type_=UTCDateTime()))
BEFORE = (bindparam("prev_start_at", type_=UTCDateTime()),
          bindparam("prev_end_at", type_=UTCDateTime()))
FIRST_DAY, LAST_DAY = bindparam("first_day", type_=Date()), bindparam("last_day", type_=Date())
OWNER = bindparam("owner_id", type_=Integer())

def _contacts(owned: bool) -> Select[Any]:
    c = m.Contact
    # new_contacts: live contacts whose created_at falls in the period (contact owner)
    q = select(func.count().label("new_contacts")).select_from(c).where(
        c.deleted_at.is_(None), within(c.created_at, NOW))
    return q.where(c.owner_id == OWNER) if owned else q


def _deals(owned: bool) -> Select[Any]:
    d, s = m.Deal, m.PipelineStage
    closed_in = within(closed_instant(), NOW)
    won = and_(s.outcome == m.STAGE_WON, closed_in)
    lost = and_(s.outcome == m.STAGE_LOST, closed_in)
    # open deals expected to close on a day of the period (a date: both ends included)
    expected = and_(s.outcome == m.STAGE_OPEN, d.expected_close >= FIRST_DAY,
                    d.expected_close <= LAST_DAY)
    q = (
        select(
            # won_deals / lost_deals: live deals in a won / lost stage closed in the period
            count_if(won, "won_deals"), count_if(lost, "lost_deals"),
            # revenue_rial: the sum of the amounts of those won deals
            *_exact_sum(case((won, d.amount_rial)), "revenue"),
            # pipeline_open_rial: the sum of the amounts of the live open deals expected
            # to close in the period; forecast_weighted_rial: the sum of amount x stage
            # probability / 100, floored per deal as the pipeline board does
            *_exact_sum(case((expected, d.amount_rial)), "pipeline"),
            *_exact_sum(case((expected, _weighted())), "forecast"),
        )
        # one pass over the deals, each one's stage looked up by its key (through an
        # index on the stage, or the live deals' partial indexes, SQLite would look up
        # every deal, one random page at a time: 60,000 deals 100 ms instead of 43)
        .select_from(d).join(s, s.id == unindexed(d.stage_id))
        .where(unindexed(d.deleted_at).is_(None),
               or_(and_(s.outcome != m.STAGE_OPEN, closed_in),
                                           expected))
    )
    return q.where(d.owner_id == OWNER) if owned else q


def _buyers(owned: bool) -> Select[Any]:
    """The figures about customers: one row per contact with a live won deal (its first
    won close, whether it bought in the previous / this period, what it bought up to the
    period's end), joined to the live contacts (contact owner)."""
    d, c = m.Deal, m.Contact
    closed = closed_instant()
    upto = closed < NOW[1]
    per_contact = (
        select(
            d.contact_id.label("cid"),
            func.min(closed).label("first_won"),
            func.max(case((within(closed, BEFORE), 1), else_=0))
            .label("bought_before"),
            func.max(case((within(closed, NOW), 1), else_=0)).label("bought_now"),
            func.count(case((upto, 1))).label("upto_n"),
            *_exact_sum(case((upto, d.amount_rial)), "upto"),
        )
        # one pass over the deals, grouped in a temporary b-tree (walking the contact's
        # index SQLite would look up every deal, one random page at a time: 60,000 deals
        # 121 ms instead of 60)
        .where(unindexed(d.deleted_at).is_(None), unindexed(d.contact_id).is_not(None),
               unindexed(d.stage_id).in_(won_stage_ids()))
        .group_by(unindexed(d.contact_id))
        .subquery("per_contact")
    )
    w = per_contact.c
    q = (
        select(
            # new_customers: contacts whose first won deal was closed in the period
            count_if(within(w.first_won, NOW), "new_customers"),
            # lead_conversion_rate (numerator): contacts created in the period with a
            # won deal closed on or before the period's last day
            count_if(and_(within(c.created_at, NOW), w.first_won < NOW[1]),
                     "converted"),
            # retention_rate: of the contacts with a won deal closed in the previous
            # period, those with a won deal closed in this one
            func.coalesce(func.sum(w.bought_before), 0).label("bought_before"),
            count_if(and_(w.bought_before == 1, w.bought_now == 1), "retained"),
            # clv_rial: the revenue of the won deals closed up to the period's last day,
            # over the number of distinct contacts among them
            func.coalesce(func.sum(w.upto_hi), 0).label("clv_hi"),
            func.coalesce(func.sum(w.upto_lo), 0).label("clv_lo"),
            count_if(w.upto_n > 0, "clv_customers"),
        )
        .select_from(per_contact).join(c, c.id == w.cid)
        .where(c.deleted_at.is_(None))
    )
    return q.where(c.owner_id == OWNER) if owned else q


def _tickets(owned: bool) -> Select[Any]:
    t = m.Ticket
    opened = within(t.created_at, NOW)
    closed = within(t.closed_at, NOW)
    responded = within(t.first_response_at, NOW)
    rated = and_(closed, t.satisfaction.is_not(None))
    with_sla = and_(closed, t.sla_due_at.is_not(None))
    q = (
        select(
            # tickets_opened: live tickets created in the period; tickets_closed: live
            # tickets whose closed_at falls in the period
            count_if(opened, "tickets_opened"), count_if(closed, "tickets_closed"),
            # csat_average / csat_satisfied_rate: the tickets closed in the period with a
            # satisfaction score: the average score, the share of 4 and 5
            count_if(rated, "csat_n"),
            func.coalesce(func.sum(case((rated, t.satisfaction))), 0).label("csat_sum"),
            count_if(and_(rated, t.satisfaction >= 4), "csat_good"),
            # sla_breach_rate: of the tickets closed in the period with an SLA due time,
            # the share closed after it
            count_if(with_sla, "sla_n"),
            count_if(and_(with_sla, t.closed_at > t.sla_due_at), "sla_late"),
            # avg_resolution_hours: closed_at - created_at of the tickets closed in the
            # period (wall-clock); avg_first_response_hours: first_response_at -
            # created_at of the tickets first answered in the period
            *duration_sums(closed, t.closed_at, t.created_at, "resolution"),
            count_if(responded, "response_n"),
            *duration_sums(responded, t.first_response_at, t.created_at, "response"),
        )
        .where(t.deleted_at.is_(None), or_(opened, closed, responded))
    )
    return q.where(t.assignee_id == OWNER) if owned else q


def _activities(owned: bool) -> Select[Any]:
    a = m.Activity
    # activities_done: activities whose done_at falls in the period (activity owner)
    q = select(func.count().label("activities_done")).where(
        within(a.done_at, NOW))
    return q.where(a.owner_id == OWNER) if owned else q


def _campaigns(owned: bool) -> Select[Any]:
    c = m.Campaign
    # cac_rial (numerator): the actual cost of the campaigns whose start date is a day
    # of the period (campaign owner)
    q = select(*_exact_sum(c.actual_cost_rial, "campaign_cost")).where(
        c.start_date >= FIRST_DAY, c.start_date <= LAST_DAY)
    return q.where(c.owner_id == OWNER) if owned else q


#: the parts of the statement, by the name of their subquery
PARTS = {"k_contacts": _contacts, "k_deals": _deals, "k_buyers": _buyers,
         "k_tickets": _tickets, "k_activities": _activities, "k_campaigns": _campaigns}


@cache
def statement(owned: bool = False) -> Select[Any]:
    """The one statement behind `compute`: six one-row aggregates side by side. Built once
    (with `owned`: for one owner) and run with `parameters()`: building it takes longer
    than SQLite takes to run it on the demo database."""
    parts = [build(owned).subquery(name) for name, build in PARTS.items()]
    joined: Any = parts[0]
    for part in parts[1:]:
        joined = joined.join(part, true())
    return select(*(col for part in parts for col in part.c)).select_from(joined)


def parameters(period: Period, owner_id: int | None = None) -> dict[str, Any]:
    """The values of the statement's parameters for `period` (and its previous period:
    none before the first year periods cover, and then nobody bought "before")."""
    previous = previous_or_none(period)
    start, end = period.bounds_utc()
    before = previous.bounds_utc() if previous is not None else (None, None)
    return {"start_at": start, "end_at": end, "prev_start_at": before[0],
            "prev_end_at": before[1], "first_day": period.start, "last_day": period.end,
            "owner_id": owner_id}


def finish(row: Mapping[str, Any]) -> dict[str, Value]:
    """The KPIs from the statement's row: divisions and rounding (domain/rounding.py)."""
    n = {k: int(v) for k, v in row.items()}
    won, lost, revenue = n["won_deals"], n["lost_deals"], _combine(n["revenue_hi"],
                                                                    n["revenue_lo"])
    retention = r.rate(n["retained"], n["bought_before"])
    cost = _combine(n["campaign_cost_hi"], n["campaign_cost_lo"])
    return {
        "new_contacts": n["new_contacts"],
        "new_customers": n["new_customers"],
        "won_deals": won,
        "lost_deals": lost,
        "win_rate": r.rate(won, won + lost),
        "revenue_rial": revenue,
        "average_deal_rial": r.average_rial(revenue, won),
        "lead_conversion_rate": r.rate(n["converted"], n["new_contacts"]),
        "retention_rate": retention,
        "churn_rate": r.complement(retention),
        "clv_rial": r.average_rial(_combine(n["clv_hi"], n["clv_lo"]), n["clv_customers"]),
        "cac_rial": r.average_rial(cost, n["new_customers"]),
        "csat_average": r.average_score(n["csat_sum"], n["csat_n"]),
        "csat_satisfied_rate": r.rate(n["csat_good"], n["csat_n"]),
        "tickets_opened": n["tickets_opened"],
        "tickets_closed": n["tickets_closed"],
        "sla_breach_rate": r.rate(n["sla_late"], n["sla_n"]),
        "avg_first_response_hours": r.average_hours(
            n["response_s"] * 1_000_000 + n["response_us"], n["response_n"]),
        "avg_resolution_hours": r.average_hours(
            n["resolution_s"] * 1_000_000 + n["resolution_us"], n["tickets_closed"]),
        "pipeline_open_rial": _combine(n["pipeline_hi"], n["pipeline_lo"]),
        "forecast_weighted_rial": _combine(n["forecast_hi"], n["forecast_lo"]),
        "activities_done": n["activities_done"],
    }


class KpiService(kpi_charts.KpiCharts):
    """The KPIs, the dashboard's chart series (KpiCharts) and the records behind them."""

    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id  # REPORTS_OWN: every figure restricted to its records

    def compute(self, period: Period, owner_id: int | None = None) -> dict[str, Value]:
        """Every KPI of `period` by name (KPI_NAMES order), in one read."""
        period = check_period(period)
        with self.db.read() as session:
            owner = check_owner(session, owner_id, self.actor_id)
            row = session.execute(statement(owner is not None),
                                  parameters(period, owner)).mappings().one()
        return finish(row)

    def compare(self, period: Period, owner_id: int | None = None) -> KpiComparison:
        """The KPIs of `period` and of the period before it (ValidationError on `period`
        when that one would fall before the first year periods cover)."""
        period = check_period(period)
        previous = previous_or_none(period)
        if previous is None:
            raise ValidationError(FieldError("period", "period.invalid"))
        with self.db.read() as session:
            owner = check_owner(session, owner_id, self.actor_id)
            q = statement(owner is not None)
            now = session.execute(q, parameters(period, owner)).mappings().one()
            before = session.execute(q, parameters(previous, owner)).mappings().one()
        return KpiComparison(period, previous, finish(now), finish(before))

    def records(self, name: str, period: Period,
                owner_id: int | None = None) -> kpi_drill.Drill | None:
        """Where the records behind KPI `name` are listed (see kpi_drill.drill_down)."""
        period = check_period(period)
        with self.db.read() as session:
            owner = check_owner(session, owner_id, self.actor_id)
        return kpi_drill.drill_down(name, period, owner)
