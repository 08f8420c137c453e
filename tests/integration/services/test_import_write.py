"""Writing an import (services/imports/write.py): what is stored equals what the services
store, the counts shown before are what is written, duplicates follow the choice, and a
cancel or a refusal writes nothing."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.db.search_index import integrity_problems
from crm_desktop.domain.errors import ValidationError
from crm_desktop.imports.sheet import ImportCancelled
from crm_desktop.services import fields as f
from crm_desktop.services.imports import records, write
from crm_desktop.services.imports.model import ImportOptions, Match, OnDuplicate, RowError
from crm_desktop.services.imports.records import KINDS
from tests.integration.services.import_plans import by_mobile, count, dump, planned

CONTACT = {
    "first_name": "مينا", "last_name": "نوری‌زاده", "gender": "female",
    "birthday": "1369/12/14", "mobile": "+98 935 111 2233", "mobile2": "0912 000 1122",
    "phone": "021-88776655", "email": "Mina@Example.com", "national_code": "0013542419",
    "job_title": "مدیر خرید", "city": "قم", "address": "خیابان صفائیه\nپلاک ۱۲",
    "postal_code": "3718911111", "source": "referral", "lifecycle_stage": "customer",
    "sms_consent": True, "email_consent": False, "notes": "از نمایشگاه",
}
COMPANY = {
    "name": "كاشي يزد", "legal_id": "10100387975", "economic_code": "411111111111",
    "registration_no": "12345", "phone": "035-38221100", "email": "info@kashi.ir",
    "website": "kashi.ir", "industry": "ساختمان", "city": "یزد", "address": "بلوار جمهوری",
    "postal_code": "8915711111", "notes": "تأمین‌کننده",
}
PRODUCT = {"name": "کاغذ A4", "sku": "P-0042", "unit": "بسته", "unit_price_rial": "۱۲۵٬۰۰۰",
           "taxable": False, "active": True, "description": "۵۰۰ برگ"}
RAW = {"contacts": CONTACT, "companies": COMPANY, "products": PRODUCT}
SERVICE = {"contacts": "contacts", "companies": "accounts", "products": "products"}
#: (and the version: a counter of the row's writes, one more for each, that the service's
#: own create can take past 1 when it writes derived columns after the insert)
BOOKKEEPING_COLUMNS = ("id", "created_at", "updated_at", "version")


def cleaned(kind: str, raw: dict[str, Any]) -> dict[str, Any]:
    """What the plan hands over: the values as the service's field rules clean them."""
    return f.clean(KINDS[kind].fields, raw, partial=True)


def record(core: Core, kind: str, rid: int) -> dict[str, Any]:
    table = KINDS[kind].table
    with core.db.read() as session:
        row = session.execute(select(table).where(table.c.id == rid)).mappings().one()
    return {k: v for k, v in row.items() if k not in BOOKKEEPING_COLUMNS}


def audit_of(core: Core, entity: str, rid: int) -> list[tuple]:
    a = m.AuditLog
    with core.db.read() as session:
        rows = session.execute(select(a.action, a.field, a.old_value, a.new_value, a.user_id)
                               .where(a.entity == entity, a.entity_id == rid).order_by(a.id))
        return [(r[0], r[1], r[2], json.loads(r[3]) if r[0] == "create" else r[3], r[4])
                for r in rows]


def newest_id(core: Core, kind: str) -> int:
    table = KINDS[kind].table
    with core.db.read() as session:
        return int(session.scalar(select(func.max(table.c.id))))


@pytest.mark.parametrize("kind", ["contacts", "companies", "products"])
def test_an_imported_record_is_stored_as_its_service_stores_it(core: Core, kind: str) -> None:
    """Every column (derived ones included: full name, sort keys, birthday's day, search
    text, the copies of the company's and owner's sort keys) and the audit rows."""
    values = cleaned(kind, RAW[kind])
    extra: dict[str, Any] = {}
    if kind == "contacts":
        account = core.accounts.create({"name": "کاشی یزد"})
        made = core.contacts.create({**values, "account_id": account, "tags": ["VIP"]})
        extra = {"company": "كاشي  يزد", "tags": ["VIP"]}
    else:
        made = getattr(core, SERVICE[kind]).create(values)
    if kind == "products":  # a product code is one product's
        getattr(core, SERVICE[kind]).update(made, {"sku": "OTHER"})
    core.imports.run(planned([(3, {**values, **extra})], kind=kind), ImportOptions())
    imported = newest_id(core, kind)
    expected = record(core, kind, made)
    if kind == "products":
        expected["sku"] = values["sku"]
    if kind == "contacts":
        # an imported customer was a customer before: not "new" (customer_since is what
        # the welcome rule greets, so an import of the customer base greets nobody)
        assert expected["customer_since"] is not None
        expected["customer_since"] = None
    assert record(core, kind, imported) == expected
    entity = KINDS[kind].entity
    service_rows, import_rows = audit_of(core, entity, made), audit_of(core, entity, imported)
    if kind == "products":
        service_rows = service_rows[:1]
        service_rows[0][3]["sku"] = values["sku"]
    if kind == "contacts":
        assert service_rows[0][3].pop("customer_since")
    assert import_rows == service_rows
    with core.db.raw() as conn:
        assert integrity_problems(conn) == []
    if kind != "products":
        hits = core.search.search("نوری زاده" if kind == "contacts" else "کاشی")
        assert {made, imported} <= {h.id for h in hits}


