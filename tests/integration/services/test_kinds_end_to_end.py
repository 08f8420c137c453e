"""The reminder, feedback, satisfaction, follow-up and lead rules run by the engine
(core.automation.run): what they queue, create or assign, once."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from crm_desktop.db import models as m
from crm_desktop.db.types import utcnow
from tests.integration.services.kinds_world import contact, place

H = timedelta(hours=1)
DAY = timedelta(days=1)


def outbox(core) -> list[m.OutboxMessage]:
    with core.db.read() as session:
        rows = list(session.scalars(select(m.OutboxMessage).order_by(m.OutboxMessage.id)))
        session.expunge_all()
        return rows


def log_rows(core) -> list[m.AutomationLog]:
    with core.db.read() as session:
        rows = list(session.scalars(select(m.AutomationLog).order_by(m.AutomationLog.id)))
        session.expunge_all()
        return rows


def test_a_reminder_is_queued_once_without_consent(core) -> None:
    who = contact(core)  # no SMS consent: a reminder is a service message
    rule = core.automation.create_rule({"kind": "appointment_reminder", "name": "یادآوری",
                                        "enabled": True,
                                        "settings": {"hours_before": 24}})
    start = utcnow() + 30 * H
    aid = core.activities.create({"kind": "meeting", "subject": "ویزیت", "contact_id": who,
                                  "due_at": start})
    assert core.automation.run(now=start - 25 * H).actions == []
    preview = core.automation.run(dry_run=True, now=start - 20 * H)
    assert [(a.action, a.entity_id) for a in preview.actions] == [("sms", aid)]
    assert outbox(core) == []
    report = core.automation.run(now=start - 20 * H)
    assert [(a.rule_id, a.action, a.contact_id) for a in report.actions] == [(rule, "sms", who)]
    [message] = outbox(core)
    assert message.recipient == "09121234567" and message.rule_id == rule
    assert "یادآوری نوبت شما" in message.body and "{" not in message.body
    assert core.automation.run(now=start - 19 * H).actions == []
    assert len(outbox(core)) == 1


def test_a_satisfaction_request_after_a_closed_ticket(core) -> None:
    who = contact(core)
    core.automation.create_rule({"kind": "satisfaction", "name": "نظرسنجی", "enabled": True,
                                 "settings": {"days_after": 1, "send_hour": 10,
                                              "body": "تیکت {ticket_number}: از ۱ تا ۵؟"}})
    tid = core.tickets.create({"subject": "چاپگر", "contact_id": who})
    core.tickets.close(tid, None)
    run = core.automation.run(now=utcnow() + 2 * DAY)
    assert [(a.entity, a.entity_id) for a in run.actions] == [("ticket", tid)]
    [message] = outbox(core)
    number = core.tickets.get(tid)["number"]
    assert message.body == f"تیکت {number}: از ۱ تا ۵؟"
    [row] = log_rows(core)
    assert row.key.startswith(f"satisfaction:ticket:{tid}:") and row.outbox_id == message.id


def test_feedback_after_an_appointment_is_done(core) -> None:
    who = contact(core)
    core.automation.create_rule({"kind": "appointment_feedback", "name": "بازخورد",
                                 "enabled": True, "settings": {"hours_after": 2}})
    aid = core.activities.create({"kind": "meeting", "subject": "ویزیت", "contact_id": who,
                                  "due_at": utcnow() + H})
    core.activities.complete(aid)
    place(core, m.Activity, aid, done_at=utcnow() + 2 * H)
    assert core.automation.run(now=utcnow() + 3 * H).actions == []
    run = core.automation.run(now=utcnow() + 5 * H)
    assert [(a.action, a.entity, a.entity_id) for a in run.actions] == [
        ("sms", "activity", aid)]


def test_a_quiet_deal_gets_one_task_for_its_owner(core) -> None:
    sara = core.users.create({"username": "user_sara", "display_name": "سارا"})
    who = contact(core)
    core.automation.create_rule({"kind": "follow_up", "name": "پیگیری", "enabled": True,
                                 "settings": {"quiet_days": 7}})
    did = core.deals.create({"title": "خرید تجهیزات", "contact_id": who, "owner_id": sara})
    place(core, m.Deal, did, stage_changed_at=utcnow() + H, created_at=utcnow() + H)
    assert core.automation.run(now=utcnow() + 6 * DAY).actions == []
    run = core.automation.run(now=utcnow() + 8 * DAY)
    assert [a.action for a in run.actions] == ["task"]
    [row] = log_rows(core)
    task = core.activities.get(row.activity_id)
    assert task["owner_id"] == sara and task["deal_id"] == did and task["contact_id"] == who
    assert task["subject"] == "پیگیری معاملهٔ «خرید تجهیزات» با علی رضایی"
    # the task is not done: the deal is still in the same quiet spell
    assert core.automation.run(now=utcnow() + 30 * DAY).actions == []


def test_new_leads_are_assigned_in_turn_with_their_open_deals(core) -> None:
    a = core.users.create({"username": "user_a", "display_name": "آرش"})
    b = core.users.create({"username": "user_b", "display_name": "بهار"})
    core.automation.create_rule({"kind": "lead_assignment", "name": "تقسیم سرنخ",
                                 "enabled": True, "settings": {"users": [a, b]}})
    first = contact(core, "سرنخ یک", mobile="09120000001", lifecycle_stage="lead")
    second = contact(core, "سرنخ دو", mobile="09120000002", lifecycle_stage="lead")
    deal = core.deals.create({"title": "خرید", "contact_id": second})
    run = core.automation.run(now=utcnow() + H)
    assert [(x.contact_id, x.detail) for x in run.actions] == [(first, "آرش"), (second, "بهار")]
    assert core.contacts.get(first)["owner_id"] == a
    assert core.contacts.get(second)["owner_id"] == b
    assert core.deals.get(deal)["owner_id"] == b
    third = contact(core, "سرنخ سه", mobile="09120000003", lifecycle_stage="lead")
    run = core.automation.run(now=utcnow() + 2 * H)
    assert [(x.contact_id, x.detail) for x in run.actions] == [(third, "آرش")]


def test_every_new_kind_has_valid_defaults_and_its_placeholders(core) -> None:
    kinds = core.automation.kinds()
    for kind in ("appointment_reminder", "appointment_feedback", "satisfaction", "follow_up",
                 "lead_assignment"):
        assert kind in kinds
        rule = core.automation.create_rule({"kind": kind, "name": kind})
        assert core.automation.rule(rule)["settings"] == core.automation.defaults(kind)
    assert "appointment_time" in core.automation.placeholders("appointment_reminder")
    assert "deal_title" in core.automation.placeholders("follow_up")
