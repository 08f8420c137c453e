"""Every public write method of every service leaves audit rows describing what it changed.

The walk is discovered from Core: each public method of each service is either a read
(READ_ONLY, by name) or a write with a scenario in WALK (or REFUSED: it raises and changes
nothing). A new method in neither makes `test_every_method_is_walked` fail.

Each scenario runs on a fresh copy of one small database, read whole before and after the
call; the audit rows the call added must describe every change, by the scheme at the top of
crm_desktop/services/audit.py (create rows replayed with their updates give the new row;
updates carry the old values; delete/purged rows every audited column; element rows on
their owner turn an association's set before into the set after; settings one row per
changed key or part). A table changed with no audit scheme fails the test.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.db.migrate import open_database
from tests.integration.services.audit_check import (
    audit_since,
    check_audit,
    last_audit_id,
    snapshot,
)
from tests.integration.services.service_methods import NO_TRASH, READS, public_methods, services

Ids = dict[str, Any]

READ_ONLY = READS
#: writes these services refuse (no Trash for these records): they raise, change nothing
REFUSED = NO_TRASH

NEXT_WEEK = datetime.now(UTC).replace(hour=6, minute=30, second=0, microsecond=0) + timedelta(7)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


@dataclass
class Scenario:
    act: Callable[[Core, Ids], Any]
    prepare: Callable[[Core, Ids], Any] | None = None
    #: on a database with no pipeline and no data (for ensure_defaults)
    bare: bool = False


def _ensure_defaults(core: Core, _ids: Ids) -> None:
    with core.db.write(core.actor_id) as session:
        core.stages.ensure_defaults(session)


def _stage_with_history(core: Core, ids: Ids) -> None:
    # a deal went 1 -> 2 -> 3: removing stage 2 rewrites two history rows
    stages = [s["id"] for s in core.stages.list()]
    core.deals.move(ids["deal"], stages[1])
    core.deals.move(ids["deal"], stages[2])
    core.deals.move(ids["deal2"], stages[1])
    ids["stage"], ids["stage_to"] = stages[1], stages[3]


def _admin_password(core: Core, _ids: Ids) -> None:
    core.users.set_password(core.actor_id, "admin-pass")


def _closed_ticket(core: Core, ids: Ids) -> None:
    core.tickets.close(ids["ticket"], 4, "خوب")


def _won_deal(core: Core, ids: Ids) -> None:
    won = next(s["id"] for s in core.stages.list() if s["outcome"] == "won")
    core.deals.move(ids["deal"], won)


def _points(core: Core, ids: Ids) -> None:
    """The contact earned 50 points for a won deal and was given 70 more by hand."""
    _won_deal(core, ids)
    core.club.adjust(ids["contact"], 70, "خوش‌آمد")


def _stale_club(core: Core, ids: Ids) -> None:
    """Points, and a member row out of step with them (what a recompute corrects)."""
    _points(core, ids)
    with core.db.write() as session:
        session.get(m.ContactClub, ids["contact"]).balance = 1


def _member_birthday(core: Core, ids: Ids) -> None:
    """A member (points) whose birthday comes round at ids["now"]; birthday points on."""
    _points(core, ids)
    born, ids["now"] = _birthday_soon()
    core.contacts.update(ids["contact"], {"birthday": born})
    core.club.set_settings({"birthday_points": 40})


def _second_list_member(core: Core, ids: Ids) -> None:
    core.lists.add_members(ids["list"], [ids["contact2"]])


def _second_list_member_and_a_segment(core: Core, ids: Ids) -> None:
    # contact2 joins through the list and the segment: one new member, not two
    _second_list_member(core, ids)
    with core.db.write() as session:
        session.add(m.ContactRfm(contact_id=ids["contact2"], segment="loyal"))
    core.campaigns.add_target(ids["campaign"], segment="loyal")


def _second_member(core: Core, ids: Ids) -> None:
    _second_list_member(core, ids)
    core.campaigns.add_members_from_targets(ids["campaign"])
    core.campaigns.set_member_status(ids["campaign"], ids["contact2"], "delivered")


def _sms_ready(core: Core, ids: Ids) -> None:
    """The campaign's member can get an SMS, and a message is written."""
    core.contacts.update(ids["contact"], {"mobile": "09121234567", "sms_consent": True})
    ids["message"] = core.outbox.save_message(ids["campaign"], "sms", "سلام {first_name}")


