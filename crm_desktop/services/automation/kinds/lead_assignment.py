"""Lead assignment: a contact created as a lead (since the rule was switched on) gets an
owner, who also becomes the owner of its open deals (no Qt).

`method`: "round_robin" takes the chosen `users` in turn (the turn carries on from the
rule's last assignment, users no longer active are passed over); "city" and "source" look
the contact's city (spelled any way: ی/ي, ک/ك, spaces) or source up in `by_city` /
`by_source`. Without a match the `fallback_user` takes it; without one the lead is left
as it is (nothing to log): a new rule, with no users chosen yet, does nothing.
`only_unowned` leaves leads whose owner someone chose: a lead with no owner, or owned by
the user who wrote it down (the program's default owner), is unowned. One assignment per
contact (key "lead:<contact>"); a lead that came while the program was closed is assigned
at the next run within the engine's catch-up window (services/automation/engine.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, exists, func, literal, or_, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.enums import AutomationAction, ContactSource, LifecycleStage, RuleKind
from crm_desktop.services import fields as f
from crm_desktop.services.automation.kinds import common
from crm_desktop.services.automation.kinds import lookups as lk
from crm_desktop.services.automation.model import Due, RuleSpec
from crm_desktop.text.normalize import clean_text, search_key
from crm_desktop.text.validate import InvalidValue

METHODS = ("round_robin", "city", "source")
#: how many users, cities and sources a rule may name
MAX_ENTRIES = 500


def _users(value: Any) -> list[int]:
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple):
        raise InvalidValue("invalid")
    if len(value) > MAX_ENTRIES:
        raise InvalidValue("invalid")
    out: list[int] = []
    for item in value:
        uid = f.reference(item)
        if uid not in out:
            out.append(uid)
    return out


def _by_city(value: Any) -> dict[str, int]:
    if not isinstance(value, Mapping) or len(value) > MAX_ENTRIES:
        raise InvalidValue("invalid")
    out: dict[str, int] = {}
    for city, uid in value.items():
        name = clean_text(city) if isinstance(city, str) else ""
        if not name or len(name) > 100:
            raise InvalidValue("invalid")
        out[name] = f.reference(uid)
    return out


def _by_source(value: Any) -> dict[str, int]:
    if not isinstance(value, Mapping) or len(value) > MAX_ENTRIES:
        raise InvalidValue("invalid")
    out: dict[str, int] = {}
    for source, uid in value.items():
        if source not in {s.value for s in ContactSource}:
            raise InvalidValue("choice")
        out[source] = f.reference(uid)
    return out


def _method(value: Any) -> str:
    if value not in METHODS:
        raise InvalidValue("choice")
    return str(value)


SPECS: dict[str, f.Field] = {
    "method": f.Field(_method, empty="round_robin"),
    "users": f.Field(_users, empty=[]),
    "by_city": f.Field(_by_city, empty={}),
    "by_source": f.Field(_by_source, empty={}),
    "fallback_user": f.Field(f.reference),
    "only_unowned": f.Field(f.boolean, empty=True),
}


class LeadAssignment:
    name = RuleKind.LEAD_ASSIGNMENT.value

    def defaults(self) -> dict[str, Any]:
        return {"method": "round_robin", "users": [], "by_city": {}, "by_source": {},
                "fallback_user": None, "only_unowned": True}

    def clean(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        return common.clean(self.name, SPECS, self.defaults(), settings)

    def due(self, session: Session, rule: RuleSpec, now: datetime,
            since: datetime) -> list[Due]:
        s = rule.settings
        c, log = m.Contact, m.AutomationLog
        assigned = exists().where(log.rule_id == rule.id,
                                  log.key == literal("lead:") + cast(c.id, String))
        # the range of creation times picks the rows (its index), the stage only checks
        # them: `stage || ''` keeps SQLite from walking every lead by the stage's index
        q = select(c).where((c.lifecycle_stage + "") == LifecycleStage.LEAD.value,
                            c.deleted_at.is_(None), c.created_at > clock.utc(since),
                            c.created_at <= clock.utc(now), ~assigned)
        if s["only_unowned"]:
            q = q.where(or_(c.owner_id.is_(None), c.owner_id == c.created_by_id))
        leads = list(session.scalars(q.order_by(c.created_at, c.id)))
        if not leads:
            return []
        active = lk.active_users(session, [*s["users"], *s["by_city"].values(),
                                           *s["by_source"].values(), s["fallback_user"]])
        turn = [uid for uid in s["users"] if uid in active]
        done = session.scalar(select(func.count()).select_from(log).where(
            log.rule_id == rule.id, log.action == AutomationAction.ASSIGN.value)) or 0
        cities = {search_key(city): uid for city, uid in s["by_city"].items()}
        fallback = s["fallback_user"] if s["fallback_user"] in active else None
        out = []
        for contact in leads:
            owner: int | None = None
            if s["method"] == "round_robin" and turn:
                owner = turn[done % len(turn)]
            elif s["method"] == "city" and contact.city:
                owner = cities.get(search_key(contact.city))
            elif s["method"] == "source" and contact.source:
                owner = s["by_source"].get(contact.source)
            if owner not in active:
                owner = fallback
            if owner is None:
                continue
            done += 1
            out.append(Due(key=f"lead:{contact.id}", contact_id=contact.id,
                           action=AutomationAction.ASSIGN.value,
                           due_at=clock.utc(contact.created_at),
                           values={"owner_id": owner}))
        return out

    def next_due(self, session: Session, rule: RuleSpec, now: datetime) -> datetime | None:
        """None: a lead is assigned when it comes, nothing is known ahead."""
        return None


KIND = LeadAssignment()
