"""Automation rules as the program and the command line use them: the kinds, the rules and
their settings (audited), runs, and the automation log (read only; no Qt)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any, ClassVar

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.search_index import matching_ids
from crm_desktop.db.types import utcnow
from crm_desktop.domain import clock
from crm_desktop.domain.enums import AutomationAction, RuleKind, RunTrigger
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import audit
from crm_desktop.services import fields as f
from crm_desktop.services.access import require_in
from crm_desktop.services.automation import conditions, engine
from crm_desktop.services.automation.kinds import registry
from crm_desktop.services.automation.model import RunReport
from crm_desktop.services.base import EntityService, ListQuery, ReadOnlyList, Sort
from crm_desktop.services.club.service import ClubService
from crm_desktop.text import placeholders

Contact = aliased(m.Contact)


def _as_given(value: Any) -> Any:
    return value


RULE_FIELDS: dict[str, f.Field] = {
    "kind": f.Field(f.choice(RuleKind), required=True),
    "name": f.Field(f.text(200), required=True),
    "enabled": f.Field(f.boolean, empty=False),
    "settings": f.Field(_as_given),
    "conditions": f.Field(_as_given),
}


def _conditions_json(session: Session, raw: Any) -> str | None:
    """The stored conditions (services/automation/conditions.py): NULL for everyone."""
    doc = conditions.parse(raw)
    conditions.check_lists(session, doc)
    return None if doc is None else json.dumps(doc, ensure_ascii=False, sort_keys=True)


def _settings_json(kind: str, raw: Any) -> str:
    settings = registry.kind(kind).clean(raw if raw is not None else {})
    return json.dumps(settings, ensure_ascii=False, sort_keys=True)


class AutomationService:
    """The rules, their runs and what they did."""

    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    # -- the kinds ---------------------------------------------------------------------
    def kinds(self) -> list[str]:
        return registry.names()

    def defaults(self, kind: str) -> dict[str, Any]:
        return registry.kind(kind).defaults()

    def placeholders(self, kind: str) -> list[str]:
        """The placeholders the templates of a rule of this kind may use."""
        registry.kind(kind)
        return list(placeholders.for_kind(kind))

    # -- the rules ---------------------------------------------------------------------
    def rules(self) -> list[dict[str, Any]]:
        """Every rule with its last run, when it is next due and what it did (counts
        leave out the skipped ones)."""
        now = utcnow()
        lg = m.AutomationLog
        acted = lg.action != AutomationAction.SKIPPED.value
        counts = (select(lg.rule_id, func.sum(case((acted, 1), else_=0)),
                         func.sum(case(((lg.at >= now - timedelta(days=30)) & acted, 1),
                                       else_=0)),
                         func.max(case((acted, lg.at))))
                  .where(lg.rule_id.is_not(None)).group_by(lg.rule_id))
        with self.db.read() as session:
            figures = {r[0]: r[1:] for r in session.execute(counts)}
            rows = []
            for rule in session.scalars(select(m.AutomationRule).order_by(m.AutomationRule.id)):
                total, recent, last = figures.get(rule.id, (0, 0, None))
                row = self._row(session, rule, now)
                row.update(actions_total=int(total or 0), actions_30d=int(recent or 0),
                           last_action_at=clock.utc(last) if last else None)
                rows.append(row)
            return rows

    def rule(self, rule_id: int) -> dict[str, Any]:
        with self.db.read() as session:
            return self._row(session, self._load(session, rule_id), utcnow())

    def _load(self, session: Session, rule_id: Any) -> m.AutomationRule:
        rule = session.get(m.AutomationRule, rule_id) if f.is_id(rule_id) else None
        if rule is None:
            raise NotFoundError("automation_rules", rule_id)
        return rule

    def _row(self, session: Session, rule: m.AutomationRule, now: datetime) -> dict[str, Any]:
        try:
            spec = engine.spec_of(rule)
            settings, conditions = dict(spec.settings), spec.conditions
        except ValidationError:  # stored by another version: shown as it is
            spec = None
            settings = json.loads(rule.settings_json or "{}")
            conditions = json.loads(rule.conditions_json) if rule.conditions_json else None
        next_due = None
        if spec is not None and rule.enabled:
            next_due = registry.kind(rule.kind).next_due(session, spec, now)
        return {"id": rule.id, "kind": rule.kind, "name": rule.name,
                "enabled": rule.enabled, "enabled_at": rule.enabled_at,
                "settings": settings, "conditions": conditions,
                "last_run_at": rule.last_run_at, "next_due_at": next_due}

    def create_rule(self, data: Mapping[str, Any]) -> int:
        """A new rule: {kind, name, enabled, settings, conditions}; settings are checked by
        the kind (missing keys take its defaults), conditions by the list filter (plus
        `lists`: services/automation/conditions.py)."""
        values = f.clean(RULE_FIELDS, data)
        kind = values["kind"]
        if kind not in registry.KINDS:
            raise ValidationError(FieldError("kind", "choice"))
        settings = _settings_json(kind, values.get("settings"))
        enabled = bool(values.get("enabled"))
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            rule = m.AutomationRule(kind=kind, name=values["name"], enabled=enabled,
                                    enabled_at=utcnow() if enabled else None,
                                    settings_json=settings,
                                    conditions_json=_conditions_json(
                                        session, values.get("conditions")),
                                    created_by_id=self.actor_id)
            session.add(rule)
            session.flush()
            return rule.id

    def update_rule(self, rule_id: int, changes: Mapping[str, Any]) -> None:
        """Change a rule's name, on/off, settings (merged over the current ones) or
        conditions; its kind stays."""
        values = f.clean(RULE_FIELDS, changes, partial=True)
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            rule = self._load(session, rule_id)
            if "kind" in values and values["kind"] != rule.kind:
                raise ValidationError(FieldError("kind", "invalid"))
            if "name" in values:
                if not values["name"]:
                    raise ValidationError(FieldError("name", "required"))
                rule.name = values["name"]
            if "settings" in values:
                given = values["settings"]
                if given is not None and not isinstance(given, Mapping):
                    raise ValidationError(FieldError("settings", "invalid"))
                try:
                    current = json.loads(rule.settings_json or "{}")
                except ValueError:
                    current = {}
                merged = {**(current if isinstance(current, dict) else {}), **(given or {})}
                rule.settings_json = _settings_json(rule.kind, merged)
            if "conditions" in values:
                rule.conditions_json = _conditions_json(session, values["conditions"])
            if "enabled" in values:
                self._switch(rule, bool(values["enabled"]))

    def set_enabled(self, rule_id: int, enabled: bool) -> None:
        """Switch a rule on (from now: nothing that fell due before is acted on) or off."""
        on = f.clean({"enabled": f.Field(f.boolean, required=True)}, {"enabled": enabled})
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            self._switch(self._load(session, rule_id), on["enabled"])

    @staticmethod
    def _switch(rule: m.AutomationRule, enabled: bool) -> None:
        if enabled and not rule.enabled:
            rule.enabled_at = utcnow()
        rule.enabled = enabled

    def delete_rule(self, rule_id: int) -> None:
        """Delete a rule for good; its log rows and queued messages stay (without it)."""
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            rule = self._load(session, rule_id)
            for model in (m.AutomationLog, m.OutboxMessage):
                rows = select(model.id, model.rule_id).where(model.rule_id == rule.id)
                # what ON DELETE SET NULL would do, logged
                audit.updated_selected(session, model.__tablename__, rows, "rule_id", None)
                session.execute(model.__table__.update().where(model.rule_id == rule.id)
                                .values(rule_id=None))
            session.delete(rule)

    # -- runs --------------------------------------------------------------------------
    def run(self, *, dry_run: bool = False, trigger: str = RunTrigger.MANUAL.value,
            now: datetime | None = None,
            cancel: Callable[[], bool] | None = None) -> RunReport:
        """Run every enabled rule once (services/automation/engine.py); a dry run lists
        what a run would do and writes nothing."""
        checked = f.clean({"dry_run": f.Field(f.boolean, empty=False),
                           "trigger": f.Field(f.choice(RunTrigger), required=True),
                           "now": f.Field(f.instant)},
                          {"dry_run": dry_run, "trigger": trigger, "now": now})
        if cancel is not None and not callable(cancel):
            raise ValidationError(FieldError("cancel", "invalid"))
        if checked["trigger"] == RunTrigger.MANUAL.value:
            # "Run now" is the user's: it needs CAMPAIGNS. The scheduled runs (start-up,
            # timer, the system's scheduler through the CLI) are the program's own work and
            # write as system (Database.write), whoever is signed in.
            with self.db.read() as session:
                require_in(session, Perm.CAMPAIGNS, self.actor_id)
        report = engine.run(self.db, self.actor_id, dry_run=checked["dry_run"],
                            trigger=checked["trigger"], now=checked.get("now"), cancel=cancel)
        if not report.dry_run and not report.cancelled:
            # the club's daily work rides on the same schedule: points that fell due to
            # expire, and birthday points (each idempotent, each its own transaction)
            club = ClubService(self.db, self.actor_id)
            report.points_expired = club.expire(checked.get("now"))
            report.birthday_points = club.award_birthdays(checked.get("now"))
        return report

    def last_run(self) -> dict[str, Any] | None:
        """The last recorded run: {started_at, finished_at, trigger, actions, error}."""
        r = m.AutomationRun
        with self.db.read() as session:
            row = session.execute(select(r.started_at, r.finished_at, r.trigger, r.actions,
                                         r.error).order_by(r.id.desc()).limit(1)).first()
        return dict(row._mapping) if row else None


class _LogRows(EntityService[m.AutomationLog]):
    model = m.AutomationLog
    fields: ClassVar = {}
    sort_columns: ClassVar = {
        "at": m.AutomationLog.at,
        "due": m.AutomationLog.due_at,
        "rule": m.AutomationLog.rule_name,
    }
    filter_columns: ClassVar = {
        "rule_id": m.AutomationLog.rule_id,
        "contact_id": m.AutomationLog.contact_id,
        "action": m.AutomationLog.action,
    }

    def _list_select(self) -> Select[Any]:
        lg, o = m.AutomationLog, m.OutboxMessage
        return (select(lg.id, lg.at, lg.rule_id, lg.rule_name, lg.contact_id,
                       Contact.full_name.label("contact_name"), lg.action, lg.detail,
                       lg.due_at, lg.entity, lg.entity_id, lg.outbox_id, lg.activity_id,
                       o.status.label("outbox_status"), lg.reply_score, lg.replied_at)
                .select_from(lg)
                .outerjoin(Contact, Contact.id == lg.contact_id)
                .outerjoin(o, o.id == lg.outbox_id))

    def _sort_expression(self, query: ListQuery) -> tuple[Any, bool]:
        # newest first unless asked otherwise
        return super()._sort_expression(query if query.sort else
                                        ListQuery(sort=Sort("at", True)))

    def _apply_filter(self, q: Select[Any], key: str, value: Any) -> Select[Any]:
        lg = m.AutomationLog
        if key in ("date_from", "date_to"):
            day = f.clean({key: f.Field(f.a_date)}, {key: value}).get(key)
            if day is None:
                return q
            start, end = clock.day_bounds(day)
            return q.where(lg.at >= start if key == "date_from" else lg.at < end)
        return super()._apply_filter(q, key, value)

    def _apply_text(self, q: Select[Any], raw: str) -> Select[Any]:
        """The contact's name, or words of the detail."""
        lg = m.AutomationLog
        found = lg.detail.contains(raw.strip(), autoescape=True)
        ids = matching_ids("contacts", raw, self.db.dialect)
        if ids is not None:
            found = or_(found, lg.contact_id.in_(ids))
        return q.where(found)


class AutomationLogService(ReadOnlyList):
    """What the rules did, newest first (read only): filters rule_id, contact_id, action,
    date_from and date_to (business days, both included); text: the contact's name or
    the detail."""

    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id
        self._rows = _LogRows(db, actor_id)
