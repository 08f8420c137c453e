"""Follow-up: a task for its owner when an open deal (not in the Trash) has been quiet for
`quiet_days` days: no activity about it done or written down, and no stage change (no Qt).

The quiet spell starts at the last of: the deal's stage change (its creation counts as
one), the moment an activity about it was written down, the moment one was done. A task a
rule made counts only once it is done, so one spell gets one task (key "follow_up:<deal>:
<day the spell began>") and an ignored task is not followed by another every week. A
deal still quiet when a run comes is followed up however late the run is; a spell that
began before the rule was switched on is not."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.enums import RuleKind
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services import fields as f
from crm_desktop.services.automation.kinds import common
from crm_desktop.services.automation.kinds import lookups as lk
from crm_desktop.services.automation.model import Due, RuleSpec

SPECS: dict[str, f.Field] = {
    "quiet_days": f.Field(f.integer(1, 365), empty=7),
    "task_subject": common.SPECS["task_subject"],
    "task_owner": common.SPECS["task_owner"],
}


class FollowUp:
    name = RuleKind.FOLLOW_UP.value

    def defaults(self) -> dict[str, Any]:
        return {
            "quiet_days": 7,
            "task_subject": "پیگیری معاملهٔ «{deal_title}» با {full_name}",
            "task_owner": common.CONTACT_OWNER,
        }

    def clean(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        values = common.clean(self.name, SPECS, self.defaults(), settings)
        if not values["task_subject"]:
            raise ValidationError(FieldError("task_subject", "required"))
        return values

    def quiet_since(self, session: Session) -> list[tuple[Any, datetime]]:
        """Every open deal not in the Trash (id, contact_id, owner_id, title) with the
        start of its quiet spell (UTC)."""
        a, d, log = m.Activity, m.Deal, m.AutomationLog
        made_by_rules = select(log.activity_id).where(log.activity_id.is_not(None))
        touched = (
            select(a.deal_id.label("deal_id"), func.max(a.done_at).label("done"),
                   func.max(case((a.id.not_in(made_by_rules), a.created_at)))
                   .label("written"))
            .where(a.deal_id.is_not(None)).group_by(a.deal_id).subquery("touched")
        )
        q = (select(d.id, d.contact_id, d.owner_id, d.title, d.stage_changed_at,
                    touched.c.done, touched.c.written)
             .join(m.PipelineStage, m.PipelineStage.id == d.stage_id)
             .outerjoin(touched, touched.c.deal_id == d.id)
             .where(m.PipelineStage.outcome == m.STAGE_OPEN, d.deleted_at.is_(None))
             .order_by(d.id))
        out = []
        for row in session.execute(q):
            times = [clock.utc(t) for t in (row.stage_changed_at, row.done, row.written)
                     if t is not None]
            out.append((row, max(times)))
        return out

    def _owner(self, settings: Mapping[str, Any], deal: Any,
               contact: m.Contact | None, active: set[int]) -> int | None:
        chosen = settings["task_owner"]
        if chosen != common.CONTACT_OWNER and chosen in active:
            return int(chosen)
        for candidate in (deal.owner_id, contact.owner_id if contact else None):
            if candidate in active:
                return candidate
        return None

    def due(self, session: Session, rule: RuleSpec, now: datetime,
            since: datetime) -> list[Due]:
        s = rule.settings
        quiet = timedelta(days=s["quiet_days"])
        now = clock.utc(now)
        # a deal still quiet is worth a task however late: only the switch-on bounds it
        floor = clock.utc(rule.enabled_at or since)
        found = [(deal, began) for deal, began in self.quiet_since(session)
                 if floor < began + quiet <= now]
        contacts = lk.live_contacts(session, (deal.contact_id for deal, _ in found))
        active = lk.active_users(session, [s["task_owner"],
                                           *(deal.owner_id for deal, _ in found),
                                           *(c.owner_id for c in contacts.values())])
        out = []
        for deal, began in found:
            contact = contacts.get(deal.contact_id) if deal.contact_id is not None else None
            if deal.contact_id is not None and contact is None:
                continue  # its contact is in the Trash
            # quiet for longer than the run looks back: due now, the deal is still quiet
            due_at = began + quiet if began + quiet > clock.utc(since) else now
            out.append(Due(
                key=f"follow_up:{deal.id}:{clock.local_day(began).isoformat()}",
                contact_id=deal.contact_id, action="task", due_at=due_at,
                entity="deal", entity_id=deal.id,
                values={"task_subject": s["task_subject"], "deal_id": deal.id,
                        "deal_title": deal.title,
                        "task_owner_id": self._owner(s, deal, contact, active)},
            ))
        out.sort(key=lambda d: (d.due_at, d.entity_id or 0))
        return out

    def next_due(self, session: Session, rule: RuleSpec, now: datetime) -> datetime | None:
        quiet = timedelta(days=rule.settings["quiet_days"])
        now = clock.utc(now)
        later = [began + quiet for _, began in self.quiet_since(session)
                 if began + quiet > now]
        return min(later, default=None)


KIND = FollowUp()
