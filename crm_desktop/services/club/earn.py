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

Only purchases dated on or after the club's `started_on` start earning; while the club
is off nothing is earned or taken back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.enums import LedgerKind, ProformaStatus
from crm_desktop.services.club import ledger, members
from crm_desktop.services.club.config import read_in, started_on
from crm_desktop.services.fields import is_id
from crm_desktop.services.proforma_totals import compute

DEAL, PROFORMA = "deal", "proforma"
PURCHASE_KINDS = (LedgerKind.EARNED.value, LedgerKind.ADJUSTED.value)

#: (contact, amount in Rials, business day) of a purchase
Purchase = tuple[int, int, date]


def _ids(values: Iterable[Any]) -> list[int]:
    return sorted({int(v) for v in values if is_id(v)})


def _deal_purchases(session: Session, ids: list[int]) -> dict[int, Purchase]:
    d, s, c = m.Deal, m.PipelineStage, m.Contact
    closed = func.coalesce(d.closed_at, d.stage_changed_at)
    q = (select(d.id, d.contact_id, d.amount_rial, closed)
         .join(s, s.id == d.stage_id).join(c, c.id == d.contact_id)
         .where(d.id.in_(ids), d.deleted_at.is_(None), s.outcome == m.STAGE_WON,
                c.deleted_at.is_(None)))
    return {i: (cid, int(amount or 0), clock.local_day(when))
            for i, cid, amount, when in session.execute(q)}


def _proforma_purchases(session: Session, ids: list[int]) -> dict[int, Purchase]:
    p, c = m.Proforma, m.Contact
    deal, stage = aliased(m.Deal), aliased(m.PipelineStage)
    who = func.coalesce(p.contact_id, deal.contact_id)
    won_deal = exists().where(stage.id == deal.stage_id, stage.outcome == m.STAGE_WON)
    q = (select(p.id, who, p.issue_date, p.vat_rate)
         .outerjoin(deal, deal.id == p.deal_id).join(c, c.id == who)
         .where(p.id.in_(ids), p.status == ProformaStatus.ACCEPTED.value,
                c.deleted_at.is_(None),
                or_(p.deal_id.is_(None), deal.id.is_(None),
                    and_(deal.deleted_at.is_(None), ~won_deal))))
    headers = session.execute(q).all()
    if not headers:
        return {}
    pl = m.ProformaLine
    lines: dict[int, list[Any]] = defaultdict(list)
    for row in session.execute(
            select(pl.proforma_id, pl.quantity, pl.unit_price_rial, pl.discount_kind,
                   pl.discount_value, pl.taxable)
            .where(pl.proforma_id.in_([h[0] for h in headers]))):
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


def merged_in(session: Session, survivor_id: int, others: Iterable[int]) -> None:
    """After a merge moved the merged contacts' sales and ledger rows to the survivor:
    its purchases synced (when the club is on), every member's row refreshed."""
    sync_in(session, contacts=[survivor_id])
    members.refresh_in(session, read_in(session), [survivor_id, *others])
