"""Referral points: a contact who referred another (the referred contact's
`referred_by_id`) earns the club's `referral_points` once that contact has bought.

A referral is a live contact R whose referrer P is a live contact other than R, and whose
purchases hold points (the rows of earn.py's purchases that R holds add up to a basis
above zero: a purchase since the club's start that earned points and was not taken
back). It is worth `referral_points` to P, once. Its ledger rows (source "referral",
source_id R) are the credit (kind "referral", basis_rial 1, a lot expiring like other
points) and its take-back (kind "adjusted", basis_rial -1); they add up to a basis of 1
while the referral is rewarded, 0 otherwise. Syncing R compares them with what R is now:

* a referral not rewarded yet (basis 0): P earns `referral_points`. Still rewarded:
  nothing, whatever else R buys (a second purchase, a second won deal, a larger amount);
* no longer a referral (R's purchases all taken back: the deal reopened or lost, the
  proforma no longer accepted; R or P in the Trash; the referrer removed) or now another
  contact's referral: the holder's points are taken back the way a purchase's are (from
  the referral's own lot first, at most the holder's balance). The next purchase that
  holds points rewards it again.

While the club is off, or `referral_points` is 0, nothing is earned or taken back as it
happens; switching the club on catches up (earn.catch_up_in), like purchases. Syncing
twice, or after a crash that rolled the whole transaction back, never earns twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain.enums import LedgerKind
from crm_desktop.services.club import ledger
from crm_desktop.services.fields import chunked, is_id

SOURCE = "referral"
REFERRAL_KINDS = (LedgerKind.REFERRAL.value, LedgerKind.ADJUSTED.value)
#: the sources and kinds of a purchase's rows (earn.py)
PURCHASE_SOURCES = ("deal", "proforma")
PURCHASE_KINDS = (LedgerKind.EARNED.value, LedgerKind.ADJUSTED.value)
CHUNK = 500


def active(settings: Mapping[str, Any]) -> bool:
    return bool(settings["enabled"]) and int(settings.get("referral_points") or 0) > 0


def referred_ids(session: Session) -> list[int]:
    """Every contact that has a referrer recorded, or whose referral holds rows."""
    c, L = m.Contact, m.ClubLedger
    named = session.scalars(select(c.id).where(c.referred_by_id.is_not(None)))
    held = session.scalars(select(L.source_id).where(L.source == SOURCE).distinct())
    return sorted({int(i) for i in [*named, *held] if is_id(i)})


def sync_in(session: Session, settings: Mapping[str, Any],
            contact_ids: Iterable[Any]) -> set[int]:
    """Bring the referrals of these (referred) contacts in step; returns the referrers
    whose points changed (their members' rows are the caller's to refresh)."""
    if not active(settings):
        return set()
    touched: set[int] = set()
    session.flush()
    for chunk in chunked(sorted({int(i) for i in contact_ids if is_id(i)}), CHUNK):
        touched |= _sync_chunk(session, settings, chunk)
    return touched


def _sync_chunk(session: Session, settings: Mapping[str, Any], ids: list[int]) -> set[int]:
    c, L = m.Contact, m.ClubLedger
    people = {int(i): (gone, ref) for i, gone, ref in session.execute(
        select(c.id, c.deleted_at, c.referred_by_id).where(c.id.in_(ids)))}
    named = sorted({ref for _gone, ref in people.values() if is_id(ref)})
    live_referrers = set(session.scalars(select(c.id).where(
        c.id.in_(named), c.deleted_at.is_(None)))) if named else set()
    buyers = set(session.scalars(
        select(L.contact_id).where(L.contact_id.in_(ids), L.source.in_(PURCHASE_SOURCES),
                                   L.kind.in_(PURCHASE_KINDS))
        .group_by(L.contact_id).having(func.sum(L.basis_rial) > 0)))
    held: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
    for sid, holder, net, basis in session.execute(
            select(L.source_id, L.contact_id, func.sum(L.points), func.sum(L.basis_rial))
            .where(L.source == SOURCE, L.source_id.in_(ids), L.kind.in_(REFERRAL_KINDS))
            .group_by(L.source_id, L.contact_id)):
        held[int(sid)][int(holder)] = (int(net), int(basis))
    touched: set[int] = set()
    for rid in ids:
        gone, ref = people.get(rid, (True, None))
        want = ref if (gone is None and ref in live_referrers and ref != rid
                       and rid in buyers) else None
        rows = held.get(rid, {})
        for holder, (net, basis) in rows.items():
            if holder == want or basis <= 0:
                continue
            # no longer a referral, or now another referrer's: taken back (once)
            take = max(0, min(net, ledger.balance_in(session, holder)))
            ledger.debit(session, holder, LedgerKind.ADJUSTED, take, source=SOURCE,
                         source_id=rid, basis=-basis, first=_lot(session, holder, rid))
            touched.add(holder)
        if want is not None and rows.get(want, (0, 0))[1] <= 0:
            ledger.credit(session, want, LedgerKind.REFERRAL, int(settings["referral_points"]),
                          months=settings["expiry_months"], source=SOURCE, source_id=rid,
                          basis=1)
            touched.add(want)
    return touched


def _lot(session: Session, holder: int, rid: int) -> int | None:
    """The referral's own lot still holding points (taken back first)."""
    L = m.ClubLedger
    return session.scalar(select(L.id).where(
        L.contact_id == holder, L.source == SOURCE, L.source_id == rid,
        L.kind == LedgerKind.REFERRAL.value, L.remaining > 0).order_by(L.id).limit(1))
