"""What the rule kinds' tests share: a rule as a kind sees it, `due` read in a real database
session, and records placed at chosen instants."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import update

from crm_desktop.db import models as m
from crm_desktop.services.automation.model import Due, RuleSpec

#: a Tuesday noon in Tehran (15:30 Asia/Tehran is 12:00 UTC): far from any midnight
T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


def spec(kind: Any, settings: Mapping[str, Any] | None = None, *,
         enabled_at: datetime | None = LONG_AGO, catch_up: timedelta = timedelta(days=3),
         rule_id: int = 1) -> RuleSpec:
    return RuleSpec(id=rule_id, kind=kind.name, name="rule", settings=kind.clean(settings or {}),
                    conditions=None, enabled_at=enabled_at, catch_up=catch_up)


def due(core: Any, kind: Any, rule: RuleSpec, now: datetime,
        since: datetime | None = None) -> list[Due]:
    """The kind's `due` in a read session; `since` as the engine computes it by default."""
    if since is None:
        since = max(now - rule.catch_up, rule.enabled_at or now - rule.catch_up)
    with core.db.read() as session:
        return list(kind.due(session, rule, now, since))


def next_due(core: Any, kind: Any, rule: RuleSpec, now: datetime) -> datetime | None:
    with core.db.read() as session:
        return kind.next_due(session, rule, now)


def place(core: Any, model: Any, record_id: int, **values: Any) -> None:
    """Set columns of a record directly (instants the services set to "now")."""
    with core.db.write() as session:
        session.execute(update(model).where(model.id == record_id).values(**values))


def contact(core: Any, name: str = "علی رضایی", **values: Any) -> int:
    first, _, last = name.partition(" ")
    return core.contacts.create({"first_name": first, "last_name": last or "-",
                                 "mobile": values.pop("mobile", "09121234567"), **values})


def add_rule_row(core: Any, kind: str, name: str = "rule") -> int:
    """An automation_rules row (log rows point at one)."""
    with core.db.write() as session:
        row = m.AutomationRule(kind=kind, name=name, enabled=True, settings_json="{}")
        session.add(row)
        session.flush()
        return row.id


def add_log(core: Any, rule_id: int, key: str, action: str, *, contact_id: int | None = None,
            activity_id: int | None = None, at: datetime = T0) -> None:
    with core.db.write() as session:
        session.add(m.AutomationLog(rule_id=rule_id, rule_name="rule", key=key,
                                    action=action, contact_id=contact_id,
                                    activity_id=activity_id, due_at=at, at=at))
