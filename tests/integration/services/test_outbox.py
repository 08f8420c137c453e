"""The outbox: exclusions before queueing, one row per recipient, sending over a real
local HTTP panel, retries with back-off, retry/cancel, the panel file, and nothing sent
twice after a crash between the claim and the result."""

from __future__ import annotations

import csv
import multiprocessing
import os
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.db.types import utcnow
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.delivery import DeliveryError, HttpSmsGateway
from crm_desktop.services.outbox import backoff
from tests.integration.services.panel_server import GOOD_KEY, Panel


def _campaign(core: Core) -> dict[str, int]:
    ids: dict[str, int] = {}
    people = {
        "ok1": {"first_name": "علی", "last_name": "رضایی", "mobile": "09121111111",
                "sms_consent": True, "email": "ali@example.com", "email_consent": True},
        "ok2": {"first_name": "Sara", "last_name": "Karimi", "mobile": "09122222222",
                "sms_consent": True},
        "no_consent": {"last_name": "بی‌اجازه", "mobile": "09123333333"},
        "no_mobile": {"last_name": "بی‌شماره", "sms_consent": True},
        "opted": {"last_name": "انصراف", "mobile": "09124444444", "sms_consent": True},
        "deleted": {"last_name": "حذفی", "mobile": "09125555555", "sms_consent": True},
    }
    for key, values in people.items():
        ids[key] = core.contacts.create(values)
    ids["list"] = core.lists.create({"name": "مشتریان"})
    core.lists.add_members(ids["list"], [v for k, v in ids.items() if k != "list"])
    ids["campaign"] = core.campaigns.create({"name": "یلدا", "channel": "sms"})
    core.campaigns.add_target(ids["campaign"], list_id=ids["list"])
    core.campaigns.add_members_from_targets(ids["campaign"])
    core.campaigns.set_member_status(ids["campaign"], ids["opted"], "opted_out")
    core.contacts.delete(ids["deleted"])
    return ids


def test_exclusions_name_each_reason_then_queue_one_row_each(core: Core) -> None:
    ids = _campaign(core)
    msg = core.outbox.save_message(ids["campaign"], "sms", "سلام {first_name} {{کد}}")
    ex = core.outbox.exclusions(msg)
    assert ex.members == 6 and ex.eligible == 2
    assert ex.counts == {"already": 0, "opted_out": 1, "deleted": 1, "no_consent": 1,
                         "no_address": 1}
    assert {r["contact_id"]: r["reason"] for r in ex.rows} == {
        ids["no_consent"]: "no_consent", ids["no_mobile"]: "no_address",
        ids["opted"]: "opted_out", ids["deleted"]: "deleted"}

    assert core.outbox.queue(msg) == 2
    rows = core.outbox.list().rows
    assert sorted((r["recipient"], r["body"], r["status"]) for r in rows) == [
        ("09121111111", "سلام علی {کد}", "queued"), ("09122222222", "سلام Sara {کد}", "queued")]
    # queued twice: nothing more; they are now "already" in the outbox
    assert core.outbox.queue(msg) == 0
    again = core.outbox.exclusions(msg)
    assert again.eligible == 0 and again.counts["already"] == 2
    assert core.outbox.counts()["queued"] == 2


def test_email_needs_consent_an_address_and_a_subject(core: Core) -> None:
    ids = _campaign(core)
    with pytest.raises(ValidationError) as info:
        core.outbox.save_message(ids["campaign"], "email", "Hi {first_name}")
    assert info.value.fields == ["subject"]
    msg = core.outbox.save_message(ids["campaign"], "email", "سلام {full_name}",
                                   subject="تخفیف {city}")
    ex = core.outbox.exclusions(msg)
    assert ex.eligible == 1  # only ok1 has an address and e-mail consent
    assert core.outbox.queue(msg) == 1
    (row,) = core.outbox.list().rows
    assert (row["recipient"], row["subject"], row["body"]) == (
        "ali@example.com", "تخفیف", "سلام علی رضایی")  # no city: no trailing space


def test_unknown_placeholders_are_refused_with_their_names(core: Core) -> None:
    ids = _campaign(core)
    with pytest.raises(ValidationError) as info:
        core.outbox.save_message(ids["campaign"], "sms", "سلام {first_name} {کد_تخفیف}")
    assert "{کد_تخفیف}" in info.value.message("fa")
    with pytest.raises(ValidationError):
        core.outbox.save_message(10**6, "sms", "x")
    with pytest.raises(NotFoundError):
        core.outbox.exclusions(10**6)


def _queued(core: Core, recipients: list[str]) -> int:
    """A campaign whose members have these mobiles, its message queued for all."""
    contacts = [core.contacts.create({"last_name": f"نفر {i}", "mobile": number,
                                      "sms_consent": True})
                for i, number in enumerate(recipients)]
    lid = core.lists.create({"name": "همه"})
    core.lists.add_members(lid, contacts)
    cid = core.campaigns.create({"name": "بهار", "channel": "sms"})
    core.campaigns.add_target(cid, list_id=lid)
    core.campaigns.add_members_from_targets(cid)
    msg = core.outbox.save_message(cid, "sms", "سلام {last_name}")
    assert core.outbox.queue(msg) == len(recipients)
    return cid


