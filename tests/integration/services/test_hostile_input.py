"""Hostile input at the service boundary: amounts past the limit, ids past 64 bits, dates at
the ends of the calendar, unknown fields, control characters, a text where a list belongs.
Each case is refused with the project's own error (or is cleaned), never a crash."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.base import ListQuery
from crm_desktop.text.jalali import format_jalali
from crm_desktop.text.messages import field_message
from crm_desktop.text.money import MAX_RIALS
from crm_desktop.text.validate import DATE_MAX, DATE_MIN

HUGE = 2**63


def codes(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {e.field: e.code for e in exc.value.errors}


# -- amounts ---------------------------------------------------------------------------------
@pytest.mark.parametrize("amount", [HUGE, 5 * 10**18, MAX_RIALS + 1, "1" * 28,
                                    str(HUGE), "1000000000000.1 تومان", Decimal("1E+20")])
def test_amounts_above_the_limit_are_refused_on_every_path(core: Any, amount: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        core.deals.create({"title": "بزرگ", "amount_rial": amount})
    assert exc.value.errors[0].code.startswith("money.too_large")
    with pytest.raises(ValidationError) as exc:
        core.products.create({"name": "گران", "unit_price_rial": amount})
    assert exc.value.errors[0].code.startswith("money.too_large")
    with pytest.raises(ValidationError) as exc:
        core.campaigns.create({"name": "ک", "channel": "sms", "budget_rial": amount,
                               "actual_cost_rial": amount, "expected_revenue_rial": amount})
    assert {e.field for e in exc.value.errors} == {
        "budget_rial", "actual_cost_rial", "expected_revenue_rial"}
    did = core.deals.create({"title": "عادی", "amount_rial": 1})
    with pytest.raises(ValidationError):
        core.deals.update(did, {"amount_rial": amount})
    assert core.deals.get(did)["amount_rial"] == 1
    cid = core.contacts.create({"last_name": "خریدار"})
    with pytest.raises(ValidationError) as exc:
        core.proformas.create({"contact_id": cid}, [{"description": "x",
                                                     "unit_price_rial": amount}])
    assert exc.value.fields == ["lines[0].unit_price_rial"]


def test_the_limit_itself_is_accepted(core: Any) -> None:
    did = core.deals.create({"title": "سقف", "amount_rial": MAX_RIALS})
    assert core.deals.get(did)["amount_rial"] == MAX_RIALS
    did = core.deals.create({"title": "سقف تومان", "amount_rial": "1,000,000,000,000 تومان"})
    assert core.deals.get(did)["amount_rial"] == MAX_RIALS


def test_proforma_line_and_document_amounts_have_the_limit_too(core: Any) -> None:
    cid = core.contacts.create({"last_name": "خریدار"})
    # each factor is allowed, their product is not
    with pytest.raises(ValidationError) as exc:
        core.proformas.create({"contact_id": cid}, [
            {"description": "x", "quantity": "1000000000", "unit_price_rial": MAX_RIALS}])
    assert codes(exc) == {"lines[0].amount": "money.too_large"}
    # the lines are each allowed, the document total with VAT is not
    line = {"description": "x", "unit_price_rial": MAX_RIALS, "taxable": True}
    with pytest.raises(ValidationError) as exc:
        core.proformas.create({"contact_id": cid, "vat_rate": "10"}, [line])
    assert codes(exc) == {"total": "money.too_large"}
    assert core.proformas.count() == 0  # nothing was kept
    pid = core.proformas.create({"contact_id": cid, "vat_rate": "0"}, [line])
    assert core.proformas.totals(pid).total_rial == MAX_RIALS
    with pytest.raises(ValidationError) as exc:
        core.proformas.update(pid, {"vat_rate": "1"})  # raising the VAT passes the limit
    assert codes(exc) == {"total": "money.too_large"}
    with pytest.raises(ValidationError) as exc:
        core.proformas.update(pid, lines=[line, line])
    assert codes(exc) == {"total": "money.too_large"}
    assert core.proformas.get(pid)["vat_rate"] == 0 and len(core.proformas.get(pid)["lines"]) == 1
    # a discount in Rials is an amount as well
    with pytest.raises(ValidationError) as exc:
        core.proformas.create({"contact_id": cid}, [
            {"description": "x", "unit_price_rial": 100, "discount_value": HUGE}])
    assert codes(exc) == {"lines[0].discount_value": "money.too_large"}


def test_board_and_forecast_add_up_amounts_an_older_version_stored(core: Any) -> None:
    """Two deals of 5e18 Rial made the board fail with "integer overflow" (and the
    screenshots command hang behind the error box): the sums are exact now."""
    ids = [core.deals.create({"title": f"قدیمی {i}"}) for i in range(3)]
    with core.db.engine.begin() as conn:  # (the file, or the server with --pg)
        conn.execute(text("UPDATE deals SET amount_rial = 5000000000000000000 "
                          "WHERE id IN (:a, :b)"), {"a": ids[0], "b": ids[1]})
        conn.execute(text("UPDATE deals SET amount_rial = :v WHERE id = :i"),
                     {"v": HUGE - 1, "i": ids[2]})
    first = core.stages.list()[0]
    column = core.deals.board()[first["id"]]
    amounts = [5 * 10**18, 5 * 10**18, HUGE - 1]
    assert column.count == 3
    assert column.total == sum(amounts)  # more than 64 bits, exactly
    assert column.weighted == sum(a * first["probability"] // 100 for a in amounts)
    assert core.deals.forecast(None, None) == column.weighted
    # the exact per-deal weighting: amount x probability // 100, for ordinary amounts too
    core.stages.update(first["id"], probability=33)
    with core.db.engine.begin() as conn:
        conn.execute(text("UPDATE deals SET amount_rial = :v WHERE id = :i"),
                     {"v": 12_345_678_901, "i": ids[0]})
    amounts[0] = 12_345_678_901
    assert core.deals.board()[first["id"]].weighted == sum(a * 33 // 100 for a in amounts)


# -- ids -------------------------------------------------------------------------------------
BAD_IDS = [HUGE, 2**64, -1, 0, True, 1.0, "1", None, -HUGE - 1]


@pytest.mark.parametrize("bad", BAD_IDS)
def test_ids_that_cannot_exist_are_not_found(core: Any, bad: Any) -> None:
    cid = core.contacts.create({"last_name": "یک"})
    assert cid == 1  # so that True, 1.0 and "1" would have found it
    for service in (core.contacts, core.accounts, core.deals, core.tickets, core.products,
                    core.activities, core.proformas, core.campaigns, core.lists, core.users):
        with pytest.raises(NotFoundError):
            service.get(bad)
        with pytest.raises(NotFoundError):
            service.update(bad, {})
    for service in (core.contacts, core.accounts, core.deals, core.tickets):
        with pytest.raises(NotFoundError):
            service.delete(bad)
        with pytest.raises(NotFoundError):
            service.restore(bad)
    with pytest.raises(NotFoundError):
        core.deals.move(bad, 1)
    did = core.deals.create({"title": "د"})
    with pytest.raises(NotFoundError):
        core.deals.move(did, bad)
    with pytest.raises(NotFoundError):
        core.stages.update(bad, name="x")
    with pytest.raises(NotFoundError):
        core.stages.remove(bad, core.stages.list()[1]["id"])
    with pytest.raises(ValidationError):
        core.stages.remove(core.stages.list()[0]["id"], bad)
    with pytest.raises(NotFoundError):
        core.proformas.totals(bad)
    with pytest.raises(NotFoundError):
        core.tickets.add_comment(bad, "سلام")
    with pytest.raises(NotFoundError):
        core.users.set_password(bad, "secret-1")
    with pytest.raises(NotFoundError):
        core.campaigns.set_member_status(bad, cid, "sent")
    with pytest.raises(NotFoundError):
        core.campaigns.set_member_status(1, bad, "sent")
    list_id = core.lists.create({"name": "فهرست"})
    assert core.lists.add_members(list_id, [bad, cid]) == 1
    assert core.lists.remove_members(list_id, [bad]) == 0


@pytest.mark.parametrize("bad", [HUGE, 2**64, -1, 0, True, 2.5, "3"])
@pytest.mark.parametrize("field", ["owner_id", "account_id"])
def test_references_that_cannot_exist_are_named(core: Any, bad: Any, field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        core.contacts.create({"last_name": "x", field: bad})
    assert codes(exc) == {field: "not_found"}
    with pytest.raises(ValidationError) as exc:
        core.deals.create({"title": "x", field: bad})
    assert codes(exc) == {field: "not_found"}


def test_window_offsets_and_cursors_beyond_64_bits(core: Any) -> None:
    for i in range(3):
        core.contacts.create({"last_name": f"نفر {i}"})
    assert core.contacts.window(ListQuery(), HUGE, 10).rows == []
    assert core.contacts.window(ListQuery(), 2**70, 10).rows == []
    assert len(core.contacts.window(ListQuery(), -5, 10).rows) == 3
    for bad in (1.5, "2", None, True):
        with pytest.raises(ValidationError):
            core.contacts.window(ListQuery(), bad, 10)
        with pytest.raises(ValidationError):
            core.contacts.window(ListQuery(), 0, bad)
    for cursor in (("x", HUGE), (HUGE, 1), ("x",), "abc", ("x", "1"), ("x", True)):
        with pytest.raises(ValidationError):
            core.contacts.list(ListQuery(after=cursor))
    page = core.contacts.list(ListQuery(limit=2))
    assert len(core.contacts.list(ListQuery(after=page.next_cursor)).rows) == 1
    list_id = core.lists.create({"name": "فهرست"})
    camp = core.campaigns.create({"name": "کمپین", "channel": "sms"})
    for cursor in ((HUGE, HUGE), (1, -1), "ab", (1, "2")):
        with pytest.raises(ValidationError):
            core.lists.members(list_id, ListQuery(after=cursor))
        with pytest.raises(ValidationError):
            core.campaigns.members(camp, ListQuery(after=cursor))
    # a filter value no column can hold matches nothing (it used to raise OverflowError)
    assert core.contacts.list(ListQuery(filters={"owner_id": HUGE})).rows == []
    assert core.contacts.count(ListQuery(filters={"account_id": -HUGE - 1})) == 0


# -- dates -----------------------------------------------------------------------------------
ALLOWED = {"min": format_jalali(DATE_MIN, persian=False),
           "max": format_jalali(DATE_MAX, persian=False)}


def test_the_allowed_dates_are_whole_jalali_years() -> None:
    assert (format_jalali(DATE_MIN, persian=False), format_jalali(DATE_MAX, persian=False)) == (
        "1279/01/01", "1579/12/29")
    assert format_jalali(DATE_MAX + timedelta(days=1), persian=False) == "1580/01/01"


@pytest.mark.parametrize("issue", [date.min, date.max, "0001-01-01", "9999-12-31",
                                   DATE_MIN - timedelta(days=1), DATE_MAX + timedelta(days=1),
                                   "1580/01/01", "1278/12/29"])
def test_proforma_dates_at_the_ends_of_the_calendar(core: Any, issue: Any) -> None:
    cid = core.contacts.create({"last_name": "خریدار"})
    with pytest.raises(ValidationError) as exc:
        core.proformas.create({"contact_id": cid, "issue_date": issue})
    assert exc.value.errors[0].code == "date.range"
    assert exc.value.errors[0].params == ALLOWED
    with pytest.raises(ValidationError):
        core.proformas.create({"contact_id": cid, "valid_until": issue})
    for edge in (DATE_MIN, DATE_MAX):
        pid = core.proformas.create({"contact_id": cid, "issue_date": edge})
        assert core.proformas.get(pid)["issue_date"] == edge


@pytest.mark.parametrize("due", [
    datetime.min, datetime.max, datetime.min.replace(tzinfo=timezone(timedelta(hours=5))),
    datetime.max.replace(tzinfo=timezone(timedelta(hours=-5))), "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:59-03:00", datetime(1900, 3, 20, 23, 59, tzinfo=UTC),
    datetime(2201, 3, 21, tzinfo=UTC),
])
def test_ticket_and_activity_times_at_the_ends_of_the_calendar(core: Any, due: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        core.tickets.create({"subject": "مهلت", "sla_due_at": due})
    assert codes(exc) == {"sla_due_at": "date.range"}
    assert exc.value.errors[0].params == ALLOWED
    with pytest.raises(ValidationError) as exc:
        core.activities.create({"kind": "task", "subject": "کار", "due_at": due})
    assert codes(exc) == {"due_at": "date.range"}
    with pytest.raises(ValidationError):
        core.tickets.breaches(since=due)
    tid = core.tickets.create({"subject": "مهلت",
                               "sla_due_at": datetime(2201, 3, 20, 23, 59, tzinfo=UTC)})
    assert core.tickets.get(tid)["sla_due_at"].year == 2201


def test_skipping_a_day_at_the_ends_of_the_calendar(core: Any) -> None:
    aid = core.activities.create({"kind": "meeting", "subject": "هفتگی", "recurrence": "weekly",
                                  "due_at": datetime(2026, 11, 22, 7, 0, tzinfo=UTC)})
    for day in (date.max, date.min, "9999-12-31"):
        with pytest.raises(ValidationError) as exc:
            core.activities.skip_occurrence(aid, day)
        assert codes(exc) == {"occurs_on": "date.range"}


def test_sla_holidays_outside_the_range_say_which_dates_are_allowed(core: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        core.settings.set_sla(holidays=[date.max, "0001-01-01", "1405/01/01"])
    assert codes(exc) == {"holidays.0": "date.range", "holidays.1": "date.range"}


def test_birthday_message_names_only_dates_the_rule_accepts(core: Any) -> None:
    """The message used to be "enter a valid date" for 1899, while the field said
    0001/01/01 was allowed: now both name the first allowed day and today (the
    business's day, which is not the computer's between 20:30 and 24:00 UTC)."""
    from crm_desktop.domain import clock

    today = clock.today()
    for bad in ("1899-12-31", DATE_MIN - timedelta(days=1), today + timedelta(days=1),
                "1200/01/01"):
        with pytest.raises(ValidationError) as exc:
            core.contacts.create({"last_name": "x", "birthday": bad})
        err = exc.value.errors[0]
        assert (err.code, err.params) == ("date.range", {
            "min": "1279/01/01", "max": format_jalali(today, persian=False)})
        assert "۱۲۷۹/۰۱/۰۱" in err.message("fa")
    for good in (DATE_MIN, today, "1279/01/01"):
        cid = core.contacts.create({"last_name": "x", "birthday": good})
        assert core.contacts.get(cid)["birthday"] in (DATE_MIN, today)


# -- unknown fields, text, tags --------------------------------------------------------------
def test_an_unknown_field_is_named_not_a_key_error(core: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        core.contacts.create({"last_name": "x", "colour": "red", "mobile": "0912"})
    assert codes(exc) == {"colour": "unknown_field", "mobile": "mobile.invalid"}
    assert exc.value.message("fa").startswith("Colour: این مورد در این بخش شناخته")
    cid = core.contacts.create({"last_name": "x"})
    with pytest.raises(ValidationError) as exc:
        core.contacts.update(cid, {"shoe_size": 42})
    assert codes(exc) == {"shoe_size": "unknown_field"}
    with pytest.raises(ValidationError) as exc:
        core.proformas.create({"contact_id": cid}, [{"description": "x", "colour": 1}])
    assert codes(exc) == {"lines[0].colour": "unknown_field"}
    with pytest.raises(ValidationError) as exc:
        core.settings.set_company({"colour": "red"})
    assert codes(exc) == {"colour": "unknown_field"}
    with pytest.raises(ValidationError):
        core.accounts.create(["name"])  # not a mapping at all


def test_control_characters_and_lone_surrogates_are_not_stored(core: Any) -> None:
    cid = core.contacts.create({
        "first_name": "\x00علی\x07\ud800", "last_name": "رضا\u202e\x1bیی\x9f",
        "city": "تهران\tمرکز", "address": "خیابان\x00 یک\nکوچه\x0b\ud83d دو",
    })
    c = core.contacts.get(cid)
    assert c["first_name"] == "علی"
    assert c["last_name"] == "رضایی"
    assert c["city"] == "تهران مرکز"
    assert c["address"].split("\n") == ["خیابان یک", "کوچه", "دو"]
    # a name made of nothing but control characters is an empty name
    with pytest.raises(ValidationError) as exc:
        core.accounts.create({"name": "\x00\x01\ud800"})
    assert codes(exc) == {"name": "required"}
    tid = core.tickets.create({"subject": "x"})
    core.tickets.add_comment(tid, "سلام\ud800\x00")
    assert core.tickets.comments(tid)[0]["body"] == "سلام"
    core.settings.set_company({"name": "شرکت\ud800"})
    assert core.settings.company()["name"] == "شرکت"
    with pytest.raises(ValidationError) as exc:  # a key that is no criterion
        core.lists.create({"name": "l", "kind": "filter", "filter_json": '{"\ud800": 1}'})
    assert codes(exc) == {"filter_json": "unknown_field"}
    lid = core.lists.create({"name": "l", "kind": "filter",
                             "filter_json": '{"version": 1, "cities": ["\ud800قم"]}'})
    assert core.lists.get(lid)["filter_json"] == '{"cities": ["قم"], "version": 1}'
    uid = core.users.create({"username": "sara", "display_name": "سارا\x00"})
    assert core.users.get(uid)["display_name"] == "سارا"
    core.users.set_password(uid, "secret")
    with pytest.raises(ValidationError):
        core.users.set_password(uid, "secret\ud800")
    assert core.users.check_password("sara", "secret\ud800") is None


def test_tags_must_be_a_list_of_names(core: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        core.contacts.create({"last_name": "x", "tags": "abc"})
    assert codes(exc) == {"tags": "invalid"}
    assert core.contacts.count() == 0 and core.contacts.all_tags() == []
    cid = core.contacts.create({"last_name": "x", "tags": ["abc"]})
    for bad in ("abc", b"abc", 5, ["ok", 5], [None]):
        with pytest.raises(ValidationError):
            core.contacts.set_tags(cid, bad)
        with pytest.raises(ValidationError):
            core.contacts.update(cid, {"tags": bad})
    assert core.contacts.tags(cid) == ["abc"]
    core.contacts.set_tags(cid, ("VIP\x00", "همکار"))
    assert core.contacts.tags(cid) == ["VIP", "همکار"]


def test_too_large_message_in_both_languages(core: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        core.deals.create({"title": "بزرگ", "amount_rial": "9" * 28})
    assert exc.value.message("fa") == field_message(
        "amount_rial", "money.too_large", "fa", max=MAX_RIALS)
    assert "۱۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰ ریال" in exc.value.message("fa")
    assert "at most 10,000,000,000,000 Rial" in exc.value.message("en")
