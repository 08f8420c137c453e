"""Satisfaction request: `days_after` days after a ticket is closed or a deal is won, an SMS
or e-mail asks the customer for a score from 1 to 5 (the reply becomes the ticket's or the
deal's satisfaction: services.automation.replies) (no Qt).

It goes out at `send_hour` on the business's clock of that day (at once when a same-day
request is made after the hour), only for a ticket or deal that has no score yet and is
not in the Trash. The key names the record and when it was closed: a ticket reopened and
closed again is asked again. A request more than `catch_up_days` late is left."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.enums import RuleKind
from crm_desktop.domain.numbers import ticket_number
from crm_desktop.services import fields as f
from crm_desktop.services.automation.kinds import common
from crm_desktop.services.automation.kinds import lookups as lk
from crm_desktop.services.automation.model import Due, RuleSpec
from crm_desktop.services.deals import closed_instant, won_stage_ids

SPECS: dict[str, f.Field] = {
    "channel": f.Field(common.channel((common.SMS, common.EMAIL)), empty=common.SMS),
    "subject": common.SPECS["subject"],
    "body": common.SPECS["body"],
    "days_after": f.Field(f.integer(0, 60), empty=1),
    "tickets": f.Field(f.boolean, empty=True),
    "deals": f.Field(f.boolean, empty=True),
    "send_hour": f.Field(f.integer(0, 23), empty=10),
    "catch_up_days": f.Field(f.integer(0, common.MAX_CATCH_UP_DAYS), empty=3),
}
#: how far `next_due` looks back for a closed record whose request is still to come
_DAY = timedelta(days=1)


class Satisfaction:
    name = RuleKind.SATISFACTION.value

    def defaults(self) -> dict[str, Any]:
        return {
            "channel": "sms",
            "subject": "نظر شما برای ما مهم است",
            "body": ("{first_name} عزیز، از اعتماد شما سپاسگزاریم. میزان رضایت خود را با "
                     "عددی از ۱ تا ۵ پاسخ دهید (۵: بسیار راضی)."),
            "days_after": 1,
            "tickets": True,
            "deals": True,
            "send_hour": 10,
            "catch_up_days": 3,
        }

    def clean(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        return common.clean(self.name, SPECS, self.defaults(), settings)

    def _closed(self, session: Session, settings: Mapping[str, Any], lo: datetime,
                hi: datetime) -> list[tuple[str, Any, datetime, dict[str, Any]]]:
        """(entity, record, closed at, values) of the unscored tickets and won deals that
        were closed in (lo, hi]."""
        out: list[tuple[str, Any, datetime, dict[str, Any]]] = []
        if settings["tickets"]:
            t = m.Ticket
            q = select(t).where(t.closed_at.is_not(None), t.closed_at > lo,
                                t.closed_at <= hi, t.deleted_at.is_(None),
                                t.satisfaction.is_(None), t.contact_id.is_not(None))
            for ticket in session.scalars(q.order_by(t.closed_at, t.id)):
                out.append(("ticket", ticket, clock.utc(ticket.closed_at),
                            {"ticket_number": ticket_number(ticket.year, ticket.seq)}))
        if settings["deals"]:
            d = m.Deal
            closed = closed_instant()
            q = select(d, closed).where(d.stage_id.in_(won_stage_ids()), closed > lo,
                                        closed <= hi, d.deleted_at.is_(None),
                                        d.satisfaction.is_(None), d.contact_id.is_not(None))
            for deal, at in session.execute(q.order_by(closed, d.id)):
                out.append(("deal", deal, clock.utc(at), {"deal_title": deal.title}))
        return out

    def _due_at(self, settings: Mapping[str, Any], closed: datetime) -> datetime:
        return lk.day_after(closed, settings["days_after"], settings["send_hour"])

    def due(self, session: Session, rule: RuleSpec, now: datetime,
            since: datetime) -> list[Due]:
        s = rule.settings
        now, since = clock.utc(now), clock.utc(since)
        # due on or after the closing, at most days_after + 1 days later
        found = self._closed(session, s, since - timedelta(days=s["days_after"] + 2), now)
        contacts = lk.live_contacts(session, (rec.contact_id for _, rec, _, _ in found))
        out = []
        for entity, rec, closed, extra in found:
            due_at = self._due_at(s, closed)
            if rec.contact_id not in contacts or not since < due_at <= now:
                continue
            out.append(Due(
                key=f"satisfaction:{entity}:{rec.id}:{lk.iso(closed)}",
                contact_id=rec.contact_id, action=s["channel"], due_at=due_at,
                entity=entity, entity_id=rec.id, values={**extra, "expects_reply": True},
            ))
        out.sort(key=lambda d: (d.due_at, d.entity or "", d.entity_id or 0))
        return out

    def next_due(self, session: Session, rule: RuleSpec, now: datetime) -> datetime | None:
        s = rule.settings
        now = clock.utc(now)
        found = self._closed(session, s, now - timedelta(days=s["days_after"]) - 2 * _DAY,
                             now)
        later = [d for d in (self._due_at(s, closed) for _, _, closed, _ in found) if d > now]
        return min(later, default=None)


KIND = Satisfaction()