def test_the_import_is_one_batch_with_the_counts_shown_before(core: Core) -> None:
    old = core.contacts.create({"first_name": "علی", "last_name": "رضایی",
                                "mobile": "09121234567"})
    rows = [
        (2, {"first_name": "مینا", "last_name": "نوری", "mobile": "09351112233"}),
        (3, {"last_name": "رضایی", "mobile": "09121234567", "city": "قم"},
         by_mobile("09121234567", existing_id=old)),
        (4, {"last_name": "نوری", "mobile": "09351112233", "email": "m@x.ir"},
         by_mobile("09351112233", earlier_row=2)),
        (6, {"last_name": "کریمی"}),
    ]
    errors = [RowError(5, "mobile", "mobile.invalid"), RowError(5, None, "no_name")]
    for choice in OnDuplicate:
        plan = planned(rows, errors=errors)
        options = ImportOptions(choice, per_row={4: OnDuplicate.SKIP} if choice is
                                OnDuplicate.OVERWRITE else {})
        shown = plan.counts(options)
        before = count(core, m.Contact)
        batch = core.imports.run(plan, options)
        assert (batch.created, batch.updated) == (shown.new, shown.updates), choice
        assert count(core, m.Contact) - before == shown.new, choice
        assert shown.errors == 1
    with core.db.read() as session:
        batches = session.execute(select(m.ImportBatch.kind, m.ImportBatch.file_name,
                                         m.ImportBatch.sheet, m.ImportBatch.user_id)).all()
    assert batches == [("contacts", "مشتریان.xlsx", "برگه۱", core.actor_id)] * len(OnDuplicate)


def test_update_fills_empty_fields_and_overwrite_replaces(core: Core) -> None:
    old = core.contacts.create({"first_name": "علی", "last_name": "رضایی",
                                "mobile": "09121234567", "email": "ali@old.ir"})
    row = {"first_name": "علیرضا", "last_name": "رضایی", "mobile": "09121234567",
           "email": "ali@new.ir", "city": "قم", "birthday": date(1980, 5, 6)}
    match = by_mobile("09121234567", existing_id=old)
    core.imports.run(planned([(2, row, match)]), ImportOptions(OnDuplicate.UPDATE))
    got = core.contacts.get(old)
    assert (got["first_name"], got["email"], got["city"], got["birth_md"]) == (
        "علی", "ali@old.ir", "قم", "05-06")
    core.imports.run(planned([(2, row, match)]), ImportOptions(OnDuplicate.OVERWRITE))
    got = core.contacts.get(old)
    assert (got["first_name"], got["full_name"], got["email"]) == (
        "علیرضا", "علیرضا رضایی", "ali@new.ir")
    # derived columns as the service computes them after the same update
    twin = core.contacts.create({"first_name": "علی", "last_name": "رضایی",
                                 "mobile": "09121234567", "email": "ali@old.ir"})
    core.contacts.update(twin, {"city": "قم", "birthday": date(1980, 5, 6)})
    core.contacts.update(twin, {"first_name": "علیرضا", "email": "ali@new.ir"})
    assert record(core, "contacts", old) == record(core, "contacts", twin)
    fields = [r[1:4] for r in audit_of(core, "contacts", old) if r[0] == "update"]
    assert ("email", "ali@old.ir", "ali@new.ir") in fields
    assert ("city", None, "قم") in fields