def _queued(core: Core, ids: Ids) -> None:
    _sms_ready(core, ids)
    core.outbox.queue(ids["message"])
    ids["outbox"] = core.outbox.list_ids()


def _cancelled(core: Core, ids: Ids) -> None:
    _queued(core, ids)
    core.outbox.cancel(ids["outbox"])


def _in_a_file(core: Core, ids: Ids) -> None:
    _queued(core, ids)
    core.outbox.export_file(Path(tempfile.mkdtemp()) / "panel.csv")


def _import_plan(ids: Ids) -> Any:
    """A contacts import: a new contact with a new company and a tag, an update of an
    existing contact (its empty city filled, a company linked), every contact tagged and
    put on a list."""
    from crm_desktop.services.imports.model import ImportOptions, Match
    from tests.integration.services.import_plans import planned

    plan = planned([
        (2, {"first_name": "نگار", "last_name": "امیری", "mobile": "09131112233",
             "birthday": date(1990, 3, 4), "company": "پخش البرز", "tags": ["نو"]}),
        (3, {"last_name": "کریمی", "city": "رشت", "company": "فولاد شیراز"},
         Match("mobile", "09121112233", existing_id=ids["contact2"])),
    ])
    return plan, ImportOptions(tags=["VIP", "نمایشگاه"], list_id=ids["list"],
                               on_duplicate="update")


def _imported(core: Core, ids: Ids) -> None:
    core.imports.run(*_import_plan(ids))


def _contact2_has_everything(core: Core, ids: Ids) -> None:
    """contact2 has one of every related record, shares a list, a campaign and a tag
    with contact, and a second company has a contact, a deal and a ticket."""
    c2 = ids["contact2"]
    core.contacts.update(c2, {"mobile": "09121234567", "email": "k@example.com",
                              "sms_consent": True, "tags": ["VIP", "همکار"]})
    core.contacts.update(ids["contact"], {"mobile": "09127654321", "sms_consent": True})
    won = next(s["id"] for s in core.stages.list() if s["outcome"] == "won")
    ids["deal3"] = core.deals.create({"title": "خرید دوم", "contact_id": c2,
                                      "amount_rial": 8_000_000})
    core.deals.move(ids["deal3"], won)
    core.tickets.create({"subject": "پیگیری", "contact_id": c2})
    core.activities.create({"kind": "call", "subject": "تماس", "contact_id": c2,
                            "done_at": NEXT_WEEK - timedelta(days=20)})
    core.proformas.create({"contact_id": c2}, [{"description": "نصب",
                                                "unit_price_rial": 1_000_000}])
    _second_member(core, ids)  # contact2 in the list and the campaign, "delivered"
    ids["message"] = core.outbox.save_message(ids["campaign"], "sms", "سلام {first_name}")
    core.outbox.queue(ids["message"])
    ids["account2"] = core.accounts.create({"name": "شرکت فولاد شیراز", "city": "شیراز",
                                            "phone": "07132345678"})
    core.contacts.create({"last_name": "کارمند", "account_id": ids["account2"]})
    core.deals.create({"title": "خرید ورق", "account_id": ids["account2"]})
    core.tickets.create({"subject": "ورق", "account_id": ids["account2"]})


def _merge_both(core: Core, ids: Ids) -> None:
    core.merging.merge("contacts", ids["contact"], [ids["contact2"]],
                       choose={"mobile": ids["contact2"], "email": ids["contact2"]},
                       values={"job_title": "مدیر خرید"})
    core.merging.merge("companies", ids["account"], [ids["account2"]],
                       choose={"phone": ids["account2"]})


def _birthday_soon() -> tuple[date, datetime]:
    """A birthday whose Jalali day comes round in ten days or so, and an instant on that
    day after the greetings go out (whatever day the test runs)."""
    import jdatetime

    from crm_desktop.domain import clock
    from crm_desktop.services.automation.kinds import common

    day = clock.today() + timedelta(days=10)
    while jdatetime.date.fromgregorian(date=day).day > 29:
        day += timedelta(days=1)
    born = common.anniversary_in(common.jalali_md(day),
                                 jdatetime.date.fromgregorian(date=day).year - 30)
    return born, common.send_time(day, 9) + timedelta(hours=2)


