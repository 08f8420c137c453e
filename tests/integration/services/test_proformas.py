"""ProformaService on a real SQLite file, including numbering from two processes at once."""

from __future__ import annotations

import json
import multiprocessing
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from crm_desktop.db import models as m
from crm_desktop.domain.clock import today as business_today
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.text.jalali import jalali_year, parse_jalali

TODAY = business_today()
PER_PROCESS = 15


def all_rows(service: Any, query: ListQuery) -> list[dict]:
    rows: list[dict] = []
    after = None
    for _ in range(1000):
        page = service.list(replace(query, after=after))
        rows += page.rows
        if page.next_cursor is None:
            return rows
        after = page.next_cursor
    raise AssertionError("paging never ended")


def audit(core: Any, entity: str, entity_id: int | None = None) -> list[tuple]:
    a = m.AuditLog
    q = select(a.action, a.field, a.old_value, a.new_value, a.entity_id).where(a.entity == entity)
    if entity_id is not None:
        q = q.where(a.entity_id == entity_id)
    with core.db.read() as session:
        return [tuple(r) for r in session.execute(q.order_by(a.id))]


def count(core: Any, model: Any) -> int:
    with core.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)))


@pytest.fixture
def contact(core: Any) -> int:
    return core.contacts.create({"first_name": "نرگس", "last_name": "موسوی"})


@pytest.fixture
def product(core: Any) -> int:
    return core.products.create({"name": "کاغذ A4", "unit": "بسته", "unit_price_rial": 1_250_000,
                                 "taxable": False})


def test_create_with_lines(core: Any, contact: int, product: int) -> None:
    pid = core.proformas.create(
        {"contact_id": contact, "valid_until": TODAY + timedelta(days=7), "notes": "تحویل فوری"},
        [
            {"product_id": product, "quantity": "2.5"},
            {"description": "نصب", "unit_price_rial": "۳۰۰٬۰۰۰", "discount_kind": "percent",
             "discount_value": "12.5", "unit": "ساعت"},
            {"product_id": product, "description": "کاغذ ویژه", "unit_price_rial": 1_000_000,
             "taxable": True, "discount_value": "200,000"},
        ],
    )
    got = core.proformas.get(pid)
    year = jalali_year(TODAY)
    assert (got["year"], got["seq"], got["number"]) == (year, 1, f"{year}-0001")
    assert got["issue_date"] == TODAY
    assert got["status"] == "draft"
    assert got["vat_rate"] == Decimal(10)
    assert got["buyer"] == "نرگس موسوی"
    lines = got["lines"]
    assert [ln["position"] for ln in lines] == [1, 2, 3]
    first, second, third = lines
    assert (first["description"], first["unit"], first["unit_price_rial"], first["taxable"]) == (
        "کاغذ A4", "بسته", 1_250_000, False
    )
    assert first["quantity"] == Decimal("2.5") and first["discount_value"] == 0
    assert (second["product_id"], second["unit_price_rial"], second["unit"]) == (None, 300_000,
                                                                                 "ساعت")
    assert (second["discount_kind"], second["discount_value"]) == ("percent", Decimal("12.5"))
    assert second["taxable"] is True and second["quantity"] == 1
    # given values win over the product's
    assert (third["description"], third["unit_price_rial"], third["taxable"]) == (
        "کاغذ ویژه", 1_000_000, True
    )
    assert (third["discount_kind"], third["discount_value"]) == ("amount", 200_000)
    assert "total" not in got  # the arithmetic is not this service's


def test_vat_rate_defaults_from_settings(core: Any, contact: int) -> None:
    core.settings.set_vat_rate("9")
    pid = core.proformas.create({"contact_id": contact}, [])
    assert core.proformas.get(pid)["vat_rate"] == Decimal(9)
    pid = core.proformas.create({"contact_id": contact, "vat_rate": "0"}, [])
    assert core.proformas.get(pid)["vat_rate"] == Decimal(0)
    with pytest.raises(ValidationError) as exc:
        core.proformas.create({"contact_id": contact, "vat_rate": "101"}, [])
    assert exc.value.for_field("vat_rate").code == "range"
    with pytest.raises(ValidationError) as exc:
        core.proformas.update(pid, {"vat_rate": ""})
    assert exc.value.for_field("vat_rate").code == "required"


