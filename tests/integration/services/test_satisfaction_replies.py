"""Replies to satisfaction requests: waiting requests, a score entered by hand, an SMS
panel's reply file, and `crm-desktop automation replies`."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from crm_desktop.cli import EXIT_OK, EXIT_USAGE, run
from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.db.types import utcnow
from crm_desktop.domain import clock
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.imports import ImportFileError
from crm_desktop.services.automation.replies import score_of
from crm_desktop.text.jalali import format_jalali_datetime
from tests.integration.services.kinds_world import contact, place

DAY = timedelta(days=1)
MOBILE = "09121234567"


def asked(core: Core, mobile: str = MOBILE, *, deal: bool = False) -> tuple[int, int]:
    """A closed ticket (or a won deal) of a new contact, asked by a satisfaction rule:
    (the record's id, the request's log row id)."""
    who = contact(core, mobile=mobile)
    if not any(r["name"] == "نظرسنجی" for r in core.automation.rules()):
        core.automation.create_rule({"kind": "satisfaction", "name": "نظرسنجی",
                                     "enabled": True, "settings": {"days_after": 0}})
    if deal:
        rid = core.deals.create({"title": "قرارداد", "contact_id": who})
        core.deals.move(rid, next(s["id"] for s in core.stages.list()
                                  if s["outcome"] == "won"))
    else:
        rid = core.tickets.create({"subject": "چاپگر", "contact_id": who})
        core.tickets.close(rid, None)
    core.automation.run(now=utcnow() + DAY)
    with core.db.read() as session:
        log_id = session.scalar(select(m.AutomationLog.id).where(
            m.AutomationLog.entity_id == rid,
            m.AutomationLog.entity == ("deal" if deal else "ticket")))
    return rid, log_id


def test_a_score_by_hand_goes_to_the_ticket_and_the_request(core) -> None:
    tid, log_id = asked(core)
    [waiting] = core.replies.pending()
    assert (waiting["id"], waiting["entity"], waiting["entity_id"]) == (log_id, "ticket", tid)
    assert waiting["about"] == core.tickets.get(tid)["number"]
    assert waiting["mobile"] == MOBILE and waiting["action"] == "sms"
    assert core.replies.pending(waiting["contact_id"] + 1) == []
    core.replies.record(log_id, 4)
    assert core.tickets.get(tid)["satisfaction"] == 4
    row = core.automation_log.get(log_id)
    assert row["reply_score"] == 4
    assert core.replies.pending() == []
    with core.db.read() as session:
        changed = {(a.entity, a.field, a.new_value) for a in session.scalars(
            select(m.AuditLog).where(m.AuditLog.action == "update"))}
    assert {("tickets", "satisfaction", "4"), ("automation_log", "reply_score", "4")} <= changed


def test_a_won_deal_gets_its_score(core) -> None:
    did, log_id = asked(core, deal=True)
    core.replies.record(log_id, "۵")
    assert core.deals.get(did)["satisfaction"] == 5


@pytest.mark.parametrize("score", [0, 6, None, "", "خوب", 2.5, True])
def test_a_score_outside_1_to_5_is_refused(core, score) -> None:
    tid, log_id = asked(core)
    with pytest.raises(ValidationError) as err:
        core.replies.record(log_id, score)
    assert err.value.fields == ["score"]
    assert core.tickets.get(tid)["satisfaction"] is None


def test_only_requests_take_a_reply(core) -> None:
    _, log_id = asked(core)
    for wrong in (log_id + 100, "1", -1, None):
        with pytest.raises(NotFoundError):
            core.replies.record(wrong, 3)


def test_scored_or_trashed_records_are_not_waiting(core) -> None:
    tid, _ = asked(core)
    core.tickets.close(tid, 2)  # scored by hand meanwhile
    assert core.replies.pending() == []
    tid2, _ = asked(core, "09127654321")
    core.tickets.delete(tid2)
    assert core.replies.pending() == []


def reply_time(days: float) -> str:
    """A reply's time as a panel writes it: Jalali, Tehran clock, Persian digits."""
    return format_jalali_datetime(utcnow() + timedelta(days=days))


