"""The reports of marketing, support and daily work: campaigns, tickets and their response
times, activities by owner, birthdays. Every figure is an aggregate query (see base.py);
the birthdays are a list, read with the contacts' birthday index."""

from __future__ import annotations

import functools
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import marketing
from crm_desktop.domain.charts import ChartData, ChartSeries
from crm_desktop.domain.enums import ActivityKind, TicketCategory, TicketPriority
from crm_desktop.services import kpi_drill
from crm_desktop.services.campaigns import _figure_columns, finish_figures
from crm_desktop.services.reports.base import (
    Built,
    Context,
    Link,
    counted,
    durations,
    hours_average,
    micros,
    owner_names,
    ratio,
    total_row,
    two_decimals,
)
from crm_desktop.text.collation import sort_key
from crm_desktop.text.jalali import jalali_parts


# -- campaigns -----------------------------------------------------------------------------
def campaigns(session: Session, ctx: Context) -> Built:
    """The campaigns that started in the period (as the CAC KPI counts their cost), in
    the order they started, with the figures of the campaign page (domain/marketing.py):
    members and converted members whose contact is not in the Trash; the actual cost;
    revenue = the live won deals whose source is the campaign (whenever they closed: the
    campaign's whole return); ROI = (revenue - cost) / cost; the customers those deals
    were sold to and the cost per customer. The owner, channel and status filters are the
    campaign's. Total: the sums, and ROI and cost per customer of the sums (a customer
    acquired by two campaigns counts in both)."""
    c = m.Campaign
    q = (select(c.id, c.name, c.channel, c.status, c.start_date, c.actual_cost_rial,
                *_figure_columns(c.id))
         .where(c.start_date >= ctx.period.start, c.start_date <= ctx.period.end)
         .order_by(c.start_date, c.name, c.id))
    if ctx.owner_id is not None:
        q = q.where(c.owner_id == ctx.owner_id)
    for key in ("channel", "status"):
        if key in ctx.filters:
            q = q.where(getattr(c, key) == ctx.filters[key])
    found = [finish_figures(dict(r._mapping)) for r in session.execute(q)]
    cols = [ctx.col("campaign", "text", 26), ctx.col("channel", "text", 12),
            ctx.col("status", "text", 14), ctx.col("start_date", "date"),
            ctx.col("members", "integer"), ctx.col("converted", "integer"),
            ctx.col("cost", "money", 18), ctx.col("revenue", "money", 18),
            ctx.col("roi", "rate"), ctx.col("acquired", "integer"),
            ctx.col("cost_per_customer", "money", 16)]
    rows = [[f["name"], ctx.name("channel", f["channel"]), ctx.name("status", f["status"]),
             f["start_date"], f["members"], f["converted"], f["actual_cost_rial"],
             f["revenue_rial"], _decimal(f["roi_exact"]), f["acquired"],
             f["cost_per_acquisition_rial"]] for f in found]
    cost, revenue = sum(r[6] for r in rows), sum(r[7] for r in rows)
    acquired = sum(r[9] for r in rows)
    total = total_row(cols, ctx.text("total"), members=sum(r[4] for r in rows),
                      converted=sum(r[5] for r in rows), cost=cost, revenue=revenue,
                      roi=_decimal(marketing.roi(revenue, cost)), acquired=acquired,
                      cost_per_customer=marketing.cost_per_acquisition(cost, acquired))
    chart = ChartData("bar", tuple(r[0] for r in rows), (
        ChartSeries(cols[6].title, tuple(r[6] for r in rows)),
        ChartSeries(cols[7].title, tuple(r[7] for r in rows))), "money",
        ctx.text("chart_campaigns"), ctx.lang)
    return Built(cols, rows, total, chart, [Link("campaigns", f["id"]) for f in found])


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    return Decimal(value.numerator) / Decimal(value.denominator)


# -- tickets and response times ------------------------------------------------------------
#: the order of the rows: categories as the window lists them, urgent first
CATEGORIES = [c.value for c in TicketCategory]
PRIORITIES = [p.value for p in reversed(TicketPriority)]


