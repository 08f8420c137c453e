"""Every list, every sort key, both directions: keyset pages cover every row exactly once,
in the same order as one big page, including rows whose sort column is empty (NULL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from crm_desktop.core import Core
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.services.demo import generate

SERVICES = ["contacts", "accounts", "products", "deals", "activities", "tickets", "proformas",
            "campaigns", "lists", "users"]


@pytest.fixture(scope="module")
def sparse_core(module_db_target):
    with Core.open(module_db_target) as core:
        if core.db.is_sqlite:
            generate(core.db, 120, 5, today=date(2026, 11, 22))
        # contacts whose last activity differs, equals another's, or is none (the demo's
        # bulk loader is SQLite's own: on a server these rows are the list's variety)
        for i in range(9):
            contact = core.contacts.create({"last_name": f"مشتری {i}",
                                            "city": "تبریز" if i % 2 else "تهران"})
            if i < 3:
                core.proformas.create({"contact_id": contact}, [
                    {"description": "نصب", "quantity": 1, "unit_price_rial": 1_000_000}])
            if i % 3:
                core.activities.create({
                    "kind": "call", "subject": "تماس", "contact_id": contact,
                    "done_at": datetime(2026, 11, 1 + i % 4, 9, 30, tzinfo=UTC)})
        # records with empty optional columns, and equal sort values, to stress the cursor
        for i in range(7):
            core.contacts.create({"last_name": "خالی"})
            core.accounts.create({"name": "شرکت بی‌نشان"})
            core.products.create({"name": f"کالای بی‌کد {i % 2}"})
            core.deals.create({"title": "بی‌تاریخ"})
            core.tickets.create({"subject": "بی‌مهلت"})
            core.activities.create({"kind": "task", "subject": "بی‌موعد"})
            core.campaigns.create({"name": "بی‌تاریخ", "channel": "sms"})
            core.lists.create({"name": "فهرست"})
            core.deals.create({"title": "با تاریخ",
                               "expected_close": date(2026, 1, 1) + timedelta(days=i % 3)})
        yield core


def all_at_once(service, sort: Sort) -> list[int]:
    return [r["id"] for r in service.list(ListQuery(sort=sort, limit=1000)).rows]


def paged(service, sort: Sort, size: int) -> list[int]:
    ids, after = [], None
    while True:
        page = service.list(ListQuery(sort=sort, after=after, limit=size))
        ids += [r["id"] for r in page.rows]
        after = page.next_cursor
        if after is None:
            return ids


@pytest.mark.parametrize("name", SERVICES)
def test_pages_match_one_big_page(sparse_core, name: str) -> None:
    service = getattr(sparse_core, name)
    total = service.count()
    assert total > 0
    for key in service.sort_columns:
        for desc in (False, True):
            sort = Sort(key, desc)
            whole = all_at_once(service, sort)
            assert len(whole) == total, (key, desc)
            assert paged(service, sort, 7) == whole, (key, desc)


@pytest.mark.parametrize("name", ["contacts", "accounts", "deals", "tickets", "products"])
def test_windows_are_slices_of_the_list(sparse_core, name: str) -> None:
    service = getattr(sparse_core, name)
    for key in service.sort_columns:
        for desc in (False, True):
            sort = Sort(key, desc)
            whole = all_at_once(service, sort)
            for offset in (0, 1, 5, len(whole) // 2, len(whole) - 3, len(whole) + 10):
                page = service.window(ListQuery(sort=sort), offset, 6)
                assert [r["id"] for r in page.rows] == whole[offset:offset + 6], (key, offset)
                if page.next_cursor is not None:
                    follow = service.window(ListQuery(sort=sort, after=page.next_cursor), 0, 6)
                    assert [r["id"] for r in follow.rows] == whole[offset + 6:offset + 12]


def test_count_matches_filters(sparse_core) -> None:
    contacts = sparse_core.contacts
    whole = all_at_once(contacts, Sort("name"))
    assert contacts.count() == len(whole)
    assert contacts.count(cap=10) == 10
    tehran = contacts.list(ListQuery(filters={"city": "تهران"}, limit=1000)).rows
    assert contacts.count(ListQuery(filters={"city": "تهران"})) == len(tehran) > 0
