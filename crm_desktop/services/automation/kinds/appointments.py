"""What the appointment reminder and the appointment feedback rules share: which activities
are appointments in SQL (domain.appointments.is_appointment's rule), and the values their
messages fill in ({appointment_date}, {appointment_time}: text.placeholders
KIND_PLACEHOLDERS) (no Qt)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, false, or_, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.appointments import APPOINTMENT_KINDS
from crm_desktop.text.digits import to_persian_digits
from crm_desktop.text.jalali import format_jalali


def is_appointment_sql() -> Any:
    """SQL of `domain.appointments.is_appointment`: a meeting, or an activity with a due
    time and a duration; never one due on a day without a time. With a contact to write to.
    """
    a = m.Activity
    return and_(
        a.due_at.is_not(None),
        or_(a.due_all_day.is_(None), a.due_all_day == false()),
        or_(a.kind.in_(APPOINTMENT_KINDS), a.duration_minutes > 0),
        a.contact_id.is_not(None),
    )


def values(start: datetime) -> dict[str, str]:
    """The appointment's day (Jalali) and time on the business's clock, Persian digits."""
    local = clock.local(start)
    return {"appointment_date": format_jalali(local.date()),
            "appointment_time": to_persian_digits(local.strftime("%H:%M"))}


def skipped_days(session: Session, ids: list[int]) -> dict[int, set[date]]:
    """The skipped days of repeating appointments, by activity id."""
    out: dict[int, set[date]] = defaultdict(set)
    if ids:
        e = m.ActivityException
        for aid, day in session.execute(select(e.activity_id, e.occurs_on)
                                        .where(e.activity_id.in_(ids))):
            out[aid].add(day)
    return out
