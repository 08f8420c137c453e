"""Import fields, header aliases and mappings (services/imports/fields.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.imports.fields import (
    ALIASES,
    alias_mapping,
    check_mapping,
    header_key,
    header_unit,
    import_fields,
)
from crm_desktop.text.import_texts import import_field_label
from crm_desktop.text.money import MoneyUnit

PERSIAN = re.compile(r"[\u0600-\u06FF]")


def one(kind: str, header: str) -> str | None:
    return alias_mapping(kind, [header])[0]  # type: ignore[arg-type]


@pytest.mark.parametrize(("header", "field"), [
    ("نام و نام خانوادگی", "full_name"), ("نام و نام‌خانوادگی", "full_name"),
    ("نام کامل", "full_name"), ("Full Name", "full_name"), ("name", "full_name"),
    ("نام", "full_name"), ("نام خانوادگی", "last_name"), ("فامیل", "last_name"),
    ("نام‌خانوادگی", "last_name"), ("نام خانوادگي:", "last_name"),
    ("Last name", "last_name"), ("Surname", "last_name"), ("First Name", "first_name"),
    ("first_name", "first_name"), ("FirstName", "first_name"),
    ("موبایل", "mobile"), ("تلفن همراه", "mobile"), ("شماره همراه", "mobile"),
    ("شماره موبایل", "mobile"), ("همراه", "mobile"), ("شماره تماس", "mobile"),
    ("Mobile", "mobile"), ("Cell", "mobile"), ("موبایل ۲", "mobile2"),
    ("موبایل دوم", "mobile2"), ("تلفن", "phone"), ("تلفن ثابت", "phone"), ("Phone", "phone"),
    ("ایمیل", "email"), ("پست الکترونیک", "email"), ("E-mail", "email"), ("email", "email"),
    ("کد ملی", "national_code"), ("شماره ملی", "national_code"), ("کدملی *", "national_code"),
    ("National ID", "national_code"), ("شهر", "city"), ("City", "city"),
    ("آدرس", "address"), ("ادرس", "address"), ("نشانی", "address"), ("کد پستی", "postal_code"),
    ("تاریخ تولد", "birthday"), ("تولد", "birthday"), ("Date of birth", "birthday"),
    ("Birthday", "birthday"), ("جنسیت", "gender"), ("شرکت", "company"), ("نام شرکت", "company"),
    ("سازمان", "company"), ("Company", "company"), ("سمت", "job_title"), ("شغل", "job_title"),
    ("منبع", "source"), ("نحوه آشنایی", "source"), ("توضیحات", "notes"), ("یادداشت", "notes"),
    ("برچسب", "tags"), ("برچسب‌ها", "tags"), ("مرحله مشتری", "lifecycle_stage"),
    ("رضایت پیامک", "sms_consent"), ("ردیف", None), ("#", None), ("", None),
    ("شماره موبایل مشتری", "mobile"),        # a field's word inside a longer header
    ("ایمیل کاری", "email"),
])
def test_contact_headers(header: str, field: str | None) -> None:
    assert one("contacts", header) == field


@pytest.mark.parametrize(("header", "field"), [
    ("نام شرکت", "name"), ("شرکت", "name"), ("Company", "name"), ("شناسه ملی", "legal_id"),
    ("کد اقتصادی", "economic_code"), ("شماره ثبت", "registration_no"), ("فکس", "fax"),
    ("نمابر", "fax"), ("وب‌سایت", "website"), ("وب سایت", "website"), ("Website", "website"),
    ("صنعت", "industry"), ("زمینه فعالیت", "industry"), ("تلفن", "phone"),
    ("شماره تماس", "phone"),
])
def test_company_headers(header: str, field: str) -> None:
    assert one("companies", header) == field


@pytest.mark.parametrize(("header", "field"), [
    ("نام کالا", "name"), ("کالا", "name"), ("شرح کالا", "name"), ("کد کالا", "sku"),
    ("SKU", "sku"), ("واحد", "unit"), ("قیمت", "unit_price_rial"),
    ("قیمت واحد", "unit_price_rial"), ("مبلغ", "unit_price_rial"), ("فی", "unit_price_rial"),
    ("قیمت (ریال)", "unit_price_rial"), ("قیمت واحد (تومان)", "unit_price_toman"),
    ("مبلغ به تومان", "unit_price_toman"), ("Price in Toman", "unit_price_toman"),
    ("فی (تومان)", "unit_price_toman"), ("فی (ریال)", "unit_price_rial"),
    ("Rate, Tomans", "unit_price_toman"),
    ("Unit price (IRR)", "unit_price_rial"), ("قیمت (تومن)", "unit_price_toman"),
    ("مشمول مالیات", "taxable"), ("فعال", "active"), ("توضیحات", "description"),
])
def test_product_headers(header: str, field: str) -> None:
    assert one("products", header) == field


def test_a_money_header_without_unit_is_in_the_display_unit() -> None:
    assert alias_mapping("products", ["قیمت"], MoneyUnit.TOMAN) == ("unit_price_toman",)
    assert alias_mapping("products", ["قیمت (ریال)"], MoneyUnit.TOMAN) == ("unit_price_rial",)
    assert header_unit("قیمت واحد (تومان)") == (header_key("قیمت واحد"), MoneyUnit.TOMAN)


def test_names_depend_on_the_other_columns() -> None:
    assert alias_mapping("contacts", ["نام", "نام خانوادگی"]) == ("first_name", "last_name")
    assert alias_mapping("contacts", ["نام خانوادگی", "نام"]) == ("last_name", "first_name")
    assert alias_mapping("contacts", ["Name", "Mobile"]) == ("full_name", "mobile")
    # a full-name column and first/last columns: all three are mapped
    assert alias_mapping("contacts", ["نام و نام خانوادگی", "نام", "فامیل"]) == (
        "full_name", "first_name", "last_name")


def test_a_contact_number_beside_a_mobile_column_is_the_phone() -> None:
    assert alias_mapping("contacts", ["شماره تماس", "موبایل"]) == ("phone", "mobile")
    assert alias_mapping("contacts", ["شماره تماس"]) == ("mobile",)


def test_a_field_is_never_given_to_two_columns() -> None:
    assert alias_mapping("contacts", ["موبایل", "تلفن همراه", "Mobile"]) == (
        "mobile", "mobile2", None)
    assert alias_mapping("contacts", ["ایمیل", "Email", "تلفن"]) == ("email", None, "phone")
    assert alias_mapping("products", ["قیمت", "قیمت (تومان)"]) == ("unit_price_rial", None)
    assert alias_mapping("products", ["قیمت (تومان)", "قیمت"]) == ("unit_price_toman", None)


def test_check_mapping() -> None:
    headers = ("a", "b")
    assert check_mapping("contacts", headers, ["mobile", None]) == ("mobile", None)
    for mapping, code in ((["mobile"], "invalid"), ("mobile", "invalid"),
                          (["mobile", "sku"], "choice"), ([1, None], "choice"),
                          (["mobile", "mobile"], "duplicate")):
        with pytest.raises(ValidationError) as exc:
            check_mapping("contacts", headers, mapping)
        assert [(e.field, e.code) for e in exc.value.errors] == [("mapping", code)]
    with pytest.raises(ValidationError) as exc:
        check_mapping("products", headers, ["unit_price_rial", "unit_price_toman"])
    assert exc.value.errors[0].code == "duplicate"
    with pytest.raises(ValidationError) as exc:
        import_fields("deals")  # type: ignore[arg-type]
    assert exc.value.errors[0].field == "kind"


@pytest.mark.parametrize("kind", ["contacts", "companies", "products"])
def test_every_import_field_has_a_label_in_both_languages(kind: str) -> None:
    for field in import_fields(kind):  # type: ignore[arg-type]
        en, fa = import_field_label(field, "en"), import_field_label(field, "fa")
        assert en and not PERSIAN.search(en), field
        assert PERSIAN.search(fa), field
    assert import_field_label("unit_price_toman", "fa") == "قیمت واحد (تومان)"
    assert import_field_label("full_name", "fa") == "نام و نام خانوادگی"


@pytest.mark.parametrize("kind", ["contacts", "companies", "products"])
def test_every_alias_finds_its_field(kind: str) -> None:
    for field, aliases in ALIASES[kind].items():
        for alias in aliases:
            found = one(kind, alias)
            if field == "unit_price_rial":
                assert found in ("unit_price_rial", "unit_price_toman")
            else:
                assert found == field, (alias, found)


# -- variants of a header map the same ----------------------------------------------------
def _variant(draw: st.DrawFn, header: str) -> str:
    out = []
    for ch in header:
        if ch == " ":
            out.append(draw(st.sampled_from([" ", "  ", "\u200c", "", "_", "-", " \u200c"])))
        elif ch.isascii() and ch.isalpha():
            out.append(ch.upper() if draw(st.booleans()) else ch.lower())
        else:
            out.append({"ی": draw(st.sampled_from(["ی", "ي"])),
                        "ک": draw(st.sampled_from(["ک", "ك"])),
                        "آ": draw(st.sampled_from(["آ", "ا"]))}.get(ch, ch))
    text = "".join(out)
    before = draw(st.sampled_from(["", " ", "\u200f", "*"]))
    after = draw(st.sampled_from(["", " ", ":", " *", ":*", " :", "\u200e"]))
    return before + text + after


@st.composite
def header_variants(draw: st.DrawFn) -> tuple[str, str, str]:
    kind = draw(st.sampled_from(["contacts", "companies", "products"]))
    field = draw(st.sampled_from(sorted(ALIASES[kind])))
    alias = draw(st.sampled_from(ALIASES[kind][field]))
    return kind, alias, _variant(draw, alias)


@settings(max_examples=500, deadline=None)
@given(header_variants())
def test_case_space_and_zwnj_variants_map_the_same(case: tuple[str, str, str]) -> None:
    kind, alias, variant = case
    assert header_key(variant) == header_key(alias)
    assert one(kind, variant) == one(kind, alias)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=20), max_size=12),
       st.sampled_from(["contacts", "companies", "products"]))
def test_any_headers_give_a_valid_mapping(headers: list[str], kind: str) -> None:
    mapping = alias_mapping(kind, headers)  # type: ignore[arg-type]
    assert check_mapping(kind, headers, mapping) == mapping  # type: ignore[arg-type]
