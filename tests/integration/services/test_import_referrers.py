"""Importing contacts with a referrer column: the headers that name it, a cell matched to
a contact already in the database by mobile, else by a name only one live contact has;
a cell that names no one (or several, or the row itself) is the row's error on the
field; existing customers given a referrer earn it their referral points; the writer
refuses a referrer gone to the Trash since the plan."""

from __future__ import annotations

import pytest

from crm_desktop.core import Core
from crm_desktop.domain.errors import ValidationError
from crm_desktop.imports.sheet import SheetData, SheetRow
from crm_desktop.services.imports.fields import alias_mapping
from crm_desktop.services.imports.model import ImportOptions, OnDuplicate

ZW = "\u200c"


def sheet(headers: tuple[str, ...], rows: list[tuple]) -> SheetData:
    return SheetData("customers.xlsx", "Sheet1", ("Sheet1",), 1, headers,
                     [SheetRow(2 + i, values) for i, values in enumerate(rows)])


@pytest.mark.parametrize("header", ["معرف", "معرفی کننده", f"معرفی{ZW}کننده",
                                    "Referred by", "Referrer", "معرف:"])
def test_the_referrer_headers(header: str) -> None:
    assert alias_mapping("contacts", ["نام", "نام خانوادگی", "موبایل", header]) == (
        "first_name", "last_name", "mobile", "referred_by")


def test_referrers_matched_by_mobile_else_by_a_unique_name(core: Core) -> None:
    sara = core.contacts.create({"first_name": "سارا", "last_name": "کریمی",
                                 "mobile": "09121111111"})
    reza = core.contacts.create({"first_name": "رضا", "last_name": "نوری"})
    core.contacts.create({"first_name": "علی", "last_name": "احمدی"})
    core.contacts.create({"first_name": "علی", "last_name": "احمدی"})
    data = sheet(("نام و نام خانوادگی", "موبایل", "معرف"), [
        ("مینا رحیمی", "09122222222", "۰۹۱۲ ۱۱۱ ۱۱۱۱"),  # Sara's mobile, written loosely
        ("نیما صادقی", "09123333333", "رضا نوری"),  # a name only one contact has
        ("لیلا امینی", "09124444444", "علی احمدی"),  # two contacts have it
        ("کاوه یزدانی", "09125555555", "کسی که نیست"),
        ("پویا راد", "09126666666", "09129999999"),  # a mobile no one has
        ("بی معرف", "09127777777", None),
        ("خودش", "09128888888", "09128888888"),  # the row's own mobile
    ])
    plan = core.imports.plan("contacts", data, ("full_name", "mobile", "referred_by"))
    values = {r.row: r.values for r in plan.rows}
    assert values[2]["referred_by_id"] == sara and values[3]["referred_by_id"] == reza
    assert "referred_by_id" not in values[7] and "referred_by" not in values[7]
    errors = {e.row: (e.field, e.code) for e in plan.errors}
    assert errors == {4: ("referred_by", "referrer.ambiguous"),
                      5: ("referred_by", "referrer.not_found"),
                      6: ("referred_by", "referrer.not_found"),
                      8: ("referred_by", "referral.self")}
    assert set(plan.failed_rows) == {4, 5, 6, 8}
    assert [r.row for r in plan.rows] == [2, 3, 7]  # a failing row is not imported
    by_row = {e.row: e for e in plan.errors}
    assert by_row[4].message("fa").startswith("معرف:")
    assert "موبایل" in by_row[4].message("fa") and "Referred by" in by_row[5].message("en")
    core.imports.run(plan, ImportOptions())
    assert core.contacts.get(sara)["referred_count"] == 1
    assert core.contacts.get(reza)["referred_count"] == 1


def test_an_imported_referrer_of_a_customer_earns_and_a_stale_plan_is_refused(
        core: Core) -> None:
    core.club.set_settings({"enabled": True, "rial_per_point": 1_000,
                            "referral_points": 300})
    p = core.contacts.create({"first_name": "پروین", "last_name": "معرف",
                              "mobile": "09121111111"})
    r = core.contacts.create({"first_name": "رامین", "last_name": "خریدار",
                              "mobile": "09122222222"})
    won = next(s["id"] for s in core.stages.list() if s["outcome"] == "won")
    deal = core.deals.create({"title": "خرید", "contact_id": r, "amount_rial": 5_000_000})
    core.deals.move(deal, won)
    data = sheet(("موبایل", "نام خانوادگی", "معرفی کننده"),
                 [("09122222222", "خریدار", "09121111111")])
    mapping = ("mobile", "last_name", "referred_by")
    plan = core.imports.plan("contacts", data, mapping)
    core.contacts.delete(p)  # gone since the plan: nothing is written
    with pytest.raises(ValidationError) as exc:
        core.imports.run(plan, ImportOptions(OnDuplicate.UPDATE))
    assert exc.value.errors[0].field == "referred_by_id"
    assert core.contacts.get(r)["referred_by_id"] is None
    core.contacts.restore(p)
    core.imports.run(core.imports.plan("contacts", data, mapping),
                     ImportOptions(OnDuplicate.UPDATE))
    assert core.contacts.get(r)["referred_by_id"] == p
    assert core.club.of_contact(p)["balance"] == 300


def test_an_update_that_would_make_two_contacts_each_others_referrer_is_refused(
        core: Core) -> None:
    a = core.contacts.create({"last_name": "الف", "mobile": "09121111111"})
    core.contacts.create({"last_name": "ب", "mobile": "09122222222", "referred_by_id": a})
    data = sheet(("موبایل", "نام خانوادگی", "Referrer"), [("09121111111", "الف", "09122222222")])
    plan = core.imports.plan("contacts", data, ("mobile", "last_name", "referred_by"))
    with pytest.raises(ValidationError) as exc:
        core.imports.run(plan, ImportOptions(OnDuplicate.OVERWRITE))
    assert [(e.field, e.code) for e in exc.value.errors] == [("referred_by_id",
                                                             "referral.cycle")]
