"""The shared shapes of automation: a rule as a kind sees it, what a kind finds due, what a
run did or would do (no Qt).

How a run works (services/automation/engine.py):
1. For each enabled rule, its kind's `due(session, rule, now, since)` lists the occurrences
   that fell due in (since, now]; `since` is the latest of the rule's catch-up limit (the
   start of the business day `catch_up_days` before today: 0 keeps only what fell due
   today; a kind without that setting gets 30 days) and the moment it was switched on
   (`enabled_at`), so a rule never acts on what fell due before it was on, or long ago.
   The engine also drops what a kind lists outside (since, now].
2. The engine drops occurrences whose contact is in the Trash or fails the rule's
   conditions (a dynamic-list filter, services/contact_filter.py, plus the marketing lists
   of services/automation/conditions.py; an occurrence without a contact passes only a
   rule without conditions) and those already in the automation log (rule, key).
3. It carries out the rest, rule by rule, in one write transaction per rule (steps 1-2 run
   inside it too: BEGIN IMMEDIATE makes a second process wait, then find the log rows),
   each occurrence as one log row plus what it made (an outbox row, a task, an owner
   change) and their audit rows. The unique (rule_id, key) index backs this up: a second
   run, or a run in another process at the same time, does nothing again. A message to a
   contact without the address, or without consent for a marketing kind, is a log row
   "skipped" (its detail the reason: actions.SKIP_REASONS), never retried.
A dry run does steps 1-2 and returns what step 3 would do, writing nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class RuleSpec:
    """A rule as the kinds and the engine see it (its settings already cleaned)."""

    id: int
    kind: str
    name: str
    settings: Mapping[str, Any]
    #: the conditions' filter document (services.contact_filter.parse), None: everyone
    conditions: Mapping[str, Any] | None
    enabled_at: datetime | None
    #: how far back a run catches up what fell due while the program was closed (whole
    #: business days: the settings' catch_up_days)
    catch_up: timedelta


@dataclass(frozen=True)
class Due:
    """One occurrence a rule's kind found due: what to do, for whom, about what."""

    #: unique per rule, stable across runs: names the occurrence, not the run
    #: (for example "birthday:812:1405" or "appointment:55:2026-12-01T06:30")
    key: str
    contact_id: int | None
    #: domain.enums.AutomationAction: sms, email, task, assign (skipped is the engine's)
    action: str
    #: when it fell due (UTC, aware)
    due_at: datetime
    #: the record it is about besides the contact: "deal", "ticket", "activity" or None
    entity: str | None = None
    entity_id: int | None = None
    #: what the action needs beyond the rule's settings: extra placeholder values
    #: ("appointment_time", "deal_title", "ticket_number", "tier", "points" ...), a task's
    #: subject and owner ("task_subject", "task_owner_id", "deal_id"), an assignee
    #: ("owner_id"), a satisfaction request's target ("expects_reply": True)
    values: Mapping[str, Any] = field(default_factory=dict)


class Kind(Protocol):
    """A rule kind (one module in services/automation/kinds/)."""

    #: domain.enums.RuleKind value
    name: str

    def defaults(self) -> dict[str, Any]:
        """The settings of a new rule of this kind (Persian templates, offsets, channel,
        catch-up limit), valid for `clean`."""
        ...

    def clean(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        """Checked settings (missing keys filled from `defaults`), or ValidationError
        naming the field."""
        ...

    def due(self, session: Session, rule: RuleSpec, now: datetime,
            since: datetime) -> Iterable[Due]:
        """The occurrences that fell due in (since, now], read only. May list ones
        already done: the engine skips keys already in the log. A kind whose occurrence
        stays worth doing until a natural end looks back to `rule.enabled_at` instead (a
        reminder until the appointment begins; a deal still quiet) and lists one older
        than `since` as due `now`."""
        ...

    def next_due(self, session: Session, rule: RuleSpec, now: datetime) -> datetime | None:
        """When this rule will next have something to do (for the rules page), or None
        when nothing is known to come."""
        ...


@dataclass(frozen=True)
class PlannedAction:
    """One thing a run did (or a dry run would do): the JSON of `automation run --json` is
    a list of {rule, contact, action, detail}."""

    rule_id: int
    rule: str
    contact_id: int | None
    contact: str
    action: str
    detail: str
    due_at: datetime
    entity: str | None = None
    entity_id: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "contact": self.contact, "action": self.action,
                "detail": self.detail, "rule_id": self.rule_id,
                "contact_id": self.contact_id, "due_at": self.due_at.isoformat(),
                "entity": self.entity, "entity_id": self.entity_id}


@dataclass
class RunReport:
    """What a run did (or a dry run would do)."""

    dry_run: bool
    actions: list[PlannedAction] = field(default_factory=list)
    #: rule id -> a readable problem that stopped that rule (other rules still ran)
    errors: dict[int, str] = field(default_factory=dict)
    #: the automation_runs row (None for a dry run)
    run_id: int | None = None
    #: the run was cancelled between rules
    cancelled: bool = False
