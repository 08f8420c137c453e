"""Checking an import against a real database (ImportService.plan, error_table, mapping):
messy rows, duplicates within the file and against the database, similar names, the
error list in both languages, remembered mappings. Sheets are built here by hand."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from crm_desktop.db import models as m
from crm_desktop.domain.errors import ValidationError
from crm_desktop.imports.sheet import ImportCancelled, SheetData, SheetRow
from crm_desktop.services.imports import similar_names as similar_module
from crm_desktop.services.imports.fields import (
    MAPPINGS_KEY,
    MAX_REMEMBERED,
    remember_mapping_in,
    signature,
)
from crm_desktop.services.imports.model import ImportOptions, OnDuplicate
from crm_desktop.text.validate import legal_id_check_digit, national_code_check_digit

ZW = "\u200c"


def code(body: str) -> str:
    return body + str(national_code_check_digit(body))


def legal(body: str) -> str:
    return body + str(legal_id_check_digit(body))


def sheet(headers: tuple[str, ...], rows: list[tuple], first: int = 3) -> SheetData:
    return SheetData("customers.xlsx", "Sheet1", ("Sheet1",), first - 1, headers,
                     [SheetRow(first + i, values) for i, values in enumerate(rows)])


HEADERS = ("ردیف", "نام و نام خانوادگی", "موبایل", "کد ملی", "تاریخ تولد", "شهر", "ایمیل",
           "جنسیت", "برچسب", "توضیحات")
NC_A, NC_B = code("001234567"), code("123456789")


@pytest.fixture
def world(core):
    ids = {
        "ali": core.contacts.create({"first_name": "علی", "last_name": "احمدی",
                                     "mobile": "09121111111", "city": "تهران",
                                     "national_code": NC_A}),
        "sara": core.contacts.create({"first_name": "سارا", "last_name": "کریمی",
                                      "mobile": "09122222222", "email": "Sara@Mail.ir",
                                      "city": "شیراز"}),
        "trashed": core.contacts.create({"first_name": "رضا", "last_name": "رضایی",
                                         "mobile": "09123333333"}),
        "mobile2": core.contacts.create({"last_name": "نادری", "mobile": "09125555555",
                                         "mobile2": "09126666666"}),
    }
    core.contacts.delete(ids["trashed"])
    return ids


MESSY = [
    # 3: record «ali» by its national code; every cell typed another way
    (1, "علي احمدي", 9121111111.0, int(NC_A), "۱۳۷۰/۰۱/۰۵", "تهران", None, "آقا",
     "VIP، همکار", '=HYPERLINK("http://x.ir")'),
    # 4: record «sara» by e-mail (case differs); ZWNJ and Arabic letters in the name
    (2, f"سارا كريمي{ZW}", "+98 912 999 0001", None, datetime(1990, 1, 5), "شیراز",
     "SARA@MAIL.IR", "خانم", None, None),
    # 5: bad national code, impossible Jalali date: two errors
    (3, "محمد رضا کریمی", "0098-912-999-0002", "1234567890", "1400/12/30", "مشهد", None,
     None, None, None),
    # 6: no name
    (4, "   ", "09129990003", None, None, "تهران", None, None, None, None),
    # 7: new; month 13, bad mobile, unknown gender: three errors
    (5, "نرگس نجفی", "0912-999", None, "1370/13/1", None, "not-an-email", "دوست", None,
     None),
    # 8: new, every digit form; Gregorian date day first
    (6, "زهرا محمدی", "۰۹۱۲۹۹۹۰۰۰۴", None, "05/01/1990", "اصفهان", None, "female",
     None, None),
    # 9: repeats row 8 (mobile typed with Arabic-Indic digits)
    (7, "زهرا محمدي", "٠٩١٢٩٩٩٠٠٠٤", None, None, "اصفهان", None, None, None, None),
    # 10: the contact in the Trash: not a duplicate
    (8, "رضا رضایی", "09123333333", None, None, None, None, None, None, None),
    # 11: matches a record's second mobile
    (9, "نادری", "9126666666", None, None, None, None, None, None, None),
    # 12: same mobile as «ali» but another national code: another person (a family)
    (10, "مریم احمدی", "09121111111", NC_B, None, "تهران", None, None, None, None),
    # 13: two-digit year
    (11, "حسن کاظمی", "09129990005", None, "70/1/5", None, None, None, None, None),
    # 14: repeats row 12 by national code
    (12, "مریم احمدی", None, NC_B, "1365-06-31", None, None, None, None, None),
]


def test_a_messy_sheet(core, world) -> None:
    mapping = core.imports.mapping("contacts", HEADERS)
    assert mapping == (None, "full_name", "mobile", "national_code", "birthday", "city",
                       "email", "gender", "tags", "notes")
    plan = core.imports.plan("contacts", sheet(HEADERS, MESSY), mapping)
    rows = {r.row: r for r in plan.rows}
    assert sorted(rows) == [3, 4, 8, 9, 10, 11, 12, 14]

    # normalised values
    assert rows[3].values == {
        "first_name": "علی", "last_name": "احمدی", "mobile": "09121111111",
        "national_code": NC_A, "birthday": date(1991, 3, 25), "city": "تهران",
        "gender": "male", "tags": ["VIP", "همکار"], "notes": '=HYPERLINK("http://x.ir")'}
    assert rows[4].values["first_name"] == "سارا" and rows[4].values["last_name"] == "کریمی"
    assert rows[4].values["birthday"] == date(1990, 1, 5)
    assert rows[4].values["mobile"] == "09129990001"
    assert rows[8].values["mobile"] == "09129990004"
    assert rows[8].values["birthday"] == date(1990, 1, 5)
    assert rows[14].values["birthday"] == date(1986, 9, 22)

    # duplicates
    assert rows[3].match.by == "national_code" and rows[3].match.existing_id == world["ali"]
    assert rows[3].match.existing_name == "علی احمدی"
    assert (rows[4].match.by, rows[4].match.existing_id) == ("email", world["sara"])
    assert rows[4].match.value == rows[4].values["email"] == "SARA@mail.ir"
    assert rows[8].match is None
    assert (rows[9].match.by, rows[9].match.earlier_row) == ("mobile", 8)
    assert rows[10].match is None                          # the Trash never counts
    assert (rows[11].match.by, rows[11].match.existing_id) == ("mobile", world["mobile2"])
    assert rows[12].match is None                          # another national code
    assert (rows[14].match.by, rows[14].match.earlier_row) == ("national_code", 12)

    # errors: row number, the import field, messages in both languages
    got = [(e.row, e.field, e.code) for e in plan.errors]
    assert got == [
        (5, "national_code", "national_code.checksum"), (5, "birthday", "date.invalid"),
        (6, None, "no_name"),
        (7, "mobile", "mobile.invalid"), (7, "birthday", "date.invalid"),
        (7, "email", "email.invalid"), (7, "gender", "choice.values"),
        (13, "birthday", "date.short_year"),
    ]
    by = {(e.row, e.field): e for e in plan.errors}
    assert by[(5, "national_code")].message("fa").startswith("کد ملی: این کد ملی درست نیست")
    assert by[(5, "national_code")].message("en").startswith(
        "National code: this national code is not valid")
    assert by[(6, None)].message("fa") == "این سطر نام ندارد"
    assert by[(6, None)].message("en") == "the row has no name"
    assert by[(7, "gender")].message("fa") == \
        f"جنسیت: یکی از این{ZW}ها را بنویسید: نامشخص، زن، مرد."
    assert by[(7, "gender")].message("en") == \
        "Gender: write one of: Not specified, Female, Male."
    assert by[(13, "birthday")].message("fa") == \
        "تاریخ تولد: سال را چهاررقمی بنویسید، مانند ۱۳۷۰/۰۱/۰۵."
    assert plan.failed_rows[5] == MESSY[2]

    c = plan.counts()
    assert (c.new, c.updates, c.skipped, c.errors, c.duplicates) == (3, 0, 5, 4, 5)
    c = plan.counts(ImportOptions(OnDuplicate.UPDATE, per_row={9: OnDuplicate.CREATE}))
    assert (c.new, c.updates, c.skipped) == (4, 4, 0)


def test_the_error_workbook(core, world) -> None:
    plan = core.imports.plan("contacts", sheet(HEADERS, MESSY),
                             core.imports.mapping("contacts", HEADERS))
    table = core.imports.error_table(plan, "fa")
    titles = [c.title for c in table.columns]
    assert titles == ["ردیف", *HEADERS, "خطا"]
    assert [c.kind for c in table.columns][:2] == ["integer", "text"]
    rows = list(table.rows)
    assert [r[0] for r in rows] == [5, 6, 7, 13] and table.row_count == 4
    assert rows[0][1:-1] == ["3", "محمد رضا کریمی", "0098-912-999-0002", "1234567890",
                             "1400/12/30", "مشهد", None, None, None, None]
    assert rows[0][-1].split("\n") == [e.message("fa") for e in plan.errors if e.row == 5]
    english = core.imports.error_table(plan, "en")
    assert english.columns[0].title == "Row"
    assert english.columns[-1].title == "Error"
    assert list(english.rows)[1][-1] == "the row has no name"
    # a blank header gets a name; a date cell reads as Jalali text, a whole float without .0
    blank = sheet(("", "نام"), [(datetime(1991, 3, 25), ""), (9123.0, "")])
    plan = core.imports.plan("contacts", blank, (None, "full_name"))
    table = core.imports.error_table(plan, "fa")
    assert [c.title for c in table.columns][1] == "ستون ۱"
    assert [r[1] for r in table.rows] == ["1370/01/05", "9123"]


def test_first_and_last_name_columns_win_over_the_full_name(core) -> None:
    headers = ("نام و نام خانوادگی", "نام", "نام خانوادگی")
    mapping = core.imports.mapping("contacts", headers)
    assert mapping == ("full_name", "first_name", "last_name")
    plan = core.imports.plan("contacts", sheet(headers, [
        ("علی احمدی", "علیرضا", "احمدی‌نژاد"),
        ("علی احمدی", None, None),
        ("", "", "رضایی"),
        ("x" * 101, None, None),
    ]), mapping)
    got = [(r.row, r.values.get("first_name"), r.values.get("last_name")) for r in plan.rows]
    assert got == [(3, "علیرضا", "احمدی‌نژاد"), (4, "علی", "احمدی"), (5, None, "رضایی")]
    assert [(e.row, e.field, e.code) for e in plan.errors] == [(6, "full_name", "too_long")]


def test_a_column_of_dates_month_first_is_read_month_first(core) -> None:
    headers = ("نام", "تاریخ تولد")
    us = core.imports.plan("contacts", sheet(headers, [
        ("علی", "05/01/1990"), ("رضا", "12/25/1985"), ("حسن", "1370/01/05")]),
        ("full_name", "birthday"))
    assert [r.values["birthday"] for r in us.rows] == [
        date(1990, 5, 1), date(1985, 12, 25), date(1991, 3, 25)]
    # one value reads only day first, another only month first: day first, as documented
    mixed = core.imports.plan("contacts", sheet(headers, [
        ("علی", "05/01/1990"), ("رضا", "12/25/1985"), ("حسن", "25/12/1985")]),
        ("full_name", "birthday"))
    assert [r.values["birthday"] for r in mixed.rows] == [date(1990, 1, 5), date(1985, 12, 25)]
    assert [(e.row, e.code) for e in mixed.errors] == [(4, "date.invalid")]


def test_a_landline_in_the_mobile_column_is_the_phone(core) -> None:
    headers = ("نام", "شماره تماس")
    plan = core.imports.plan("contacts", sheet(headers, [
        ("علی", "021-88776655"), ("رضا", "09121234567"), ("حسن", "0912123456")]),
        core.imports.mapping("contacts", headers))
    assert [r.values for r in plan.rows] == [
        {"last_name": "علی", "phone": "02188776655"},
        {"last_name": "رضا", "mobile": "09121234567"}]
    # a mobile with a digit missing stays an error: it is not a landline
    assert [(e.row, e.field) for e in plan.errors] == [(5, "mobile")]


def test_companies(core) -> None:
    good, other = legal("1010123456"), legal("1010765432")
    existing = core.accounts.create({"name": "شرکت آریا سهامی خاص", "legal_id": good,
                                     "city": "تهران", "email": "info@aria.ir"})
    trashed = core.accounts.create({"name": "پارس", "legal_id": other})
    core.accounts.delete(trashed)
    headers = ("نام شرکت", "شناسه ملی", "کد اقتصادی", "ایمیل", "شهر", "وب‌سایت", "نمابر")
    mapping = core.imports.mapping("companies", headers)
    assert mapping == ("name", "legal_id", "economic_code", "email", "city", "website", "fax")
    bad_id = good[:-1] + str((int(good[-1]) + 1) % 10)
    plan = core.imports.plan("companies", sheet(headers, [
        ("آریا", float(good), None, None, "تهران", None, None),             # legal ID
        ("شركت آريا", None, None, None, "تهران", None, None),              # the name
        ("فن‌آوران", None, "12345", None, None, None, None),               # short code
        ("بهین", bad_id, None, "INFO@aria.ir", None, None, "021 8877 6655"),  # check digit
        ("پارس", other, None, None, None, None, None),                      # Trash
        ("", good, None, None, None, None, None),                           # no name
        ("نوین", None, None, "info@Aria.IR", None, "nowin.ir", "۰۲۱۸۸۷۷۶۶۵۵"),  # e-mail
    ]), mapping)
    rows = {r.row: r for r in plan.rows}
    assert (rows[3].match.by, rows[3].match.existing_id) == ("legal_id", existing)
    assert (rows[4].match.by, rows[4].match.existing_id) == ("name", existing)
    assert rows[7].match is None
    assert (rows[9].match.by, rows[9].match.existing_id) == ("email", existing)
    assert rows[9].values["fax"] == "02188776655"
    assert [(e.row, e.field, e.code) for e in plan.errors] == [
        (5, "economic_code", "economic_code.invalid"), (6, "legal_id", "legal_id.checksum"),
        (8, None, "no_name")]
    assert plan.errors[1].message("fa").startswith("شناسه ملی: این شناسه ملی درست نیست")


def test_products_in_toman(core) -> None:
    pid = core.products.create({"name": "کتاب آموزش پایتون", "sku": "BK-1"})
    headers = ("نام کالا", "کد کالا", "قیمت (تومان)", "مشمول مالیات", "فعال", "واحد")
    mapping = core.imports.mapping("products", headers)
    assert mapping == ("name", "sku", "unit_price_toman", "taxable", "active", "unit")
    plan = core.imports.plan("products", sheet(headers, [
        ("کتاب پایتون", "BK-1", 125_000, "بله", "✓", "جلد"),
        ("کتاب آموزش پايتون", None, "۱۲۵٬۰۰۰", "خیر", 0, None),
        ("کتاب آموزش پایتون", "BK-9", 1, None, None, None),
        ("دفتر", "BK-3", 12.5, "ندارد", "فعال", "عدد"),
        ("مداد", "BK-3", 10**12 + 1, None, None, None),
        ("خودکار", "BK-4", -5, "شاید", None, None),
    ]), mapping)
    rows = {r.row: r for r in plan.rows}
    assert rows[3].values == {"name": "کتاب پایتون", "sku": "BK-1",
                              "unit_price_rial": 1_250_000, "taxable": True, "active": True,
                              "unit": "جلد"}
    assert (rows[3].match.by, rows[3].match.existing_id) == ("sku", pid)
    assert (rows[4].match.by, rows[4].match.existing_id) == ("name", pid)
    assert rows[4].values["unit_price_rial"] == 1_250_000
    # another product code than the record's: not that product, but the same name as row 4
    assert (rows[5].match.by, rows[5].match.earlier_row) == ("name", 4)
    assert rows[6].values["unit_price_rial"] == 125 and rows[6].match is None
    assert [(e.row, e.field, e.code) for e in plan.errors] == [
        (7, "unit_price_toman", "money.too_large.toman"),
        (8, "unit_price_toman", "money.negative"), (8, "taxable", "yes_no")]
    assert plan.errors[0].message("fa").startswith("قیمت واحد (تومان): مبلغ بیش از حد بزرگ")
    c = plan.counts(ImportOptions(OnDuplicate.CREATE))
    assert (c.new, c.skipped) == (3, 1)   # the same product code twice is never created


def test_a_price_without_its_unit_is_in_the_unit_the_program_shows(core) -> None:
    headers = ("کالا", "قیمت")
    assert core.imports.mapping("products", headers) == ("name", "unit_price_rial")
    core.settings.set_display_unit("toman")
    assert core.imports.mapping("products", headers) == ("name", "unit_price_toman")
    assert core.imports.mapping("products", ("کالا", "قیمت (ریال)")) == (
        "name", "unit_price_rial")


def test_similar_names_are_warnings(core, world) -> None:
    headers = ("نام", "شهر", "موبایل")
    plan = core.imports.plan("contacts", sheet(headers, [
        ("علی احمدی", "تهران", "09127770001"),      # same name as «ali», same city
        ("علی احمدى", "اصفهان", "09127770002"),     # another city: no warning
        ("سارا کریمى", "شيراز", "09127770003"),     # folded letters, city in Arabic yeh
        ("محمد حسینی", "کرج", "09127770004"),
        ("محمد حسيني", "کرج", "09127770005"),      # repeats row 6 by name only
        ("محمد حسینی", "کرج", "09127770004"),      # a duplicate: no warning
        ("احمدی علی", "تهران", "09127770006"),      # parts swapped
        ("حسینی محمدی", "کرج", "09127770007"),      # a different name
    ]), core.imports.mapping("contacts", headers))
    warned = {w.row: w for w in plan.warnings}
    assert sorted(warned) == [3, 5, 7, 9]
    assert (warned[3].existing_id, warned[3].score, warned[3].other_name) == (
        world["ali"], 100, "علی احمدی")
    assert warned[5].existing_id == world["sara"] and warned[5].city == "شیراز"
    assert (warned[7].earlier_row, warned[7].score, warned[7].existing_id) == (6, 100, None)
    assert warned[9].existing_id == world["ali"] and warned[9].score < 100
    assert plan.counts().new == 7


def test_warnings_are_capped(core, monkeypatch) -> None:
    monkeypatch.setattr(similar_module, "MAX_WARNINGS", 3)
    rows = [(f"نام{i} خانوادگی", "تهران", f"0912777{i:04d}") for i in range(2)] * 4
    plan = core.imports.plan("contacts", sheet(("نام", "شهر", "موبایل"), [
        (name, city, f"0912888{n:04d}") for n, (name, city, _) in enumerate(rows)]),
        ("full_name", "city", "mobile"))
    assert [w.row for w in plan.warnings] == [5, 6, 7]


def test_bad_mappings_and_kinds(core) -> None:
    data = sheet(("a", "b"), [("x", "y")])
    for mapping in (("mobile",), ("mobile", "mobile"), ("mobile", "legal_id")):
        with pytest.raises(ValidationError) as exc:
            core.imports.plan("contacts", data, mapping)
        assert exc.value.errors[0].field == "mapping"
    with pytest.raises(ValidationError):
        core.imports.plan("deals", data, (None, None))  # type: ignore[arg-type]
    # nothing mapped: every row lacks a name
    plan = core.imports.plan("contacts", data, (None, None))
    assert [e.code for e in plan.errors] == ["no_name"]


def test_progress_and_cancel(core) -> None:
    rows = [(f"نام {i}", f"0912{i:07d}") for i in range(2500)]
    seen: list[int] = []
    plan = core.imports.plan("contacts", sheet(("نام", "موبایل"), rows),
                             ("full_name", "mobile"), progress=seen.append)
    assert seen == [1000, 2000, 2500] and len(plan.rows) == 2500
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2
    with pytest.raises(ImportCancelled):
        core.imports.plan("contacts", sheet(("نام", "موبایل"), rows),
                          ("full_name", "mobile"), cancelled=cancelled)


def test_a_plan_only_reads(core, world) -> None:
    with core.db.read() as s:
        before = s.scalar(select(m.AuditLog.id).order_by(m.AuditLog.id.desc()).limit(1))
    core.imports.plan("contacts", sheet(HEADERS, MESSY), core.imports.mapping("contacts",
                                                                              HEADERS))
    with core.db.read() as s:
        after = s.scalar(select(m.AuditLog.id).order_by(m.AuditLog.id.desc()).limit(1))
        assert s.scalar(select(m.Setting.value).where(m.Setting.key == MAPPINGS_KEY)) is None
    assert before == after


# -- remembered mappings --------------------------------------------------------------------
def audit_of_mappings(core) -> list[tuple]:
    with core.db.read() as s:
        q = select(m.AuditLog.field, m.AuditLog.old_value, m.AuditLog.new_value).where(
            m.AuditLog.entity == "settings",
            m.AuditLog.field.like(f"{MAPPINGS_KEY}%")).order_by(m.AuditLog.id)
        return [tuple(r) for r in s.execute(q)]


def test_a_mapping_is_remembered_for_the_same_headers(core) -> None:
    headers = ("Col A", "ستون ب", "x")
    assert core.imports.mapping("contacts", headers) == (None, None, None)
    with core.db.write() as s:
        remember_mapping_in(s, "contacts", headers, ("mobile", "full_name", None))
    # the same headers after folding (case, spaces, ZWNJ, Arabic letters)
    assert core.imports.mapping("contacts", ("col  a", "ستون‌ب", "X:")) == (
        "mobile", "full_name", None)
    assert core.imports.mapping("companies", headers) == (None, None, None)
    assert core.imports.mapping("contacts", headers[:2]) == (None, None)
    rows = audit_of_mappings(core)
    sig = signature("contacts", headers)
    assert [r[0] for r in rows] == [f"{MAPPINGS_KEY}.{sig}"]
    assert rows[0][1] is None
    assert json.loads(rows[0][2]) == {"kind": "contacts", "mapping": ["mobile", "full_name",
                                                                      None], "n": 1}
    # the same mapping again: nothing to change, nothing logged
    with core.db.write() as s:
        remember_mapping_in(s, "contacts", headers, ("mobile", "full_name", None))
    assert len(audit_of_mappings(core)) == 1
    # a changed mapping: one row, the entry before and after
    with core.db.write() as s:
        remember_mapping_in(s, "contacts", headers, ("phone", "full_name", None))
    assert core.imports.mapping("contacts", headers) == ("phone", "full_name", None)
    rows = audit_of_mappings(core)
    assert len(rows) == 2 and rows[1][0] == f"{MAPPINGS_KEY}.{sig}"
    with core.db.write() as s, pytest.raises(ValidationError):
        remember_mapping_in(s, "contacts", headers, ("phone", "phone", None))


def test_only_the_newest_mappings_are_kept(core) -> None:
    for i in range(MAX_REMEMBERED + 2):
        with core.db.write() as s:
            remember_mapping_in(s, "products", (f"h{i}",), ("name",))
    with core.db.read() as s:
        stored = json.loads(s.scalar(select(m.Setting.value).where(
            m.Setting.key == MAPPINGS_KEY)))
    assert len(stored) == MAX_REMEMBERED
    assert signature("products", ("h0",)) not in stored
    assert signature("products", ("h1",)) not in stored
    assert core.imports.mapping("products", ("h2",)) == ("name",)
    assert core.imports.mapping("products", ("h0",)) == (None,)
    rows = audit_of_mappings(core)
    # one row per import, one per layout forgotten; none holds the whole object
    assert len(rows) == MAX_REMEMBERED + 2 + 2
    assert all(r[0].startswith(f"{MAPPINGS_KEY}.") for r in rows)
    assert max(len(r[2] or "") for r in rows) < 200
    # a stored mapping that no longer fits the fields is ignored
    with core.db.write() as s:
        row = s.get(m.Setting, MAPPINGS_KEY)
        stored[signature("products", ("h2",))]["mapping"] = ["no_such_field"]
        row.value = json.dumps(stored)
    assert core.imports.mapping("products", ("h2",)) == (None,)


# -- similar names in blocks: the same warnings as all at once ------------------------------
@pytest.fixture(scope="module")
def named_db(tmp_path_factory: pytest.TempPathFactory):
    from crm_desktop.core import Core

    with Core.open(tmp_path_factory.mktemp("similar") / "crm.sqlite3") as core:
        for i, (first, last, city) in enumerate([
                ("علی", "احمدی", "تهران"), ("علی", "احمدی", "تهران"), ("سارا", "کریمی", "تهران"),
                ("محمد", "رضایی", "کرج"), ("زهرا", "محمدی", "کرج"), ("علی", "احمدیان", "کرج")]):
            core.contacts.create({"first_name": first, "last_name": last, "city": city,
                                  "mobile": f"0912000{i:04d}"})
        yield core


NAMES = ["علی احمدی", "علي احمدی", "احمدی علی", "سارا کریمی", "سارا کریمیان", "زهرا محمدی",
         "محمد رضایی", "محمد رضائی", "حسن حسینی", "حسین حسینی"]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(["تهران", "کرج", "", "تهرآن"]),
                          st.booleans()), max_size=40),
       st.integers(1, 5), st.integers(1, 30))
def test_blocks_find_what_one_pass_finds(named_db, monkeypatch_module, rows, block: int,
                                         limit: int) -> None:
    from crm_desktop.services.imports.model import Match, PlannedRow

    planned = []
    for n, (name, city, duplicate) in enumerate(rows):
        first, _, last = name.partition(" ")
        values = {"first_name": first, "last_name": last}
        if city:
            values["city"] = city
        planned.append(PlannedRow(n + 2, values, Match("mobile", "x", existing_id=1)
                                  if duplicate else None))
    with named_db.db.read() as s:
        monkeypatch_module.setattr(similar_module, "FIRST_BLOCK", 10_000)
        whole = similar_module.similar_names(s, "contacts", planned, limit)
        monkeypatch_module.setattr(similar_module, "FIRST_BLOCK", block)
        blocks = similar_module.similar_names(s, "contacts", planned, limit)
    assert blocks == whole
    assert len(whole) <= limit
    assert all(not planned[w.row - 2].match for w in whole)
    assert all(w.earlier_row is None or w.earlier_row < w.row for w in whole)


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


# -- any sheet: a plan, never an exception ------------------------------------------------------
HOSTILE_CELL = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.just(10**5000), st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=30),
    st.sampled_from(["09121234567", "+98 912 000 0000", "۱۳۷۰/۰۱/۰۵", "05/21/1990",
                     "1400/12/30", "=1+1", "-", "بله", "\ud800", "x" * 300, "9.1E+09",
                     "علی احمدی", "تهران", "a@b.ir", "A@B.IR"]),
    st.dates(), st.datetimes(), st.lists(st.integers(), max_size=2),
)


@st.composite
def hostile_sheets(draw: st.DrawFn) -> tuple[str, SheetData, tuple[str | None, ...]]:
    from crm_desktop.services.imports.fields import import_fields

    kind = draw(st.sampled_from(["contacts", "companies", "products"]))
    fields = list(import_fields(kind))  # type: ignore[arg-type]
    width = draw(st.integers(1, 6))
    chosen = draw(st.lists(st.sampled_from(fields), min_size=width, max_size=width,
                           unique=True))
    mapping = tuple(f if draw(st.integers(0, 5)) else None for f in chosen)
    if kind == "products" and {"unit_price_rial", "unit_price_toman"} <= set(mapping):
        mapping = tuple(None if f == "unit_price_toman" else f for f in mapping)
    rows = draw(st.lists(st.lists(HOSTILE_CELL, min_size=0, max_size=width + 1),
                         max_size=12))
    data = SheetData("x.csv", None, (), 1, tuple(f"h{i}" for i in range(width)),
                     [SheetRow(i + 2, tuple(r)) for i, r in enumerate(rows)])
    return kind, data, mapping


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(hostile_sheets())
def test_any_sheet_gives_a_plan(named_db, case) -> None:
    kind, data, mapping = case
    plan = named_db.imports.plan(kind, data, mapping)
    assert len(plan.rows) + len(plan.failed_rows) == len(data.rows)
    assert {e.row for e in plan.errors} == set(plan.failed_rows)
    for e in plan.errors:
        assert e.message("fa") and e.message("en")
        assert e.field is None or e.field in mapping
    c = plan.counts()
    assert c.new + c.updates + c.skipped == len(plan.rows)
    table = named_db.imports.error_table(plan, "fa")
    assert len(list(table.rows)) == len(plan.failed_rows)
