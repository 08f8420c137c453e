"""Appointment feedback: a satisfaction request (an SMS or e-mail asking for a score from 1
to 5, the reply recorded by services.automation.replies) `hours_after` hours after an
appointment is marked done (no Qt).

One request per appointment (key "feedback:<activity>"): marking it done again later asks
nothing more. A request that fell due more than `catch_up_days` ago (the program was closed)
is left, never sent late."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.enums import RuleKind
from crm_desktop.services import fields as f
from crm_desktop.services.automation.kinds import appointments, common
from crm_desktop.services.automation.kinds import lookups as lk
from crm_desktop.services.automation.model import Due, RuleSpec

#: the longest a request may wait after the appointment is done (hours)
MAX_HOURS_AFTER = 14 * 24
SPECS: dict[str, f.Field] = {
    "channel": f.Field(common.channel((common.SMS, common.EMAIL)), empty=common.SMS),
    "subject": common.SPECS["subject"],
    "body": common.SPECS["body"],
    "hours_after": f.Field(f.integer(0, MAX_HOURS_AFTER), empty=2),
    "catch_up_days": f.Field(f.integer(0, common.MAX_CATCH_UP_DAYS), empty=2),
}


class AppointmentFeedback:
    name = RuleKind.APPOINTMENT_FEEDBACK.value

    def defaults(self) -> dict[str, Any]:
        return {
            "channel": "sms",
            "subject": "نظر شما دربارهٔ نوبت {appointment_date}",
            "body": ("{first_name} عزیز، از مراجعهٔ شما سپاسگزاریم. رضایت خود را با عددی "
                     "از ۱ تا ۵ پاسخ دهید (۵: بسیار راضی)."),
            "hours_after": 2,
            "catch_up_days": 2,
        }

    def clean(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        return common.clean(self.name, SPECS, self.defaults(), settings)

    def due(self, session: Session, rule: RuleSpec, now: datetime,
            since: datetime) -> list[Due]:
        after = timedelta(hours=rule.settings["hours_after"])
        now, since = clock.utc(now), clock.utc(since)
        a = m.Activity
        # due at done_at + after, in (since, now]
        q = (select(a).where(appointments.is_appointment_sql(), a.done_at.is_not(None),
                             a.done_at > since - after, a.done_at <= now - after)
             .order_by(a.done_at, a.id))
        found = list(session.scalars(q))
        contacts = lk.live_contacts(session, (act.contact_id for act in found))
        return [
            Due(key=f"feedback:{act.id}", contact_id=act.contact_id,
                action=rule.settings["channel"], due_at=clock.utc(act.done_at) + after,
                entity="activity", entity_id=act.id,
                values={**appointments.values(act.due_at), "expects_reply": True})
            for act in found if act.contact_id in contacts
        ]

    def next_due(self, session: Session, rule: RuleSpec, now: datetime) -> datetime | None:
        after = timedelta(hours=rule.settings["hours_after"])
        now = clock.utc(now)
        a = m.Activity
        first = session.scalar(select(func.min(a.done_at)).where(
            appointments.is_appointment_sql(), a.done_at > now - after))
        return None if first is None else clock.utc(first) + after


KIND = AppointmentFeedback()
