"""The demo's customer club: switched on two years back with bronze, silver and gold, so
the demo's sales of those two years have earned points (the older ones expired), a few
buyers were referred by other contacts (their referrers earned referral points), and a
few members have redeemed some (no Qt)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain import clock
from crm_desktop.domain.club import add_months
from crm_desktop.services.club.service import ClubService

ZW = "\u200c"
#: buyers given a referrer, and the points a referral earns
REFERRED, REFERRAL_POINTS = 6, 50
#: the demo's tiers: by the points a member holds (one point per million Rials bought)
TIERS = [{"key": "bronze", "name": "برنزی", "min": 0},
         {"key": "silver", "name": f"نقره{ZW}ای", "min": 200},
         {"key": "gold", "name": "طلایی", "min": 1_000}]


def start(db: Database, today: date | None = None) -> int:
    """Switch the club on (purchases of the last 24 months earn, points expire after 12);
    the five members with the most points redeem a tenth of them. Returns the members."""
    club = ClubService(db)
    day = today or clock.today()
    refer(db)
    club.set_settings({"enabled": True, "started_on": add_months(day, -24),
                       "rial_per_point": 1_000_000, "point_value_rial": 10_000,
                       "basis": "points", "tiers": TIERS, "expiry_months": 12,
                       "birthday_points": 0, "referral_points": REFERRAL_POINTS})
    k = m.ContactClub
    with db.read() as session:
        top = session.execute(select(k.contact_id, k.balance).order_by(
            k.balance.desc(), k.contact_id).limit(5)).all()
        members = len(session.scalars(select(k.contact_id)).all())
    for contact_id, balance in top:
        if balance >= 10:
            club.redeem(contact_id, balance // 10, "هدیه")
    return members


def refer(db: Database) -> int:
    """The latest buyers (contacts of won deals) referred by the oldest contacts that
    bought nothing, one each; returns how many were given a referrer."""
    d, s, c = m.Deal, m.PipelineStage, m.Contact
    with db.read() as session:
        buyers = list(dict.fromkeys(session.scalars(
            select(d.contact_id).join(s, s.id == d.stage_id)
            .where(s.outcome == m.STAGE_WON, d.deleted_at.is_(None),
                   d.contact_id.is_not(None)).order_by(d.id.desc()))))[:REFERRED]
        referrers = session.scalars(select(c.id).where(
            c.deleted_at.is_(None), c.id.not_in(buyers)).order_by(c.id)
            .limit(len(buyers))).all()
    pairs = list(zip(buyers, referrers, strict=False))
    with db.write() as session:
        # part of the demo's unaudited bulk load (services/demo.py); the rows keep their
        # demo times, so that a seed gives the same database
        for referred, referrer in pairs:
            session.execute(update(c).where(c.id == referred).values(
                referred_by_id=referrer, updated_at=c.updated_at))
    return len(pairs)
