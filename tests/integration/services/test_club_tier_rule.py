"""The tier-change rule: a member moving up a club tier is greeted once, with the tier's
name and the points; moves down only when the rule asks; "tiers" in rule conditions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.services.base import ListQuery
from tests.integration.services.automation_world import count, person, rule


def test_a_member_moving_up_is_greeted_once(core: Core) -> None:
    core.club.set_settings({"enabled": True})
    rule_id = rule(core, "tier_change", {"body": "به سطح {tier} رسیدید با {points} امتیاز"})
    ali = person(core, name="علی")
    core.club.adjust(ali, 600, "هدیه")  # none -> bronze -> silver in one step: one move
    later = datetime.now(UTC) + timedelta(minutes=1)
    (action,) = core.automation.run(now=later).actions
    assert (action.contact_id, action.action) == (ali, "sms")
    (row,) = core.outbox.list(ListQuery(filters={"rule_id": rule_id})).rows
    assert row["body"] == "به سطح نقره\u200cای رسیدید با ۶۰۰ امتیاز"
    assert core.automation.run(now=later + timedelta(minutes=1)).actions == []
    # down again: not greeted (only_up); up again: a new move, greeted
    core.club.redeem(ali, 200)
    core.club.adjust(ali, 200, "جبران")
    actions = core.automation.run(now=later + timedelta(minutes=5)).actions
    assert [a.contact_id for a in actions] == [ali]
    assert count(core, m.OutboxMessage) == 2


def test_moves_down_when_asked_and_conditions_on_tiers(core: Core) -> None:
    core.club.set_settings({"enabled": True})
    rule(core, "tier_change", {"only_up": False},
         conditions={"version": 1, "tiers": ["bronze"]})
    ali = person(core, name="علی")
    sara = person(core, name="سارا", mobile="09121112233")
    core.club.adjust(ali, 600, "هدیه")
    core.club.adjust(sara, 10, "هدیه")
    core.club.redeem(ali, 200)  # silver -> bronze
    actions = core.automation.run(now=datetime.now(UTC) + timedelta(minutes=1)).actions
    # ali is bronze now: his two moves (up to silver, down to bronze); sara's one (to bronze)
    assert sorted(a.contact_id for a in actions) == [ali, ali, sara]
