"""Automation runs: once per occurrence (twice, two processes, a crash half-way), the
catch-up window, conditions, consent, the Trash, dry runs, the log and the timeline."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.automation import actions
from crm_desktop.services.base import ListQuery
from tests.integration.services.automation_world import (
    count,
    local,
    person,
    rule,
    set_customer_since,
)

BIRTHDAY = date(1990, 12, 15)  # 24 Azar 1369: 24 Azar 1405 is 2026-12-15
DAY = date(2026, 12, 15)
MORNING = local(DAY, 10)  # after 9 o'clock, when greetings go out


def test_a_second_run_does_nothing_again(core: Core) -> None:
    rule(core, "birthday")
    ali = person(core, birthday=BIRTHDAY)
    first = core.automation.run(now=MORNING)
    assert [(a.contact_id, a.action) for a in first.actions] == [(ali, "sms")]
    again = core.automation.run(now=MORNING + timedelta(hours=3))
    assert again.actions == [] and again.errors == {}
    assert count(core, m.OutboxMessage) == 1
    assert count(core, m.AutomationLog) == 1


def test_the_greeting_is_rendered_and_queued_for_the_contact(core: Core) -> None:
    rule_id = rule(core, "birthday", {"body": "سلام {first_name}، تولدت مبارک"},
                   name="تولد")
    ali = person(core, name="مریم", birthday=BIRTHDAY)
    core.automation.run(now=MORNING)
    (row,) = core.outbox.list(ListQuery(filters={"rule_id": rule_id})).rows
    assert (row["contact_id"], row["recipient"], row["body"], row["campaign_id"]) == (
        ali, "09121234567", "سلام مریم، تولدت مبارک", None)
    assert row["campaign"] == "تولد" and row["rule"] == "تولد"
    (item,) = [i for i in core.timeline.for_contact(ali) if i.kind == "message"]
    assert (item.title, item.state, item.channel, item.source) == (
        "سلام مریم، تولدت مبارک", "queued", "sms", "تولد")


def test_runs_in_two_processes_at_once_do_everything_once(tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    with Core.open(path) as core:
        rule(core, "welcome")
        for n in range(120):
            person(core, name=f"نفر{n}", lifecycle_stage="customer")
    command = [sys.executable, "-m", "crm_desktop", "automation", "run", "--db", str(path),
               "--json"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in runs]
    assert [p.returncode for p in runs] == [0, 0], outputs
    assert all(err.strip() == "" for _, err in outputs), outputs
    done = [json.loads(out) for out, _ in outputs]
    assert sorted(len(d) for d in done) in ([0, 120], [120, 0]) or \
        sum(len(d) for d in done) == 120
    assert sum(len(d) for d in done) == 120
    with Core.open(path, create=False) as core:
        assert count(core, m.OutboxMessage) == 120
        assert count(core, m.AutomationLog) == 120


def test_a_failure_between_queueing_and_logging_leaves_nothing(
        core: Core, monkeypatch: pytest.MonkeyPatch) -> None:
    rule_id = rule(core, "birthday")
    person(core, birthday=BIRTHDAY)
    real_log = actions.log

    def crash(*args, **kwargs):  # the message is queued (flushed), then the run dies
        assert count_in_session(args[0]) == 1
        raise RuntimeError("power cut")

    monkeypatch.setattr(actions, "log", crash)
    report = core.automation.run(now=MORNING)
    assert report.actions == [] and "power cut" in report.errors[rule_id]
    assert count(core, m.OutboxMessage) == 0
    assert count(core, m.AutomationLog) == 0
    assert count(core, m.AuditLog, m.AuditLog.entity == "outbox") == 0
    monkeypatch.setattr(actions, "log", real_log)
    report = core.automation.run(now=MORNING)
    assert len(report.actions) == 1 and report.errors == {}
    assert count(core, m.OutboxMessage) == 1


def count_in_session(session) -> int:
    from sqlalchemy import func, select

    return int(session.scalar(select(func.count()).select_from(m.OutboxMessage)))


@pytest.mark.parametrize(("catch_up", "days_late", "greeted"), [
    (0, 0, True), (0, 1, False), (2, 2, True), (2, 3, False), (3, 7, False),
])
def test_a_birthday_is_caught_up_only_within_the_rules_limit(
        core: Core, catch_up: int, days_late: int, greeted: bool) -> None:
    rule(core, "birthday", {"catch_up_days": catch_up})
    person(core, birthday=BIRTHDAY)
    report = core.automation.run(now=local(DAY + timedelta(days=days_late), 23, 59))
    assert bool(report.actions) is greeted


def test_a_week_closed_catches_up_the_last_days_only(core: Core) -> None:
    """Closed for a week: birthdays on each of the last seven days; a limit of two days
    greets those of today and the two days before."""
    rule(core, "birthday", {"catch_up_days": 2})
    born = {n: person(core, name=f"نفر{n}", birthday=BIRTHDAY - timedelta(days=n))
            for n in range(7)}
    report = core.automation.run(now=MORNING)
    assert sorted(a.contact_id for a in report.actions) == sorted(born[n] for n in (0, 1, 2))


def test_nothing_that_fell_due_before_the_rule_was_switched_on(core: Core) -> None:
    rule(core, "birthday", {"catch_up_days": 3}, on_since=local(DAY, 9, 30))
    person(core, birthday=BIRTHDAY)  # greeted at 9:00, before the rule was on
    person(core, name="سارا", birthday=BIRTHDAY + timedelta(days=1))
    assert core.automation.run(now=MORNING).actions == []
    later = core.automation.run(now=local(DAY + timedelta(days=1), 9, 1))
    assert [a.contact for a in later.actions] == ["سارا رضایی"]


def test_midnight_in_tehran_is_the_start_of_the_birthday(core: Core) -> None:
    rule(core, "birthday", {"send_hour": 0})
    person(core, birthday=BIRTHDAY)
    # 23:59 in Tehran on the day before is 20:29 UTC: not yet
    assert core.automation.run(now=local(DAY, 0) - timedelta(minutes=1)).actions == []
    (action,) = core.automation.run(now=local(DAY, 0)).actions
    assert action.due_at == datetime(2026, 12, 14, 20, 30, tzinfo=UTC)


def test_30_esfand_is_greeted_on_29_esfand_in_a_common_year(core: Core) -> None:
    rule(core, "birthday")
    leap_day = date(2025, 3, 20)  # 30 Esfand 1403 (1403 is leap, 1404 is not)
    ali = person(core, birthday=leap_day)
    eve = date(2026, 3, 19)  # 28 Esfand 1404
    assert core.automation.run(now=local(eve, 10)).actions == []
    (action,) = core.automation.run(now=local(date(2026, 3, 20), 10)).actions  # 29 Esfand
    assert action.contact_id == ali
    with core.db.read() as session:
        assert session.query(m.AutomationLog.key).scalar() == f"birthday:{ali}:1404"


def test_conditions_consent_and_the_trash(core: Core) -> None:
    rule(core, "birthday", conditions={"version": 1, "cities": ["تهران"]})
    tehran = person(core, city="تهران", birthday=BIRTHDAY)
    person(core, name="شیراز", city="شیراز", birthday=BIRTHDAY)
    no_consent = person(core, name="بی", city="تهران", birthday=BIRTHDAY, sms_consent=False)
    no_mobile = core.contacts.create({"last_name": "بی‌شماره", "city": "تهران",
                                      "birthday": BIRTHDAY, "sms_consent": True})
    binned = person(core, name="حذفی", city="تهران", birthday=BIRTHDAY)
    core.contacts.delete(binned)
    report = core.automation.run(now=MORNING)
    assert sorted((a.contact_id, a.action, a.detail if a.action == "skipped" else "")
                  for a in report.actions) == sorted([
        (tehran, "sms", ""), (no_consent, "skipped", "no_consent"),
        (no_mobile, "skipped", "no_mobile")])
    assert count(core, m.OutboxMessage) == 1
    # a skipped occurrence is never retried, even once the contact agrees
    core.contacts.update(no_consent, {"sms_consent": True})
    assert core.automation.run(now=MORNING).actions == []


def test_a_dry_run_lists_exactly_what_a_run_does_and_writes_nothing(core: Core) -> None:
    rule(core, "birthday")
    rule(core, "birthday", {"channel": "task"}, name="تماس")
    person(core, birthday=BIRTHDAY)
    core.contacts.create({"last_name": "بی‌شماره", "birthday": BIRTHDAY})
    tables = (m.OutboxMessage, m.AutomationLog, m.AutomationRun, m.Activity, m.AuditLog)
    before = [count(core, t) for t in tables]
    dry = core.automation.run(dry_run=True, now=MORNING)
    assert [count(core, t) for t in tables] == before
    assert dry.run_id is None
    real = core.automation.run(now=MORNING)
    assert [a.as_json() for a in dry.actions] == [a.as_json() for a in real.actions]
    assert len(real.actions) == 4


def test_a_task_goes_to_the_contacts_owner(core: Core) -> None:
    sara = core.users.create({"username": "sara", "display_name": "سارا"})
    rule(core, "birthday", {"channel": "task", "task_subject": "تماس با {full_name}"})
    ali = person(core, birthday=BIRTHDAY, owner_id=sara)
    (action,) = core.automation.run(now=MORNING).actions
    assert (action.action, action.detail) == ("task", "تماس با علی رضایی")
    (task,) = core.activities.list(ListQuery(filters={"contact_id": ali})).rows
    assert (task["kind"], task["subject"], task["owner_id"], task["due_all_day"]) == (
        "task", "تماس با علی رضایی", sara, True)


def test_welcome_when_a_contact_becomes_a_customer(core: Core) -> None:
    rule(core, "welcome", {"delay_hours": 2})
    lead = person(core)
    assert core.contacts.get(lead)["customer_since"] is None
    core.contacts.update(lead, {"lifecycle_stage": "customer"})
    became = core.contacts.get(lead)["customer_since"]
    assert became is not None
    assert core.automation.run(now=became + timedelta(hours=1)).actions == []
    (action,) = core.automation.run(now=became + timedelta(hours=2)).actions
    assert action.contact_id == lead and action.due_at == became + timedelta(hours=2)
    # a customer greeted long ago is not greeted by a run a week later (limit: 3 days)
    late = person(core, name="دیر")
    set_customer_since(core, late, became - timedelta(days=5))
    assert core.automation.run(now=became + timedelta(hours=3)).actions == []


def test_a_broken_rule_does_not_stop_the_others(core: Core) -> None:
    broken = rule(core, "birthday")
    with core.db.write() as session:
        session.get(m.AutomationRule, broken).settings_json = '{"send_hour": 99}'
    rule(core, "birthday", name="سالم")
    person(core, birthday=BIRTHDAY)
    report = core.automation.run(now=MORNING)
    assert list(report.errors) == [broken] and len(report.actions) == 1
    assert core.automation.last_run()["error"].startswith(f"{broken}:")


def test_a_deleted_rule_leaves_its_log_and_messages(core: Core) -> None:
    rule_id = rule(core, "birthday", name="تولد")
    person(core, birthday=BIRTHDAY)
    core.automation.run(now=MORNING)
    core.automation.delete_rule(rule_id)
    (row,) = core.automation_log.list().rows
    assert (row["rule_id"], row["rule_name"], row["outbox_status"]) == (None, "تولد", "queued")
    assert count(core, m.OutboxMessage, m.OutboxMessage.rule_id.is_(None)) == 1
    with pytest.raises(Exception, match="does not exist"):
        core.automation.rule(rule_id)


def test_the_rules_page_figures(core: Core) -> None:
    rule_id = rule(core, "birthday")
    person(core, birthday=BIRTHDAY)
    core.contacts.create({"last_name": "بی‌شماره", "birthday": BIRTHDAY})
    core.automation.run(now=MORNING)
    row = next(r for r in core.automation.rules() if r["id"] == rule_id)
    assert (row["actions_total"], row["actions_30d"]) == (1, 1)  # the skipped one is not
    assert row["last_run_at"] is not None and row["settings"]["send_hour"] == 9
    assert row["next_due_at"] is not None


def test_the_log_list_filters_and_searches(core: Core) -> None:
    first = rule(core, "birthday", name="تولد")
    rule(core, "birthday", {"channel": "task"}, name="تماس")
    ali = person(core, name="کامران", birthday=BIRTHDAY)
    core.contacts.create({"last_name": "بی‌شماره", "birthday": BIRTHDAY})
    core.automation.run(now=MORNING)
    log = core.automation_log
    assert log.count() == 4
    rows = log.list().rows
    assert [r["id"] for r in rows] == sorted((r["id"] for r in rows), reverse=True)
    assert log.count(ListQuery(filters={"rule_id": first})) == 2
    assert log.count(ListQuery(filters={"action": "skipped"})) == 1
    assert log.count(ListQuery(filters={"contact_id": ali})) == 2
    assert {r["contact_name"] for r in log.list(ListQuery(text="کامران")).rows} == {
        "کامران رضایی"}
    today = datetime.now(UTC).date()
    assert log.count(ListQuery(filters={"date_from": today - timedelta(days=1),
                                        "date_to": today + timedelta(days=1)})) == 4
    assert log.count(ListQuery(filters={"date_to": today - timedelta(days=2)})) == 0
    with pytest.raises(ValidationError):
        log.count(ListQuery(filters={"date_from": "1405/13/40"}))


def test_list_membership_as_a_condition(core: Core) -> None:
    vip = core.lists.create({"name": "VIP"})
    shiraz = core.lists.create({"name": "شیرازی‌ها", "kind": "filter",
                                "filter_json": {"version": 1, "cities": ["شیراز"]}})
    on_vip = person(core, name="ویژه", birthday=BIRTHDAY)
    in_shiraz = person(core, name="شیرازی", city="شیراز", birthday=BIRTHDAY)
    person(core, name="دیگر", birthday=BIRTHDAY)
    core.lists.add_members(vip, [on_vip])
    rule(core, "birthday", conditions={"version": 1, "lists": [vip, shiraz]})
    report = core.automation.run(dry_run=True, now=MORNING)
    assert sorted(a.contact_id for a in report.actions) == sorted([on_vip, in_shiraz])
    with pytest.raises(ValidationError) as refused:
        core.automation.create_rule({"kind": "birthday", "name": "x",
                                     "conditions": {"version": 1, "lists": [vip, 999]}})
    assert refused.value.errors[0].field == "lists"
    core.lists.delete(vip)  # a list deleted since: nobody on it
    report = core.automation.run(dry_run=True, now=MORNING)
    assert [a.contact_id for a in report.actions] == [in_shiraz]


def test_a_merge_moves_what_rules_did_to_the_survivor(core: Core) -> None:
    rule(core, "birthday")
    keep = person(core, name="اصلی", birthday=BIRTHDAY)
    twin = person(core, name="تکراری", birthday=BIRTHDAY)
    core.automation.run(now=MORNING)
    core.merging.merge("contacts", keep, [twin])
    assert count(core, m.AutomationLog, m.AutomationLog.contact_id == keep) == 2
    assert count(core, m.OutboxMessage, m.OutboxMessage.contact_id == keep) == 2
    assert core.automation_log.count(ListQuery(filters={"contact_id": twin})) == 0
