"""A run over every enabled rule: what fell due, for whom the rule's conditions hold, what
is not done yet, and doing it (no Qt). services/automation/model.py tells the whole story.

Each rule is planned and carried out inside one write transaction (BEGIN IMMEDIATE: one
writer at a time), so the look at the automation log and the rows that record what was
done cannot interleave with another run in another window or process: the second run
waits, then finds the log rows of the first and does nothing again. A dry run plans every
rule in a read and writes nothing.

The catch-up window of a rule: an occurrence may still be acted on until the end of the
business day `catch_up_days` days after the day it fell due (0: only on that day), and
never when it fell due before the rule was switched on. A kind without `catch_up_days`
gets MAX_CATCH_UP_DAYS.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.types import utcnow
from crm_desktop.domain import clock
from crm_desktop.domain.enums import AutomationAction, RuleKind, RunTrigger
from crm_desktop.domain.errors import CrmError, FieldError, ValidationError
from crm_desktop.services import fields as f
from crm_desktop.services import versions
from crm_desktop.services.automation import actions
from crm_desktop.services.automation import conditions as automation_conditions
from crm_desktop.services.automation.kinds import registry
from crm_desktop.services.automation.kinds.common import CONTACT_OWNER, MAX_CATCH_UP_DAYS
from crm_desktop.services.automation.model import Due, PlannedAction, RuleSpec, RunReport
from crm_desktop.text import placeholders

log = logging.getLogger(__name__)

#: kinds whose messages are marketing (they need the contact's consent); the others are
#: service messages (a reminder, a satisfaction request): an address is enough
MARKETING = frozenset({RuleKind.BIRTHDAY.value, RuleKind.WELCOME.value,
                       RuleKind.RENEWAL.value, RuleKind.TIER_CHANGE.value})
MESSAGE_ACTIONS = (AutomationAction.SMS.value, AutomationAction.EMAIL.value)


@dataclass
class Step:
    """One occurrence a run acts on, with everything rendered."""

    due: Due
    #: the action taken: the due's, or "skipped"
    action: str
    detail: str
    contact: str
    recipient: str | None = None
    body: str = ""
    subject: str | None = None
    owner_id: int | None = None


def spec_of(rule: m.AutomationRule) -> RuleSpec:
    """The rule as its kind sees it: settings cleaned by the kind, conditions parsed.
    ValidationError when the stored settings or conditions are no longer valid."""
    kind = registry.kind(rule.kind)
    settings = kind.clean(_loads(rule.settings_json, "settings") or {})
    conditions = automation_conditions.parse(_loads(rule.conditions_json, "conditions"))
    days = settings.get("catch_up_days", MAX_CATCH_UP_DAYS)
    return RuleSpec(rule.id, rule.kind, rule.name, settings, conditions,
                    clock.utc(rule.enabled_at) if rule.enabled_at else None,
                    timedelta(days=days))


def _loads(raw: str | None, name: str) -> Any:
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        raise ValidationError(FieldError(name, "invalid")) from None


def window_start(spec: RuleSpec, now: datetime) -> datetime:
    """The start of the rule's catch-up window (exclusive): the start of the business day
    `catch_up_days` before today, or when the rule was switched on, whichever is later."""
    first_day = clock.local_day(now) - timedelta(days=spec.catch_up.days)
    start = clock.day_bounds(first_day)[0] - timedelta(microseconds=1)
    if spec.enabled_at is not None and spec.enabled_at > start:
        start = spec.enabled_at
    return start


def plan(session: Session, rule: m.AutomationRule, now: datetime,
         actor_id: int | None = None) -> tuple[RuleSpec, list[Step]]:
    """What the rule would do now: its due occurrences in its window, for live contacts
    its conditions select, not in the log yet, each rendered (or skipped with a reason)."""
    spec = spec_of(rule)
    kind = registry.kind(rule.kind)
    since = window_start(spec, now)
    if since >= now:
        return spec, []
    found: dict[str, Due] = {}
    for due in kind.due(session, spec, now, since):
        if since < clock.utc(due.due_at) <= now and due.key not in found:
            found[due.key] = due
    if not found:
        return spec, []
    done = _logged(session, rule.id, list(found))
    dues = [d for key, d in found.items() if key not in done]
    dues = _allowed(session, spec, dues)
    values = actions.contact_values(session, [d.contact_id for d in dues
                                              if d.contact_id is not None])
    steps = [_step(spec, due, values.get(due.contact_id) if due.contact_id else None,
                   rule, actor_id) for due in dues]
    _name_owners(session, steps)
    return spec, steps


def _logged(session: Session, rule_id: int, keys: list[str]) -> set[str]:
    lg = m.AutomationLog
    out: set[str] = set()
    for start in range(0, len(keys), 500):
        out.update(session.scalars(select(lg.key).where(
            lg.rule_id == rule_id, lg.key.in_(keys[start:start + 500]))))
    return out


def _allowed(session: Session, spec: RuleSpec, dues: list[Due]) -> list[Due]:
    """The occurrences whose contact is live (not in the Trash) and meets the rule's
    conditions; one without a contact only when the rule has no conditions."""
    where = automation_conditions.where(session, spec.conditions)
    ids = sorted({d.contact_id for d in dues if d.contact_id is not None})
    ok: set[int] = set()
    for chunk in f.chunked(ids, 500):
        ok.update(session.scalars(select(m.Contact.id).where(where, m.Contact.id.in_(chunk))))
    return [d for d in dues
            if (d.contact_id in ok if d.contact_id is not None else spec.conditions is None)]


def _step(spec: RuleSpec, due: Due, contact: dict[str, Any] | None, rule: m.AutomationRule,
          actor_id: int | None) -> Step:
    s = spec.settings
    name = contact["full_name"] if contact else ""
    extra = placeholders.KIND_PLACEHOLDERS.get(spec.kind, ())
    values: dict[str, Any] = dict(contact or {})
    values.update({k: None if v is None else str(v) for k, v in due.values.items()
                   if k in extra})
    if due.action in MESSAGE_ACTIONS:
        problem = (actions.NO_MOBILE if due.action == "sms" else actions.NO_EMAIL) \
            if contact is None else actions.message_problem(
                contact, due.action, spec.kind in MARKETING)
        if problem is not None:
            return Step(due, AutomationAction.SKIPPED.value, problem, name)
        body = placeholders.render(s.get("body", ""), values, "body", extra)
        subject = (placeholders.render(s.get("subject", ""), values, "subject", extra)[:200]
                   if due.action == "email" else None)
        address = contact["mobile"] if due.action == "sms" else contact["email"]
        return Step(due, due.action, actions.short(body), name, address, body, subject)
    if due.action == AutomationAction.TASK.value:
        template = due.values.get("task_subject") or s.get("task_subject") or ""
        subject = placeholders.render(template, values, "task_subject", extra)[:200]
        owner = due.values.get("task_owner_id") or _task_owner(s, contact, rule, actor_id)
        return Step(due, due.action, subject, name, subject=subject, owner_id=owner)
    if due.action == AutomationAction.ASSIGN.value:
        return Step(due, due.action, "", name, owner_id=due.values.get("owner_id"))
    raise ValueError(f"a rule kind asked for an unknown action {due.action!r}")


def _task_owner(settings: Any, contact: dict[str, Any] | None, rule: m.AutomationRule,
                actor_id: int | None) -> int | None:
    chosen = settings.get("task_owner", CONTACT_OWNER)
    if chosen != CONTACT_OWNER and f.is_id(chosen):
        return chosen
    if contact and contact.get("owner_id"):
        return contact["owner_id"]
    return rule.created_by_id or actor_id


def _name_owners(session: Session, steps: list[Step]) -> None:
    """An assignment's detail: the new owner's name."""
    ids = {s.owner_id for s in steps if s.action == AutomationAction.ASSIGN.value}
    if not ids:
        return
    names = dict(session.execute(select(m.User.id, m.User.display_name)
                                 .where(m.User.id.in_(ids))).all())
    for step in steps:
        if step.action == AutomationAction.ASSIGN.value:
            step.detail = names.get(step.owner_id, "")


def carry_out(session: Session, spec: RuleSpec, steps: list[Step], run_id: int | None,
              actor_id: int | None) -> list[PlannedAction]:
    """Do every step: its outbox row, task or owner change, and its log row."""
    done = []
    for step in steps:
        due = step.due
        outbox_id = activity_id = None
        if step.action in MESSAGE_ACTIONS:
            assert step.recipient is not None and due.contact_id is not None
            outbox_id = actions.queue_message(session, spec.id, due.contact_id, step.action,
                                              step.recipient, step.body, step.subject)
        elif step.action == AutomationAction.TASK.value:
            deal_id = due.values.get("deal_id") or (
                due.entity_id if due.entity == "deal" else None)
            ticket_id = due.entity_id if due.entity == "ticket" else None
            activity_id = actions.create_task(
                session, step.subject or "", step.owner_id, due.due_at, due.contact_id,
                deal_id, ticket_id, actor_id)
        elif step.action == AutomationAction.ASSIGN.value:
            if due.contact_id is None or not f.is_id(step.owner_id):
                continue
            actions.assign_owner(session, due.contact_id, step.owner_id)
        actions.log(session, rule_id=spec.id, rule_name=spec.name, key=due.key,
                    run_id=run_id, contact_id=due.contact_id, action=step.action,
                    detail=step.detail, due_at=clock.utc(due.due_at), entity=due.entity,
                    entity_id=due.entity_id, outbox_id=outbox_id, activity_id=activity_id,
                    flush=False)  # flushed with the next step's rows, or at the commit
        done.append(_planned(spec, step))
    return done


def _planned(spec: RuleSpec, step: Step) -> PlannedAction:
    due = step.due
    return PlannedAction(spec.id, spec.name, due.contact_id, step.contact, step.action,
                         step.detail, clock.utc(due.due_at), due.entity, due.entity_id)


def _rule_ids(session: Session) -> list[int]:
    r = m.AutomationRule
    return list(session.scalars(select(r.id).where(r.enabled.is_(True),
                                                   r.kind.in_(registry.names()))
                                .order_by(r.id)))


def run(db: Database, actor_id: int | None, *, dry_run: bool = False,
        trigger: str = RunTrigger.MANUAL.value, now: datetime | None = None,
        cancel: Callable[[], bool] | None = None) -> RunReport:
    """Every enabled rule once (see the module's docstring). A rule that fails (its
    settings no longer valid, a kind's error) is rolled back and named in
    `report.errors`; the others still run. `cancel` is asked between rules."""
    now = clock.utc(now) if now is not None else utcnow()
    report = RunReport(dry_run=dry_run)
    with db.read() as session:
        rule_ids = _rule_ids(session)
    if dry_run:
        with db.read() as session:
            for rule_id in rule_ids:
                if cancel is not None and cancel():
                    report.cancelled = True
                    break
                rule = session.get(m.AutomationRule, rule_id)
                try:
                    spec, steps = plan(session, rule, now, actor_id)
                except Exception as exc:  # a broken rule must not stop the others
                    report.errors[rule_id] = _problem(exc)
                    continue
                report.actions += [_planned(spec, s) for s in steps]
        return report
    with db.write(actor_id, system=True) as session:
        record = m.AutomationRun(trigger=trigger, user_id=actor_id)
        session.add(record)
        session.flush()
        report.run_id = record.id
    for rule_id in rule_ids:
        if cancel is not None and cancel():
            report.cancelled = True
            break
        try:
            with db.write(actor_id, system=True) as session:
                rule = session.get(m.AutomationRule, rule_id)
                if rule is None or not rule.enabled:  # switched off meanwhile
                    continue
                spec, steps = plan(session, rule, now, actor_id)
                done = carry_out(session, spec, steps, report.run_id, actor_id)
                # the runs' bookkeeping, not an edit of the rule: a rule's form open while
                # the rules run is not refused its save
                versions.bookkeeping(session, rule, last_run_at=utcnow())
            report.actions += done  # committed
        except Exception as exc:  # rolled back; a broken rule must not stop the others
            if not isinstance(exc, CrmError):
                log.exception("automation rule %s failed", rule_id)
            report.errors[rule_id] = _problem(exc)
    with db.write(actor_id, system=True) as session:
        record = session.get(m.AutomationRun, report.run_id)
        record.finished_at = utcnow()
        record.actions = len(report.actions)
        record.error = "\n".join(f"{k}: {v}" for k, v in report.errors.items())[:2000] or None
    return report


def _problem(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return exc.message("fa")
    return f"{type(exc).__name__}: {exc}"[:500]