def test_repeats_of_a_new_row_fold_into_the_record_it_creates(core: Core) -> None:
    rows = [(2, {"last_name": "نوری", "mobile": "09351112233"}),
            (3, {"last_name": "نوری", "mobile": "09351112233", "city": "قم"},
             by_mobile("09351112233", earlier_row=2)),
            (4, {"last_name": "نوری", "mobile": "09351112233", "city": "کرج",
                 "email": "n@x.ir"}, by_mobile("09351112233", earlier_row=2))]
    batch = core.imports.run(planned(rows), ImportOptions(OnDuplicate.UPDATE))
    assert (batch.created, batch.updated) == (1, 2)
    got = core.contacts.get(newest_id(core, "contacts"))
    assert (got["city"], got["email"]) == ("قم", "n@x.ir")
    assert count(core, m.Contact) == 1
    # one create row with the values as folded in, no update rows
    assert [r[0] for r in audit_of(core, "contacts", got["id"])] == ["create"]
    batch = core.imports.run(planned(rows), ImportOptions(OnDuplicate.CREATE))
    assert (batch.created, count(core, m.Contact)) == (3, 4)


def test_the_company_column_finds_the_company_or_makes_one(core: Core) -> None:
    kashi = core.accounts.create({"name": "کاشی یزد"})
    core.accounts.delete(core.accounts.create({"name": "فولاد"}))  # in the Trash
    rows = [(2, {"last_name": "الف", "company": "شركت كاشي‌يزد"}),
            (3, {"last_name": "ب", "company": "فولاد"}),
            (4, {"last_name": "پ", "company": "فولاد "})]
    core.imports.run(planned(rows), ImportOptions())
    with core.db.read() as session:
        linked = dict(session.execute(select(m.Contact.last_name, m.Contact.account_id)).all())
        live = session.execute(select(m.Account.id, m.Account.name).where(
            m.Account.deleted_at.is_(None)).order_by(m.Account.id)).all()
    assert linked["الف"] == kashi
    assert len(live) == 2 and live[1][1] == "فولاد"
    assert linked["ب"] == linked["پ"] == live[1][0]
    assert core.contacts.list().rows  # the list reads the new rows and their company


def test_tags_and_a_static_list_for_every_imported_contact(core: Core) -> None:
    old = core.contacts.create({"last_name": "رضایی", "mobile": "09121234567",
                                "tags": ["قدیمی"]})
    static = core.lists.create({"name": "نمایشگاه"})
    rows = [(2, {"last_name": "نوری", "tags": ["VIP"]}),
            (3, {"last_name": "رضایی", "mobile": "09121234567"},
             by_mobile("09121234567", existing_id=old)),
            (4, {"last_name": "کریمی", "mobile": "09120000000"},
             by_mobile("09120000000", existing_id=old))]
    options = ImportOptions(OnDuplicate.UPDATE, per_row={4: OnDuplicate.SKIP},
                            tags=[" نمایشگاه ۱۴۰۵ ", "VIP"], list_id=static)
    core.imports.run(planned(rows), options)
    new = newest_id(core, "contacts")
    assert core.contacts.tags(new) == sorted(["VIP", "نمایشگاه ۱۴۰۵"])
    assert core.contacts.tags(old) == sorted(["VIP", "قدیمی", "نمایشگاه ۱۴۰۵"])
    assert core.lists.member_count(static) == 2
    tags_logged = [r[3] for r in audit_of(core, "contacts", old) if r[1] == "tags"]
    assert sorted(tags_logged) == sorted(["VIP", "نمایشگاه ۱۴۰۵", "قدیمی"])


@pytest.mark.parametrize("which", ["missing", "filter"])
def test_a_list_that_is_not_a_static_list_is_refused_before_writing(core: Core,
                                                                    which: str) -> None:
    list_id = 99 if which == "missing" else core.lists.create(
        {"name": "تهرانی‌ها", "kind": "filter",
         "filter_json": '{"version": 1, "cities": ["تهران"]}'})
    before = dump(core)
    with pytest.raises(ValidationError) as refused:
        core.imports.run(planned([(2, {"last_name": "نوری"})]),
                         ImportOptions(list_id=list_id))
    assert refused.value.fields == ["list"]
    assert dump(core) == before and count(core, m.ImportBatch) == 0


def test_a_record_deleted_since_the_plan_refuses_the_run(core: Core) -> None:
    old = core.contacts.create({"last_name": "رضایی", "mobile": "09121234567"})
    plan = planned([(2, {"last_name": "نوری"}),
                    (3, {"last_name": "رضایی", "city": "قم"},
                     by_mobile("09121234567", existing_id=old))])
    core.contacts.delete(old)
    before = dump(core)
    with pytest.raises(ValidationError) as refused:
        core.imports.run(plan, ImportOptions(OnDuplicate.UPDATE))
    assert refused.value.errors[0].code == "import.stale"
    assert "1" in refused.value.message("en")
    assert dump(core) == before
    # skipping the duplicate does not need the record
    assert core.imports.run(plan, ImportOptions(OnDuplicate.SKIP)).created == 1


