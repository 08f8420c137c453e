"""Undoing the last import (services/imports/undo.py): the database as it was, every table
and every updated field; refused, changing nothing, when there is nothing to undo or when
the import's records were changed since."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.db.search_index import integrity_problems
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.imports.model import ImportOptions, OnDuplicate
from tests.integration.services.import_plans import BOOKKEEPING, by_mobile, count, dump, planned


def _populated(core: Core) -> dict[str, int]:
    i = {"kashi": core.accounts.create({"name": "کاشی یزد", "city": "یزد"})}
    i["ali"] = core.contacts.create({"first_name": "علی", "last_name": "رضایی",
                                     "mobile": "09121234567", "email": "ali@old.ir",
                                     "tags": ["قدیمی"], "account_id": i["kashi"]})
    i["sara"] = core.contacts.create({"first_name": "سارا", "last_name": "کریمی",
                                      "mobile": "09351234567"})
    i["list"] = core.lists.create({"name": "نمایشگاه"})
    core.lists.add_members(i["list"], [i["ali"]])
    core.deals.create({"title": "قرارداد", "contact_id": i["ali"]})
    core.rfm.recompute()  # every contact has an RFM row, the new ones too after this
    return i


def _import(core: Core, i: dict[str, int]) -> None:
    rows = [
        (2, {"first_name": "مینا", "last_name": "نوری", "mobile": "09131112233",
             "birthday": date(1990, 3, 4), "company": "شرکت تازه", "tags": ["VIP"]}),
        (3, {"first_name": "علیرضا", "last_name": "رضایی", "mobile": "09121234567",
             "city": "قم", "email": "ali@new.ir", "company": "فولاد",
             "tags": ["قدیمی", "VIP"]}, by_mobile("09121234567", existing_id=i["ali"])),
        (4, {"last_name": "کریمی", "mobile": "09351234567", "city": "کرج",
             "birthday": date(1985, 1, 2)}, by_mobile("09351234567", existing_id=i["sara"])),
        (5, {"last_name": "نوری", "mobile": "09131112233", "email": "n@x.ir"},
         by_mobile("09131112233", earlier_row=2)),
        (6, {"last_name": "بدون شرکت", "company": "كاشي يزد"}),
    ]
    core.imports.run(planned(rows), ImportOptions(
        OnDuplicate.OVERWRITE, per_row={4: OnDuplicate.UPDATE}, tags=["نمایشگاه ۱۴۰۵"],
        list_id=i["list"]))
    core.rfm.recompute()


def test_undo_puts_the_database_back_as_it_was(core: Core) -> None:
    i = _populated(core)
    # the RFM figures are recomputed after the import (to give the new contacts theirs);
    # the records' versions count every write, the undo's too (a form opened before it
    # is refused its save)
    skip = ("updated_at", "computed_at", "version")
    before = dump(core, skip_columns=skip)
    _import(core, i)
    assert dump(core, skip_columns=skip) != before
    undone = core.imports.undo_last()
    assert undone.undone_at is not None
    after = dump(core, skip_columns=skip)
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before.items()}
    assert after == before
    ali = core.contacts.get(i["ali"])
    assert (ali["first_name"], ali["email"], ali["city"], ali["account_id"]) == (
        "علی", "ali@old.ir", None, i["kashi"])
    with core.db.raw() as conn:
        assert integrity_problems(conn) == []
    assert core.search.search("مینا") == []
    assert [h.id for h in core.search.search("علی رضایی")] == [i["ali"]]
    assert core.imports.last_batch() is None
    with pytest.raises(ValidationError) as refused:
        core.imports.undo_last()
    assert refused.value.errors[0].code == "import.nothing_to_undo"


def test_undo_is_audited(core: Core) -> None:
    i = _populated(core)
    _import(core, i)
    with core.db.read() as session:
        mark = session.scalar(select(m.AuditLog.id).order_by(m.AuditLog.id.desc()).limit(1))
    core.imports.undo_last()
    with core.db.read() as session:
        rows = session.execute(select(m.AuditLog.entity, m.AuditLog.action, m.AuditLog.field)
                               .where(m.AuditLog.id > mark)).all()
    purged = {(e, f) for e, a, f in rows if a == "delete"}
    assert purged == {("contacts", "purged"), ("accounts", "purged"), ("tags", "purged")}
    assert ("contacts", "update", "email") in rows and ("contacts", "update", "tags") in rows
    assert ("marketing_lists", "update", "members") in rows
    assert ("import_batches", "update", "undone_at") in rows
    assert ("contact_rfm", "update", "recompute") in rows


def test_nothing_to_undo(core: Core) -> None:
    with pytest.raises(ValidationError) as refused:
        core.imports.undo_last()
    assert refused.value.fields == ["import"]
    assert "no import" in refused.value.message("en")
    assert "ورود اطلاعاتی" in refused.value.message("fa")


def test_undo_is_refused_when_the_import_was_worked_on_since(core: Core) -> None:
    i = _populated(core)
    _import(core, i)
    new = max(r["id"] for r in core.contacts.list().rows)
    core.contacts.update(i["sara"], {"city": "اصفهان"})  # a field the import set
    core.deals.create({"title": "خرید", "contact_id": new})  # a created contact used
    with core.db.read() as session:
        company = session.scalar(select(m.Account.id).where(m.Account.name == "فولاد"))
    core.accounts.update(company, {"city": "اهواز"})  # a company it created, edited
    before = dump(core)
    with pytest.raises(ValidationError) as refused:
        core.imports.undo_last()
    assert refused.value.errors[0].code == "import.changed_since"
    assert refused.value.errors[0].params == {"count": 3}
    assert "۳ مورد" in refused.value.message("fa")
    assert dump(core) == before
    assert core.imports.last_batch() is not None


def test_a_created_contact_in_the_trash_counts_as_changed(core: Core) -> None:
    _import(core, _populated(core))
    core.contacts.delete(max(r["id"] for r in core.contacts.list().rows))
    with pytest.raises(ValidationError):
        core.imports.undo_last()


def test_undo_takes_the_newest_batch_then_the_one_before(core: Core) -> None:
    core.imports.run(planned([(2, {"last_name": "اول"})]), ImportOptions())
    core.imports.run(planned([(2, {"last_name": "دوم"})]), ImportOptions())
    assert core.imports.last_batch().created == 1
    first, second = (core.imports.undo_last(), core.imports.undo_last())
    assert first.id > second.id
    assert count(core, m.Contact) == 0 and core.imports.last_batch() is None
    with core.db.read() as session:
        assert session.scalar(select(m.ImportChange.id).limit(1)) is None


def test_an_import_that_wrote_nothing_is_not_the_one_undone(core: Core) -> None:
    """Importing the same file again skips every row: undo still means the import that
    wrote, not the empty one after it."""
    rows = [(2, {"last_name": "اول", "mobile": "09121234567"})]
    core.imports.run(planned(rows), ImportOptions())
    first = core.imports.last_batch()
    again = [(2, {"last_name": "اول", "mobile": "09121234567"},
              by_mobile("09121234567", existing_id=1))]
    empty = core.imports.run(planned(again), ImportOptions(OnDuplicate.SKIP))
    assert empty.created == empty.updated == 0
    assert core.imports.last_batch() == first
    assert core.imports.undo_last().id == first.id
    assert count(core, m.Contact) == 0


def test_a_company_created_by_the_import_stays_when_another_contact_uses_it(
        core: Core) -> None:
    core.imports.run(planned([(2, {"last_name": "نوری", "company": "شرکت تازه"})]),
                     ImportOptions())
    with core.db.read() as session:
        company = session.scalar(select(m.Account.id).where(m.Account.name == "شرکت تازه"))
    other = core.contacts.create({"last_name": "کریمی", "account_id": company})
    core.imports.undo_last()
    assert core.accounts.get(company)["name"] == "شرکت تازه"
    assert core.contacts.get(other)["account_id"] == company
    assert count(core, m.Contact) == 1


def test_undo_of_companies_and_products(core: Core) -> None:
    old = core.products.create({"name": "خودکار", "sku": "P-1", "unit_price_rial": 10})
    before = dump(core, skip_columns=("updated_at", "version"))
    rows = [(2, {"name": "مداد", "sku": "P-2", "unit_price_rial": 5}),
            (3, {"name": "خودکار آبی", "sku": "P-1", "unit_price_rial": 12},
             by_mobile("P-1", existing_id=old))]
    core.imports.run(planned(rows, kind="products"), ImportOptions(OnDuplicate.OVERWRITE))
    core.imports.run(planned([(2, {"name": "کاشی یزد", "city": "یزد"})], kind="companies"),
                     ImportOptions())
    core.imports.undo_last()
    core.imports.undo_last()
    assert dump(core, skip_columns=("updated_at", "version")) == before


def test_bookkeeping_tables_are_the_import_s_own() -> None:
    assert {"import_batches", "import_changes"} <= BOOKKEEPING


@pytest.mark.sqlite_only("checks SQLite's dropped indexes and the FTS5 index")
def test_a_large_undo_keeps_the_indexes_and_the_search(core: Core,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_desktop.services.imports import records

    monkeypatch.setattr(records, "BULK_MIN", 10)  # the indexes are dropped for the delete
    for n in range(5):
        core.contacts.create({"last_name": f"پیشین {n}", "tags": ["قدیمی"]})
    rows = [(n, {"first_name": "سارا", "last_name": f"تازه{n}", "mobile": f"0912{n:07d}",
                 "company": "كاشي يزد", "tags": ["نو"]}) for n in range(2, 40)]
    core.imports.run(planned(rows), ImportOptions(tags=["VIP"]))
    with core.db.raw() as conn:
        schema = sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall())
    core.imports.undo_last()
    with core.db.raw() as conn:
        assert sorted(conn.execute("SELECT type, name, sql FROM sqlite_master")) == schema
        assert integrity_problems(conn) == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert core.search.search("تازه", limit=5) == [] and core.search.search("کاشی") == []
    assert [h.title for h in core.search.search("پیشین 3")] == ["پیشین 3"]
    assert count(core, m.Contact) == 5 and core.contacts.all_tags() == ["قدیمی"]
