"""RFM figures and segments per contact, stored in contact_rfm (scoring: domain/rfm.py).

What counts as a purchase, within the window (Settings, 2 years by default; the window
ends today on the business's clock):

* a won deal that is not in the Trash, of a contact not in the Trash, closed on or after
  the window's first day (its `closed_at`, or when it entered its stage for a deal created
  straight into a won stage); its amount;
* an accepted proforma of a contact not in the Trash (its contact, else its deal's), issued
  on or after the window's first day; its total with VAT. A proforma whose deal is a live
  won deal is that deal's sale and is not counted twice; one whose deal is in the Trash
  does not count (deleted deals never count, with their proformas).

Recency is in whole business days from the last purchase to today (a purchase dated in
the future counts as today).

Storage: one row per live contact, every one with exactly one segment (no purchase in the
window: NO_PURCHASE, scores NULL). A contact added since the last computation has no row
yet; readers take it as NO_PURCHASE.

When it is computed:

* `recompute()`: every contact, in one pass and one transaction: two aggregate queries
  (won deals per contact; accepted proformas and their lines, totalled in Python with the
  proforma arithmetic), scores in Python (sorting the buyers' values), the table rewritten
  with one executemany for the buyers and one INSERT ... SELECT for everyone else.
  100,000 contacts take well under a second (bench/bench_rfm.py).
* After a deal is won (or leaves a won stage, goes to the Trash or comes back, or a won
  deal is created or edited) and after a proforma is accepted (or stops being accepted):
  `refresh_in(session, ids)` recomputes the figures of the contact concerned only, in
  the same transaction, and scores them against the stored
  figures of the other buyers (one scan of contact_rfm). The other buyers keep their
  scores: one sale moves the quintile borders by a fraction of a buyer, and rescoring
  everyone would make saving a deal cost a full recomputation (see the bench for both
  figures). A full recomputation (the Recompute button, the demo build) brings every
  score back in step, including the days that have passed since.

Audit: the figures are derived data. A full recomputation writes ONE audit row summarising
the run, not one per contact: entity "contact_rfm", entity_id 0, action "update", field
"recompute", new_value = {"window_years": N, "contacts": n, "segments": {segment: count}}.
A refresh of one contact writes one row: entity "contact_rfm", entity_id = the contact,
field "recompute", old_value = its previous segment (NULL when it had no row), new_value
= {"segment": s, "r": r, "f": f, "m": m}.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import String, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.sql import run_sql
from crm_desktop.db.types import utcnow
from crm_desktop.domain import clock
from crm_desktop.domain import rfm as scoring
from crm_desktop.domain.enums import AuditAction, ProformaStatus, RfmSegment
from crm_desktop.services import audit
from crm_desktop.services.fields import MAX_ID, is_id
from crm_desktop.services.proforma_totals import compute
from crm_desktop.services.settings import SettingsService

AUDIT_ENTITY, AUDIT_FIELD = "contact_rfm", "recompute"
#: a segment's stored text (reading an enum's .value 100,000 times costs 0.1 s)
_TEXT = {s: s.value for s in RfmSegment}
#: sums are taken in two parts so that SQLite's 64-bit sum() cannot overflow
_SPLIT = 1_000_000
#: figures older than this (days) are recomputed when the campaigns view opens: recency
#: grows by a day every day, so after a week enough contacts have crossed a quintile to
#: change segments; a full recompute takes about a second at 100,000 contacts
FRESH_DAYS = 7


def _ts(value: datetime) -> str:
    """The text SQLAlchemy stores for a (naive UTC) DateTime on SQLite."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


class _Buyer:
    __slots__ = ("frequency", "last", "monetary")

    def __init__(self) -> None:
        self.frequency = 0
        self.monetary = 0
        self.last: date | None = None

    def add(self, count: int, money: int, day: date) -> None:
        self.frequency += count
        self.monetary += money
        if self.last is None or day > self.last:
            self.last = day


