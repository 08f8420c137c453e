"""Points for purchases, kept in step with them inside the transaction that changes them
(a deal won or leaving a won stage, moved to the Trash or back, its amount or contact
edited; a proforma accepted or no longer accepted, its lines changed).

A purchase is what services/rfm.py counts (never twice): a live won deal of a live
contact (its amount), or an accepted proforma of a live contact that is not the sale of a
live won deal and whose deal is not in the Trash (its total with VAT). Its points are
amount // rial_per_point, earned by the contact it belongs to.

The ledger rows of one purchase (source "deal" or "proforma" and its id; kinds "earned"
and "adjusted") add up to the points it holds now (`net`) and the amount they were
earned for (`basis_rial`). Syncing a purchase compares them with what it is now:

* no longer a purchase, or now another contact's: its points are taken back from the
  contact that holds them ("adjusted", negative, taken from that purchase's own lot
  first), at most that contact's balance: spent points are not clawed back below zero;
* a larger amount: the missing points are earned; a smaller one: the surplus is taken
  back; the same amount: nothing. So syncing twice, or after a crash that rolled the
  whole transaction back, never earns twice.

Only purchases dated on or after the club's `started_on` earn; while the club is off
nothing is earned or taken back as it happens. Switching the club on (or moving
`started_on`) catches up: every purchase since `started_on` that has earned nothing yet
earns then (`catch_up_in`).

A contact's first purchase that holds points also rewards whoever referred them
(referrals.py): every sync brings the referrals of the contacts whose purchases changed
in step too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.sql import run_sql, sync_ids
from crm_desktop.domain import clock
from crm_desktop.domain.enums import AuditAction, LedgerKind, ProformaStatus
from crm_desktop.services import audit
from crm_desktop.services.club import ledger, members, referrals
from crm_desktop.services.club.config import read_in, started_on
from crm_desktop.services.fields import chunked, is_id
from crm_desktop.services.proforma_totals import compute
from crm_desktop.services.rfm import _ts

DEAL, PROFORMA = "deal", "proforma"
PURCHASE_KINDS = (LedgerKind.EARNED.value, LedgerKind.ADJUSTED.value)

#: (contact, amount in Rials, business day) of a purchase
Purchase = tuple[int, int, date]


def _ids(values: Iterable[Any]) -> list[int]:
    return sorted({int(v) for v in values if is_id(v)})


def _deal_purchases(session: Session, ids: list[int] | None) -> dict[int, Purchase]:
    """The purchases among these deals (None: every deal)."""
    d, s, c = m.Deal, m.PipelineStage, m.Contact
    closed = func.coalesce(d.closed_at, d.stage_changed_at)
    q = (select(d.id, d.contact_id, d.amount_rial, closed)
         .join(s, s.id == d.stage_id).join(c, c.id == d.contact_id)
         .where(d.deleted_at.is_(None), s.outcome == m.STAGE_WON, c.deleted_at.is_(None)))
    if ids is not None:
        q = q.where(d.id.in_(ids))
    return {i: (cid, int(amount or 0), clock.local_day(when))
            for i, cid, amount, when in session.execute(q)}


def _proforma_purchases(session: Session, ids: list[int] | None) -> dict[int, Purchase]:
    """The purchases among these proformas (None: every proforma)."""
    p, c = m.Proforma, m.Contact
    deal, stage = aliased(m.Deal), aliased(m.PipelineStage)
    who = func.coalesce(p.contact_id, deal.contact_id)
    won_deal = exists().where(stage.id == deal.stage_id, stage.outcome == m.STAGE_WON)
    q = (select(p.id, who, p.issue_date, p.vat_rate)
         .outerjoin(deal, deal.id == p.deal_id).join(c, c.id == who)
         .where(p.status == ProformaStatus.ACCEPTED.value, c.deleted_at.is_(None),
                or_(p.deal_id.is_(None), deal.id.is_(None),
                    and_(deal.deleted_at.is_(None), ~won_deal))))
    if ids is not None:
        q = q.where(p.id.in_(ids))
    headers = session.execute(q).all()
    if not headers:
        return {}
    pl = m.ProformaLine
    lines: dict[int, list[Any]] = defaultdict(list)
    wanted = [h[0] for h in headers]
    for chunk in chunked(wanted, 30_000):
        for row in session.execute(
                select(pl.proforma_id, pl.quantity, pl.unit_price_rial, pl.discount_kind,
                       pl.discount_value, pl.taxable).where(pl.proforma_id.in_(chunk))):
            lines[row.proforma_id].append(row._mapping)
    return {pid: (cid, compute(lines.get(pid, ()), vat).total_rial, issued)
            for pid, cid, issued, vat in headers}


def _held(session: Session, source: str, ids: list[int]) -> dict[int, dict[int, list[int]]]:
    """{purchase id: {contact: [net points, basis]}} of the purchase rows."""
    L = m.ClubLedger
    q = (select(L.source_id, L.contact_id, func.sum(L.points), func.sum(L.basis_rial))
         .where(L.source == source, L.source_id.in_(ids), L.kind.in_(PURCHASE_KINDS))
         .group_by(L.source_id, L.contact_id))
    out: dict[int, dict[int, list[int]]] = defaultdict(dict)
    for sid, cid, net, basis in session.execute(q):
        out[int(sid)][int(cid)] = [int(net), int(basis)]
    return out


def sync_in(session: Session, *, deals: Iterable[Any] = (), proformas: Iterable[Any] = (),
            contacts: Iterable[Any] = ()) -> None:
    """Bring the points of these purchases (and of every purchase of these contacts, and
    every accepted proforma of these deals) in step with them; refresh the members."""
    settings = read_in(session)
    if not settings["enabled"]:
        return
    deal_ids, proforma_ids, contact_ids = _ids(deals), _ids(proformas), _ids(contacts)
    if not (deal_ids or proforma_ids or contact_ids):
        return
    d, p, L = m.Deal, m.Proforma, m.ClubLedger
    if contact_ids:
        deal_ids = _ids([*deal_ids, *session.scalars(
            select(d.id).where(d.contact_id.in_(contact_ids)))])
        held = select(L.source_id).where(L.contact_id.in_(contact_ids),
                                         L.kind.in_(PURCHASE_KINDS))
        deal_ids = _ids([*deal_ids, *session.scalars(held.where(L.source == DEAL))])
        proforma_ids = _ids([*proforma_ids, *session.scalars(
            select(p.id).where(p.contact_id.in_(contact_ids))),
            *session.scalars(held.where(L.source == PROFORMA))])
    if deal_ids:
        proforma_ids = _ids([*proforma_ids, *session.scalars(
            select(p.id).where(p.deal_id.in_(deal_ids)))])
    touched: set[int] = set(contact_ids)
    start = started_on(settings)
    for source, ids, purchases in (
            (DEAL, deal_ids, _deal_purchases(session, deal_ids)),
            (PROFORMA, proforma_ids, _proforma_purchases(session, proforma_ids))):
        held_rows = _held(session, source, ids)
        for sid in ids:
            touched |= _sync_one(session, settings, start, source, sid, purchases.get(sid),
                                 held_rows.get(sid, {}))
    # the contacts whose purchases changed: their referrers' points follow
    touched |= referrals.sync_in(session, settings, touched)
    members.refresh_in(session, settings, touched)


def sync_referrals_in(session: Session, contact_ids: Iterable[Any]) -> None:
    """Bring the referrals of these referred contacts in step (their referrer changed, or
    a merge moved them); refresh the referrers' members' rows."""
    settings = read_in(session)
    touched = referrals.sync_in(session, settings, contact_ids)
    members.refresh_in(session, settings, touched)


def _sync_one(session: Session, settings: Mapping[str, Any], start: date | None, source: str,
              sid: int, purchase: Purchase | None, held: dict[int, list[int]]) -> set[int]:
    touched: set[int] = set()
    lot = _lot(session, source, sid)
    for cid, (net, basis) in held.items():
        if purchase is not None and purchase[0] == cid:
            continue
        if basis:  # another contact's now, or no longer a purchase: take it back (once)
            take = max(0, min(net, ledger.balance_in(session, cid)))
            ledger.debit(session, cid, LedgerKind.ADJUSTED, take, source=source,
                         source_id=sid, basis=-basis, first=lot.get(cid))
            touched.add(cid)
    if purchase is None:
        return touched
    cid, amount, day = purchase
    net, basis = held.get(cid, [0, 0])
    if amount == basis or (basis == 0 and net == 0 and (start is None or day < start)):
        return touched
    target = amount // settings["rial_per_point"]
    if amount > basis and target > net:
        ledger.credit(session, cid, LedgerKind.EARNED, target - net,
                      months=settings["expiry_months"], source=source, source_id=sid,
                      basis=amount - basis)
        touched.add(cid)
    elif amount < basis and target < net:
        take = min(net - target, ledger.balance_in(session, cid))
        ledger.debit(session, cid, LedgerKind.ADJUSTED, take, source=source, source_id=sid,
                     basis=amount - basis, first=lot.get(cid))
        touched.add(cid)
    return touched


def _lot(session: Session, source: str, sid: int) -> dict[int, int]:
    """The earning rows of a purchase still holding points, per contact (taken back
    first)."""
    L = m.ClubLedger
    q = (select(L.contact_id, L.id).where(L.source == source, L.source_id == sid,
                                          L.kind == LedgerKind.EARNED.value, L.remaining > 0)
         .order_by(L.id))
    return {int(cid): int(i) for cid, i in session.execute(q)}


def merged_in(session: Session, survivor_id: int, others: Iterable[int],
              referred: Iterable[int] = ()) -> None:
    """After a merge moved the merged contacts' sales and ledger rows to the survivor:
    its purchases synced (when the club is on), the referrals of the merged contacts and
    of the contacts they referred (`referred`, now the survivor's) synced, every member's
    row refreshed."""
    others = list(others)
    sync_in(session, contacts=[survivor_id])
    settings = read_in(session)
    touched = referrals.sync_in(session, settings, [survivor_id, *others, *referred])
    members.refresh_in(session, settings, [survivor_id, *others, *touched])


def catch_up_in(session: Session, settings: Mapping[str, Any]) -> int:
    """Earn for every purchase dated on or after `started_on` that has earned nothing yet
    (the club switched on with an earlier start): one "earned" row each, dated at the
    purchase (so its points expire counting from then), written with one executemany and
    logged as created records; then the referrals of every referred contact synced
    (referrals.py); the caller recomputes every member. Returns the purchase rows
    written."""
    start = started_on(settings)
    if not settings["enabled"] or start is None:
        return 0
    L = m.ClubLedger
    held = {(source, sid) for source, sid in session.execute(select(L.source, L.source_id).where(
        L.kind.in_(PURCHASE_KINDS), L.source.in_((DEAL, PROFORMA))))}
    rate, months = settings["rial_per_point"], settings["expiry_months"]
    actor = session.info.get("actor_id")
    conn = session.connection()
    next_id = int(run_sql(conn,
        "SELECT coalesce(max(id), 0) FROM club_ledger").scalar_one()) + 1
    rows, logged = [], []
    columns = ("at", "contact_id", "kind", "points", "expires_at", "reason", "source",
               "source_id", "basis_rial", "user_id")
    for source, purchases in ((DEAL, _deal_purchases(session, None)),
                              (PROFORMA, _proforma_purchases(session, None))):
        for sid, (cid, amount, day) in sorted(purchases.items()):
            points = amount // rate
            if day < start or points <= 0 or (source, sid) in held:
                continue
            at = clock.day_bounds(day)[0]
            values = (at, cid, LedgerKind.EARNED.value, points, ledger.expiry_for(at, months),
                      "", source, sid, amount, actor)
            rows.append((next_id, *(_ts(v) if isinstance(v, datetime) else v
                                    for v in values), points))
            logged.append((next_id, AuditAction.CREATE.value, None, None,
                           audit._json(dict(zip(columns, values, strict=True)))))
            next_id += 1
    if rows:
        run_sql(conn,
            f"INSERT INTO club_ledger (id, {', '.join(columns)}, remaining)"
            f" VALUES ({', '.join('?' * (len(columns) + 2))})", rows)
        sync_ids(conn, ("club_ledger",))
        audit.record_many(session, "club_ledger", logged)
    # and the referrals of those who bought (the caller recomputes every member)
    session.expire_all()
    referrals.sync_in(session, settings, referrals.referred_ids(session))
    return len(rows)
