"""Companies, the product catalogue, deals and the pipeline, users and settings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.base import ListQuery, Sort


def test_account_validation_and_search(core) -> None:
    with pytest.raises(ValidationError) as err:
        core.accounts.create({"name": "", "legal_id": "10101010101", "postal_code": "abc"})
    assert set(err.value.fields) == {"name", "legal_id", "postal_code"}
    aid = core.accounts.create({"name": "شركت فناوران پارس", "legal_id": "۱۰۱۰۰۳۸۷۹۷۵",
                                "phone": "021-88776655", "city": "تهران"})
    acc = core.accounts.get(aid)
    assert acc["name"] == "شرکت فناوران پارس"
    assert acc["phone"] == "02188776655"
    assert [h.id for h in core.search.search("فناوران", kinds=("account",))] == [aid]
    assert [h.id for h in core.search.search("88776655", kinds=("account",))] == []
    assert [h.id for h in core.search.search("02188", kinds=("account",))] == [aid]


def test_account_list_counts_live_contacts(core) -> None:
    aid = core.accounts.create({"name": "کلینیک سپید"})
    c1 = core.contacts.create({"last_name": "یک", "account_id": aid})
    core.contacts.create({"last_name": "دو", "account_id": aid})
    core.contacts.delete(c1)
    assert core.accounts.list().rows[0]["contacts"] == 1


def test_products_sku_unique_and_money(core) -> None:
    pid = core.products.create({"name": "برنج", "sku": "R-1", "unit": "کیلوگرم",
                                "unit_price_rial": "۱٬۴۵۰٬۰۰۰"})
    assert core.products.get(pid)["unit_price_rial"] == 1_450_000
    with pytest.raises(ValidationError) as err:
        core.products.create({"name": "برنج دیگر", "sku": "R-1"})
    assert err.value.fields == ["sku"]
    with pytest.raises(ValidationError) as err:
        core.products.create({"name": "منفی", "unit_price_rial": -5})
    assert err.value.errors[0].code == "money.negative"
    core.products.create({"name": "آب معدنی", "unit_price_rial": "12000 تومان"})
    rows = core.products.list(ListQuery(sort=Sort("name"))).rows
    assert [r["name"] for r in rows] == ["آب معدنی", "برنج"]
    assert rows[0]["unit_price_rial"] == 120_000
    assert [r["name"] for r in core.products.list(ListQuery(text="برن")).rows] == ["برنج"]


def test_deal_moves_are_recorded_and_won_makes_a_customer(core) -> None:
    stages = core.stages.list()
    assert [s["outcome"] for s in stages][-2:] == ["won", "lost"]
    cid = core.contacts.create({"last_name": "خریدار"})
    did = core.deals.create({"title": "سفارش عمده", "contact_id": cid, "amount_rial": 5_000_000})
    deal = core.deals.get(did)
    assert deal["stage_id"] == stages[0]["id"]
    with pytest.raises(ValidationError) as err:
        core.deals.move(did, stages[-1]["id"])  # lost needs a reason
    assert err.value.fields == ["lost_reason"]
    assert core.deals.move(did, stages[2]["id"]) == stages[0]["id"]
    core.deals.move(did, stages[-2]["id"])
    assert core.contacts.get(cid)["lifecycle_stage"] == "customer"
    assert core.deals.get(did)["closed_at"] is not None
    history = core.deals.stage_history(did)
    assert [h["to_stage"] for h in history] == [s["name"] for s in
                                                (stages[0], stages[2], stages[-2])]
    core.deals.move(did, stages[-1]["id"], lost_reason="قیمت بالا")
    assert core.deals.get(did)["lost_reason"] == "قیمت بالا"
    with pytest.raises(ValidationError):
        core.deals.update(did, {"stage_id": stages[0]["id"]})


def test_deal_list_filters_by_outcome(core) -> None:
    stages = core.stages.list()
    d1 = core.deals.create({"title": "الف"})
    d2 = core.deals.create({"title": "ب"})
    core.deals.move(d2, stages[-2]["id"])
    page = core.deals.list(ListQuery(filters={"outcome": "open"}))
    assert [r["id"] for r in page.rows] == [d1]
    assert page.rows[0]["stage"] == stages[0]["name"]


def test_users_and_passwords(core) -> None:
    uid = core.users.create({"username": "Reza", "display_name": "رضا"})
    assert core.users.get(uid)["username"] == "reza"
    with pytest.raises(ValidationError):
        core.users.create({"username": "reza", "display_name": "دیگری"})
    core.users.set_password(uid, "s3cret-pass")
    assert core.users.check_password("REZA", "s3cret-pass") == uid
    assert core.users.check_password("reza", "wrong") is None
    assert "password_hash" not in core.users.get(uid)


def test_settings_defaults_and_validation(core) -> None:
    assert core.settings.vat_rate == Decimal(10)
    assert core.settings.display_unit == "rial"
    core.settings.set_vat_rate("۹")
    core.settings.set_display_unit("toman")
    assert core.settings.vat_rate == Decimal(9)
    assert core.settings.display_unit == "toman"
    with pytest.raises(ValidationError):
        core.settings.set_vat_rate("150")
    with pytest.raises(ValidationError):
        core.settings.set_display_unit("dollar")
    core.settings.set_company({"name": "فروشگاه نمونه", "phone": "۰۲۱-۶۶۷۷۸۸۹۹"})
    assert core.settings.company()["phone"] == "02166778899"