def test_a_product_code_in_use_is_refused(core: Core) -> None:
    core.products.create({"name": "خودکار", "sku": "P-1"})
    before = dump(core)
    for rows in ([(2, {"name": "مداد", "sku": "P-1"})],
                 [(2, {"name": "مداد", "sku": "P-2"}), (3, {"name": "پاک‌کن", "sku": "P-2"})]):
        with pytest.raises(ValidationError) as refused:
            core.imports.run(planned(rows, kind="products"), ImportOptions())
        assert refused.value.fields == ["sku"]
        assert dump(core) == before


@pytest.mark.sqlite_only("checks the FTS5 index")
def test_cancel_writes_nothing(core: Core, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write, "CHUNK", 3)
    monkeypatch.setattr(records, "BULK_MIN", 3)  # the indexes are dropped for this load
    core.contacts.create({"last_name": "رضایی", "tags": ["قدیمی"]})
    static = core.lists.create({"name": "نمایشگاه"})
    rows = [(n, {"last_name": f"نفر {n}", "company": f"شرکت {n}", "tags": ["نو"]})
            for n in range(2, 12)]
    with core.db.raw() as conn:
        schema = sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall())
    before, audit_rows = dump(core), count(core, m.AuditLog)
    seen: list[int] = []
    with pytest.raises(ImportCancelled):
        core.imports.run(planned(rows), ImportOptions(tags=["VIP"], list_id=static),
                         progress=seen.append, cancelled=lambda: len(seen) > 2)
    assert seen and max(seen) < len(rows)
    assert dump(core) == before
    assert count(core, m.AuditLog) == audit_rows
    assert count(core, m.ImportBatch) == count(core, m.ImportChange) == 0
    with core.db.raw() as conn:
        assert sorted(conn.execute("SELECT type, name, sql FROM sqlite_master")) == schema


@pytest.mark.sqlite_only("checks SQLite's dropped indexes and the FTS5 index")
def test_a_large_load_keeps_the_indexes_and_the_search(core: Core,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write, "CHUNK", 7)
    monkeypatch.setattr(records, "BULK_MIN", 10)
    for n in range(5):
        core.contacts.create({"last_name": f"پیشین {n}"})
    with core.db.raw() as conn:
        schema = sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall())
    rows = [(n, {"first_name": "سارا", "last_name": f"تازه{n}", "mobile": f"0912{n:07d}",
                 "company": "كاشي يزد"}) for n in range(2, 40)]
    seen: list[int] = []
    batch = core.imports.run(planned(rows), ImportOptions(), progress=seen.append)
    assert batch.created == 38 and seen[-1] == 38 and seen == sorted(seen)
    with core.db.raw() as conn:
        assert sorted(conn.execute("SELECT type, name, sql FROM sqlite_master")) == schema
        assert integrity_problems(conn) == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(core.search.search("تازه39", limit=5)) == 1
    assert len(core.search.search("0912 0000021", limit=5)) == 1
    assert len(core.search.search("کاشی", limit=5)) == 1


def test_the_mapping_is_remembered_for_the_same_headers(core: Core) -> None:
    plan = planned([(2, {"last_name": "نوری", "city": "قم"})])
    plan.headers, plan.mapping = ("ستون الف", "ستون ب"), ("last_name", "city")
    assert core.imports.mapping("contacts", plan.headers) != plan.mapping
    core.imports.run(plan, ImportOptions())
    assert core.imports.mapping("contacts", plan.headers) == plan.mapping


def _sheet(kind: str, headers: tuple[str, ...], rows: list[tuple]) -> Any:
    from crm_desktop.imports.sheet import SheetData, SheetRow

    return SheetData(file_name=f"{kind}.xlsx", sheet="برگه۱", sheets=("برگه۱",), header_row=2,
                     headers=headers, rows=[SheetRow(n + 3, tuple(r))
                                            for n, r in enumerate(rows)])