def tickets_sla(session: Session, ctx: Context) -> Built:
    """Live tickets by category and priority (the owner filter is the ticket's assignee,
    as the KPIs read it; channel, category and priority are the ticket's):
    * opened: created in the period; closed: closed in the period (`closed_at`);
    * closed late: of those closed, the ones with an SLA due time closed after it; the
      share is of the closed ones that had a due time (the sla_breach_rate KPI);
    * first response: the tickets first answered in the period, hours from creation to
      that answer (wall clock, one decimal);
    * resolution: the tickets closed in the period, hours from creation to closing;
    * satisfaction: the average score (1-5, two decimals) of the tickets closed in the
      period that have one, and how many have one."""
    t = m.Ticket
    opened, closed = ctx.in_period(t.created_at), ctx.in_period(t.closed_at)
    answered = ctx.in_period(t.first_response_at)
    with_due = closed & t.sla_due_at.is_not(None)
    rated = closed & t.satisfaction.is_not(None)
    q = (select(t.category, t.priority, counted(opened), counted(closed),
                counted(with_due & (t.closed_at > t.sla_due_at)), counted(with_due),
                *durations(answered, t.first_response_at, t.created_at, "response"),
                counted(answered),
                *durations(closed, t.closed_at, t.created_at, "resolution"),
                func.sum(case((rated, t.satisfaction))), counted(rated))
         .where(t.deleted_at.is_(None), opened | closed | answered)
         .group_by(t.category, t.priority))
    if ctx.owner_id is not None:
        q = q.where(t.assignee_id == ctx.owner_id)
    for key, column in (("category", t.category), ("priority", t.priority),
                        ("ticket_channel", t.channel)):
        if key in ctx.filters:
            q = q.where(column == ctx.filters[key])
    cols = [ctx.col("category", "text", 14), ctx.col("priority", "text", 10),
            ctx.col("opened", "integer"), ctx.col("closed", "integer"),
            ctx.col("breached", "integer"), ctx.col("breach_rate", "rate"),
            ctx.col("first_response_hours", "decimal"), ctx.col("resolution_hours", "decimal"),
            ctx.col("csat", "decimal"), ctx.col("rated", "integer")]
    found = []
    sums = [0] * 9
    for cat, prio, n_open, n_closed, late, due, fr_s, fr_us, n_fr, res_s, res_us, score, \
            n_rated in session.execute(q):
        figures = [int(n_open), int(n_closed), int(late), int(due), micros(fr_s, fr_us),
                   int(n_fr), micros(res_s, res_us), int(score or 0), int(n_rated)]
        sums = [a + b for a, b in zip(sums, figures, strict=True)]
        found.append((_rank(CATEGORIES, cat), _rank(PRIORITIES, prio), [
            ctx.name("category", cat), ctx.name("priority", prio), figures[0], figures[1],
            figures[2], ratio(figures[2], figures[3]), hours_average(figures[4], figures[5]),
            hours_average(figures[6], figures[1]), two_decimals(figures[7], figures[8]),
            figures[8]]))
    found.sort(key=lambda f: (f[0], f[1], f[2][0], f[2][1]))
    rows = [f[2] for f in found]
    total = total_row(cols, ctx.text("total"), opened=sums[0], closed=sums[1],
                      breached=sums[2], breach_rate=ratio(sums[2], sums[3]),
                      first_response_hours=hours_average(sums[4], sums[5]),
                      resolution_hours=hours_average(sums[6], sums[1]),
                      csat=two_decimals(sums[7], sums[8]), rated=sums[8])
    by_category: dict[str, list[int]] = {}
    for r in rows:
        figures = by_category.setdefault(r[0], [0, 0, 0])
        for i, col in enumerate((2, 3, 4)):
            figures[i] += r[col]
    names = list(by_category)
    chart = ChartData("bar", tuple(names), tuple(
        ChartSeries(cols[col].title, tuple(by_category[n][i] for n in names))
        for i, col in enumerate((2, 3, 4))), "integer", ctx.text("chart_tickets"), ctx.lang)
    return Built(cols, rows, total, chart)


def _rank(order: list[str], value: str) -> int:
    return order.index(value) if value in order else len(order)


# -- activities by owner -------------------------------------------------------------------
KINDS = [k.value for k in ActivityKind]