def _birthday_rules(core: Core, ids: Ids) -> None:
    """Two birthday rules on (an SMS, a task to call); contact can get an SMS, contact2
    has no mobile."""
    born, ids["now"] = _birthday_soon()
    core.contacts.update(ids["contact"], {"mobile": "09121234567", "sms_consent": True,
                                          "birthday": born})
    core.contacts.update(ids["contact2"], {"birthday": born})
    ids["rule"] = core.automation.create_rule({"kind": "birthday", "name": "تبریک",
                                              "enabled": True})
    ids["task_rule"] = core.automation.create_rule(
        {"kind": "birthday", "name": "تماس تولد", "enabled": True,
         "settings": {"channel": "task"}})


def _a_rule_that_acted(core: Core, ids: Ids) -> None:
    _birthday_rules(core, ids)
    core.automation.run(now=ids["now"])


def _a_rule(core: Core, ids: Ids) -> None:
    ids["rule"] = core.automation.create_rule({"kind": "welcome", "name": "خوشامد"})


def _satisfaction_asked(core: Core, ids: Ids) -> None:
    """The contact's ticket was closed and a satisfaction rule asked for a score by SMS;
    a reply file answers it."""
    from sqlalchemy import select

    core.contacts.update(ids["contact"], {"mobile": "09121234567"})
    core.automation.create_rule({"kind": "satisfaction", "name": "نظرسنجی", "enabled": True,
                                 "settings": {"days_after": 0}})
    core.tickets.close(ids["ticket"], None)
    core.automation.run(now=datetime.now(UTC) + timedelta(days=1))
    with core.db.read() as session:
        ids["request"] = session.scalar(select(m.AutomationLog.id).where(
            m.AutomationLog.entity == "ticket", m.AutomationLog.entity_id == ids["ticket"]))
    folder = Path(tempfile.mkdtemp())
    ids["reply_file"] = folder / "replies.csv"
    when = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    ids["reply_file"].write_text(f"mobile,text,time\n09121234567,۵,{when}\n",
                                 encoding="utf-8")


class _Accepts:
    channel = "sms"

    def send(self, message: Any) -> str:
        return f"ref-{message.id}"

    def close(self) -> None:
        pass


