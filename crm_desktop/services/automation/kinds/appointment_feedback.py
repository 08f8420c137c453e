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
from crm_desktop.services.automation.kinds import appointments
from crm_desktop.services.automation.kinds import kind_fields as kf
from crm_desktop.services.automation.model import Due, RuleSpec


class AppointmentFeedback:
    name = RuleKind.APPOINTMENT_FEEDBACK.value
    placeholders = appointments.PLACEHOLDERS
    specs: Mapping[str, kf.Converter] = {
        "channel": kf.channel("sms", "email"),
        "subject": kf.template(kf.SUBJECT_MAX, appointments.PLACEHOLDERS),
        "body": kf.template(kf.BODY_MAX, appointments.PLACEHOLDERS),
        "hours_after": kf.integer(0, 14 * 24),
        "catch_up_days": kf.integer(0, 30),
    }

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
        return kf.clean(self.specs, self.defaults(), settings, required=kf.message_required)

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
        contacts = kf.live_contacts(session, (act.contact_id for act in found))
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