class RfmService:
    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    # -- what is measured ---------------------------------------------------------------
    @staticmethod
    def _window(session: Session) -> tuple[int, date, date, datetime]:
        """(years, today, first day, first instant) of the window."""
        years = SettingsService.rfm_window_in(session)
        today = clock.today()
        start = scoring.window_start(today, years)
        return years, today, start, clock.day_bounds(start)[0]

    @staticmethod
    def _purchases(session: Session, start: date, start_at: datetime,
                   contact_ids: list[int] | None = None) -> dict[int, _Buyer]:
        d, s, c = m.Deal, m.PipelineStage, m.Contact
        buyers: dict[int, _Buyer] = defaultdict(_Buyer)
        closed = func.coalesce(d.closed_at, d.stage_changed_at)
        # over the won stage's index, grouped in a temporary b-tree: joining the contacts
        # would read the deals in contact order, one random page at a time (3x slower)
        deals = (
            select(d.contact_id, func.count(), func.sum(d.amount_rial / _SPLIT),
                   func.sum(d.amount_rial % _SPLIT), func.max(closed, type_=String()))
            .where(d.deleted_at.is_(None), d.contact_id.is_not(None), closed >= start_at,
                   d.stage_id.in_(select(s.id).where(s.outcome == m.STAGE_WON)))
            .group_by(d.contact_id)
        )
        live = select(c.id).where(c.deleted_at.is_(None))
        if contact_ids is not None:
            deals = deals.where(d.contact_id.in_(contact_ids))
            live = live.where(c.id.in_(contact_ids))
        alive = set(session.scalars(live))
        day_of = _day_finder(start)
        for cid, n, hi, lo, last in session.execute(deals):
            if cid in alive:
                buyers[cid].add(int(n), int(hi) * _SPLIT + int(lo), day_of(last))

        p = m.Proforma
        deal = aliased(m.Deal)
        stage = aliased(m.PipelineStage)
        who = func.coalesce(p.contact_id, deal.contact_id)
        won_deal = exists().where(stage.id == deal.stage_id, stage.outcome == m.STAGE_WON)
        proformas = (
            select(p.id, who, p.issue_date, p.vat_rate)
            .outerjoin(deal, deal.id == p.deal_id)
            .join(c, c.id == who)
            .where(p.status == ProformaStatus.ACCEPTED.value, p.issue_date >= start,
                   c.deleted_at.is_(None),
                   # not its (live, won) deal's sale again, nor a deleted deal's
                   or_(p.deal_id.is_(None), deal.id.is_(None),
                       and_(deal.deleted_at.is_(None), ~won_deal)))
        )
        if contact_ids is not None:
            proformas = proformas.where(who.in_(contact_ids))
        headers = session.execute(proformas).all()
        if headers:
            lines: dict[int, list[dict[str, Any]]] = defaultdict(list)
            pl = m.ProformaLine
            wanted = select(pl.proforma_id, pl.quantity, pl.unit_price_rial, pl.discount_kind,
                            pl.discount_value, pl.taxable)
            ids = [h[0] for h in headers]
            for i in range(0, len(ids), 30_000):
                q = wanted.where(pl.proforma_id.in_(ids[i:i + 30_000]))
                for row in session.execute(q):
                    lines[row.proforma_id].append(row._mapping)
            for pid, cid, issued, vat in headers:
                buyers[cid].add(1, compute(lines.get(pid, ()), vat).total_rial, issued)
        return buyers

    @staticmethod
    def _figures(buyers: dict[int, _Buyer], today: date) -> dict[int, scoring.Figures]:
        return {cid: scoring.Figures(max(0, (today - b.last).days), b.frequency,
                                     min(b.monetary, MAX_ID))
                for cid, b in buyers.items() if b.last is not None}

    # -- writes -------------------------------------------------------------------------
    def recompute(self) -> dict[str, int]:
        """Every live contact's figures, scores and segment, in one transaction; returns
        the number of contacts per segment (every segment named, zeros included)."""
        with self.db.write(self.actor_id, system=True) as session:
            years, today, start, start_at = self._window(session)
            figures = self._figures(self._purchases(session, start, start_at), today)
            scored = scoring.score_all(figures)
            now = _ts(utcnow())
            conn = session.connection()
            run_sql(conn, "DELETE FROM contact_rfm")
            if figures:
                run_sql(conn,
                    "INSERT INTO contact_rfm (contact_id, recency_days, frequency,"
                    " monetary_rial, r_score, f_score, m_score, segment, computed_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(cid, fig[0], fig[1], fig[2], sc[0], sc[1], sc[2], _TEXT[sc[3]], now)
                     for cid, fig in figures.items() for sc in (scored[cid],)])
            others = run_sql(conn,
                "INSERT INTO contact_rfm (contact_id, recency_days, frequency, monetary_rial,"
                " r_score, f_score, m_score, segment, computed_at)"
                " SELECT c.id, NULL, 0, 0, NULL, NULL, NULL, ?, ? FROM contacts c"
                " WHERE c.deleted_at IS NULL AND NOT EXISTS"
                " (SELECT 1 FROM contact_rfm r WHERE r.contact_id = c.id)",
                (RfmSegment.NO_PURCHASE.value, now)).rowcount
            counts = dict.fromkeys((s.value for s in scoring.ORDER), 0)
            for segment, n in Counter(sc[3] for sc in scored.values()).items():
                counts[_TEXT[segment]] = n
            counts[RfmSegment.NO_PURCHASE.value] += others
            audit.record(session, [audit._row(
                session, AUDIT_ENTITY, 0, AuditAction.UPDATE, AUDIT_FIELD, None,
                json.dumps({"window_years": years, "contacts": sum(counts.values()),
                            "segments": {k: v for k, v in counts.items() if v}},
                           ensure_ascii=False, separators=(",", ":")))])
            return counts

    @staticmethod
    def _score_against_others(session: Session, fig: scoring.Figures,
                              exclude: list[int]) -> tuple[int, int, int]:
        r = m.ContactRfm
        q = (
            select(func.count(),
                   func.count(case((r.recency_days < fig.recency_days, 1))),
                   func.count(case((r.frequency < fig.frequency, 1))),
                   func.count(case((r.monetary_rial < fig.monetary_rial, 1))))
            .where(r.r_score.is_not(None), r.contact_id.not_in(exclude))
        )
        others, r_below, f_below, m_below = (int(x) for x in session.execute(q).one())
        n = others + 1  # the contact itself
        return (scoring.score(r_below, n, lower_is_better=True), scoring.score(f_below, n),
                scoring.score(m_below, n))

    # -- reads --------------------------------------------------------------------------
    def window_years(self) -> int:
        """The window (years) the figures are computed over: a setting."""
        return SettingsService(self.db).rfm_window_years

    def of_contact(self, contact_id: int) -> dict[str, Any]:
        """A contact's stored figures: recency_days, frequency, monetary_rial, r_score,
        f_score, m_score, segment, computed_at (NO_PURCHASE and None when not computed),
        and days_since_last: the recency as of today (the stored one plus the days since
        it was computed)."""
        r = m.ContactRfm
        row = None
        if is_id(contact_id):
            with self.db.read() as session:
                row = session.execute(
                    select(r.recency_days, r.frequency, r.monetary_rial, r.r_score,
                           r.f_score, r.m_score, r.segment, r.computed_at)
                    .where(r.contact_id == contact_id)).one_or_none()
        if row is None:
            return {"recency_days": None, "frequency": 0, "monetary_rial": 0,
                    "r_score": None, "f_score": None, "m_score": None,
                    "segment": RfmSegment.NO_PURCHASE.value, "computed_at": None,
                    "days_since_last": None}
        out = dict(row._mapping)
        days = out["recency_days"]
        out["days_since_last"] = (None if days is None else days + max(
            0, (clock.today() - clock.local_day(out["computed_at"])).days))
        return out

    def sizes(self) -> list[dict[str, Any]]:
        """Every segment, best first: {segment, contacts, revenue_rial, share} over the
        live contacts (those without a stored row count as NO_PURCHASE); revenue is the
        segment's monetary total in the window, share its part of all of it (0-1)."""
        r, c = m.ContactRfm, m.Contact
        seg = func.coalesce(r.segment, RfmSegment.NO_PURCHASE.value)
        q = (
            select(seg, func.count(), func.sum(func.coalesce(r.monetary_rial, 0) / _SPLIT),
                   func.sum(func.coalesce(r.monetary_rial, 0) % _SPLIT))
            .select_from(c).outerjoin(r, r.contact_id == c.id)
            .where(c.deleted_at.is_(None)).group_by(seg)
        )
        found: dict[str, tuple[int, int]] = {}
        with self.db.read() as session:
            for name, n, hi, lo in session.execute(q):
                found[name] = (int(n), int(hi or 0) * _SPLIT + int(lo or 0))
        total = sum(v for _n, v in found.values())
        out = []
        for s in scoring.ORDER:
            n, revenue = found.pop(s.value, (0, 0))
            out.append({"segment": s.value, "contacts": n, "revenue_rial": revenue,
                        "share": revenue / total if total else 0.0})
        return out

    def stale(self, max_age_days: int = FRESH_DAYS) -> bool:
        """True when the stored figures are older than `max_age_days` (the oldest row
        counts: a deal won since refreshes only its contact), or were never computed while
        there are contacts. Recency is counted in days, so figures age every day."""
        oldest = select(func.min(m.ContactRfm.computed_at))
        any_contact = select(m.Contact.id).where(m.Contact.deleted_at.is_(None)).exists()
        with self.db.read() as session:
            when = session.scalar(oldest)
            if when is None:
                return bool(session.scalar(select(any_contact)))
        usable = isinstance(max_age_days, int) and not isinstance(max_age_days, bool)
        days = min(max(max_age_days if usable else FRESH_DAYS, 0), 36_500)
        return when < utcnow() - timedelta(days=days)

    def computed_at(self) -> datetime | None:
        """When the figures were last computed (the latest row), None when never."""
        with self.db.read() as session:
            return session.scalar(select(func.max(m.ContactRfm.computed_at)))


