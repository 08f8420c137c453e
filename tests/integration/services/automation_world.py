"""What the automation tests share: rules switched on long ago, contacts with a birthday or
a customer_since, counts of what runs wrote."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import func, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain import clock

LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


def rule(core: Core, kind: str, settings: dict[str, Any] | None = None,
         conditions: Any = None, on_since: datetime = LONG_AGO, name: str = "") -> int:
    """A rule of `kind`, switched on at `on_since` (long ago by default)."""
    rule_id = core.automation.create_rule({"kind": kind, "name": name or kind,
                                           "enabled": True, "settings": settings or {},
                                           "conditions": conditions})
    with core.db.write() as session:
        session.get(m.AutomationRule, rule_id).enabled_at = on_since
    return rule_id


def person(core: Core, name: str = "علی", **values: Any) -> int:
    """A contact who can get an SMS and has agreed to marketing ones."""
    data = {"first_name": name, "last_name": "رضایی", "mobile": "09121234567",
            "sms_consent": True, **values}
    return core.contacts.create(data)


def set_customer_since(core: Core, contact_id: int, at: datetime) -> None:
    with core.db.write() as session:
        session.get(m.Contact, contact_id).customer_since = at


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """An instant on the business's wall clock (Tehran)."""
    return clock.at(day, time(hour, minute))


def count(core: Core, model: type[m.Base], *where: Any) -> int:
    with core.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)))
