"""List searches that use a substring match treat `%`, `_` and the escape character as text."""

from __future__ import annotations

from typing import Any

import pytest

from crm_desktop.services.base import ListQuery


def names(page: Any, key: str) -> set[str]:
    return {r[key] for r in page.rows}


@pytest.fixture
def products(core: Any) -> Any:
    for name, sku in (("کاغذ A4", "P-1"), ("تخفیف ۵۰%", "P_2"), ("جوهر", "P-3"),
                      ("پودر/رنگ", "P\\4")):
        core.products.create({"name": name, "sku": sku})
    return core


@pytest.mark.parametrize(("typed", "expected"), [
    ("%", {"تخفیف ۵۰%"}),
    ("۵۰%", {"تخفیف ۵۰%"}),
    ("_", {"تخفیف ۵۰%"}),  # the sku P_2
    ("P_", {"تخفیف ۵۰%"}),
    ("P%", set()),
    ("\\", {"پودر/رنگ"}),
    ("/", {"پودر/رنگ"}),
    ("کاغذ", {"کاغذ A4"}),
    ("P-", {"کاغذ A4", "جوهر"}),
])
def test_product_search_has_no_wildcards(products: Any, typed: str, expected: set[str]) -> None:
    assert names(products.products.list(ListQuery(text=typed)), "name") == expected


def test_activity_search_has_no_wildcards(core: Any) -> None:
    for subject in ("تماس با علی", "تخفیف ۱۰%", "ارسال_فایل"):
        core.activities.create({"kind": "task", "subject": subject})
    assert names(core.activities.list(ListQuery(text="%")), "subject") == {"تخفیف ۱۰%"}
    assert names(core.activities.list(ListQuery(text="_")), "subject") == {"ارسال_فایل"}
    assert names(core.activities.list(ListQuery(text="ت%س")), "subject") == set()
    assert names(core.activities.list(ListQuery(text="تماس")), "subject") == {"تماس با علی"}


def test_proforma_buyer_search_has_no_wildcards(core: Any) -> None:
    plain = core.contacts.create({"first_name": "علی", "last_name": "رضایی"})
    odd = core.contacts.create({"first_name": "سارا", "last_name": "نمونه_۵۰%"})
    core.proformas.create({"contact_id": plain}, [])
    core.proformas.create({"contact_id": odd}, [])
    assert names(core.proformas.list(ListQuery(text="%")), "contact_id") == {odd}
    assert names(core.proformas.list(ListQuery(text="_")), "contact_id") == {odd}
    assert names(core.proformas.list(ListQuery(text="ع%")), "contact_id") == set()
    assert names(core.proformas.list(ListQuery(text="رضایی")), "contact_id") == {plain}