@pytest.mark.parametrize("choice", list(OnDuplicate))
def test_a_checked_sheet_is_written_as_its_counts_say(core: Core, choice: OnDuplicate) -> None:
    """Through the whole pipeline (a sheet, its plan, the run): the counts the preview
    shows for the choice (and a different choice on one row) are what is written."""
    old = core.contacts.create({"last_name": "رضایی", "mobile": "09121234567"})
    sheet = _sheet("contacts", ("نام و نام خانوادگی", "موبایل", "شهر", "ایمیل"), [
        ("مینا نوری", "۰۹۳۵ ۱۱۱ ۲۲۳۳", "قم", ""),
        ("علی رضایی", "+98 912 123 4567", "کرج", "ali@x.ir"),       # the existing contact
        ("مینا نوری", "00989351112233", "", "mina@x.ir"),           # a repeat of row 3
        ("بی‌نام", "0912", "", ""),                                  # an error
        ("", "", "تهران", ""),                                       # no name: an error
        ("مینا نوری", "09351112233", "تهران", ""),                   # row 3 once more
        ("سارا کریمی", 9127654321, "شیراز", ""),
    ])
    plan = core.imports.plan("contacts", sheet, core.imports.mapping("contacts",
                                                                     sheet.headers))
    options = ImportOptions(choice, per_row={8: OnDuplicate.SKIP})
    shown = plan.counts(options)
    assert shown.errors == 2 and shown.duplicates == 3
    before = count(core, m.Contact)
    batch = core.imports.run(plan, options)
    assert (batch.created, batch.updated) == (shown.new, shown.updates)
    assert count(core, m.Contact) - before == shown.new
    if choice is not OnDuplicate.CREATE:
        with core.db.read() as session:
            mina = session.execute(select(m.Contact.city, m.Contact.email).where(
                m.Contact.mobile == "09351112233")).all()
        # row 8 (تهران) is skipped on its own; row 5's blank city neither fills nor clears
        assert mina == [("قم", None if choice is OnDuplicate.SKIP else "mina@x.ir")]
    if choice is OnDuplicate.OVERWRITE:
        assert core.contacts.get(old)["city"] == "کرج"


def test_a_product_matching_by_its_code_is_never_created_twice(core: Core) -> None:
    core.products.create({"name": "خودکار", "sku": "P-1"})
    sheet = _sheet("products", ("نام کالا", "کد کالا", "قیمت"), [
        ("خودکار آبی", "P-1", "12000"), ("مداد", "P-2", "5000"), ("مداد سیاه", "P-2", "")])
    plan = core.imports.plan("products", sheet, core.imports.mapping("products",
                                                                     sheet.headers))
    options = ImportOptions(OnDuplicate.CREATE)
    shown = plan.counts(options)
    batch = core.imports.run(plan, options)
    assert (batch.created, batch.updated, shown.skipped) == (shown.new, shown.updates, 2)
    assert count(core, m.Product) == 2


@pytest.mark.parametrize(("values", "field"), [
    ({"last_name": "نوری", "birthday": "1369/12/14"}, "birthday"),       # text, not a date
    ({"last_name": "نوری", "birthday": datetime(1990, 3, 4)}, "birthday"),
    ({"last_name": "نوری", "sms_consent": 1}, "sms_consent"),
    ({"last_name": "نوری\ud800"}, "last_name"),                          # not storable
    ({"last_name": "نوری", "owner_id": 1}, "owner_id"),                   # not imported
    ({"last_name": "نوری", "colour": "آبی"}, "colour"),
    ({"last_name": "نوری", "tags": "VIP"}, "tags"),
])
def test_a_plan_with_values_of_the_wrong_type_is_refused(core: Core, values: dict,
                                                         field: str) -> None:
    before = dump(core)
    with pytest.raises(ValidationError) as refused:
        core.imports.run(planned([(2, values)]), ImportOptions())
    assert refused.value.fields == [field]
    assert dump(core) == before


def test_a_repeat_of_a_row_that_updates_updates_the_same_record(core: Core) -> None:
    """Row 3 repeats row 2 (same mobile), and row 2 matched a contact by its e-mail: row 3
    updates that contact too (ImportPlan.target), also when row 2 itself is skipped."""
    old = core.contacts.create({"last_name": "رضایی", "email": "ali@x.ir"})
    rows = [(2, {"last_name": "رضایی", "email": "ali@x.ir", "mobile": "09121234567"},
             Match("email", "ali@x.ir", existing_id=old)),
            (3, {"last_name": "رضایی", "mobile": "09121234567", "city": "قم"},
             by_mobile("09121234567", earlier_row=2))]
    for per_row in ({}, {2: OnDuplicate.SKIP}):
        options = ImportOptions(OnDuplicate.UPDATE, per_row=per_row)
        plan = planned(rows)
        batch = core.imports.run(plan, options)
        assert (batch.created, batch.updated) == (0, plan.counts(options).updates)
        assert batch.updated == (2 if not per_row else 1)
        got = core.contacts.get(old)
        assert (got["city"], got["mobile"]) == ("قم", "09121234567")
        assert count(core, m.Contact) == 1
        core.imports.undo_last()
