"""Renewal reminder: `days_before` days before the anniversary of a contact's last won deal
(or of the day they became a customer), a task for a person to call, or an SMS or e-mail
(no Qt).

Anniversaries are Jalali (the same Jalali month and day; 30 Esfand falls on 29 Esfand in a
year without it). One occurrence per contact and anniversary
("renewal:<contact>:<anniversary ISO date>"), due at `send_hour` o'clock of the reminder's
business day; a newer won deal moves the anniversary (a new occurrence). The extra
placeholder {renewal_date} is the anniversary in Jalali."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import jdatetime
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.sql import month_day
from crm_desktop.domain import clock
from crm_desktop.domain.enums import RuleKind
from crm_desktop.services import fields as f
from crm_desktop.services.automation.kinds import common
from crm_desktop.services.automation.model import Due, RuleSpec
from crm_desktop.services.deals import closed_instant, won_stage_ids
from crm_desktop.text.jalali import format_jalali

LAST_WON_DEAL, CUSTOMER_SINCE = "last_won_deal", "customer_since"
MAX_DAYS_BEFORE = 365


def _source(value: Any) -> str:
    if value not in (LAST_WON_DEAL, CUSTOMER_SINCE):
        raise f.InvalidValue("choice")
    return value


SPECS: dict[str, f.Field] = {
    "date_source": f.Field(_source, empty=LAST_WON_DEAL),
    "days_before": f.Field(f.integer(0, MAX_DAYS_BEFORE), empty=30),
    "channel": f.Field(common.channel((common.SMS, common.EMAIL, common.TASK)),
                       empty=common.TASK),
    **{k: common.SPECS[k] for k in ("body", "subject", "task_subject", "task_owner",
                                    "send_hour")},
    "catch_up_days": f.Field(f.integer(0, common.MAX_CATCH_UP_DAYS), empty=3),
}


class Renewal:
    name = RuleKind.RENEWAL.value

    def defaults(self) -> dict[str, Any]:
        return {
            "date_source": LAST_WON_DEAL,
            "days_before": 30,
            "channel": common.TASK,
            "body": ("{first_name} عزیز، زمان تمدید خرید شما {renewal_date} است. برای "
                     "هماهنگی با ما تماس بگیرید."),
            "subject": "یادآوری تمدید",
            "task_subject": "پیگیری تمدید {full_name} ({renewal_date})",
            "task_owner": common.CONTACT_OWNER,
            "send_hour": 9,
            "catch_up_days": 3,
        }

    def clean(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        return common.clean(self.name, SPECS, self.defaults(), settings)

    def due(self, session: Session, rule: RuleSpec, now: datetime,
            since: datetime) -> Iterable[Due]:
        s = rule.settings
        before = timedelta(days=s["days_before"])
        out: list[Due] = []
        for day in common.days(clock.local_day(since), clock.local_day(now)):
            at = common.send_time(day, s["send_hour"])
            if not since < at <= now:
                continue
            target = day + before
            for contact_id, deal_id in _bases_on(session, s["date_source"], target):
                out.append(Due(
                    f"renewal:{contact_id}:{target.isoformat()}", contact_id, s["channel"],
                    at, "deal" if deal_id else None, deal_id,
                    {"renewal_date": format_jalali(target), "deal_id": deal_id}))
        return out

    def next_due(self, session: Session, rule: RuleSpec, now: datetime) -> datetime | None:
        s = rule.settings
        mds = {common.jalali_md(clock.local_day(at))
               for _, at in _bases(session, s["date_source"])}
        if not mds:
            return None
        today = clock.local_day(now)
        for n in range(367):
            day = today + timedelta(days=n)
            at = common.send_time(day, s["send_hour"])
            target = day + timedelta(days=s["days_before"])
            if at > now and mds & set(common.anniversary_mds(target)):
                return at
        return None


def _bases(session: Session, source: str,
           mds: frozenset[str] | None = None) -> list[tuple[int, datetime]]:
    """(contact, base instant) of every contact with a base date (the latest live won
    deal's close, or customer_since); with `mds`, only those whose base falls (in UTC) on
    one of these Gregorian "MM-DD". The engine drops contacts in the Trash."""
    if source == CUSTOMER_SINCE:
        c = m.Contact
        q = select(c.id, c.customer_since).where(c.deleted_at.is_(None),
                                                 c.customer_since.is_not(None))
        if mds is not None:
            q = q.where(month_day(c.customer_since).in_(sorted(mds)))
        return [(cid, clock.utc(at)) for cid, at in session.execute(q)]
    d = m.Deal
    last = func.max(closed_instant())
    q = (select(d.contact_id, last)
         .where(d.deleted_at.is_(None), d.contact_id.is_not(None),
                d.stage_id.in_(won_stage_ids()))
         .group_by(d.contact_id))
    if mds is not None:
        q = q.having(month_day(last).in_(sorted(mds)))
    return [(cid, clock.utc(at)) for cid, at in session.execute(q) if at is not None]


def _last_won(session: Session, contact_id: int) -> int | None:
    d = m.Deal
    return session.scalar(select(d.id).where(
        d.contact_id == contact_id, d.deleted_at.is_(None), d.stage_id.in_(won_stage_ids()))
        .order_by(closed_instant().desc(), d.id.desc()).limit(1))


def _bases_on(session: Session, source: str, target: date) -> list[tuple[int, int | None]]:
    """(contact, deal or None) of the contacts whose base date's anniversary (after its
    own Jalali year) is `target`."""
    mds = common.anniversary_mds(target)
    utc_mds = set()
    for md in mds:  # the local day may be the UTC day or the one after or before it
        for text in common.gregorian_mds(md):
            month, day = int(text[:2]), int(text[3:])
            for shift in (-1, 0, 1):
                g = date(2000, month, day) + timedelta(days=shift)  # a leap year
                utc_mds.add(f"{g.month:02d}-{g.day:02d}")
    year = jdatetime.date.fromgregorian(date=target).year
    out = []
    for contact_id, at in _bases(session, source, frozenset(utc_mds)):
        base = clock.local_day(at)
        if common.jalali_md(base) in mds and jdatetime.date.fromgregorian(
                date=base).year < year:
            deal = _last_won(session, contact_id) if source == LAST_WON_DEAL else None
            out.append((contact_id, deal))
    return out


KIND = Renewal()
