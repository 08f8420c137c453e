"""The demo's customer club: switched on two years back with bronze, silver and gold, so
the demo's sales of those two years have earned points (the older ones expired), and a
few members have redeemed some (no Qt)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain import clock
from crm_desktop.domain.club import add_months
from crm_desktop.services.club.service import ClubService

ZW = "\u200c"
#: the demo's tiers: by the points a member holds (one point per million Rials bought)
TIERS = [{"key": "bronze", "name": "برنزی", "min": 0},
         {"key": "silver", "name": f"نقره{ZW}ای", "min": 200},
         {"key": "gold", "name": "طلایی", "min": 1_000}]


def start(db: Database, today: date | None = None) -> int:
    """Switch the club on (purchases of the last 24 months earn, points expire after 12);
    the five members with the most points redeem a tenth of them. Returns the members."""
    club = ClubService(db)
    day = today or clock.today()
    club.set_settings({"enabled": True, "started_on": add_months(day, -24),
                       "rial_per_point": 1_000_000, "point_value_rial": 10_000,
                       "basis": "points", "tiers": TIERS, "expiry_months": 12,
                       "birthday_points": 0})
    k = m.ContactClub
    with db.read() as session:
        top = session.execute(select(k.contact_id, k.balance).order_by(
            k.balance.desc(), k.contact_id).limit(5)).all()
        members = len(session.scalars(select(k.contact_id)).all())
    for contact_id, balance in top:
        if balance >= 10:
            club.redeem(contact_id, balance // 10, "هدیه")
    return members