def refresh_in(session: Session, contact_ids: Iterable[int | None]) -> None:
    """Recompute the figures of these contacts inside the caller's transaction and
    score them against the stored figures of the other buyers (see the docstring)."""
    ids = sorted({int(i) for i in contact_ids if is_id(i)})
    if not ids:
        return
    _years, today, start, start_at = RfmService._window(session)
    figures = RfmService._figures(RfmService._purchases(session, start, start_at, ids), today)
    r = m.ContactRfm
    now = utcnow()
    rows = []
    for cid in ids:
        contact = session.get(m.Contact, cid)
        if contact is None:
            continue
        old = session.get(r, cid)
        fig = figures.get(cid)
        if fig is None or contact.deleted_at is not None:
            values: dict[str, Any] = dict(
                recency_days=None, frequency=0, monetary_rial=0, r_score=None,
                f_score=None, m_score=None, segment=RfmSegment.NO_PURCHASE.value)
        else:
            rs, fs, ms = RfmService._score_against_others(session, fig, ids)
            values = dict(recency_days=fig.recency_days, frequency=fig.frequency,
                          monetary_rial=fig.monetary_rial, r_score=rs, f_score=fs,
                          m_score=ms, segment=scoring.segment(rs, fs, ms).value)
        before = old.segment if old is not None else None
        if old is None:
            session.add(r(contact_id=cid, computed_at=now, **values))
        else:
            for key, value in values.items():
                setattr(old, key, value)
            old.computed_at = now
        rows.append(audit._row(
            session, AUDIT_ENTITY, cid, AuditAction.UPDATE, AUDIT_FIELD, before,
            json.dumps({"segment": values["segment"], "r": values["r_score"],
                        "f": values["f_score"], "m": values["m_score"]},
                       separators=(",", ":"))))
    session.flush()
    audit.record(session, rows)


def _day_finder(start: date) -> Callable[[str], date]:
    """The business day of a stored instant (SQLite text, naive UTC) on or after the first
    instant of `start`: the text is placed among the days' first instants (as stored
    text, which sorts like the instants), so 100,000 instants need no datetime parsing."""
    today = clock.today()
    days = [start + timedelta(days=k) for k in range((today - start).days + 2)]
    firsts = [_ts(clock.day_bounds(day)[0]) for day in days]

    def day_of(stored: str) -> date:
        if not isinstance(stored, str):  # pragma: no cover - SQLite gives text
            return clock.local_day(stored)
        i = bisect_right(firsts, stored) - 1
        return days[i] if i >= 0 else start

    return day_of