WALK: dict[tuple[str, str], Scenario] = {
    ("users", "create"): Scenario(
        lambda c, i: c.users.create({"username": "reza", "display_name": "رضا"})),
    ("users", "update"): Scenario(
        lambda c, i: c.users.update(i["user"], {"display_name": "سارا احمدی",
                                                "role": "manager"})),
    ("users", "set_password"): Scenario(lambda c, i: c.users.set_password(i["user"], "secret1")),
    ("contacts", "create"): Scenario(lambda c, i: c.contacts.create(
        {"first_name": "مینا", "last_name": "نوری", "city": "قم", "tags": ["VIP", "نو"]})),
    ("contacts", "update"): Scenario(lambda c, i: c.contacts.update(
        i["contact"], {"city": "کرج", "mobile": "09121234567", "tags": ["VIP", "همکار"]})),
    ("contacts", "delete"): Scenario(lambda c, i: c.contacts.delete(i["contact2"])),
    ("contacts", "restore"): Scenario(lambda c, i: c.contacts.restore(i["deleted_contact"])),
    ("contacts", "restore_many"): Scenario(
        lambda c, i: c.contacts.restore_many([i["deleted_contact"]])),
    ("contacts", "set_tags"): Scenario(lambda c, i: c.contacts.set_tags(i["contact"], ["جدید"])),
    ("accounts", "create"): Scenario(lambda c, i: c.accounts.create({"name": "کاشی یزد"})),
    ("accounts", "update"): Scenario(lambda c, i: c.accounts.update(
        i["account"], {"name": "فولاد فارس", "phone": "07132345678"})),
    ("accounts", "delete"): Scenario(lambda c, i: c.accounts.delete(i["account"])),
    ("accounts", "restore"): Scenario(lambda c, i: c.accounts.restore(i["deleted_account"])),
    ("accounts", "restore_many"): Scenario(
        lambda c, i: c.accounts.restore_many([i["deleted_account"]])),
    ("products", "create"): Scenario(lambda c, i: c.products.create(
        {"name": "خودکار", "unit_price_rial": 50_000})),
    ("products", "update"): Scenario(lambda c, i: c.products.update(
        i["product"], {"unit_price_rial": 1_500_000, "active": False})),
    ("stages", "create"): Scenario(lambda c, i: c.stages.create("ارائه دمو", 60)),
    ("stages", "update"): Scenario(lambda c, i: c.stages.update(
        c.stages.list()[0]["id"], name="سرنخ", probability=15)),
    ("stages", "reorder"): Scenario(lambda c, i: c.stages.reorder(
        [s["id"] for s in c.stages.list()][::-1])),
    ("stages", "remove"): Scenario(lambda c, i: c.stages.remove(i["stage"], i["stage_to"]),
                                   prepare=_stage_with_history),
    ("stages", "ensure_defaults"): Scenario(_ensure_defaults, bare=True),
    ("deals", "create"): Scenario(lambda c, i: c.deals.create(
        {"title": "فروش دوم", "contact_id": i["contact"], "amount_rial": 7_000_000})),
    ("deals", "update"): Scenario(lambda c, i: c.deals.update(
        i["deal"], {"amount_rial": 9_000_000, "expected_close": date(2027, 1, 10)})),
    ("deals", "delete"): Scenario(lambda c, i: c.deals.delete(i["deal"])),
    ("deals", "restore"): Scenario(lambda c, i: c.deals.restore(i["deleted_deal"])),
    ("deals", "restore_many"): Scenario(
        lambda c, i: c.deals.restore_many([i["deleted_deal"]])),
    ("deals", "move"): Scenario(lambda c, i: c.deals.move(
        i["deal"], next(s["id"] for s in c.stages.list() if s["outcome"] == "won"))),
    ("settings", "set"): Scenario(lambda c, i: c.settings.set("reminder_minutes", 15)),
    ("settings", "set_company"): Scenario(lambda c, i: c.settings.set_company(
        {"name": "شرکت نمونه", "phone": "02188776655"})),
    ("settings", "set_profile"): Scenario(lambda c, i: c.settings.set_profile(
        {"name": "شرکت نمونه", "phone": "02188776655"}, "9", PNG)),
    ("settings", "set_display_unit"): Scenario(
        lambda c, i: c.settings.set_display_unit("toman")),
    ("settings", "set_logo"): Scenario(lambda c, i: c.settings.set_logo(PNG)),
    ("settings", "set_sla"): Scenario(lambda c, i: c.settings.set_sla(
        holidays=[date(2027, 3, 21)], targets={"high": (2, 8)})),
    ("settings", "set_time_zone"): Scenario(
        lambda c, i: c.settings.set_time_zone("Asia/Dubai")),
    ("settings", "set_vat_rate"): Scenario(lambda c, i: c.settings.set_vat_rate("9")),
    ("settings", "set_rfm_window_years"): Scenario(
        lambda c, i: c.settings.set_rfm_window_years(3)),
    ("rfm", "recompute"): Scenario(lambda c, i: c.rfm.recompute(), prepare=_won_deal),
    ("activities", "create"): Scenario(lambda c, i: c.activities.create(
        {"kind": "call", "subject": "پیگیری", "contact_id": i["contact"],
         "done_at": NEXT_WEEK - timedelta(days=8)})),
    ("activities", "update"): Scenario(lambda c, i: c.activities.update(
        i["activity"], {"subject": "تماس دوم", "duration_minutes": 20})),
    ("activities", "complete"): Scenario(
        lambda c, i: c.activities.complete(i["activity"], "انجام شد")),
    ("activities", "reopen"): Scenario(lambda c, i: c.activities.reopen(i["done_activity"])),
    ("activities", "delete"): Scenario(lambda c, i: c.activities.delete(i["repeating"])),
    ("activities", "skip_occurrence"): Scenario(lambda c, i: c.activities.skip_occurrence(
        i["repeating"], i["repeating_day"] + timedelta(days=7))),
    ("tickets", "create"): Scenario(lambda c, i: c.tickets.create(
        {"subject": "گارانتی", "contact_id": i["contact"], "priority": "high"})),
    ("tickets", "update"): Scenario(lambda c, i: c.tickets.update(
        i["ticket"], {"status": "open", "priority": "urgent"})),
    ("tickets", "delete"): Scenario(lambda c, i: c.tickets.delete(i["ticket"])),
    ("tickets", "restore"): Scenario(lambda c, i: c.tickets.restore(i["deleted_ticket"])),
    ("tickets", "restore_many"): Scenario(
        lambda c, i: c.tickets.restore_many([i["deleted_ticket"]])),
    ("tickets", "close"): Scenario(lambda c, i: c.tickets.close(i["ticket"], 5, "عالی")),
    ("tickets", "reopen"): Scenario(lambda c, i: c.tickets.reopen(i["ticket"]),
                                    prepare=_closed_ticket),
    ("tickets", "add_comment"): Scenario(lambda c, i: c.tickets.add_comment(
        i["ticket"], "قطعه ارسال شد", internal=False)),
    # a new static list with its first members ("Add to list" > a new list)
    ("lists", "create"): Scenario(lambda c, i: c.lists.create(
        {"name": "نمایشگاه", "members": [i["contact"], i["contact2"], i["deleted_contact"]]})),
    ("lists", "update"): Scenario(lambda c, i: c.lists.update(
        i["list"], {"description": "مشتریان وفادار"})),
    ("lists", "delete"): Scenario(lambda c, i: c.lists.delete(i["list2"])),
    ("lists", "add_members"): Scenario(lambda c, i: c.lists.add_members(
        i["list"], [i["contact"], i["contact2"], i["deleted_contact"]])),
    ("lists", "remove_members"): Scenario(lambda c, i: c.lists.remove_members(
        i["list"], [i["contact"], i["contact2"]])),
    ("campaigns", "create"): Scenario(lambda c, i: c.campaigns.create(
        {"name": "یلدا", "channel": "sms", "budget_rial": 1_000_000})),
    ("campaigns", "update"): Scenario(lambda c, i: c.campaigns.update(
        i["campaign"], {"status": "active", "actual_cost_rial": 400_000})),
    ("campaigns", "add_members_from_targets"): Scenario(
        lambda c, i: c.campaigns.add_members_from_targets(i["campaign"]),
        prepare=_second_list_member_and_a_segment),
    ("campaigns", "add_target"): Scenario(
        lambda c, i: c.campaigns.add_target(i["campaign"], segment="at_risk")),
    ("campaigns", "remove_target"): Scenario(
        lambda c, i: c.campaigns.remove_target(i["campaign"], i["target"])),
    ("campaigns", "set_members_status"): Scenario(
        lambda c, i: c.campaigns.set_members_status(i["campaign"], "sent",
                                                    [i["contact"], i["contact2"]]),
        prepare=_second_member),
    ("campaigns", "set_member_status"): Scenario(lambda c, i: c.campaigns.set_member_status(
        i["campaign"], i["contact"], "responded")),
    ("outbox", "save_message"): Scenario(lambda c, i: c.outbox.save_message(
        i["campaign"], "email", "سلام {full_name}", subject="خبرنامه")),
    ("outbox", "queue"): Scenario(lambda c, i: c.outbox.queue(i["message"]),
                                  prepare=_sms_ready),
    ("outbox", "cancel"): Scenario(lambda c, i: c.outbox.cancel(i["outbox"]), prepare=_queued),
    ("outbox", "retry"): Scenario(lambda c, i: c.outbox.retry(i["outbox"]),
                                  prepare=_cancelled),
    ("outbox", "send_due"): Scenario(lambda c, i: c.outbox.send_due({"sms": _Accepts()}),
                                     prepare=_queued),
    ("outbox", "export_file"): Scenario(lambda c, i: c.outbox.export_file(
        Path(tempfile.mkdtemp()) / "panel.xlsx", "xlsx"), prepare=_queued),
    ("outbox", "confirm_file"): Scenario(lambda c, i: c.outbox.confirm_file(
        i["outbox"], uploaded=True), prepare=_in_a_file),
    ("outbox", "recover_interrupted"): Scenario(lambda c, i: c.outbox.recover_interrupted(),
                                                prepare=_in_a_file),
    ("auth", "sign_in"): Scenario(lambda c, i: c.auth.sign_in("admin", "admin-pass"),
                                  prepare=_admin_password),
    ("auth", "begin_setup"): Scenario(lambda c, i: c.auth.begin_setup()),
    ("auth", "complete_setup"): Scenario(lambda c, i: c.auth.complete_setup(
        single_user=False, display_name="مریم", username="maryam", password="first-pass"),
        prepare=lambda c, i: c.auth.begin_setup()),
    ("auth", "set_single_user"): Scenario(lambda c, i: c.auth.set_single_user(False),
                                          prepare=_admin_password),
    ("auth", "change_own_password"): Scenario(lambda c, i: c.auth.change_own_password(
        "admin-pass", "new-pass-1"), prepare=_admin_password),
    ("auth", "reset_password"): Scenario(lambda c, i: c.auth.reset_password(i["user"], "r-pass")),
    ("access", "set_role_permissions"): Scenario(
        lambda c, i: c.access.set_role_permissions("reception", ["see_all", "export"])),
    ("settings", "set_sending"): Scenario(lambda c, i: c.settings.set_sending(
        {"sms_delivery": "http", "sms_gateway_url": "https://api.example.ir/{api_key}/send",
         "smtp_port": 465})),
    ("proformas", "create"): Scenario(lambda c, i: c.proformas.create(
        {"contact_id": i["contact"], "deal_id": i["deal"]},
        [{"product_id": i["product"], "quantity": 2}])),
    ("proformas", "update"): Scenario(lambda c, i: c.proformas.update(
        i["proforma"], {"notes": "تحویل فوری"},
        [{"description": "نصب", "unit_price_rial": 2_000_000}])),
    ("merging", "merge"): Scenario(_merge_both, prepare=_contact2_has_everything),
    ("backups", "set_settings"): Scenario(lambda c, i: c.backups.set_settings(
        {"keep_daily": 14, "encrypt": True, "folder": str(c.db.path.parent)})),
    ("backups", "make"): Scenario(lambda c, i: c.backups.make("manual", c.db.path.parent)),
    ("club", "set_settings"): Scenario(lambda c, i: c.club.set_settings(
        {"basis": "spend", "expiry_months": 6, "tiers": [
            {"key": "silver", "name": "نقره", "min": 1_000_000},
            {"key": "gold", "name": "طلا", "min": 4_000_000}]}), prepare=_won_deal),
    ("club", "adjust"): Scenario(lambda c, i: c.club.adjust(i["contact"], -20, "اصلاح"),
                                 prepare=_points),
    ("club", "redeem"): Scenario(lambda c, i: c.club.redeem(i["contact"], 30, "هدیه"),
                                 prepare=_points),
    ("club", "redeem_on_proforma"): Scenario(lambda c, i: c.club.redeem_on_proforma(
        i["proforma"], 10), prepare=_points),
    ("club", "expire"): Scenario(lambda c, i: c.club.expire(NEXT_WEEK + timedelta(days=800)),
                                 prepare=_points),
    ("club", "recompute"): Scenario(lambda c, i: c.club.recompute(), prepare=_stale_club),
    ("club", "award_birthdays"): Scenario(lambda c, i: c.club.award_birthdays(i["now"]),
                                          prepare=_member_birthday),
    ("proformas", "set_status"): Scenario(lambda c, i: c.proformas.set_status(
        i["proforma"], "accepted", mark_deal_won=True)),
    ("imports", "run"): Scenario(lambda c, i: c.imports.run(*_import_plan(i))),
    ("imports", "undo_last"): Scenario(lambda c, i: c.imports.undo_last(), prepare=_imported),
    ("automation", "create_rule"): Scenario(lambda c, i: c.automation.create_rule(
        {"kind": "birthday", "name": "تبریک تولد", "enabled": True,
         "settings": {"channel": "task", "send_hour": 10},
         "conditions": {"version": 1, "cities": ["تهران"]}})),
    ("automation", "update_rule"): Scenario(lambda c, i: c.automation.update_rule(
        i["rule"], {"name": "خوشامد گرم", "enabled": True, "settings": {"delay_hours": 2},
                    "conditions": {"version": 1, "stages": ["customer"]}}), prepare=_a_rule),
    ("automation", "set_enabled"): Scenario(
        lambda c, i: c.automation.set_enabled(i["rule"], True), prepare=_a_rule),
    ("automation", "delete_rule"): Scenario(
        lambda c, i: c.automation.delete_rule(i["rule"]), prepare=_a_rule_that_acted),
    ("replies", "record"): Scenario(lambda c, i: c.replies.record(i["request"], 4),
                                   prepare=_satisfaction_asked),
    ("replies", "import_file"): Scenario(lambda c, i: c.replies.import_file(i["reply_file"]),
                                        prepare=_satisfaction_asked),
    ("automation", "run"): Scenario(lambda c, i: c.automation.run(now=i["now"]),
                                    prepare=_birthday_rules),
}


