"""Birthday greeting: an SMS or e-mail on the morning of the birthday (business clock), or
a task for a person to call instead (no Qt).

The birthday comes round on its Jalali month and day: a contact born on 1 Farvardin 1370
is greeted on 1 Farvardin every year, whatever Gregorian day that is; one born on
30 Esfand (a leap year's last day) is greeted on 29 Esfand in the years without it.
One occurrence per contact and Jalali year ("birthday:<contact>:<jalali year>"), due at
`send_hour` o'clock of the birthday; `catch_up_days` 0 greets only on the day itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import jdatetime
from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.enums import RuleKind
from crm_desktop.services import fields as f
from crm_desktop.services.automation.kinds import common
from crm_desktop.services.automation.model import Due, RuleSpec

ZW = "\u200c"
SPECS: dict[str, f.Field] = {
    "channel": f.Field(common.channel((common.SMS, common.EMAIL, common.TASK)),
                       empty=common.SMS),
    **{k: common.SPECS[k] for k in ("body", "subject", "task_subject", "task_owner",
                                    "send_hour", "catch_up_days")},
}


class Birthday:
    name = RuleKind.BIRTHDAY.value

    def defaults(self) -> dict[str, Any]:
        return {
            "channel": common.SMS,
            "body": (f"{{first_name}} عزیز، زادروزتان خجسته باد! سالی پر از شادی و تندرستی "
                     f"برایتان آرزو می{ZW}کنیم."),
            "subject": "زادروزتان خجسته باد",
            "task_subject": "تماس برای تبریک تولد {full_name}",
            "task_owner": common.CONTACT_OWNER,
            "send_hour": 9,
            "catch_up_days": 0,
        }

    def clean(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        return common.clean(self.name, SPECS, self.defaults(), settings)

    def due(self, session: Session, rule: RuleSpec, now: datetime,
            since: datetime) -> Iterable[Due]:
        hour, action = rule.settings["send_hour"], rule.settings["channel"]
        out: list[Due] = []
        for day in common.days(clock.local_day(since), clock.local_day(now)):
            at = common.send_time(day, hour)
            if not since < at <= now:
                continue
            year = jdatetime.date.fromgregorian(date=day).year
            for contact_id in born_on(session, day):
                out.append(Due(f"birthday:{contact_id}:{year}", contact_id, action, at))
        return out

    def next_due(self, session: Session, rule: RuleSpec, now: datetime) -> datetime | None:
        hour = rule.settings["send_hour"]
        today = clock.local_day(now)
        for n in range(367):
            day = today + timedelta(days=n)
            at = common.send_time(day, hour)
            if at > now and born_on(session, day, limit=1):
                return at
        return None


def born_on(session: Session, day: date, limit: int | None = None) -> list[int]:
    """Live contacts whose birthday (Jalali month and day) comes round on `day` (born
    before it)."""
    c = m.Contact
    mds = common.anniversary_mds(day)
    candidates = sorted(set().union(*(common.gregorian_mds(md) for md in mds)))
    q = (select(c.id, c.birthday)
         .where(c.deleted_at.is_(None), c.birth_md.in_(candidates), c.birthday < day)
         .order_by(c.id))
    out = []
    for contact_id, birthday in session.execute(q):
        if common.jalali_md(birthday) in mds:
            out.append(contact_id)
            if limit is not None and len(out) >= limit:
                break
    return out


KIND = Birthday()
