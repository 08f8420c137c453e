"""Members' balances, 12-month spend and tiers (contact_club), and the tier changes.

`computed_at` is when a member's row last changed (a recomputation rewrites only the rows
whose figures differ).

A member is a live contact with a ledger row or a purchase in the last 12 months. The
spend is counted as services/rfm.py counts purchases (won deals and accepted proformas,
a proforma of a live won deal not twice), over the 12 Jalali months before today.

Audit, like contact_rfm's derived figures: a full recomputation that changed something
writes ONE row (entity
"contact_club", entity_id 0, field "recompute", new_value {"contacts": n, "tiers":
{tier: count}}); a refresh writes one row per member whose stored row changed (entity_id =
the contact, old_value = its previous tier, new_value {"tier", "balance", "spend_12m"}).
Tier changes are records of their own (club_tier_changes, logged as created)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.sql import run_sql, sync_ids, upsert_sql
from crm_desktop.db.types import utcnow
from crm_desktop.domain import clock
from crm_desktop.domain.club import BASIS_SPEND, SPEND_MONTHS, add_months, is_up, tier_for
from crm_desktop.domain.enums import AuditAction
from crm_desktop.services import audit
from crm_desktop.services.club.config import NO_TIER, tiers_of
from crm_desktop.services.fields import MAX_ID, is_id
from crm_desktop.services.rfm import RfmService, _ts

AUDIT_ENTITY, AUDIT_FIELD = "contact_club", "recompute"
NONE_KEY = NO_TIER  # the summary's name for members below the lowest tier


def spend_start(today: date | None = None) -> date:
    """The first business day the 12-month spend counts."""
    return add_months(today or clock.today(), -SPEND_MONTHS)


def _spend(session: Session, ids: list[int] | None) -> dict[int, int]:
    start = spend_start()
    buyers = RfmService._purchases(session, start, clock.day_bounds(start)[0], ids)
    return {cid: min(b.monetary, MAX_ID) for cid, b in buyers.items()}


def _balances(session: Session, ids: list[int] | None) -> dict[int, int]:
    """Live members' balances: summed over the covering (contact_id, points) index, the
    few contacts in the Trash left out afterwards (a join would read every row's contact
    and make it 5x slower)."""
    L, c = m.ClubLedger, m.Contact
    q = select(L.contact_id, func.sum(L.points)).group_by(L.contact_id)
    trashed = select(c.id).where(c.deleted_at.is_not(None))
    if ids is not None:
        q = q.where(L.contact_id.in_(ids))
        trashed = trashed.where(c.id.in_(ids))
    gone = set(session.scalars(trashed))
    return {int(cid): int(n) for cid, n in session.execute(q) if cid not in gone}


def _tier(settings: Mapping[str, Any], balance: int, spend: int) -> str | None:
    value = spend if settings["basis"] == BASIS_SPEND else balance
    return tier_for(value, tiers_of(settings))


def _values(settings: Mapping[str, Any], balance: int, spend: int) -> dict[str, Any]:
    return {"balance": balance, "spend_12m": spend, "tier": _tier(settings, balance, spend)}


def _change(session: Session, settings: Mapping[str, Any], cid: int, before: str | None,
            after: str | None, points: int) -> None:
    session.add(m.ClubTierChange(contact_id=cid, at=utcnow(), from_tier=before, to_tier=after,
                                 up=is_up(before, after, tiers_of(settings)), points=points))


def refresh_in(session: Session, settings: Mapping[str, Any],
               contact_ids: Iterable[int | None]) -> None:
    """These contacts' rows, in the caller's transaction (after their points or purchases
    changed); a tier that changed is recorded."""
    ids = sorted({int(i) for i in contact_ids if is_id(i)})
    if not ids:
        return
    balances, spend = _balances(session, ids), _spend(session, ids)
    live = set(session.scalars(select(m.Contact.id).where(
        m.Contact.id.in_(ids), m.Contact.deleted_at.is_(None))))
    rows = []
    for cid in ids:
        old = session.get(m.ContactClub, cid)
        member = cid in live and (cid in balances or cid in spend)
        new = _values(settings, balances.get(cid, 0), spend.get(cid, 0)) if member else None
        before = old.tier if old is not None else None
        if old is not None and new is not None and all(
                getattr(old, k) == v for k, v in new.items()):
            continue
        if old is None and new is None:
            continue
        if new is None:
            session.delete(old)
        elif old is None:
            session.add(m.ContactClub(contact_id=cid, computed_at=utcnow(), **new))
        else:
            for key, value in new.items():
                setattr(old, key, value)
            old.computed_at = utcnow()
        after = new["tier"] if new is not None else None
        if cid in live and after != before:
            _change(session, settings, cid, before, after, new["balance"] if new else 0)
        rows.append(audit._row(session, AUDIT_ENTITY, cid, AuditAction.UPDATE, AUDIT_FIELD,
                               before, json.dumps(new or {"tier": None},
                                                  separators=(",", ":"))))
    session.flush()
    audit.record(session, rows)


def recompute_in(session: Session, settings: Mapping[str, Any]) -> dict[str, int]:
    """Every member's row in one pass (two aggregate queries, tiers in Python, the table
    rewritten with one executemany); tier changes recorded. Returns members per tier
    (every tier named, zeros included, and "none" for those below the lowest)."""
    balances, spend = _balances(session, None), _spend(session, None)
    conn = session.connection()
    stored = {r[0]: r[1:] for r in run_sql(conn,
        "SELECT contact_id, balance, spend_12m, tier FROM contact_club")}
    now = _ts(utcnow())
    basis_spend = settings["basis"] == BASIS_SPEND
    tiers = tiers_of(settings)
    rows, changed, changes = [], [], []
    for cid in balances.keys() | spend.keys():
        b, s = balances.get(cid, 0), spend.get(cid, 0)
        tier = tier_for(s if basis_spend else b, tiers)
        rows.append((cid, b, s, tier, now))
        before = stored.get(cid)
        if before != (b, s, tier):
            changed.append((cid, b, s, tier, now))
        if tier != (before[2] if before else None):
            changes.append((cid, before[2] if before else None, tier, b))
    gone = stored.keys() - balances.keys() - spend.keys()
    live = set(run_sql(conn,
        "SELECT id FROM contacts WHERE deleted_at IS NULL").scalars()) if gone else set()
    changes += [(cid, stored[cid][2], None, 0) for cid in gone
                if cid in live and stored[cid][2]]
    # only what changed is written (a recompute after a day changes a few spends)
    if gone:
        run_sql(conn, "DELETE FROM contact_club WHERE contact_id = ?",
                             [(cid,) for cid in gone])
    if changed:
        run_sql(conn, upsert_sql(
            "contact_club", ("contact_id", "balance", "spend_12m", "tier", "computed_at"),
            ("contact_id",), conn.dialect.name), changed)
    if changes:
        _record_changes(session, settings, changes)
    counts = dict.fromkeys([t.key for t in tiers] + [NONE_KEY], 0)
    for tier, n in Counter(r[3] for r in rows).items():
        counts[tier or NONE_KEY] += n
    if not (changed or gone):
        return counts  # nothing to write, nothing to log
    audit.record(session, [audit._row(
        session, AUDIT_ENTITY, 0, AuditAction.UPDATE, AUDIT_FIELD, None,
        json.dumps({"contacts": len(rows), "tiers": {k: v for k, v in counts.items() if v}},
                   ensure_ascii=False, separators=(",", ":")))])
    return counts


def _record_changes(session: Session, settings: Mapping[str, Any],
                    changes: list[tuple[int, str | None, str | None, int]]) -> None:
    """Tier changes written with one executemany, each logged as a created record."""
    conn = session.connection()
    first = int(run_sql(conn,
        "SELECT coalesce(max(id), 0) FROM club_tier_changes").scalar_one()) + 1
    at = utcnow()
    tiers = tiers_of(settings)
    rows = [(first + i, cid, _ts(at), before, after, is_up(before, after, tiers), points)
            for i, (cid, before, after, points) in enumerate(changes)]
    run_sql(conn,
        "INSERT INTO club_tier_changes (id, contact_id, at, from_tier, to_tier, up, points)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    sync_ids(conn, ("club_tier_changes",))
    columns = ("contact_id", "at", "from_tier", "to_tier", "up", "points")
    audit.record(session, [
        audit.created(session, "club_tier_changes", r[0],
                      dict(zip(columns, (r[1], at, r[3], r[4], r[5], r[6]), strict=True)))
        for r in rows])