def _by_recipient(core: Core) -> dict[str, dict]:
    return {r["recipient"]: r for r in core.outbox.list().rows}


def test_gateway_outcomes_over_a_local_panel(core: Core) -> None:
    cid = _queued(core, ["09121234567", "09120000429", "09120000411", "09120000500"])
    with Panel() as panel:
        gateway = HttpSmsGateway(panel.url, GOOD_KEY, "3000123", timeout=5)
        report = core.outbox.send_due({"sms": gateway})
    assert (report.sent, report.retry_later, report.failed) == (1, 2, 1)
    rows = _by_recipient(core)
    ok = rows["09121234567"]
    assert ok["status"] == "sent" and ok["provider_ref"] == "1001" and ok["sent_at"]
    limited = rows["09120000429"]
    assert limited["status"] == "failed" and limited["last_error"].startswith("rate_limit")
    # Retry-After: 120 s is longer than the first back-off step (60 s)
    assert limited["next_attempt_at"] - utcnow() > timedelta(seconds=100)
    refused = rows["09120000411"]
    assert refused["last_error"].startswith("rejected") and refused["next_attempt_at"] is None
    assert rows["09120000500"]["last_error"].startswith("server")
    assert rows["09120000500"]["next_attempt_at"] is not None
    stats = core.campaigns.member_stats(cid)
    assert stats["sent"] == 1 and stats["failed"] == 1 and stats["targeted"] == 2
    assert panel.receptors() == ["09121234567", "09120000429", "09120000411", "09120000500"]


def test_wrong_key_is_a_readable_permanent_error(core: Core) -> None:
    _queued(core, ["09121234567", "09127654321"])
    with Panel() as panel:
        report = core.outbox.send_due({"sms": HttpSmsGateway(panel.url, "wrong", "3000")})
    assert (report.sent, report.failed, report.retry_later) == (0, 2, 0)
    for row in core.outbox.list().rows:
        assert row["status"] == "failed" and row["next_attempt_at"] is None
        assert row["last_error"] == "auth: HTTP 401"
    from crm_desktop.text.messages import delivery_message

    assert "API" in delivery_message(row["last_error"], "fa")


def test_a_timeout_after_handing_over_is_not_retried_on_its_own(core: Core) -> None:
    _queued(core, ["09120000999"])
    with Panel(slow_seconds=3) as panel:
        report = core.outbox.send_due({"sms": HttpSmsGateway(panel.url, GOOD_KEY, "3000",
                                                            timeout=0.5)})
    (row,) = core.outbox.list().rows
    assert report.failed == 1
    assert row["last_error"].startswith("timeout") and row["next_attempt_at"] is None


def test_an_unreachable_panel_is_retried_later(core: Core) -> None:
    _queued(core, ["09121234567"])
    with Panel() as panel:
        url = panel.url
    # the server is closed: the connection is refused
    report = core.outbox.send_due({"sms": HttpSmsGateway(url, GOOD_KEY, "3000", timeout=2)})
    (row,) = core.outbox.list().rows
    assert report.retry_later == 1
    assert row["last_error"].startswith("unreachable") and row["next_attempt_at"] is not None


def test_back_off_doubles_and_attempts_run_out(core: Core) -> None:
    assert [backoff(n) for n in (1, 2, 3, 4)] == [timedelta(minutes=x) for x in (1, 2, 4, 8)]
    assert backoff(30) == timedelta(hours=1)
    _queued(core, ["09120000500"])
    with Panel() as panel:
        gateway = HttpSmsGateway(panel.url, GOOD_KEY, "3000")
        for attempt in range(1, 4):
            # each run looks a little later than the row's next attempt
            later = utcnow() + timedelta(hours=2) * attempt
            report = core.outbox.send_due({"sms": gateway}, max_attempts=3, now=later)
            assert report.failed + report.retry_later == 1
        (row,) = core.outbox.list().rows
        assert row["attempts"] == 3 and row["next_attempt_at"] is None  # given up
        assert core.outbox.send_due({"sms": gateway}, now=utcnow() + timedelta(days=1)).sent == 0
        assert len(panel.receptors()) == 3


def test_retry_and_cancel_per_row_and_in_bulk(core: Core) -> None:
    _queued(core, ["09121234567", "09127654321", "09120000411"])
    rows = _by_recipient(core)
    first, second, third = (rows[n]["id"] for n in ("09121234567", "09127654321",
                                                    "09120000411"))
    assert core.outbox.cancel([first]) == 1
    with Panel() as panel:
        report = core.outbox.send_due({"sms": HttpSmsGateway(panel.url, GOOD_KEY, "3000")})
        assert (report.sent, report.failed) == (1, 1)
        assert core.outbox.cancel([second]) == 0  # sent: left alone
        assert core.outbox.retry([first, third, second, "x", 2**70]) == 2
        assert core.outbox.get(first)["status"] == "queued"
        core.outbox.send_due({"sms": HttpSmsGateway(panel.url, GOOD_KEY, "3000")})
    assert core.outbox.counts() == {"queued": 0, "sending": 0, "sent": 2, "failed": 1,
                                    "cancelled": 0}
    with pytest.raises(ValidationError):
        core.outbox.retry("123")


