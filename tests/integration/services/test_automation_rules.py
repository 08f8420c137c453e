"""Automation rules: their settings and conditions checked, switching on, the default rules
of a new database, and the renewal kind."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.base import ListQuery
from tests.integration.services.automation_world import local, person, rule


def _codes(exc: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in exc.value.errors}


@pytest.mark.parametrize(("data", "wanted"), [
    ({"kind": "birthday", "name": "x", "settings": {"body": "سلام {tier}"}},
     ("body", "placeholder.unknown")),
    ({"kind": "birthday", "name": "x", "settings": {"channel": "email", "subject": ""}},
     ("subject", "required")),
    ({"kind": "birthday", "name": "x", "settings": {"catch_up_days": 31}},
     ("catch_up_days", "range")),
    ({"kind": "welcome", "name": "x", "settings": {"channel": "task"}}, ("channel", "choice")),
    ({"kind": "birthday", "name": "x", "settings": {"colour": 1}},
     ("colour", "unknown_field")),
    ({"kind": "birthday", "name": "x", "settings": [1]}, ("settings", "invalid")),
    ({"kind": "sleep", "name": "x"}, ("kind", "choice")),
    ({"kind": "birthday", "name": ""}, ("name", "required")),
    ({"kind": "birthday", "name": "x", "conditions": {"version": 1, "colour": 1}},
     ("colour", "unknown_field")),
])
def test_bad_rules_are_refused_naming_the_field(core: Core, data: dict, wanted: tuple) -> None:
    before = len(core.automation.rules())
    with pytest.raises(ValidationError) as refused:
        core.automation.create_rule(data)
    assert wanted in _codes(refused)
    assert len(core.automation.rules()) == before


def test_a_rule_keeps_its_settings_merged_and_its_kind(core: Core) -> None:
    rule_id = core.automation.create_rule({"kind": "birthday", "name": "تولد",
                                           "settings": {"send_hour": 8}})
    core.automation.update_rule(rule_id, {"settings": {"channel": "task"},
                                          "conditions": {"version": 1, "cities": ["قم"]}})
    row = core.automation.rule(rule_id)
    assert (row["settings"]["send_hour"], row["settings"]["channel"]) == (8, "task")
    assert row["conditions"] == {"version": 1, "cities": ["قم"]}
    assert row["enabled"] is False and row["enabled_at"] is None
    with pytest.raises(ValidationError) as refused:
        core.automation.update_rule(rule_id, {"kind": "welcome"})
    assert ("kind", "invalid") in _codes(refused)
    core.automation.update_rule(rule_id, {"conditions": None})
    assert core.automation.rule(rule_id)["conditions"] is None


def test_switching_on_starts_the_rules_window(core: Core) -> None:
    rule_id = core.automation.create_rule({"kind": "welcome", "name": "خوشامد"})
    core.automation.set_enabled(rule_id, True)
    on = core.automation.rule(rule_id)["enabled_at"]
    assert on is not None
    core.automation.set_enabled(rule_id, True)  # already on: the window stays
    assert core.automation.rule(rule_id)["enabled_at"] == on
    with pytest.raises(ValidationError):
        core.automation.set_enabled(rule_id, "yes")


def test_a_new_database_has_one_rule_of_each_kind_switched_off(tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    with Core.open(path) as core:
        rules = core.automation.rules()
        assert sorted(r["kind"] for r in rules) == sorted(core.automation.kinds())
        assert not any(r["enabled"] for r in rules)
        birthday = next(r for r in rules if r["kind"] == "birthday")
        assert birthday["name"] == "تبریک تولد" and "{first_name}" in \
            birthday["settings"]["body"]
        core.automation.delete_rule(birthday["id"])
    with Core.open(path) as core:  # a rule the user deleted is not brought back
        assert "birthday" not in {r["kind"] for r in core.automation.rules()}


def test_placeholders_and_defaults_per_kind(core: Core) -> None:
    assert "renewal_date" in core.automation.placeholders("renewal")
    assert "renewal_date" not in core.automation.placeholders("birthday")
    assert core.automation.defaults("welcome")["catch_up_days"] == 3
    with pytest.raises(ValidationError):
        core.automation.placeholders("sleep")


# -- renewal ---------------------------------------------------------------------------
def _won(core: Core, contact: int, closed: datetime, title: str = "قرارداد") -> int:
    won = next(s["id"] for s in core.stages.list() if s["outcome"] == "won")
    deal = core.deals.create({"title": title, "contact_id": contact,
                              "amount_rial": 1_000_000})
    core.deals.move(deal, won)
    with core.db.write() as session:
        session.get(m.Deal, deal).closed_at = closed
    return deal


def test_renewal_a_month_before_the_anniversary_of_the_last_won_deal(core: Core) -> None:
    rule(core, "renewal", {"task_subject": "تمدید {full_name} {renewal_date}"})
    ali = person(core)
    deal = _won(core, ali, local(date(2025, 12, 20), 11))  # 29 Azar 1404
    # 29 Azar 1405 is 2026-12-20; thirty days before is 2026-11-20
    assert core.automation.run(now=local(date(2026, 11, 19), 10)).actions == []
    (action,) = core.automation.run(now=local(date(2026, 11, 20), 10)).actions
    assert (action.action, action.entity, action.entity_id) == ("task", "deal", deal)
    assert action.detail == "تمدید علی رضایی ۱۴۰۵/۰۹/۲۹"
    (task,) = core.activities.list(ListQuery(filters={"deal_id": deal, "kind": "task"})).rows
    assert task["contact_id"] == ali


def test_a_newer_won_deal_moves_the_renewal_and_the_trash_is_ignored(core: Core) -> None:
    rule(core, "renewal", {"days_before": 0})
    ali = person(core)
    _won(core, ali, local(date(2025, 12, 20), 11))
    newer = _won(core, ali, local(date(2026, 2, 1), 11), "خرید دوم")
    assert core.automation.run(now=local(date(2026, 12, 20), 10)).actions == []
    core.deals.delete(newer)  # in the Trash: the older deal is the last one again
    (action,) = core.automation.run(now=local(date(2026, 12, 20), 10)).actions
    assert action.contact_id == ali


def test_renewal_from_the_day_a_contact_became_a_customer(core: Core) -> None:
    rule(core, "renewal", {"date_source": "customer_since", "days_before": 7,
                           "channel": "sms", "body": "تمدید شما {renewal_date}"})
    ali = person(core, lifecycle_stage="customer")
    # 1:00 on 10 May 2024 in Tehran (21 Ordibehesht 1403) is still 9 May in UTC
    with core.db.write() as session:
        session.get(m.Contact, ali).customer_since = local(date(2024, 5, 10), 1)
    # 21 Ordibehesht 1404 is 2025-05-11; a week before is 2025-05-04
    assert core.automation.run(now=local(date(2025, 5, 3), 9, 5)).actions == []
    (action,) = core.automation.run(now=local(date(2025, 5, 4), 9, 5)).actions
    assert (action.action, action.detail) == ("sms", "تمدید شما ۱۴۰۴/۰۲/۲۱")
    assert core.automation.run(now=local(date(2025, 5, 4), 9, 5)
                               + timedelta(hours=1)).actions == []


def test_customer_since_follows_the_stage_whoever_moves_it(core: Core) -> None:
    created_as_customer = core.contacts.create({"last_name": "الف",
                                                "lifecycle_stage": "customer"})
    assert core.contacts.get(created_as_customer)["customer_since"] is not None
    lead = core.contacts.create({"last_name": "ب"})
    core.contacts.update(lead, {"city": "قم"})
    assert core.contacts.get(lead)["customer_since"] is None
    _won(core, lead, datetime(2026, 1, 1, tzinfo=local(date(2026, 1, 1), 0).tzinfo))
    became = core.contacts.get(lead)
    assert became["lifecycle_stage"] == "customer" and became["customer_since"] is not None
    core.contacts.update(lead, {"lifecycle_stage": "customer", "city": "کرج"})  # no change
    assert core.contacts.get(lead)["customer_since"] == became["customer_since"]
    core.contacts.update(lead, {"lifecycle_stage": "loyal"})  # leaving keeps the date
    assert core.contacts.get(lead)["customer_since"] == became["customer_since"]
    core.contacts.update(lead, {"lifecycle_stage": "customer"})  # again: a new date
    assert core.contacts.get(lead)["customer_since"] > became["customer_since"]
