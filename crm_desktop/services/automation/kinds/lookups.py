"""The reads the reminder, feedback, satisfaction, follow-up and lead rules repeat in
their `due` (live contacts, active users), the instant in a key, and the send time of a
request made some days after a record closed (no Qt)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.services import fields as f
from crm_desktop.services.automation.kinds.common import send_time


def day_after(instant: datetime, days: int, hour: int) -> datetime:
    """`days` business days after the day of `instant`, at `hour`:00, and never before
    `instant` itself (a same-day request made after the hour goes out at once)."""
    instant = clock.utc(instant)
    return max(send_time(clock.local_day(instant) + timedelta(days=days), hour), instant)


def live_contacts(session: Session, ids: Iterable[int | None]) -> dict[int, m.Contact]:
    """The contacts of `ids` that are not in the Trash, by id."""
    wanted = sorted({i for i in ids if i is not None})
    c = m.Contact
    found: dict[int, m.Contact] = {}
    for chunk in f.chunked(wanted, 500):
        for contact in session.scalars(select(c).where(c.id.in_(chunk),
                                                       c.deleted_at.is_(None))):
            found[contact.id] = contact
    return found


def active_users(session: Session, ids: Iterable[object]) -> set[int]:
    """The ids among `ids` of users that exist and are active."""
    wanted = sorted({i for i in ids if f.is_id(i)})
    if not wanted:
        return set()
    u = m.User
    return set(session.scalars(select(u.id).where(u.id.in_(wanted), u.active.is_(True))))


def iso(instant: datetime) -> str:
    """An instant in a key: UTC, to the second ("2026-12-01T06:30:00")."""
    return clock.utc(instant).replace(microsecond=0, tzinfo=None).isoformat()