def test_cancel_flag_stops_between_rows(core: Core) -> None:
    _queued(core, [f"0912000{i:04d}" for i in range(1, 6)])
    seen: list[tuple[int, int]] = []
    with Panel() as panel:
        report = core.outbox.send_due(
            {"sms": HttpSmsGateway(panel.url, GOOD_KEY, "3000")},
            cancel=lambda: len(seen) >= 2, progress=lambda d, t: seen.append((d, t)))
    assert report.cancelled and report.sent == 2
    assert seen == [(1, 5), (2, 5)]
    assert core.outbox.counts()["queued"] == 3


# -- a crash between the claim and the result ------------------------------------------------
def _crashing_run(path: str, url: str) -> None:
    """In a child process: send, and die (os._exit) right after the third message was
    handed to the panel, before its result is written."""
    core = Core.open(path, create=False)
    gateway = HttpSmsGateway(url, GOOD_KEY, "3000")
    calls = 0

    class Dies:
        channel = "sms"

        def send(self, message):
            nonlocal calls
            calls += 1
            ref = gateway.send(message)
            if calls == 3:
                os._exit(17)  # the power went out
            return ref

        def close(self) -> None:
            pass

    core.outbox.send_due({"sms": Dies()})


def test_resume_after_a_crash_sends_nothing_twice(db_path: Path) -> None:
    numbers = [f"0912100{i:04d}" for i in range(1, 7)]
    with Core.open(db_path) as core:
        _queued(core, numbers)
    with Panel() as panel:
        child = multiprocessing.get_context("fork").Process(
            target=_crashing_run, args=(str(db_path), panel.url))
        child.start()
        child.join(60)
        assert child.exitcode == 17
        with Core.open(db_path, create=False) as core:
            statuses = sorted(r["status"] for r in core.outbox.list().rows)
            assert statuses == ["queued"] * 3 + ["sending"] + ["sent"] * 2
            # the program starts again: the interrupted row is not sent again on its own
            assert core.outbox.recover_interrupted() == 1
            report = core.outbox.send_due({"sms": HttpSmsGateway(panel.url, GOOD_KEY, "3")})
            assert report.sent == 3
            rows = _by_recipient(core)
        counts = {n: panel.receptors().count(n) for n in numbers}
    assert counts == dict.fromkeys(numbers, 1), "every member got the message exactly once"
    interrupted = [r for r in rows.values() if r["status"] == "failed"]
    assert len(interrupted) == 1 and interrupted[0]["last_error"] == "interrupted"
    assert sum(r["status"] == "sent" for r in rows.values()) == 5


# -- the panel file ----------------------------------------------------------------------
def test_panel_file_csv_then_confirmed(core: Core, tmp_path: Path) -> None:
    cid = _queued(core, ["09121234567", "09127654321"])
    batch = core.outbox.export_file(tmp_path / "panel.csv", "csv")
    assert len(batch.ids) == 2
    with open(batch.path, encoding="utf-8", newline="") as f:
        assert list(csv.reader(f)) == [["recipient", "message"],
                                       ["09121234567", "سلام نفر 0"],
                                       ["09127654321", "سلام نفر 1"]]
    assert core.outbox.counts()["sending"] == 2
    # not uploaded: queued again, written again next time
    assert core.outbox.confirm_file(batch.ids, uploaded=False) == 2
    again = core.outbox.export_file(tmp_path / "panel.xlsx", "xlsx")
    assert sorted(again.ids) == sorted(batch.ids)
    from openpyxl import load_workbook

    sheet = load_workbook(again.path).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["09121234567", "سلام نفر 0"], ["09127654321", "سلام نفر 1"]]
    assert core.outbox.confirm_file(again.ids, uploaded=True) == 2
    assert core.outbox.counts()["sent"] == 2
    assert core.campaigns.member_stats(cid)["sent"] == 2
    assert core.outbox.export_file(tmp_path / "none.csv").ids == []


def test_panel_file_that_cannot_be_written_leaves_the_rows_queued(core: Core,
                                                                   tmp_path: Path) -> None:
    _queued(core, ["09121234567"])
    with pytest.raises(ValidationError) as info:
        core.outbox.export_file(tmp_path / "missing" / "panel.csv")
    assert info.value.fields == ["file"]
    assert core.outbox.counts()["queued"] == 1
    with core.db.read() as session:
        assert session.scalar(select(m.OutboxMessage.provider_ref)) is None


def test_delivery_error_text() -> None:
    assert DeliveryError("auth", "HTTP 401").text == "auth: HTTP 401"
    assert DeliveryError("interrupted").text == "interrupted"
