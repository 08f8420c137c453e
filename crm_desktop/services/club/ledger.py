"""Writing the points ledger inside the caller's transaction: credits (lots), debits taken
from the lots, expiry (see db/models/club.py for the scheme). Every row is an ORM object,
so the audit log records it as a created record; a lot's `remaining` is bookkeeping and is
not logged."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.sql import run_sql, sync_ids
from crm_desktop.db.types import utcnow
from crm_desktop.domain import clock
from crm_desktop.domain.club import Lot, add_months, take
from crm_desktop.domain.enums import AuditAction, LedgerKind
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services import audit
from crm_desktop.services.rfm import _ts

L = m.ClubLedger
#: the source of an "expired" row: the lot it expired
LOT_SOURCE = "ledger"


def expiry_for(at: datetime, months: int) -> datetime | None:
    """When points earned at `at` expire: the start of the business day `months` Jalali
    months later; None when they never do (0 months)."""
    if months <= 0:
        return None
    return clock.day_bounds(add_months(clock.local_day(at), months))[0]


def balance_in(session: Session, contact_id: int) -> int:
    return int(session.scalar(
        select(func.coalesce(func.sum(L.points), 0)).where(L.contact_id == contact_id)))


def _actor(session: Session) -> int | None:
    return session.info.get("actor_id")


def credit(session: Session, contact_id: int, kind: LedgerKind, points: int, *,
           months: int, reason: str = "", source: str | None = None,
           source_id: int | None = None, basis: int = 0,
           at: datetime | None = None) -> m.ClubLedger:
    """A positive row: a new lot of `points` (> 0) expiring `months` after `at`."""
    assert points > 0, points
    at = at or utcnow()
    row = L(at=at, contact_id=contact_id, kind=kind.value, points=points, remaining=points,
            expires_at=expiry_for(at, months), reason=reason, source=source,
            source_id=source_id, basis_rial=basis, user_id=_actor(session))
    session.add(row)
    session.flush()
    return row


def debit(session: Session, contact_id: int, kind: LedgerKind, points: int, *,
          reason: str = "", source: str | None = None, source_id: int | None = None,
          basis: int = 0, first: int | None = None, at: datetime | None = None,
          field: str = "points") -> m.ClubLedger:
    """A negative row of `points` (>= 0) taken from the member's lots (the lot `first`
    first, then the soonest to expire). More than the balance is a ValidationError on
    `field` naming the balance: a balance never goes below zero."""
    assert points >= 0, points
    lots = list(session.scalars(
        select(L).where(L.contact_id == contact_id, L.remaining > 0)))
    held = sum(lot.remaining for lot in lots)
    if points > held:
        raise ValidationError(FieldError(field, "club.balance", {"balance": held}))
    by_id = {lot.id: lot for lot in lots}
    for lot_id, n in take((Lot(x.id, x.remaining, x.expires_at) for x in lots), points,
                          first):
        by_id[lot_id].remaining -= n
    row = L(at=at or utcnow(), contact_id=contact_id, kind=kind.value, points=-points,
            remaining=0, reason=reason, source=source, source_id=source_id,
            basis_rial=basis, user_id=_actor(session))
    session.add(row)
    session.flush()
    return row


def expire_in(session: Session, now: datetime,
              contact_ids: Iterable[int] | None = None) -> tuple[int, set[int]]:
    """Expire what is left of every lot whose time has come: one "expired" row per lot
    (source "ledger", source_id = the lot), written with one executemany and logged as
    created records (a lot's `remaining` is bookkeeping). Returns (points expired, the
    members concerned)."""
    q = (select(L.id, L.contact_id, L.remaining)
         .where(L.remaining > 0, L.expires_at.is_not(None), L.expires_at <= now)
         .order_by(L.expires_at, L.id))
    if contact_ids is not None:
        q = q.where(L.contact_id.in_(list(contact_ids)))
    session.flush()
    lots = session.execute(q).all()
    if not lots:
        return 0, set()
    conn = session.connection()
    first = int(run_sql(conn,
        "SELECT coalesce(max(id), 0) FROM club_ledger").scalar_one()) + 1
    actor = _actor(session)
    stamp = _ts(now)
    columns = ("at", "contact_id", "kind", "points", "remaining", "reason", "source",
               "source_id", "basis_rial", "user_id")
    rows = [(first + i, stamp, cid, LedgerKind.EXPIRED.value, -n, 0, "", LOT_SOURCE, lot,
             0, actor) for i, (lot, cid, n) in enumerate(lots)]
    run_sql(conn,
        f"INSERT INTO club_ledger (id, {', '.join(columns)})"
        f" VALUES ({', '.join('?' * (len(columns) + 1))})", rows)
    sync_ids(conn, ("club_ledger",))
    run_sql(conn, "UPDATE club_ledger SET remaining = 0 WHERE id = ?",
                         [(lot,) for lot, _cid, _n in lots])
    audit.record_many(session, "club_ledger", (
        (r[0], AuditAction.CREATE.value, None, None, audit._json(
            {k: v for k, v in zip(columns, (now, *r[2:]), strict=True)
             if k not in audit.NOT_AUDITED}))
        for r in rows))
    session.expire_all()  # ORM copies of the lots hold their old remainders
    return sum(n for _lot, _cid, n in lots), {cid for _lot, cid, _n in lots}
