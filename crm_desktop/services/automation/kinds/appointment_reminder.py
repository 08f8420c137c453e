"""Appointment reminder: an SMS or e-mail `hours_before` hours before an appointment (a
clinic's visit, a class), never after it has begun (no Qt).

An appointment is `domain.appointments.is_appointment`'s (a meeting, or an activity with a
due time and a duration; not due on a day without a time), not done, with a contact. A
repeating appointment is reminded of each occurrence. The key names the activity and its
start, so a moved appointment is reminded again, and a reminder missed while the program
was closed is still sent as long as the appointment has not begun."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.enums import RuleKind
from crm_desktop.services import fields as f
from crm_desktop.services.automation.kinds import appointments, common
from crm_desktop.services.automation.kinds import lookups as lk
from crm_desktop.services.automation.model import Due, RuleSpec
from crm_desktop.services.recurrence import occurrences

#: the longest a reminder may come before its appointment (hours)
MAX_HOURS_BEFORE = 14 * 24
SPECS: dict[str, f.Field] = {
    "channel": f.Field(common.channel((common.SMS, common.EMAIL)), empty=common.SMS),
    "subject": common.SPECS["subject"],
    "body": common.SPECS["body"],
    "hours_before": f.Field(f.integer(1, MAX_HOURS_BEFORE), empty=24),
}
#: how far ahead `next_due` looks for a repeating appointment's next occurrence
LOOK_AHEAD = timedelta(days=62)
_TICK = timedelta(microseconds=1)


class AppointmentReminder:
    name = RuleKind.APPOINTMENT_REMINDER.value

    def defaults(self) -> dict[str, Any]:
        return {
            "channel": "sms",
            "subject": "یادآوری نوبت {appointment_date}",
            "body": ("{first_name} عزیز، یادآوری نوبت شما: {appointment_date} ساعت "
                     "{appointment_time}. منتظر دیدارتان هستیم."),
            "hours_before": 24,
        }

    def clean(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        return common.clean(self.name, SPECS, self.defaults(), settings)

    def _starts(self, session: Session, lo: datetime, hi: datetime,
                ) -> Iterator[tuple[m.Activity, datetime]]:
        """Open appointments (and occurrences of repeating ones) starting in (lo, hi]."""
        a = m.Activity
        once = select(a).where(appointments.is_appointment_sql(), a.done_at.is_(None),
                               a.recurrence.is_(None), a.due_at > lo, a.due_at <= hi)
        for act in session.scalars(once.order_by(a.due_at, a.id)):
            yield act, clock.utc(act.due_at)
        repeating = list(session.scalars(select(a).where(
            appointments.is_appointment_sql(), a.done_at.is_(None),
            a.recurrence.is_not(None), a.due_at <= hi,
            or_(a.recur_until.is_(None),
                a.recur_until >= clock.local_day(lo) - timedelta(days=1)),
        ).order_by(a.id)))
        skipped = appointments.skipped_days(session, [act.id for act in repeating])
        for act in repeating:
            for start in occurrences(act.due_at, act.recurrence, act.recur_every,
                                     act.recur_until, skipped[act.id], lo + _TICK,
                                     hi + _TICK):
                yield act, start

    def due(self, session: Session, rule: RuleSpec, now: datetime,
            since: datetime) -> list[Due]:
        before = timedelta(hours=rule.settings["hours_before"])
        now = clock.utc(now)
        # due in (floor, now] and not begun: the start is in (floor + before, now + before]
        # and after now. A reminder stays worth sending until the appointment begins, so
        # the floor is the moment the rule was switched on, not the catch-up limit.
        floor = max(clock.utc(rule.enabled_at or since), now - before)
        found = list(self._starts(session, floor + before, now + before))
        contacts = lk.live_contacts(session, (act.contact_id for act, _ in found))
        out = []
        for act, start in found:
            if act.contact_id not in contacts or start <= now:
                continue
            out.append(Due(
                key=f"reminder:{act.id}:{lk.iso(start)}", contact_id=act.contact_id,
                action=rule.settings["channel"], due_at=start - before,
                entity="activity", entity_id=act.id, values=appointments.values(start),
            ))
        out.sort(key=lambda d: (d.due_at, d.entity_id or 0))
        return out

    def next_due(self, session: Session, rule: RuleSpec, now: datetime) -> datetime | None:
        before = timedelta(hours=rule.settings["hours_before"])
        now = clock.utc(now)
        a = m.Activity
        first = session.scalar(select(func.min(a.due_at)).where(
            appointments.is_appointment_sql(), a.done_at.is_(None),
            a.recurrence.is_(None), a.due_at > now + before))
        best = clock.utc(first) if first is not None else None
        for _act, start in self._starts(session, now + before, now + before + LOOK_AHEAD):
            if best is None or start < best:
                best = start
        return None if best is None else best - before


KIND = AppointmentReminder()
