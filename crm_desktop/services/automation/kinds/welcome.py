"""Welcome message: an SMS or e-mail when a contact becomes a customer (no Qt).

Due `delay_hours` after contacts.customer_since (kept by the contacts service: created as a
customer, or moved to that stage by hand, by a won deal or an accepted proforma). One
occurrence per time a contact becomes a customer ("welcome:<contact>:<customer_since>").
Contacts who were customers before the program kept the date (NULL) are not welcomed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.enums import RuleKind
from crm_desktop.services import fields as f
from crm_desktop.services.automation.kinds import common
from crm_desktop.services.automation.model import Due, RuleSpec

ZW = "\u200c"
MAX_DELAY_HOURS = 24 * 30
SPECS: dict[str, f.Field] = {
    "channel": f.Field(common.channel((common.SMS, common.EMAIL)), empty=common.SMS),
    "body": common.SPECS["body"],
    "subject": common.SPECS["subject"],
    "delay_hours": f.Field(f.integer(0, MAX_DELAY_HOURS), empty=0),
    "catch_up_days": f.Field(f.integer(0, common.MAX_CATCH_UP_DAYS), empty=3),
}


class Welcome:
    name = RuleKind.WELCOME.value

    def defaults(self) -> dict[str, Any]:
        return {
            "channel": common.SMS,
            "body": ("{first_name} عزیز، از اعتماد شما سپاسگزاریم و خوشحالیم که به جمع "
                     "مشتریان ما پیوستید. هر پرسشی داشتید در خدمتیم."),
            "subject": "به جمع مشتریان ما خوش آمدید",
            "delay_hours": 0,
            "catch_up_days": 3,
        }

    def clean(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        return common.clean(self.name, SPECS, self.defaults(), settings)

    def due(self, session: Session, rule: RuleSpec, now: datetime,
            since: datetime) -> Iterable[Due]:
        delay = timedelta(hours=rule.settings["delay_hours"])
        c = m.Contact
        q = (select(c.id, c.customer_since)
             .where(c.deleted_at.is_(None), c.customer_since > since - delay,
                    c.customer_since <= now - delay)
             .order_by(c.customer_since, c.id))
        action = rule.settings["channel"]
        for contact_id, became in session.execute(q):
            became = clock.utc(became)
            yield Due(f"welcome:{contact_id}:{became.isoformat()}", contact_id, action,
                      became + delay)

    def next_due(self, session: Session, rule: RuleSpec, now: datetime) -> datetime | None:
        delay = timedelta(hours=rule.settings["delay_hours"])
        c = m.Contact
        first = session.scalar(select(func.min(c.customer_since)).where(
            c.deleted_at.is_(None), c.customer_since > now - delay))
        return clock.utc(first) + delay if first is not None else None


KIND = Welcome()
