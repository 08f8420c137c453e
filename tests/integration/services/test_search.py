"""Global search: Persian variants, phones, ranking, kinds, and input that must never raise."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.services import search as search_module
from crm_desktop.services.base import ListQuery
from crm_desktop.services.search_query import match_expression


@pytest.fixture
def filled(core):
    ids = {
        "ali": core.contacts.create({"first_name": "علی", "last_name": "رضایی",
                                     "mobile": "09121234567", "email": "ali.rezaei@gmail.com"}),
        "mohammad": core.contacts.create({"first_name": "مُحَمَّد", "last_name": "کاظمی",
                                          "national_code": "0013542419"}),
        "abdollah": core.contacts.create({"first_name": "عبد‌الله", "last_name": "پاک‌نژاد"}),
        "yasi": core.contacts.create({"first_name": "ياسمن", "last_name": "كياني"}),
    }
    ids["acc"] = core.accounts.create({"name": "شرکت علی‌آباد"})
    ids["deal"] = core.deals.create({"title": "قرارداد پشتیبانی علی", "contact_id": ids["ali"]})
    return core, ids


def hit_ids(core, text: str, kind: str = "contact") -> list[int]:
    return [h.id for h in core.search.search(text) if h.kind == kind]


@pytest.mark.parametrize("typed", ["علي", "علی", "عل", "ع", "ALI", "ali.r", "رضايي"])
def test_name_variants_find_the_contact(filled, typed: str) -> None:
    core, ids = filled
    assert ids["ali"] in hit_ids(core, typed)


@pytest.mark.parametrize("typed", ["محمد", "مُحمّد", "محـــمد", "كاظمی"])
def test_diacritics_tatweel_and_arabic_letters(filled, typed: str) -> None:
    core, ids = filled
    assert ids["mohammad"] in hit_ids(core, typed)


@pytest.mark.parametrize("typed", ["عبدالله", "عبد‌الله", "عبد الله", "پاکنژاد", "پاک‌نژاد"])
def test_zwnj_variants(filled, typed: str) -> None:
    core, ids = filled
    assert ids["abdollah"] in hit_ids(core, typed)


def test_stored_arabic_letters_match_persian_queries(filled) -> None:
    core, ids = filled
    assert hit_ids(core, "یاسمن کیانی") == [ids["yasi"]]


@pytest.mark.parametrize("typed", ["۰۹۱۲", "0912", "+98912", "0098912", "98912123", "912123",
                                   "۰۹۱۲۱۲۳۴۵۶۷", "٠٩١٢"])
def test_phone_in_any_form(filled, typed: str) -> None:
    core, ids = filled
    assert hit_ids(core, typed) == [ids["ali"]]


def test_national_code_and_email(filled) -> None:
    core, ids = filled
    assert hit_ids(core, "۰۰۱۳۵۴") == [ids["mohammad"]]
    assert hit_ids(core, "gmail") == [ids["ali"]]


def test_results_are_typed_and_ranked(filled) -> None:
    core, ids = filled
    hits = core.search.search("علی")
    kinds = {h.kind for h in hits}
    assert {"contact", "account", "deal"} <= kinds
    # the name hit ranks above a match in the middle of a title
    assert hits[0].kind == "contact" and hits[0].id == ids["ali"]
    contact = next(h for h in hits if h.kind == "contact")
    assert contact.title == "علی رضایی" and "09121234567" in contact.subtitle
    assert set(contact.as_json()) == {"kind", "id", "title", "subtitle"}


def test_limit_is_respected(core) -> None:
    for i in range(30):
        core.contacts.create({"first_name": "سارا", "last_name": f"نمونه{i}"})
    assert len(core.search.search("سارا", limit=7)) == 7


NASTY = ['"', '""', "*", "-", ":", "(", ")", "NEAR", "AND", "OR", "NOT", "a", "^", "{", "}",
         "'", "\\", "NEAR(علی", "علی*", "-علی", "col:علی", "😀", "\u200c", "\u200f", "ـ", "%",
         "_", "[", "]", "\x00", "؟", "،", "x" * 10_000, "علی " * 3000, "\ud800",
         "علی\udfff", "0912\udc00 345"]


@pytest.mark.parametrize("typed", NASTY)
def test_operators_and_junk_never_raise(filled, typed: str) -> None:
    core, _ = filled
    assert isinstance(core.search.search(typed), list)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=0, max_size=60))
def test_any_text_is_a_valid_query(filled, typed: str) -> None:
    core, _ = filled
    hits = core.search.search(typed)
    assert isinstance(hits, list)


@given(st.text(max_size=200))
def test_match_expression_quotes_every_term(typed: str) -> None:
    expr = match_expression(typed)
    if expr is None:
        return
    # every term is a quoted prefix: no bare operator can reach FTS5
    stripped = expr.replace(" AND ", " ").replace(" OR ", " ").replace("(", " ").replace(")", " ")
    for part in stripped.split():
        assert part.startswith('"') and part.endswith('"*')


# --- ranking before the cap ---------------------------------------------------------------


def _bulk_accounts(core, names_and_cities: list[tuple[str, str]]) -> None:
    for name, city in names_and_cities:
        core.accounts.create({"name": name, "city": city})


@pytest.mark.parametrize("steel", ["شیراز استیل", "فولاد شیراز"])
def test_best_match_is_not_cut_by_many_weaker_hits(core, steel: str) -> None:
    """350 companies in Shiraz (a hit in the city) and one with Shiraz in its name, created
    last: the name hit comes first, whether the name begins with the word or not."""
    _bulk_accounts(core, [(f"بازرگانی نمونه {i}", "شیراز") for i in range(350)])
    best = core.accounts.create({"name": steel, "city": "تهران"})
    hits = core.search.search("شیراز", limit=20)
    assert hits[0].kind == "account" and hits[0].id == best
    assert len(hits) == 20
    assert hit_ids(core, "شیر", "account")[0] == best


@pytest.mark.parametrize("cap", [3, 300])
def test_names_beat_other_fields_above_and_below_the_cap(core, monkeypatch, cap: int) -> None:
    monkeypatch.setattr(search_module, "RANK_CAP", cap)
    weak = [core.accounts.create({"name": f"آژانس {i}", "city": "کرمان"}) for i in range(6)]
    strong = core.accounts.create({"name": "هتل کرمان", "city": "یزد"})
    ids = hit_ids(core, "کرمان", "account")
    assert ids[0] == strong and set(ids) == {strong, *weak}
    assert core.search.search("کرمان", limit=2, kinds=("account",))[0].id == strong


def test_one_letter_lists_names_in_persian_order_not_lowest_ids(core) -> None:
    # the lowest ids hold a name that sorts last; Persian order puts گ before ه (Unicode
    # puts it after)
    for i in range(80):
        core.contacts.create({"first_name": "بیژن", "last_name": f"نام{i:03d}"})
    for name in ("بهرام", "بهار", "بگم", "بردیا", "بتول", "بابک", "بابا", "پرویز", "آرش"):
        core.contacts.create({"first_name": name, "last_name": "تازه"})
    hits = [h.title for h in core.search.search("ب", limit=6, kinds=("contact",))]
    assert hits == [f"{n} تازه" for n in ("بابا", "بابک", "بتول", "بردیا", "بگم", "بهار")]


def test_one_letter_many_rows_reads_the_alphabetical_start(core) -> None:
    for i in range(120):
        core.contacts.create({"first_name": "سارا", "last_name": f"ی{i:03d}"})
    core.contacts.create({"first_name": "سا", "last_name": "آخر"})
    titles = [h.title for h in core.search.search("س", limit=3, kinds=("contact",))]
    assert titles == ["سا آخر", "سارا ی000", "سارا ی001"]


def test_deleted_records_do_not_take_places(core, monkeypatch) -> None:
    monkeypatch.setattr(search_module, "RANK_CAP", 3)
    ids = [core.contacts.create({"first_name": "کاوه", "last_name": f"ک{i}"}) for i in range(8)]
    for i in ids[4:]:
        core.contacts.delete(i)
    assert sorted(hit_ids(core, "کاوه")) == sorted(ids[:4])
    assert sorted(hit_ids(core, "ک")) == sorted(ids[:4])


# --- phones typed in groups -----------------------------------------------------------------

PHONE_FORMS = ["09123456789", "0912 345 6789", "0912-345-6789", "+98 912 345 6789",
               "+98-912-345-6789", "0098 912 345 6789", "+989123456789", "912 345 6789",
               "(0912) 345-6789", "۰۹۱۲ ۳۴۵ ۶۷۸۹", "0912 345", "0912 34", "+98 912"]


@pytest.fixture
def phones(core):
    target = core.contacts.create({"first_name": "نگار", "last_name": "تلفنی",
                                   "mobile": "09123456789"})
    core.contacts.create({"first_name": "نیما", "last_name": "دیگر", "mobile": "09351112233"})
    core.contacts.create({"first_name": "سیما", "last_name": "دیگر", "mobile": "09123999999"})
    return core, target


@pytest.mark.parametrize("typed", PHONE_FORMS)
def test_phone_typed_in_groups_finds_the_contact(phones, typed: str) -> None:
    core, target = phones
    assert target in hit_ids(core, typed)
    if len("".join(c for c in typed if c.isdigit())) >= 9:
        assert hit_ids(core, typed) == [target]
        page = core.contacts.list(ListQuery(text=typed))
        assert [r["id"] for r in page.rows] == [target]


def test_account_phone_typed_in_groups(core) -> None:
    acc = core.accounts.create({"name": "دفتر مرکزی", "phone": "021-88776655"})
    for typed in ("021 8877 6655", "021-88776655", "+98 21 8877 6655", "02188776655"):
        assert hit_ids(core, typed, "account") == [acc], typed


# --- compound names -------------------------------------------------------------------------

COMPOUNDS = [("محمدرضا", "محمد رضا", "محمد\u200cرضا"),
             ("زهراسادات", "زهرا سادات", "زهرا\u200cسادات")]


@pytest.fixture
def compounds(core):
    ids: dict[str, list[int]] = {}
    for forms in COMPOUNDS:
        ids[forms[0]] = [
            core.contacts.create({"first_name": form, "last_name": f"خانواده{i}"})
            for i, form in enumerate(forms)
        ]
    core.contacts.create({"first_name": "محمد", "last_name": "کریمی"})  # not a compound
    core.contacts.create({"first_name": "رضا", "last_name": "قاسمی"})
    core.contacts.create({"first_name": "زهرا", "last_name": "کاظمی"})
    return core, ids


@pytest.mark.parametrize("forms", COMPOUNDS, ids=["mohammadreza", "zahrasadat"])
@pytest.mark.parametrize("typed_as", [0, 1, 2], ids=["joined", "spaced", "zwnj"])
def test_compound_name_typed_any_way_finds_every_form(compounds, forms, typed_as: int) -> None:
    core, ids = compounds
    expected = set(ids[forms[0]])
    typed = forms[typed_as]
    assert set(hit_ids(core, typed)) == expected
    page = core.contacts.list(ListQuery(text=typed))
    assert {r["id"] for r in page.rows} == expected
    # with the surname typed too, and while still typing the second part
    assert set(hit_ids(core, f"{typed} خانواده")) == expected
    assert set(hit_ids(core, typed[:-1])) >= expected


@pytest.mark.parametrize("typed_as", [0, 1, 2], ids=["joined", "spaced", "zwnj"])
def test_compound_company_name_in_global_and_list_search(core, typed_as: int) -> None:
    forms = ("پارسخودرو", "پارس خودرو", "پارس\u200cخودرو")
    ids = {core.accounts.create({"name": f"{form} {i}"}) for i, form in enumerate(forms)}
    typed = forms[typed_as]
    assert set(hit_ids(core, typed, "account")) == ids
    assert {r["id"] for r in core.accounts.list(ListQuery(text=typed)).rows} == ids


# --- hostile input in list searches ----------------------------------------------------------


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list('09 -+()"*:\u200cمحد‌رضاAND OR NEAR^{}')),
               max_size=40)
       | st.text(st.characters(exclude_categories=()), max_size=40))
def test_hostile_text_in_every_search_never_raises(filled, typed: str) -> None:
    core, _ = filled
    assert isinstance(core.search.search(typed), list)
    for service in (core.contacts, core.accounts, core.deals, core.tickets):
        assert isinstance(service.list(ListQuery(text=typed)).rows, list)
