"""The dashboard's chart series, each one aggregate statement (no Qt).

Same rules as the KPIs (services/kpis.py): periods on the business's clock, both ends
included; the Trash never counts; a deal's close instant is `deals.closed_instant()`; the
owner filter keeps the deal's owner (revenue, funnel), the contact's owner (lead sources)
or the ticket's assignee (tickets, satisfaction). Months are Jalali months, oldest first
(a right-to-left chart reverses them itself).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, literal, select

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain import rounding as r
from crm_desktop.domain.enums import ContactSource, TicketCategory
from crm_desktop.domain.periods import Period, months_up_to
from crm_desktop.services.deals import _combine, _exact_sum, closed_instant, won_stage_ids
from crm_desktop.services.kpi_sql import (
    check_months,
    check_owner,
    check_period,
    count_if,
    unindexed,
    within,
)

#: the lead-source key of contacts whose source was not given
NO_SOURCE = ""


@dataclass(frozen=True)
class FunnelStep:
    """One stage of the pipeline (in pipeline order): the live deals created in the period
    that are in it now, and the sum of their amounts."""

    stage_id: int
    name: str
    outcome: str  # "open", "won" or "lost"
    deals: int
    amount_rial: int


def month_bucket(column: Any, months: Sequence[Period]) -> Any:
    """SQL: the index in `months` of the month an instant falls in (the caller keeps the
    instants within the first month's start and the last month's end)."""
    starts = [p.bounds_utc()[0] for p in months]
    if len(starts) == 1:
        return literal(0)
    return case(*((column < starts[i + 1], i) for i in range(len(starts) - 1)),
                else_=len(starts) - 1)


def span(months: Sequence[Period]) -> tuple[Any, Any]:
    return months[0].bounds_utc()[0], months[-1].bounds_utc()[1]


def in_order(counts: dict[Any, int], known: Iterable[str]) -> list[tuple[str, int]]:
    """Every known key in its order (zeros included), then any other key that has rows
    (a value written by an older version, sorted), then NO_SOURCE when it has rows."""
    keys = list(known)
    out = [(k, counts.pop(k, 0)) for k in keys]
    empty = counts.pop(None, 0) + counts.pop(NO_SOURCE, 0)
    out += sorted((str(k), n) for k, n in counts.items())
    if empty:
        out.append((NO_SOURCE, empty))
    return out


class KpiCharts:
    """The series; mixed into KpiService (which sets `db`)."""

    db: Database
    actor_id: int | None

    def revenue_by_month(self, last: Period, owner_id: int | None = None,
                         months: int = 12) -> list[tuple[Period, int]]:
        """(month, revenue in Rials) for the `months` Jalali months ending with the month
        `last` ends in, oldest first: the sum of the amounts of the live won deals closed in
        each month (deal owner); months without sales are 0."""
        periods = months_up_to(check_period(last), check_months(months))
        d = m.Deal
        closed = closed_instant()
        bucket = month_bucket(closed, periods).label("month")
        q = (select(bucket, *_exact_sum(d.amount_rial, "revenue"))
             .where(d.deleted_at.is_(None), d.stage_id.in_(won_stage_ids()),
                    within(closed, span(periods)))
             .group_by(bucket))
        with self.db.read() as session:
            if (owner := check_owner(session, owner_id, self.actor_id)) is not None:
                q = q.where(d.owner_id == owner)
            sums = {i: _combine(hi, lo) for i, hi, lo in session.execute(q)}
        return [(p, sums.get(i, 0)) for i, p in enumerate(periods)]

    def funnel(self, period: Period, owner_id: int | None = None) -> list[FunnelStep]:
        """Every stage in pipeline order with the live deals created in the period that
        are in it now (deal owner), and their amounts."""
        bounds = check_period(period).bounds_utc()
        d, s = m.Deal, m.PipelineStage
        with self.db.read() as session:
            owner = check_owner(session, owner_id, self.actor_id)
            # one pass over the deals grouped by stage (see kpis._deals), then every stage
            per_stage = (select(d.stage_id, func.count().label("n"),
                                *_exact_sum(d.amount_rial, "amount"))
                         .where(unindexed(d.deleted_at).is_(None),
                                within(d.created_at, bounds))
                         .group_by(unindexed(d.stage_id)))
            if owner is not None:
                per_stage = per_stage.where(d.owner_id == owner)
            f = per_stage.subquery("per_stage")
            q = (select(s.id, s.name, s.outcome, func.coalesce(f.c.n, 0),
                        func.coalesce(f.c.amount_hi, 0), func.coalesce(f.c.amount_lo, 0))
                 .outerjoin(f, f.c.stage_id == s.id).order_by(s.position, s.id))
            rows = session.execute(q).all()
        return [FunnelStep(sid, name, outcome, int(n), _combine(hi, lo))
                for sid, name, outcome, n, hi, lo in rows]

    def lead_sources(self, period: Period, owner_id: int | None = None
                     ) -> list[tuple[str, int]]:
        """(source, contacts) of the live contacts created in the period (contact owner):
        every ContactSource value in its order (zeros included), then NO_SOURCE ("") for
        those without a source when there are any."""
        bounds = check_period(period).bounds_utc()
        c = m.Contact
        q = (select(c.source, func.count())
             .where(c.deleted_at.is_(None), within(c.created_at, bounds))
             .group_by(c.source))
        with self.db.read() as session:
            if (owner := check_owner(session, owner_id, self.actor_id)) is not None:
                q = q.where(c.owner_id == owner)
            counts = {source: int(n) for source, n in session.execute(q)}
        return in_order(counts, (s.value for s in ContactSource))

    def tickets_by_category(self, period: Period, owner_id: int | None = None
                            ) -> list[tuple[str, int]]:
        """(category, tickets) of the live tickets opened (created) in the period (ticket
        assignee): every TicketCategory value in its order, zeros included."""
        bounds = check_period(period).bounds_utc()
        t = m.Ticket
        q = (select(t.category, func.count())
             .where(t.deleted_at.is_(None), within(t.created_at, bounds))
             .group_by(t.category))
        with self.db.read() as session:
            if (owner := check_owner(session, owner_id, self.actor_id)) is not None:
                q = q.where(t.assignee_id == owner)
            counts = {category: int(n) for category, n in session.execute(q)}
        return in_order(counts, (c.value for c in TicketCategory))

    def csat_by_month(self, last: Period, owner_id: int | None = None, months: int = 12
                      ) -> list[tuple[Period, Decimal | None, int]]:
        """(month, average satisfaction with 2 decimals or None, rated tickets) for the
        `months` Jalali months ending with the month `last` ends in, oldest first: the live
        tickets closed in each month with a score (ticket assignee)."""
        periods = months_up_to(check_period(last), check_months(months))
        t = m.Ticket
        bucket = month_bucket(t.closed_at, periods).label("month")
        q = (select(bucket, count_if(t.satisfaction.is_not(None), "n"),
                    func.coalesce(func.sum(t.satisfaction), 0))
             .where(t.deleted_at.is_(None), t.satisfaction.is_not(None),
                    within(t.closed_at, span(periods)))
             .group_by(bucket))
        with self.db.read() as session:
            if (owner := check_owner(session, owner_id, self.actor_id)) is not None:
                q = q.where(t.assignee_id == owner)
            found = {i: (int(n), int(total)) for i, n, total in session.execute(q)}
        out = []
        for i, p in enumerate(periods):
            n, total = found.get(i, (0, 0))
            out.append((p, r.average_score(total, n), n))
        return out
