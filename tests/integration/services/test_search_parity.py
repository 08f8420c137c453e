"""Search and Persian order give the same answers on SQLite and on PostgreSQL: the same
records are written into a file and into a PostgreSQL database, then many queries (typed
ones and generated ones) are asked of both and their results compared, hit by hit and in
order. Skipped when CRM_TEST_PG names no server."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.services.base import ListQuery, Sort

FIRST = ["علی", "مُحَمَّد", "عبد‌الله", "ياسمن", "محمدرضا", "محمد رضا", "محمد\u200cرضا",
         "زهرا", "زهراسادات", "زهرا سادات", "بهرام", "بهار", "بگم", "پرویز", "آرش", "ژاله",
         "چنگیز", "گلناز", "کاوه", "كاظم", "Ali", "ALI", "sara", "Élodie", "ئیلا", "أحمد"]
LAST = ["رضایی", "کاظمی", "پاک‌نژاد", "كياني", "احمدی", "گودرزی", "تهرانی", "شیرازی",
        "Smith", "O'Neil", "ن-ج", "ی۰۰۱", "آخر"]
MOBILES = ["09121234567", "0912 345 6789", "+98 912 345 6788", "0098-935-111-2233",
           "۰۹۱۲۳۹۹۹۹۹۹", None]
CITIES = ["شیراز", "تهران", "اصفهان", "کرمان", None]

TYPED = ["ع", "علي", "علی", "عل", "ALI", "ali", "ali.r", "رضايي", "محمدرضا", "محمد رضا",
         "محمد\u200cرضا", "محمد", "رضا", "زهرا سادات", "زهراسادات", "پاک", "پاک نژاد",
         "عبدالله", "ب", "گ", "ک", "ك", "آ", "ا", "شیراز", "شیر", "شیراز استیل", "فولاد",
         "0912", "09121234567", "0912 123 4567", "0912-123-4567", "+98 912 123 4567",
         "+989121234567", "0098 912 123 4567", "912 345 6789", "۰۹۱۲", "935 111",
         "0013542419", "gmail", "ali.rezaei@gmail.com", "T-", "قرارداد", "پشتیبانی علی",
         "o'neil", "neil", "élodie", "smith", '"', "*", "AND", "a OR b", "NEAR(", "-", "",
         "   ", "x" * 70, "1", "12", "a1", "ی۰۰۱", "ن ج", "تهرانی شیرازی"]


def _fill(core: Core) -> None:
    """The same records, in the same order, whichever the database."""
    accounts = [core.accounts.create({"name": f"بازرگانی نمونه {i}", "city": "شیراز"})
                for i in range(350)]
    accounts.append(core.accounts.create({"name": "شیراز استیل", "city": "تهران",
                                          "phone": "021-88776655"}))
    accounts.append(core.accounts.create({"name": "فولاد شیراز"}))
    accounts.append(core.accounts.create({"name": "پارس\u200cخودرو", "city": "تبریز"}))
    n = 0
    for i, first in enumerate(FIRST):
        for j, last in enumerate(LAST):
            if (i + j) % 3:
                continue
            n += 1
            mobile = MOBILES[n % len(MOBILES)]
            core.contacts.create({
                "first_name": first, "last_name": last, "city": CITIES[n % len(CITIES)],
                **({"mobile": mobile} if mobile else {}),
                **({"email": f"ali.rezaei{n}@gmail.com"} if n % 7 == 0 else {}),
                **({"account_id": accounts[n % len(accounts)]} if n % 4 == 0 else {}),
            })
    deleted = core.contacts.create({"first_name": "علی", "last_name": "حذف‌شده"})
    core.contacts.delete(deleted)
    for k, title in enumerate(["قرارداد پشتیبانی علی", "فروش شیراز", "محمد\u200cرضا تمدید"]):
        core.deals.create({"title": title, "contact_id": 1 + k})


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory, pg_server):
    """(SQLite core, PostgreSQL core) holding the same records."""
    file = tmp_path_factory.mktemp("parity") / "crm.sqlite3"
    # a server whose default collation is Persian (ICU), not code-point order
    name = pg_server.empty(icu_locale="fa-IR")
    with Core.open(file) as lite, Core.open(pg_server.url(name)) as server:
        assert server.db.dialect == "postgresql"
        _fill(lite)
        _fill(server)
        yield lite, server
    pg_server.drop(name)


def _hits(core: Core, typed: str, limit: int = 50) -> list[tuple]:
    return [(h.kind, h.id, h.title, h.subtitle, h.score)
            for h in core.search.search(typed, limit=limit)]


def _listed(core: Core, typed: str) -> dict[str, list[int]]:
    query = ListQuery(text=typed, limit=500)
    return {"contacts": [r["id"] for r in core.contacts.list(query).rows],
            "accounts": [r["id"] for r in core.accounts.list(query).rows]}


def _same(pair, typed: str) -> None:
    lite, server = pair
    assert _hits(server, typed) == _hits(lite, typed), typed
    assert _hits(server, typed, limit=3) == _hits(lite, typed, limit=3), typed
    assert _listed(server, typed) == _listed(lite, typed), typed


@pytest.mark.parametrize("typed", TYPED)
def test_typed_queries_give_the_same_hits_in_the_same_order(pair, typed: str) -> None:
    _same(pair, typed)


def test_the_shiraz_company_comes_first_on_both(pair) -> None:
    for core in pair:
        hits = core.search.search("شیراز", limit=20)
        assert (hits[0].kind, hits[0].title) == ("account", "شیراز استیل")
        assert len(hits) == 20


_ALPHABET = list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةأآئؤ ‌-+()0123456789۰۹۱٠"
                 "aliAEZé.@'\"*:")


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=14))
def test_generated_queries_give_the_same_hits(pair, typed: str) -> None:
    _same(pair, typed)


@pytest.mark.parametrize("sort", ["name", "company", "city", "mobile"])
@pytest.mark.parametrize("descending", [False, True])
def test_lists_are_in_the_same_order(pair, sort: str, descending: bool) -> None:
    lite, server = pair

    def order(core: Core) -> list[int]:
        page = core.contacts.list(ListQuery(sort=Sort(sort, descending), limit=500))
        return [r["id"] for r in page.rows]

    assert order(server) == order(lite)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.sampled_from(_ALPHABET[:60] + list("aAzZ ")),
                        min_size=1, max_size=6).filter(lambda s: s.strip(" \u200c-+()")),
                min_size=2, max_size=8))
def test_names_sort_in_the_same_persian_order(pair, names: list[str]) -> None:
    """Names written as they come; both databases list them in one order, by the stored
    Persian sort key (text.collation)."""
    orders = []
    for core in pair:
        ids = [core.products.create({"name": n, "unit_price_rial": 0}) for n in names]
        with core.db.read() as session:
            orders.append(session.execute(
                select(m.Product.name).where(m.Product.id.in_(ids))
                .order_by(m.Product.sort_key, m.Product.id)).scalars().all())
    assert orders[1] == orders[0]
