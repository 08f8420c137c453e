"""The sales reports: by owner, by product, by lead source and campaign, the reasons of lost
deals, and the customers with their purchases. Every figure is an aggregate query; Python
only puts the groups in order, names them and adds the total row (see base.py for what
"won", "closed in the period" and "revenue" mean)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import String, and_, case, func, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.domain.charts import ChartData, ChartSeries, top
from crm_desktop.domain.enums import ProformaStatus
from crm_desktop.services import kpi_drill
from crm_desktop.services.proforma_totals import line_total
from crm_desktop.services.reports.base import (
    Built,
    Context,
    Link,
    closed_at,
    closed_deals,
    combined,
    counted,
    exact_sum,
    half_up,
    local_day,
    owner_names,
    ratio,
    total_row,
)
from crm_desktop.text.collation import sort_key

WON, LOST = m.STAGE_WON, m.STAGE_LOST
#: bars a chart shows before folding the rest into "others"
CHART_BARS = 10


def _by_money(rows: list[list[Any]], money: int, *then: int) -> None:
    """Largest first by the column `money`, then by the columns `then` (text)."""
    rows.sort(key=lambda r: (-(r[money] or 0), *(sort_key(str(r[i])) for i in then)))


# -- sales by owner ------------------------------------------------------------------------
def sales_by_owner(session: Session, ctx: Context) -> Built:
    """One row per owner of deals closed in the period: won and lost deals, win rate
    (won / (won + lost)), revenue and the average won deal (revenue / won, half up).
    Largest revenue first; deals without an owner together in one row."""
    d, s = m.Deal, m.PipelineStage
    won = s.outcome == WON
    hi, lo = exact_sum(case((won, d.amount_rial), else_=0), "revenue")
    q = (select(d.owner_id, counted(won), counted(s.outcome == LOST), hi, lo)
         .join(s, s.id == d.stage_id)
         .where(*closed_deals(ctx, WON, LOST))
         .group_by(d.owner_id))
    names = owner_names(session)
    cols = [ctx.col("owner", "text", 24), ctx.col("won_deals", "integer"),
            ctx.col("lost_deals", "integer"), ctx.col("win_rate", "rate"),
            ctx.col("revenue", "money", 18), ctx.col("average_deal", "money", 18)]
    found = []
    for owner_id, n_won, n_lost, r_hi, r_lo in session.execute(q):
        revenue = combined(r_hi, r_lo)
        name = names.get(owner_id, "") if owner_id is not None else ctx.text("no_owner")
        # behind a row: the owner's deals closed in the period (won and lost)
        drill = kpi_drill.drill_down("win_rate", ctx.period, owner_id) if owner_id else None
        found.append(([name, int(n_won), int(n_lost), ratio(n_won, n_won + n_lost), revenue,
                       half_up(revenue, n_won)], drill))
    found.sort(key=lambda f: (-f[0][4], sort_key(f[0][0])))
    rows = [f[0] for f in found]
    won_all, lost_all = sum(r[1] for r in rows), sum(r[2] for r in rows)
    revenue_all = sum(r[4] for r in rows)
    total = total_row(cols, ctx.text("total"), won_deals=won_all, lost_deals=lost_all,
                      win_rate=ratio(won_all, won_all + lost_all), revenue=revenue_all,
                      average_deal=half_up(revenue_all, won_all))
    chart = ChartData("bar", tuple(r[0] for r in rows),
                      (ChartSeries(cols[4].title, tuple(r[4] for r in rows)),),
                      "money", cols[4].title, ctx.lang)
    return Built(cols, rows, total, chart, [f[1] for f in found])


# -- sales by product ----------------------------------------------------------------------
def _accepted_proformas(ctx: Context) -> Any:
    """The ids of the accepted proformas issued in the period (their issue date is a
    business day), of the owner; not one whose deal or buyer (its contact, else its
    deal's) is in the Trash."""
    p = m.Proforma
    d, c = aliased(m.Deal), aliased(m.Contact)
    q = (select(p.id)
         .outerjoin(d, d.id == p.deal_id)
         .outerjoin(c, c.id == func.coalesce(p.contact_id, d.contact_id))
         .where(p.status == ProformaStatus.ACCEPTED.value,
                p.issue_date >= ctx.period.start, p.issue_date <= ctx.period.end,
                d.deleted_at.is_(None), c.deleted_at.is_(None)))
    if ctx.owner_id is not None:
        q = q.where(p.owner_id == ctx.owner_id)
    return q


def sales_by_product(session: Session, ctx: Context) -> Built:
    """The lines of the accepted proformas issued in the period, by product (lines
    without a product by their description): quantity, proformas, sales before and after
    the line discounts (VAT is not sales: it is left out). A line's amounts follow the
    proforma arithmetic (services/proforma_totals.py, half up per line): identical lines
    are grouped and counted in SQL, and each distinct line is priced once."""
    pl = m.ProformaLine
    proformas = _accepted_proformas(ctx)
    key_desc = case((pl.product_id.is_(None), pl.description), else_=None)
    shapes = (
        select(pl.product_id, key_desc, pl.quantity, pl.unit_price_rial, pl.discount_kind,
               pl.discount_value, func.count())
        .where(pl.proforma_id.in_(proformas))
        .group_by(pl.product_id, key_desc, pl.quantity, pl.unit_price_rial,
                  pl.discount_kind, pl.discount_value)
    )
    per_product = (select(pl.product_id, key_desc, func.count(pl.proforma_id.distinct()))
                   .where(pl.proforma_id.in_(proformas))
                   .group_by(pl.product_id, key_desc))
    figures: dict[tuple, list[Any]] = defaultdict(lambda: [Decimal(0), 0, 0, 0])
    for product_id, desc, qty, price, dkind, dvalue, n in session.execute(shapes):
        t = line_total({"quantity": qty, "unit_price_rial": price, "discount_kind": dkind,
                        "discount_value": dvalue}, 0)
        f = figures[(product_id, desc)]
        f[0] += Decimal(qty) * n
        f[1] += t.gross_rial * n
        f[2] += t.discount_rial * n
        f[3] += t.net_rial * n
    counts = {(pid, desc): int(n) for pid, desc, n in session.execute(per_product)}
    n_proformas = session.scalar(select(func.count()).select_from(proformas.subquery())) or 0
    products = {pid: (name, sku) for pid, name, sku in session.execute(
        select(m.Product.id, m.Product.name, m.Product.sku))}
    cols = [ctx.col("product", "text", 30), ctx.col("sku", "code", 12),
            ctx.col("quantity", "decimal"), ctx.col("proformas", "integer"),
            ctx.col("gross", "money", 18), ctx.col("discount", "money", 16),
            ctx.col("net", "money", 18), ctx.col("share", "rate")]
    net_all = sum(f[3] for f in figures.values())
    rows: list[list[Any]] = []
    for (pid, desc), (qty, gross, discount, net) in figures.items():
        name, sku = products.get(pid, (None, None)) if pid is not None else (None, None)
        if name is None:
            name = f"{desc} {ctx.text('no_product')}" if desc else ctx.text("no_product")
        rows.append([name, sku, qty.quantize(Decimal(1)) if qty == qty.to_integral() else qty,
                     counts.get((pid, desc), 0), gross, discount, net, ratio(net, net_all)])
    _by_money(rows, 6, 0)
    total = total_row(cols, ctx.text("total"), proformas=n_proformas,
                      gross=sum(r[4] for r in rows), discount=sum(r[5] for r in rows),
                      net=net_all, share=Decimal(1) if net_all else None)
    names, values, folded = top([r[0] for r in rows], [r[6] for r in rows], CHART_BARS,
                                ctx.text("others"))
    chart = ChartData("bar", tuple(names), (ChartSeries(cols[6].title, tuple(values)),),
                      "money", cols[6].title, ctx.lang, folded)
    return Built(cols, rows, total, chart)


# -- sales by lead source and campaign -----------------------------------------------------
def sales_by_source(session: Session, ctx: Context) -> Built:
    """By the contact's lead source and the campaign: the contacts created in the period
    (their own source and source campaign; the owner: the contact's), and the won deals
    closed in the period (the source of the deal's contact, the deal's source campaign,
    as campaign ROI counts it; the owner: the deal's) with their revenue."""
    c, d = m.Contact, m.Deal
    source = ctx.filters.get("source")
    leads = (select(c.source, c.source_campaign_id, func.count())
             .where(c.deleted_at.is_(None), ctx.in_period(c.created_at))
             .group_by(c.source, c.source_campaign_id))
    if ctx.owner_id is not None:
        leads = leads.where(c.owner_id == ctx.owner_id)
    hi, lo = exact_sum(d.amount_rial, "revenue")
    deals = (select(c.source, d.source_campaign_id, func.count(), hi, lo)
             .select_from(d).outerjoin(c, c.id == d.contact_id)
             .where(*closed_deals(ctx, WON))
             .group_by(c.source, d.source_campaign_id))
    if source is not None:
        leads = leads.where(c.source == source)
        deals = deals.where(c.source == source)
    groups: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    for src, campaign, n in session.execute(leads):
        groups[(src, campaign)][0] += int(n)
    for src, campaign, n, r_hi, r_lo in session.execute(deals):
        g = groups[(src, campaign)]
        g[1] += int(n)
        g[2] += combined(r_hi, r_lo)
    campaigns = {cid: name for cid, name in session.execute(select(m.Campaign.id, m.Campaign.name))}
    cols = [ctx.col("source", "text", 20), ctx.col("campaign", "text", 24),
            ctx.col("new_contacts", "integer"), ctx.col("won_deals", "integer"),
            ctx.col("revenue", "money", 18), ctx.col("share", "rate")]
    revenue_all = sum(g[2] for g in groups.values())
    rows = [[ctx.name("source", src) if src else ctx.text("no_source"),
             campaigns.get(cid, "") if cid is not None else ctx.text("no_campaign"),
             n_leads, n_won, revenue, ratio(revenue, revenue_all)]
            for (src, cid), (n_leads, n_won, revenue) in groups.items()]
    rows.sort(key=lambda r: (-r[4], -r[3], -r[2], sort_key(r[0]), sort_key(r[1])))
    total = total_row(cols, ctx.text("total"), new_contacts=sum(r[2] for r in rows),
                      won_deals=sum(r[3] for r in rows), revenue=revenue_all,
                      share=Decimal(1) if revenue_all else None)
    by_source: dict[str, int] = defaultdict(int)
    for r in rows:
        by_source[r[0]] += r[4]
    pie = sorted(((k, v) for k, v in by_source.items() if v), key=lambda kv: (-kv[1], kv[0]))
    chart = ChartData("pie", tuple(k for k, _v in pie),
                      (ChartSeries(cols[4].title, tuple(v for _k, v in pie)),),
                      "money", cols[4].title, ctx.lang)
    return Built(cols, rows, total, chart)


# -- lost reasons --------------------------------------------------------------------------
def lost_reasons(session: Session, ctx: Context) -> Built:
    """The lost deals closed in the period by their reason (as typed, spaces trimmed):
    deals, their amounts, the share of the lost deals. Most deals first."""
    d = m.Deal
    reason = func.trim(func.coalesce(d.lost_reason, ""))
    hi, lo = exact_sum(d.amount_rial, "amount")
    q = (select(reason, func.count(), hi, lo).where(*closed_deals(ctx, LOST))
         .group_by(reason))
    cols = [ctx.col("reason", "text", 40), ctx.col("lost_deals", "integer"),
            ctx.col("amount_lost", "money", 20), ctx.col("share", "rate")]
    found = [(text or ctx.text("no_reason"), int(n), combined(a_hi, a_lo))
             for text, n, a_hi, a_lo in session.execute(q)]
    n_all = sum(n for _t, n, _a in found)
    rows = [[text, n, amount, ratio(n, n_all)] for text, n, amount in found]
    rows.sort(key=lambda r: (-r[1], -r[2], sort_key(r[0])))
    total = total_row(cols, ctx.text("total"), lost_deals=n_all,
                      amount_lost=sum(r[2] for r in rows),
                      share=Decimal(1) if n_all else None)
    names, values, folded = top([r[0] for r in rows], [r[1] for r in rows], 8,
                                ctx.text("others"))
    chart = ChartData("pie", tuple(names), (ChartSeries(cols[1].title, tuple(values)),),
                      "integer", cols[1].title, ctx.lang, folded)
    return Built(cols, rows, total, chart)


# -- customers -----------------------------------------------------------------------------
def customers(session: Session, ctx: Context) -> Built:
    """Each live contact with at least one won deal closed in the period: those deals,
    their revenue, the last purchase (the latest won deal closed up to the period's last
    day), the lifecycle stage. The owner and the stage filter are the contact's.
    Largest revenue first."""
    d, c = m.Deal, m.Contact
    in_period = ctx.in_period(closed_at())
    hi, lo = exact_sum(case((in_period, d.amount_rial), else_=0), "revenue")
    won_ids = select(m.PipelineStage.id).where(m.PipelineStage.outcome == WON)
    per_contact = (
        select(d.contact_id.label("cid"), counted(in_period).label("n"), hi, lo,
               func.max(closed_at(), type_=String()).label("last"))
        .where(d.deleted_at.is_(None), d.contact_id.is_not(None), d.stage_id.in_(won_ids),
               closed_at() < ctx.end)
        .group_by(d.contact_id)
        .having(counted(in_period) > 0)
        .subquery("per_contact")
    )
    q = (select(c.id, c.full_name, c.mobile, m.Account.name, per_contact.c.n,
                per_contact.c.revenue_hi, per_contact.c.revenue_lo, per_contact.c.last,
                c.lifecycle_stage, c.owner_id, c.sort_key)
         .join(per_contact, per_contact.c.cid == c.id)
         .outerjoin(m.Account, and_(m.Account.id == c.account_id,
                                    m.Account.deleted_at.is_(None)))
         .where(c.deleted_at.is_(None)))
    if ctx.owner_id is not None:
        q = q.where(c.owner_id == ctx.owner_id)
    if "stage" in ctx.filters:
        q = q.where(c.lifecycle_stage == ctx.filters["stage"])
    names = owner_names(session)
    cols = [ctx.col("customer", "text", 26), ctx.col("mobile", "code", 13),
            ctx.col("company", "text", 22), ctx.col("won_deals", "integer"),
            ctx.col("revenue", "money", 18), ctx.col("last_purchase", "date"),
            ctx.col("stage", "text", 14), ctx.col("owner", "text", 18)]
    found = []
    for cid, name, mobile, company, n, r_hi, r_lo, last, stage, owner_id, key in \
            session.execute(q):
        found.append((combined(r_hi, r_lo), key, cid, [
            name, mobile, company, int(n), combined(r_hi, r_lo), local_day(last),
            ctx.name("stage", stage), names.get(owner_id, "") if owner_id else ""]))
    found.sort(key=lambda f: (-f[0], f[1], f[2]))
    rows = [f[3] for f in found]
    total = total_row(cols, ctx.text("total") + " — " + ctx.text("customers", n=len(rows)),
                      won_deals=sum(r[3] for r in rows), revenue=sum(r[4] for r in rows))
    return Built(cols, rows, total, None, [Link("contacts", f[2]) for f in found])