def test_a_reply_file_matches_each_mobile_to_its_newest_request(core, tmp_path) -> None:
    first, _ = asked(core)
    second, _ = asked(core, "09127654321")
    other, _ = asked(core, "09351112233")
    path = tmp_path / "replies.csv"
    path.write_text("\n".join([
        "شماره فرستنده,متن پیام,تاریخ دریافت",
        f"+98 912 123 4567,عالی بود ۵,{reply_time(2)}",
        f"09127654321,3 ستاره,{reply_time(2)}",
        f"09351112233,۴,{reply_time(-1)}",  # before the request was sent
        f"09120000000,5,{reply_time(2)}",  # nobody asked this mobile
        f"09127654321,سلام,{reply_time(2)}",  # no score
        f"09127654321,10,{reply_time(2)}",  # not 1 to 5
        "09127654321,4,دیروز",  # no readable time
        f"0912,4,{reply_time(2)}",  # no mobile
    ]), encoding="utf-8")
    assert core.replies.import_file(path) == {"matched": 2, "unmatched": 2, "invalid": 4}
    assert core.tickets.get(first)["satisfaction"] == 5
    assert core.tickets.get(second)["satisfaction"] == 3
    assert core.tickets.get(other)["satisfaction"] is None
    # read again: the requests have their replies
    assert core.replies.import_file(path)["matched"] == 0


def test_two_requests_of_one_mobile_take_replies_newest_first(core, tmp_path) -> None:
    older, older_log = asked(core)
    newer, newer_log = asked(core)  # the same mobile, another contact
    place(core, m.AutomationLog, older_log, at=utcnow() - 3 * DAY)
    path = tmp_path / "replies.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Mobile", "Text", "Received"])
    received = clock.local(utcnow() + 2 * DAY).replace(tzinfo=None)
    sheet.write_number(1, 0, 9121234567)  # a number column drops the leading 0
    sheet.write_string(1, 1, "2")
    sheet.write_datetime(1, 2, received, book.add_format({"num_format": "yyyy-mm-dd hh:mm"}))
    book.close()
    assert core.replies.import_file(path) == {"matched": 1, "unmatched": 0, "invalid": 0}
    assert core.tickets.get(newer)["satisfaction"] == 2
    assert core.tickets.get(older)["satisfaction"] is None
    assert [r["id"] for r in core.replies.pending()] == [older_log]
    assert newer_log != older_log


def test_a_file_without_the_columns_is_refused(core, tmp_path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("نام,شهر\nعلی,تهران\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        core.replies.import_file(path)
    assert err.value.code == "no_columns"
    assert "نام" in err.value.message("fa")


@given(st.text(max_size=30))
def test_a_score_is_1_to_5_or_nothing(text) -> None:
    assert score_of(text) in (None, 1, 2, 3, 4, 5)


@given(st.integers(1, 5), st.sampled_from(["0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"]),
       st.text(alphabet="ابپ !؟ ", max_size=8))
def test_the_score_is_the_first_number_in_any_digits(n, digits, words) -> None:
    assert score_of(f"{words}{digits[n]} {words}") == n
    assert score_of(f"{words}{digits[n]}{digits[0]}") is None
    assert score_of(f"{words}{digits[0]}{digits[n]}") == n  # "05"


def test_a_very_long_number_is_no_score() -> None:
    assert score_of("۵" * 5000) is None


def test_the_command_line(tmp_path: Path, capsys) -> None:
    db = tmp_path / "crm.sqlite3"
    with Core.open(db) as core:
        tid, _ = asked(core)
    path = tmp_path / "replies.csv"
    path.write_text(f"mobile,text,time\n{MOBILE},5,{reply_time(2)}\n", encoding="utf-8")
    assert run(["automation", "replies", str(path), "--db", str(db), "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out) == {"matched": 1, "unmatched": 0,
                                                   "invalid": 0}
    with Core.open(db, create=False) as core:
        assert core.tickets.get(tid)["satisfaction"] == 5
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    assert run(["automation", "replies", str(bad), "--db", str(db), "--lang", "en"]) == \
        EXIT_USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "mobile numbers" in err[0]
    assert run(["automation", "replies", str(tmp_path / "missing.csv"), "--db",
                str(db)]) == EXIT_USAGE


def test_reply_times_are_the_business_clock(core, tmp_path) -> None:
    """A reply at 00:10 Tehran is 20:40 UTC the day before: it answers a request sent at
    20:30 UTC, not one sent at 20:45 UTC."""
    tid, log_id = asked(core)
    sent = datetime(2026, 12, 1, 20, 45, tzinfo=clock.utc(utcnow()).tzinfo)
    place(core, m.AutomationLog, log_id, at=sent)
    path = tmp_path / "r.csv"
    path.write_text(f"mobile,text,time\n{MOBILE},4,2026-12-02 00:10\n", encoding="utf-8")
    assert core.replies.import_file(path)["unmatched"] == 1
    place(core, m.AutomationLog, log_id, at=sent - timedelta(minutes=15))
    assert core.replies.import_file(path)["matched"] == 1
    assert core.tickets.get(tid)["satisfaction"] == 4