def _build(core: Core) -> Ids:
    """A small database with one of everything (and some of it in the Trash)."""
    i: Ids = {}
    i["user"] = core.users.create({"username": "sara", "display_name": "سارا"})
    i["account"] = core.accounts.create({"name": "فولاد شیراز", "city": "شیراز"})
    i["deleted_account"] = core.accounts.create({"name": "بسته شده"})
    core.accounts.delete(i["deleted_account"])
    i["contact"] = core.contacts.create({"first_name": "علی", "last_name": "رضایی",
                                         "account_id": i["account"], "tags": ["VIP", "تهران"]})
    i["contact2"] = core.contacts.create({"last_name": "کریمی", "owner_id": i["user"]})
    i["deleted_contact"] = core.contacts.create({"last_name": "حذفی"})
    core.contacts.delete(i["deleted_contact"])
    i["product"] = core.products.create({"name": "کاغذ A4", "unit_price_rial": 1_250_000})
    i["deal"] = core.deals.create({"title": "قرارداد سالانه", "contact_id": i["contact"],
                                   "amount_rial": 5_000_000})
    i["deal2"] = core.deals.create({"title": "خرید کاغذ", "account_id": i["account"]})
    i["deleted_deal"] = core.deals.create({"title": "منصرف شد"})
    core.deals.delete(i["deleted_deal"])
    i["ticket"] = core.tickets.create({"subject": "خرابی دستگاه", "contact_id": i["contact"]})
    i["deleted_ticket"] = core.tickets.create({"subject": "تکراری"})
    core.tickets.delete(i["deleted_ticket"])
    i["activity"] = core.activities.create({"kind": "call", "subject": "تماس",
                                            "contact_id": i["contact"], "due_at": NEXT_WEEK})
    i["done_activity"] = core.activities.create(
        {"kind": "meeting", "subject": "جلسه", "contact_id": i["contact"],
         "due_at": NEXT_WEEK - timedelta(days=10), "done_at": NEXT_WEEK - timedelta(days=9)})
    i["repeating"] = core.activities.create(
        {"kind": "meeting", "subject": "جلسه هفتگی", "due_at": NEXT_WEEK,
         "recurrence": "weekly"})
    day = next(r["occurs_at"] for r in core.activities.occurrences_between(
        NEXT_WEEK - timedelta(hours=1), NEXT_WEEK + timedelta(hours=1)))
    from crm_desktop.services.activities import local_day

    i["repeating_day"] = local_day(day)
    core.activities.skip_occurrence(i["repeating"], i["repeating_day"])
    i["list"] = core.lists.create({"name": "مشتریان"})
    core.lists.add_members(i["list"], [i["contact"]])
    i["list2"] = core.lists.create({"name": "بازدیدکنندگان"})
    core.lists.add_members(i["list2"], [i["contact"], i["contact2"]])
    i["campaign"] = core.campaigns.create({"name": "نوروز", "channel": "sms"})
    i["target"] = core.campaigns.add_target(i["campaign"], list_id=i["list"])
    core.campaigns.add_members_from_targets(i["campaign"])
    i["proforma"] = core.proformas.create({"contact_id": i["contact"], "deal_id": i["deal"]}, [
        {"description": "مشاوره", "unit_price_rial": 3_000_000},
        {"product_id": i["product"], "quantity": "2"},
    ])
    core.settings.set_vat_rate("10")
    # the club is on: every walked write that wins or takes back a sale earns or takes back
    # points, and its audit rows must say so
    core.club.set_settings({"enabled": True, "rial_per_point": 100_000})
    return i


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Ids]:
    path = tmp_path_factory.mktemp("audit") / "template.sqlite3"
    with Core.open(path) as core:
        ids = _build(core)
    return path, ids


