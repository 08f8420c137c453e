"""The demo's automation: when its customers became customers, a few rules switched on and
run once, so that the automation log and the outbox show what rules do (no Qt)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.types import utcnow
from crm_desktop.domain.enums import RunTrigger
from crm_desktop.services.automation.service import AutomationService

#: the kinds the demo switches on (those this version has)
DEMO_ON = ("birthday", "welcome", "renewal", "follow_up", "appointment_reminder",
           "satisfaction")
#: how long ago the demo's rules were "switched on": what fell due since is caught up
#: (within each rule's own limit)
ON_SINCE = timedelta(days=7)


def customer_since(db: Database) -> None:
    """The demo's customers became customers with their first won deal (when they have
    one), else when they were created (the demo loads its rows without the service that
    keeps the date)."""
    with db.raw() as conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "UPDATE contacts SET customer_since = COALESCE((SELECT MIN(COALESCE("
            "d.closed_at, d.stage_changed_at)) FROM deals d JOIN pipeline_stages s ON "
            "s.id = d.stage_id WHERE s.outcome = ? AND d.contact_id = contacts.id "
            "AND d.deleted_at IS NULL), created_at) WHERE lifecycle_stage = ? "
            "AND customer_since IS NULL", (m.STAGE_WON, "customer"))
        conn.execute("COMMIT")


def switch_on_and_run(db: Database) -> int:
    """Switch the demo's rules on (a week ago) and run them once; returns the actions."""
    with db.write() as session:
        admin = session.scalar(select(m.User.id).order_by(m.User.id).limit(1))
        since = utcnow() - ON_SINCE
        for rule in session.scalars(select(m.AutomationRule)
                                    .where(m.AutomationRule.kind.in_(DEMO_ON))):
            rule.enabled, rule.enabled_at = True, since
    report = AutomationService(db, admin).run(trigger=RunTrigger.MANUAL.value)
    return len(report.actions)
