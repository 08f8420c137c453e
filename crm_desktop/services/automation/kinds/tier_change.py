"""Club tier change: an SMS or e-mail when a club member moves to another tier (no Qt).

Due when the move is recorded (club_tier_changes, written by services/club/ whenever a
member's points, spend or the tiers change). With `only_up` (the default) only moves up
are greeted; a move down is greeted only when `only_up` is off. A move to no tier (a
member who fell below the lowest tier) is never greeted. One occurrence per recorded move
("tier:<change id>"). Extras: {tier} (the new tier's name as the settings call it now)
and {points} (the member's balance at the move). A marketing message: it needs consent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.enums import RuleKind
from crm_desktop.services import fields as f
from crm_desktop.services.automation.kinds import common
from crm_desktop.services.automation.model import Due, RuleSpec
from crm_desktop.services.club.config import read_in
from crm_desktop.text.digits import format_number

ZW = "\u200c"
SPECS: dict[str, f.Field] = {
    "channel": f.Field(common.channel((common.SMS, common.EMAIL)), empty=common.SMS),
    "body": common.SPECS["body"],
    "subject": common.SPECS["subject"],
    "only_up": f.Field(f.boolean, empty=True),
    "catch_up_days": f.Field(f.integer(0, common.MAX_CATCH_UP_DAYS), empty=3),
}


class TierChange:
    name = RuleKind.TIER_CHANGE.value

    def defaults(self) -> dict[str, Any]:
        return {
            "channel": common.SMS,
            "body": (f"{{first_name}} عزیز، تبریک! سطح شما در باشگاه مشتریان به {{tier}} "
                     f"رسید. امتیاز شما: {{points}}. از همراهی{ZW}تان سپاسگزاریم."),
            "subject": f"سطح تازه{ZW}ی شما در باشگاه مشتریان",
            "only_up": True,
            "catch_up_days": 3,
        }

    def clean(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        return common.clean(self.name, SPECS, self.defaults(), settings)

    @staticmethod
    def _moves(rule: RuleSpec) -> Any:
        t, c = m.ClubTierChange, m.Contact
        q = (select(t.id, t.contact_id, t.at, t.to_tier, t.points)
             .join(c, c.id == t.contact_id)
             .where(c.deleted_at.is_(None), t.to_tier.is_not(None)))
        return q.where(t.up.is_(True)) if rule.settings["only_up"] else q

    def due(self, session: Session, rule: RuleSpec, now: datetime,
            since: datetime) -> Iterable[Due]:
        t = m.ClubTierChange
        names = {x["key"]: x["name"] for x in read_in(session)["tiers"]}
        q = self._moves(rule).where(t.at > since, t.at <= now).order_by(t.at, t.id)
        action = rule.settings["channel"]
        for change_id, contact_id, at, tier, points in session.execute(q).all():
            yield Due(f"tier:{change_id}", contact_id, action, clock.utc(at),
                      values={"tier": names.get(tier, tier),
                              "points": format_number(int(points), persian=True)})

    def next_due(self, session: Session, rule: RuleSpec, now: datetime) -> datetime | None:
        # a move is greeted as soon as it is recorded: nothing is known to come
        t = m.ClubTierChange
        later = session.scalar(self._moves(rule).with_only_columns(func.min(t.at))
                               .where(t.at > now))
        return clock.utc(later) if later is not None else None


KIND = TierChange()