# -- reading the whole database -----------------------------------------------------------
def test_every_method_is_walked(core: Core) -> None:
    found = {(name, meth) for name, svc in services(core).items()
             for meth in public_methods(svc)}
    reads = {(name, meth) for name, meths in READ_ONLY.items() for meth in meths}
    walked = set(WALK) | REFUSED
    assert not reads & walked
    missing = found - reads - walked
    assert not missing, f"write methods the audit walk does not cover: {sorted(missing)}"
    assert not (reads | walked) - found, "listed methods that no longer exist"


def _open_copy(template: tuple[Path, Ids], tmp_path: Path, bare: bool) -> tuple[Core, Ids]:
    path = tmp_path / "crm.sqlite3"
    if bare:
        db = open_database(path, create=True)
        return Core(db, None), {}
    shutil.copyfile(template[0], path)
    return Core.open(path, create=False), dict(template[1])


@pytest.mark.parametrize("key", sorted(WALK), ids=lambda k: ".".join(k))
def test_write_is_audited(key: tuple[str, str], template: tuple[Path, Ids],
                          tmp_path: Path) -> None:
    scenario = WALK[key]
    core, ids = _open_copy(template, tmp_path, scenario.bare)
    with core:
        if scenario.prepare:
            scenario.prepare(core, ids)
        before, mark = snapshot(core), last_audit_id(core)
        scenario.act(core, ids)
        after, rows = snapshot(core), audit_since(core, mark)
        changes = check_audit(before, after, rows, core.actor_id)
    assert changes, f"{key} changed nothing: the scenario proves nothing"


