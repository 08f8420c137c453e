"""ExportService: the rows a list shows for a ListQuery (filters, text, sort), in its
order, typed for the writers; every kind; hostile input refused with ValidationError."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from crm_desktop.domain import clock
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.services.exports import CLI_KINDS, LIST_KINDS, ExportService

NAMES = [("علی", "محمدی", "تهران"), ("زهرا", "احمدی", "تهران"), ("رضا", "کریمی", "شیراز"),
         ("مریم", "رضایی", "تهران"), ("امیر", "حسینی", "اصفهان"), ("سارا", "محمدی", "تهران")]


def rows(table: Any) -> list[list[Any]]:
    return [list(r) for r in table.rows]


def listed(service: Any, query: ListQuery, key: str) -> list[Any]:
    """What the list shows, page after page (the windowed view's pages)."""
    out, q = [], query
    while True:
        page = service.list(ListQuery(filters=q.filters, text=q.text, sort=q.sort, limit=2,
                                      after=q.after))
        out += [r[key] for r in page.rows]
        if page.next_cursor is None:
            return out
        q = ListQuery(filters=q.filters, text=q.text, sort=q.sort, after=page.next_cursor)


@pytest.fixture
def seeded(core: Any) -> dict[str, Any]:
    company = core.accounts.create({"name": "شرکت پارس", "city": "تهران", "phone": "02188776655"})
    ids = []
    for i, (first, last, city) in enumerate(NAMES):
        ids.append(core.contacts.create({
            "first_name": first, "last_name": last, "city": city,
            "mobile": f"0912000000{i}", "national_code": "0012345679" if i == 0 else None,
            "account_id": company if i % 2 == 0 else None, "birthday": "1370/01/15",
            "tags": ["وفادار"] if i < 2 else []}))
    gone = core.contacts.create({"first_name": "حذف", "last_name": "شده", "city": "تهران"})
    core.contacts.delete(gone)
    stages = {s["outcome"]: s["id"] for s in reversed(core.stages.list())}
    won = core.deals.create({"title": "قرارداد", "contact_id": ids[0], "amount_rial": 5_000_000})
    core.deals.move(won, stages["won"])
    core.deals.create({"title": "باز", "contact_id": ids[1], "amount_rial": 7_000_000,
                       "expected_close": clock.today() + timedelta(days=3)})
    product = core.products.create({"name": "کاغذ", "sku": "0042", "unit": "بسته",
                                    "unit_price_rial": 1_250_000})
    core.proformas.create({"contact_id": ids[0], "issue_date": clock.today() - timedelta(days=40),
                           "valid_until": clock.today() - timedelta(days=10)},
                          [{"product_id": product, "quantity": 2}])
    core.proformas.create({"contact_id": ids[1]}, [{"description": "خدمات", "quantity": 1,
                                                    "unit_price_rial": 1_000_000}])
    core.tickets.create({"subject": "=cmd|' /C calc'!A0", "contact_id": ids[2],
                         "priority": "high"})
    core.activities.create({"kind": "call", "subject": "پیگیری", "contact_id": ids[0]})
    campaign = core.campaigns.create({"name": "نوروز", "channel": "sms"})
    mlist = core.lists.create({"name": "ویژه"})
    core.lists.add_members(mlist, ids[:3])
    core.campaigns.add_target(campaign, list_id=mlist)
    core.campaigns.add_members_from_targets(campaign)
    return {"contacts": ids, "company": company, "campaign": campaign, "list": mlist,
            "product": product}


def test_contacts_export_is_what_the_list_shows(core: Any, seeded: dict[str, Any]) -> None:
    """Filtered, searched and sorted: the same rows in the same order as the list."""
    query = ListQuery(filters={"city": "تهران"}, text="محمدی",
                      sort=Sort("name", descending=True))
    table = ExportService(core.db).table("contacts", query, ["full_name", "mobile", "city"])
    got = rows(table)
    assert [r[0] for r in got] == listed(core.contacts, query, "full_name")
    assert [r[0] for r in got] == ["علی محمدی", "سارا محمدی"]
    assert table.row_count == 2
    assert got[0][1:] == ["09120000000", "تهران"]
    # without the text: every Tehran contact but the one in the Trash
    table = ExportService(core.db).table("contacts", ListQuery(filters={"city": "تهران"},
                                                               sort=Sort("name")), None)
    names = [r[0] for r in rows(table)]
    assert names == listed(core.contacts, ListQuery(filters={"city": "تهران"},
                                                    sort=Sort("name")), "full_name")
    assert "حذف شده" not in names and len(names) == 4


def test_contact_columns_are_typed_and_titled(core: Any, seeded: dict[str, Any]) -> None:
    service = ExportService(core.db)
    keys = ["full_name", "national_code", "lifecycle_stage", "won_deals", "won_total_rial",
            "created_at", "birthday", "tags", "company"]
    table = service.table("contacts", ListQuery(sort=Sort("name")), keys, "fa")
    assert [c.key for c in table.columns] == keys
    assert [c.kind for c in table.columns] == ["text", "code", "text", "integer", "money",
                                               "date", "date", "text", "text"]
    assert table.columns[4].title == "جمع معامله‌های موفق (ریال)"
    by_name = {r[0]: r for r in rows(table)}
    ali = by_name["علی محمدی"]
    assert ali[1] == "0012345679"
    assert ali[2] == "مشتری"  # a won deal made the lead a customer
    assert ali[3:5] == [1, 5_000_000]
    assert ali[5] == clock.today() and ali[6] == date(1991, 4, 4)
    assert ali[7] == "وفادار" and ali[8] == "شرکت پارس"
    assert by_name["زهرا احمدی"][2:5] == ["سرنخ", 0, 0]
    english = service.table("contacts", ListQuery(), ["lifecycle_stage", "won_total_rial"], "en")
    assert english.columns[1].title == "Won deals total (Rial)"
    assert {r[0] for r in rows(english)} == {"Lead", "Customer"}
    assert [c.key for c in service.columns("contacts")][:8] == [
        "full_name", "mobile", "company", "city", "lifecycle_stage", "owner",
        "last_activity_at", "created_at"]


@pytest.mark.parametrize("kind", CLI_KINDS)
def test_every_kind_exports_every_column(core: Any, seeded: dict[str, Any], kind: str) -> None:
    service = ExportService(core.db)
    table = service.table(kind, ListQuery(), None, "fa")
    got = rows(table)
    assert len(got) == table.row_count > 0
    assert all(len(r) == len(service.columns(kind)) for r in got)
    for col, column in enumerate(table.columns):
        values = [r[col] for r in got if r[col] is not None]
        if column.kind in ("integer", "money"):
            assert all(isinstance(v, int) for v in values), column.key
        if column.kind in ("text", "code"):
            assert all(isinstance(v, str) for v in values), column.key


def test_values_of_the_other_kinds(core: Any, seeded: dict[str, Any]) -> None:
    service = ExportService(core.db)
    proformas = rows(service.table("proformas", ListQuery(sort=Sort("number")),
                                   ["effective_status", "total_rial", "vat_rate"]))
    assert [p[0] for p in proformas] == ["منقضی‌شده", "پیش‌نویس"]
    assert proformas[0][1] == 2_750_000 and proformas[0][2] == Decimal("0.1")
    expired = service.table("proformas", ListQuery(filters={"effective_status": "expired"}))
    assert expired.row_count == 1 and len(rows(expired)) == 1
    drafts = service.table("proformas", ListQuery(filters={"effective_status": "draft"}))
    assert drafts.row_count == 1
    tickets = rows(service.table("tickets", ListQuery(), ["subject", "priority", "status"], "en"))
    assert tickets == [["=cmd|' /C calc'!A0", "High", "New"]]
    products = rows(service.table("products", ListQuery(), ["sku", "unit_price_rial", "taxable"]))
    assert products == [["0042", 1_250_000, "بله"]]
    activities = rows(service.table("activities", ListQuery(), ["subject", "kind", "done_at"]))
    assert activities == [["پیگیری", "تماس", "باز"]]
    deals = rows(service.table("deals", ListQuery(filters={"outcome": "open"}),
                               ["title", "amount_rial", "probability", "stage"]))
    assert deals == [["باز", 7_000_000, Decimal("0.1"), "سرنخ جدید"]]


def test_members_of_a_campaign_and_of_a_list(core: Any, seeded: dict[str, Any]) -> None:
    service = ExportService(core.db)
    members = service.table("campaign_members", ListQuery(), None, "fa",
                            parent_id=seeded["campaign"])
    got = rows(members)
    assert [r[0] for r in got] == ["علی محمدی", "زهرا احمدی", "رضا کریمی"]
    assert got[0][3] == "هدف‌گیری‌شده" and members.row_count == 3
    on_list = service.table("list_members", ListQuery(sort=Sort("name")),
                            ["full_name", "mobile"], parent_id=seeded["list"])
    assert sorted(r[0] for r in rows(on_list)) == sorted(r[0] for r in got)
    none = service.table("campaign_members", ListQuery(filters={"status": "responded"}),
                         parent_id=seeded["campaign"])
    assert none.row_count == 0 and rows(none) == []


def hostile_calls() -> list[tuple[str, dict[str, Any], str]]:
    return [
        ("table", {"kind": "users"}, "kind"),
        ("table", {"kind": None}, "kind"),
        ("columns", {"kind": ["contacts"]}, "kind"),
        ("table", {"kind": "contacts", "columns": ["password_hash"]}, "columns"),
        ("table", {"kind": "contacts", "columns": ["mobile", "mobile"]}, "columns"),
        ("table", {"kind": "contacts", "columns": []}, "columns"),
        ("table", {"kind": "contacts", "columns": "full_name"}, "columns"),
        ("table", {"kind": "contacts", "query": ListQuery(filters={"nope": 1})}, "nope"),
        ("table", {"kind": "contacts", "query": ListQuery(filters={"owner_id": 2**70})},
         "owner_id"),
        ("table", {"kind": "contacts", "query": ListQuery(filters={"lifecycle_stage": "x"})},
         "lifecycle_stage"),
        ("table", {"kind": "activities", "query": ListQuery(filters={"state": "late"})},
         "state"),
        ("table", {"kind": "deals", "query": ListQuery(filters={"close_from": "fish"})},
         "close_from"),
        ("table", {"kind": "contacts", "query": ListQuery(sort=Sort("password"))}, "sort"),
        ("table", {"kind": "contacts", "query": ListQuery(text="\ud800")}, "text"),
        ("table", {"kind": "contacts", "query": "everything"}, "query"),
        ("table", {"kind": "campaign_members"}, "parent_id"),
        ("table", {"kind": "campaign_members", "parent_id": 999}, "parent_id"),
        ("table", {"kind": "list_members", "parent_id": 999}, "parent_id"),
        ("table", {"kind": "list_members", "parent_id": "1; DROP TABLE"}, "parent_id"),
        ("parse_filters", {"kind": "contacts", "pairs": ["city"]}, "filter"),
    ]


@pytest.mark.parametrize(("method", "kwargs", "field"), hostile_calls())
def test_hostile_input_is_a_validation_error(core: Any, method: str, kwargs: dict[str, Any],
                                             field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        getattr(ExportService(core.db), method)(**kwargs)
    assert field in caught.value.fields
    assert caught.value.message("fa")


def test_command_line_filters_are_typed(core: Any) -> None:
    service = ExportService(core.db)
    assert service.parse_filters("contacts", ["city=تهران", "owner_id=۱"]) == {
        "city": "تهران", "owner_id": 1}
    assert service.parse_filters("products", ["active=false"]) == {"active": False}
    assert service.parse_filters("deals", ["close_from=1405/01/01", "outcome=open"]) == {
        "close_from": date(2026, 3, 21), "outcome": "open"}
    with pytest.raises(ValidationError) as caught:
        service.parse_filters("products", ["active=maybe", "color=red"])
    assert sorted(caught.value.fields) == ["active", "color"]
    assert set(LIST_KINDS) >= set(CLI_KINDS)