def activities_by_owner(session: Session, ctx: Context) -> Built:
    """Activities by owner and kind (the owner and kind filters are the activity's).
    Activities have no Trash: every one counts, as in the activities_done KPI (also one
    whose contact is in the Trash). A repeating activity counts once, by its own due
    time (its later occurrences are not expanded):
    * due: due in the period; done: marked done in the period;
    * overdue: due in the period, not done, and its due time has passed (now).
    Two grouped queries, one over the due-time index and one over the done-time index
    (one query with "due or done in the period" reads every activity)."""
    a = m.Activity

    def grouped(*figures: Any) -> Any:
        q = select(a.owner_id, a.kind, *figures).group_by(a.owner_id, a.kind)
        if ctx.owner_id is not None:
            q = q.where(a.owner_id == ctx.owner_id)
        if "kind" in ctx.filters:
            q = q.where(a.kind == ctx.filters["kind"])
        return q

    due_q = grouped(func.count(), counted(a.done_at.is_(None) & (a.due_at < ctx.now))
                    ).where(ctx.in_period(a.due_at))
    done_q = grouped(func.count()).where(ctx.in_period(a.done_at))
    figures: dict[tuple[int | None, str], list[int]] = {}
    for owner_id, kind, n_due, n_late in session.execute(due_q):
        figures.setdefault((owner_id, kind), [0, 0, 0])[0:3:2] = [int(n_due), int(n_late)]
    for owner_id, kind, n_done in session.execute(done_q):
        figures.setdefault((owner_id, kind), [0, 0, 0])[1] = int(n_done)
    names = owner_names(session)
    cols = [ctx.col("owner", "text", 22), ctx.col("kind", "text", 12),
            ctx.col("due", "integer"), ctx.col("done", "integer"),
            ctx.col("overdue", "integer")]
    found = []
    for (owner_id, kind), (n_due, n_done, n_late) in figures.items():
        owner = names.get(owner_id, "") if owner_id is not None else ctx.text("no_owner")
        # behind a row: the activities of that kind the owner marked done in the period
        drill = None
        if owner_id is not None:
            drill = kpi_drill.drill_down("activities_done", ctx.period, owner_id)
            drill.filters["kind"] = kind  # type: ignore[union-attr]
        found.append((owner_id is None, sort_key(owner), _rank(KINDS, kind),
                      [owner, ctx.name("kind", kind), n_due, n_done, n_late], drill))
    found.sort(key=lambda f: f[:3])
    rows = [f[3] for f in found]
    total = total_row(cols, ctx.text("total"), due=sum(r[2] for r in rows),
                      done=sum(r[3] for r in rows), overdue=sum(r[4] for r in rows))
    per_owner: dict[str, list[int]] = {}
    for r in rows:
        figures = per_owner.setdefault(r[0], [0, 0])
        figures[0] += r[3]
        figures[1] += r[4]
    owners = list(per_owner)
    chart = ChartData("bar", tuple(owners), (
        ChartSeries(cols[3].title, tuple(per_owner[o][0] for o in owners)),
        ChartSeries(cols[4].title, tuple(per_owner[o][1] for o in owners))),
        "integer", ctx.text("chart_activities"), ctx.lang)
    return Built(cols, rows, total, chart, [f[4] for f in found])


# -- birthdays -----------------------------------------------------------------------------
#: the longest period the birthdays report lists (a year: everyone's birthday once)
BIRTHDAY_DAYS = 366


def _birthday_days(start: date, end: date) -> dict[tuple[int, int], date]:
    """(Jalali month, day) -> the day of the period it falls on. Esfand 30 exists in leap
    years only: in other years those born on it celebrate on Esfand 29."""
    days: dict[tuple[int, int], date] = {}
    day = start
    while day <= end:
        _jy, jm, jd = jalali_parts(day)
        days.setdefault((jm, jd), day)
        if (jm, jd) == (12, 29) and jalali_parts(day + timedelta(days=1))[1] == 1:
            days.setdefault((12, 30), day)
        day += timedelta(days=1)
    return days


def birthdays(session: Session, ctx: Context) -> Built:
    """The live contacts whose birthday (the Jalali month and day of their date of birth)
    falls in the period, with the day it falls on, the age they turn and their mobile;
    in the order of the days, then by name. The owner is the contact's. At most a year
    (BIRTHDAY_DAYS): each person is listed once."""
    c = m.Contact
    days = _birthday_days(ctx.period.start, ctx.period.end)
    q = (select(c.id, c.full_name, c.birthday, c.mobile, c.owner_id, c.sort_key)
         .where(c.deleted_at.is_(None), c.birthday.is_not(None)))
    if len(days) < 365:
        # the Gregorian month-day (indexed) of a Jalali month-day moves by a day between
        # years: take a day more on each side, then keep the exact Jalali matches
        near = sorted({(d + timedelta(days=k)).strftime("%m-%d")
                       for d in days.values() for k in (-1, 0, 1)})
        q = q.where(c.birth_md.in_(near))
    if ctx.owner_id is not None:
        q = q.where(c.owner_id == ctx.owner_id)
    names = owner_names(session)
    cols = [ctx.col("name", "text", 26), ctx.col("birthday", "date"),
            ctx.col("born", "date"), ctx.col("age", "integer"), ctx.col("mobile", "code", 13),
            ctx.col("owner", "text", 18)]
    found = []
    parts = functools.lru_cache(maxsize=None)(jalali_parts)  # many share a date of birth
    for cid, name, born, mobile, owner_id, key in session.execute(q):
        by, bm, bd = parts(born)
        day = days.get((bm, bd))
        if day is None:
            continue
        age = parts(day)[0] - by
        found.append((day, key, cid, [name, day, born, age if age >= 0 else None, mobile,
                                      names.get(owner_id, "") if owner_id else ""]))
    found.sort(key=lambda f: f[:3])
    rows = [f[3] for f in found]
    total = total_row(cols, ctx.text("total") + " — " + ctx.text("people", n=len(rows)))
    return Built(cols, rows, total, None, [Link("contacts", f[2]) for f in found])