def test_buyer_is_required(core: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        core.proformas.create({"notes": "x"}, [{"description": "a"}])
    assert exc.value.fields == ["contact"]
    assert exc.value.errors[0].code == "required"
    account = core.accounts.create({"name": "شرکت نمونه"})
    deal = core.deals.create({"title": "معامله"})
    by_account = core.proformas.create({"account_id": account}, [])
    by_deal = core.proformas.create({"deal_id": deal}, [])
    assert core.proformas.get(by_account)["buyer"] == "شرکت نمونه"
    assert core.proformas.get(by_deal)["buyer"] is None
    # removing the only buyer is refused on update too
    with pytest.raises(ValidationError) as exc:
        core.proformas.update(by_account, {"account_id": None})
    assert exc.value.fields == ["contact"]


def test_header_and_line_errors_together(core: Any, contact: int) -> None:
    with pytest.raises(ValidationError) as exc:
        core.proformas.create(
            {"contact_id": contact, "issue_date": "1405/02/10", "valid_until": "1405/02/09"},
            [
                {"description": "ok"},
                {"description": "bad qty", "quantity": 0},
                {"unit_price_rial": 5},
                {"description": "d", "quantity": "1.2345"},
                {"description": "d", "quantity": "2", "unit_price_rial": 100,
                 "discount_value": 201},
                {"description": "d", "discount_kind": "percent", "discount_value": "150"},
                {"product_id": 9999},
                {"description": "d", "unit_price_rial": "-1", "discount_kind": "gift"},
                {"description": "d", "quantity": "abc", "taxable": "maybe"},
                {"description": "d", "discount_value": "-3"},
            ],
        )
    codes = {e.field: e.code for e in exc.value.errors}
    assert codes == {
        "valid_until": "date.order",
        "lines[1].quantity": "range",
        "lines[2].description": "required",
        "lines[3].quantity": "number.invalid",
        "lines[4].discount_value": "range",
        "lines[5].discount_value": "range",
        "lines[6].product_id": "not_found",
        "lines[7].unit_price_rial": "money.negative",
        "lines[7].discount_kind": "choice",
        "lines[8].quantity": "number.invalid",
        "lines[8].taxable": "invalid",
        "lines[9].discount_value": "money.negative",
    }
    assert exc.value.for_field("lines[4].discount_value").params == {"min": 0, "max": 200}
    # nothing written and no number used up
    assert count(core, m.Proforma) == 0 and count(core, m.ProformaLine) == 0
    pid = core.proformas.create({"contact_id": contact}, [{"description": "ok"}])
    assert core.proformas.get(pid)["seq"] == 1


def test_quantity_three_decimals_and_discount_limits(core: Any, contact: int) -> None:
    pid = core.proformas.create({"contact_id": contact}, [
        {"description": "a", "quantity": "0.001"},
        {"description": "b", "quantity": "۱٫۲۵۰", "unit_price_rial": 1000,
         "discount_value": 1250},
        {"description": "c", "discount_kind": "percent", "discount_value": 100},
    ])
    lines = core.proformas.get(pid)["lines"]
    assert [ln["quantity"] for ln in lines] == [Decimal("0.001"), Decimal("1.25"), Decimal(1)]
    assert lines[1]["discount_value"] == 1250  # equal to the gross amount is allowed


def test_numbers_follow_the_issue_dates_jalali_year(core: Any, contact: int) -> None:
    a = core.proformas.create({"contact_id": contact, "issue_date": "1403/12/29"}, [])
    b = core.proformas.create({"contact_id": contact, "issue_date": "1404/01/01"}, [])
    c = core.proformas.create({"contact_id": contact, "issue_date": "1403/05/05"}, [])
    d = core.proformas.create({"contact_id": contact, "issue_date": "1404/06/01"}, [])
    got = {i: core.proformas.get(i)["number"] for i in (a, b, c, d)}
    assert got == {a: "1403-0001", b: "1404-0001", c: "1403-0002", d: "1404-0002"}
    assert core.proformas.find_by_number("۱۴۰۳-۰۰۰۲") == c
    assert core.proformas.find_by_number("1404/2") == d
    with pytest.raises(NotFoundError):
        core.proformas.find_by_number("1404-0003")
    with pytest.raises(ValidationError) as exc:
        core.proformas.find_by_number("T-1404-0001x")
    assert exc.value.fields == ["number"]
    # the number is fixed: the issue date may move within its year, not to another
    core.proformas.update(a, {"issue_date": "1403/12/01"})
    assert core.proformas.get(a)["issue_date"] == parse_jalali("1403/12/01")
    with pytest.raises(ValidationError) as exc:
        core.proformas.update(a, {"issue_date": "1404/01/02"})
    assert exc.value.for_field("issue_date").code == "invalid"


def test_update_replaces_lines_and_audits(core: Any, contact: int, product: int) -> None:
    pid = core.proformas.create({"contact_id": contact}, [
        {"description": "one", "unit_price_rial": 100},
        {"description": "two", "unit_price_rial": 200},
        {"description": "three", "unit_price_rial": 300},
    ])
    old_ids = [ln["id"] for ln in core.proformas.get(pid)["lines"]]
    core.proformas.update(pid, lines=[
        {"description": "one", "unit_price_rial": 150},
        {"product_id": product},
    ])
    lines = core.proformas.get(pid)["lines"]
    assert [(ln["description"], ln["unit_price_rial"]) for ln in lines] == [
        ("one", 150), ("کاغذ A4", 1_250_000)
    ]
    assert [ln["id"] for ln in lines] == old_ids[:2]  # changed in place
    line_audit = audit(core, "proforma_lines")
    assert ("update", "unit_price_rial", "100", "150", old_ids[0]) in line_audit
    purged = [r for r in line_audit if r[:2] == ("delete", "purged")]
    assert [(r[3], r[4]) for r in purged] == [(None, old_ids[2])]
    # a hard delete keeps every audited column as it was
    assert json.loads(purged[0][2]) == {
        "proforma_id": str(pid), "position": "3", "product_id": None, "description": "three",
        "quantity": "1", "unit": "", "unit_price_rial": "300", "discount_kind": "amount",
        "discount_value": "0", "taxable": "True",
    }
    assert not any(r[1] == "description" and r[4] == old_ids[0] for r in line_audit)

    # lines read back can be given back as they are (ids and positions are ignored)
    core.proformas.update(pid, lines=list(reversed(lines)))
    assert [ln["description"] for ln in core.proformas.get(pid)["lines"]] == ["کاغذ A4", "one"]

    # header only: the lines stay; an invalid line list changes nothing
    core.proformas.update(pid, {"notes": "n"})
    assert len(core.proformas.get(pid)["lines"]) == 2
    with pytest.raises(ValidationError) as exc:
        core.proformas.update(pid, {"notes": "changed"}, [{"quantity": 1}])
    assert exc.value.fields == ["lines[0].description"]
    got = core.proformas.get(pid)
    assert got["notes"] == "n" and len(got["lines"]) == 2
    core.proformas.update(pid, lines=[])
    assert core.proformas.get(pid)["lines"] == []
    assert ("update", "notes", None, "n", pid) in audit(core, "proformas", pid)


def test_set_status(core: Any, contact: int) -> None:
    pid = core.proformas.create({"contact_id": contact}, [])
    core.proformas.set_status(pid, "sent")
    assert core.proformas.get(pid)["status"] == "sent"
    with pytest.raises(ValidationError) as exc:
        core.proformas.set_status(pid, "paid")
    assert exc.value.for_field("status").code == "choice"
    assert ("update", "status", "draft", "sent", pid) in audit(core, "proformas", pid)
    with pytest.raises(NotFoundError):
        core.proformas.set_status(9999, "sent")
    with pytest.raises(NotFoundError):
        core.proformas.get(9999)
    with pytest.raises(TypeError):
        core.proformas.delete(pid)  # proformas are not soft-deleted


def test_list_rows_filters_and_text(core: Any, contact: int) -> None:
    account = core.accounts.create({"name": "صنایع پارس"})
    deal = core.deals.create({"title": "فروش عمده", "contact_id": contact})
    p = core.proformas
    a = p.create({"contact_id": contact}, [])
    b = p.create({"contact_id": contact, "account_id": account, "deal_id": deal}, [])
    c = p.create({"account_id": account}, [])
    p.set_status(c, "accepted")
    rows = {r["id"]: r for r in p.list().rows}
    year = jalali_year(TODAY)
    assert rows[b]["number"] == f"{year}-0002"
    assert rows[a]["buyer"] == "نرگس موسوی"
    assert rows[b]["buyer"] == "صنایع پارس"  # the company is the buyer when there is one
    assert rows[b]["deal"] == "فروش عمده"
    assert rows[a]["issue_date"] == TODAY and rows[c]["status"] == "accepted"

    def ids(**filters: Any) -> set[int]:
        return {r["id"] for r in p.list(ListQuery(filters=filters)).rows}

    assert ids(status="accepted") == {c}
    assert ids(contact_id=contact) == {a, b}
    assert ids(account_id=account) == {b, c}
    assert ids(deal_id=deal) == {b}
    assert [r["id"] for r in p.list(ListQuery(text=f"{year}-3")).rows] == [c]
    assert {r["id"] for r in p.list(ListQuery(text="پارس")).rows} == {b, c}


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", ["number", "issue_date", "created"])
def test_keyset_paging(core: Any, contact: int, key: str, descending: bool) -> None:
    made = set()
    for i in range(26):
        made.add(core.proformas.create(
            {"contact_id": contact, "issue_date": TODAY - timedelta(days=i % 4)}, []
        ))
    query = ListQuery(sort=Sort(key, descending), limit=6)
    ids = [r["id"] for r in all_rows(core.proformas, query)]
    assert len(ids) == len(set(ids)) == 26 and set(ids) == made
    assert ids == [r["id"] for r in core.proformas.list(replace(query, limit=100)).rows]


# -- two processes at once ---------------------------------------------------------------

def _create_proformas(path: str, n: int, barrier: Any) -> None:
    from crm_desktop.core import Core

    with Core.open(path) as core:
        contact = core.contacts.create({"last_name": "هم‌زمان"})
        barrier.wait(timeout=60)
        for i in range(n):
            core.proformas.create({"contact_id": contact},
                                  [{"description": f"ردیف {i}", "unit_price_rial": 1000}])


def test_numbers_unique_under_concurrency(core: Any, db_target: Path | str) -> None:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_create_proformas, args=(str(db_target), PER_PROCESS, barrier))
             for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0]
    with core.db.read() as session:
        numbers = list(session.execute(select(m.Proforma.year, m.Proforma.seq)))
    year = jalali_year(TODAY)
    assert len(numbers) == 2 * PER_PROCESS
    assert sorted(numbers) == [(year, s) for s in range(1, 2 * PER_PROCESS + 1)]
    assert count(core, m.ProformaLine) == 2 * PER_PROCESS