@pytest.mark.parametrize("key", sorted(REFUSED), ids=lambda k: ".".join(k))
def test_refused_write_changes_nothing(key: tuple[str, str], template: tuple[Path, Ids],
                                       tmp_path: Path) -> None:
    core, _ids = _open_copy(template, tmp_path, False)
    with core:
        before, mark = snapshot(core), last_audit_id(core)
        with pytest.raises(TypeError):
            getattr(services(core)[key[0]], key[1])(1)
        assert snapshot(core) == before
        assert audit_since(core, mark) == []


def test_a_stage_removal_keeps_the_history_it_rewrites(template, tmp_path) -> None:
    """5 -> 7 becoming 5 -> NULL is in the log, with the removed stage's name."""
    core, ids = _open_copy(template, tmp_path, False)
    with core:
        _stage_with_history(core, ids)
        name = next(s["name"] for s in core.stages.list() if s["id"] == ids["stage"])
        mark = last_audit_id(core)
        core.stages.remove(ids["stage"], ids["stage_to"])
        rows = audit_since(core, mark)
    cleared = [r for r in rows if r["entity"] == "deal_stage_changes"
               and r["action"] == "update" and r["old_value"] == str(ids["stage"])]
    assert {r["field"] for r in cleared} == {"from_stage_id", "to_stage_id"}
    assert all(r["new_value"] is None for r in cleared)
    purged = [r for r in rows if r["entity"] == "pipeline_stages" and r["field"] == "purged"]
    assert [json.loads(r["old_value"])["name"] for r in purged] == [name]


def test_password_is_logged_without_the_hash(template, tmp_path) -> None:
    core, ids = _open_copy(template, tmp_path, False)
    with core:
        mark = last_audit_id(core)
        core.users.set_password(ids["user"], "secret1")
        rows = audit_since(core, mark)
        with core.db.read() as session:
            stored = session.get(m.User, ids["user"]).password_hash
    assert [(r["entity"], r["entity_id"], r["field"], r["old_value"], r["new_value"])
            for r in rows] == [("users", ids["user"], "password", None, None)]
    assert stored and all(stored not in str(r.values()) for r in rows)
