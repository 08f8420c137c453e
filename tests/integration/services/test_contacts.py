"""Contacts through the service: validation, derived columns, tags, trash, lists, audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from crm_desktop.db import models as m
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.base import ListQuery, Sort


def audit_rows(core, entity: str, entity_id: int) -> list[tuple]:
    with core.db.read() as s:
        q = select(m.AuditLog.action, m.AuditLog.field, m.AuditLog.old_value,
                   m.AuditLog.new_value, m.AuditLog.user_id).where(
            m.AuditLog.entity == entity, m.AuditLog.entity_id == entity_id
        ).order_by(m.AuditLog.id)
        return [tuple(r) for r in s.execute(q)]


def test_create_normalises_what_was_typed(core) -> None:
    cid = core.contacts.create({
        "first_name": "  علي ", "last_name": "كريمي", "mobile": "+98 (912) 123-4567",
        "national_code": "۰۰۱۳۵۴۲۴۱۹", "email": "Ali@Example.COM", "birthday": "۱۳۷۰/۰۱/۱۵",
        "tags": ["VIP", "VIP", "همکار"],
    })
    c = core.contacts.get(cid)
    assert c["full_name"] == "علی کریمی"
    assert c["mobile"] == "09121234567"
    assert c["national_code"] == "0013542419"
    assert c["email"] == "Ali@example.com"
    assert c["birthday"] == date(1991, 4, 4)
    assert c["birth_md"] == "04-04"
    assert c["tags"] == ["VIP", "همکار"]
    assert c["owner_id"] == core.actor_id and c["created_by_id"] == core.actor_id


def test_every_bad_field_is_named_and_nothing_is_saved(core) -> None:
    with pytest.raises(ValidationError) as err:
        core.contacts.create({
            "first_name": "سارا", "mobile": "0912", "national_code": "1234567890",
            "email": "not-an-email", "postal_code": "12", "birthday": "۱۴۰۵/۱۳/۰۱",
        })
    assert set(err.value.fields) == {"mobile", "national_code", "email", "postal_code",
                                     "birthday"}
    assert "موبایل" in err.value.message("fa")
    assert "Mobile" in err.value.message("en")
    assert core.contacts.count() == 0


def test_a_name_is_required(core) -> None:
    with pytest.raises(ValidationError) as err:
        core.contacts.create({"mobile": "09121234567"})
    assert err.value.fields == ["last_name"]


def test_unknown_references_are_refused(core) -> None:
    with pytest.raises(ValidationError) as err:
        core.contacts.create({"last_name": "x", "account_id": 999, "owner_id": 999})
    assert set(err.value.fields) == {"account_id", "owner_id"}


def test_update_is_audited_field_by_field(core) -> None:
    cid = core.contacts.create({"first_name": "رضا", "last_name": "احمدی", "city": "قم"})
    core.contacts.update(cid, {"city": "تهران", "lifecycle_stage": "customer"})
    rows = audit_rows(core, "contacts", cid)
    assert rows[0][0] == "create"
    assert ("update", "city", "قم", "تهران", core.actor_id) in rows
    assert ("update", "lifecycle_stage", "lead", "customer", core.actor_id) in rows


def test_failed_update_changes_nothing(core) -> None:
    cid = core.contacts.create({"first_name": "رضا", "last_name": "احمدی", "city": "قم"})
    with pytest.raises(ValidationError):
        core.contacts.update(cid, {"city": "تهران", "mobile": "bad"})
    assert core.contacts.get(cid)["city"] == "قم"
    assert [r[0] for r in audit_rows(core, "contacts", cid)] == ["create"]


def test_trash_and_restore(core) -> None:
    cid = core.contacts.create({"first_name": "مینا", "last_name": "نوری"})
    core.contacts.delete(cid)
    assert core.contacts.count() == 0
    assert [r["id"] for r in core.contacts.list(ListQuery(deleted=True)).rows] == [cid]
    assert core.search.search("مینا") == []
    with pytest.raises(NotFoundError):
        core.contacts.get(cid)
    core.contacts.restore(cid)
    assert core.contacts.get(cid)["full_name"] == "مینا نوری"
    assert [h.id for h in core.search.search("مینا")] == [cid]
    assert [r[0] for r in audit_rows(core, "contacts", cid)] == ["create", "delete", "restore"]


def test_list_sorts_names_in_persian_order(core) -> None:
    for name in ["گلناز", "کاوه", "پرهام", "بابک", "آرش", "ژیلا", "زهرا", "یاسر", "چکاوک", "جواد"]:
        core.contacts.create({"first_name": name, "last_name": "تست"})
    rows = core.contacts.list(ListQuery(sort=Sort("name"))).rows
    assert [r["full_name"].split()[0] for r in rows] == [
        "آرش", "بابک", "پرهام", "جواد", "چکاوک", "زهرا", "ژیلا", "کاوه", "گلناز", "یاسر"]
    desc = core.contacts.list(ListQuery(sort=Sort("name", descending=True))).rows
    assert [r["id"] for r in desc] == [r["id"] for r in reversed(rows)]


def test_keyset_pages_cover_every_row_once(core) -> None:
    for i in range(57):
        core.contacts.create({"first_name": "علی", "last_name": f"شماره {i % 7}"})
    for sort in (Sort("name"), Sort("created", True), Sort("city")):
        seen, after = [], None
        while True:
            page = core.contacts.list(ListQuery(sort=sort, after=after, limit=10))
            seen += [r["id"] for r in page.rows]
            after = page.next_cursor
            if after is None:
                break
        assert sorted(seen) == sorted(set(seen)) and len(seen) == 57


def test_filters_and_text(core) -> None:
    a = core.accounts.create({"name": "فروشگاه آفتاب"})
    c1 = core.contacts.create({"first_name": "زهرا", "last_name": "موسوی", "city": "شیراز",
                               "account_id": a, "tags": ["VIP"]})
    c2 = core.contacts.create({"first_name": "زهره", "last_name": "موسوی", "city": "تبریز",
                               "lifecycle_stage": "customer"})

    def ids(**kw) -> list[int]:
        return sorted(r["id"] for r in core.contacts.list(ListQuery(**kw)).rows)

    assert ids(filters={"city": "شیراز"}) == [c1]
    assert ids(filters={"lifecycle_stage": "customer"}) == [c2]
    assert ids(filters={"tag": "VIP"}) == [c1]
    assert ids(filters={"account_id": a}) == [c1]
    assert ids(text="زهر موسو") == [c1, c2]
    assert ids(text="زهره") == [c2]
    assert ids(text="ـ") == []  # only a tatweel: nothing searchable
    assert core.contacts.count(ListQuery(text="موسوی")) == 2
    assert core.contacts.list().rows[0]["company"] in ("فروشگاه آفتاب", None)


def test_duplicates_warning(core) -> None:
    cid = core.contacts.create({"last_name": "قاسمی", "mobile": "09351234567",
                                "national_code": "0013542419"})
    assert [d["id"] for d in core.contacts.duplicates(mobile="+989351234567")] == [cid]
    assert [d["id"] for d in core.contacts.duplicates(national_code="0013542419")] == [cid]
    assert core.contacts.duplicates(mobile="09351234567", exclude_id=cid) == []
    assert core.contacts.duplicates(mobile="garbage") == []


def test_birthdays_of_the_day(core) -> None:
    cid = core.contacts.create({"last_name": "تولد", "birthday": date(1990, 3, 21)})
    core.contacts.create({"last_name": "دیگر", "birthday": date(1990, 3, 22)})
    assert [r["id"] for r in core.contacts.birthdays(date(2026, 3, 21))] == [cid]


def test_company_and_owner_sorts_follow_renames(core) -> None:
    b = core.accounts.create({"name": "بازرگانی ب"})
    a = core.accounts.create({"name": "آریا"})
    u = core.users.create({"username": "zahra", "display_name": "زهرا"})
    c1 = core.contacts.create({"last_name": "یک", "account_id": b})
    c2 = core.contacts.create({"last_name": "دو", "account_id": a, "owner_id": u})

    def order(key: str) -> list[int]:
        return [r["id"] for r in core.contacts.list(ListQuery(sort=Sort(key))).rows]

    assert order("company") == [c2, c1]  # آریا before بازرگانی
    core.accounts.update(a, {"name": "گلستان"})
    assert order("company") == [c1, c2]
    assert order("owner") == [c2, c1]  # زهرا before مدیر سیستم
    core.users.update(u, {"display_name": "یاسمن"})
    assert order("owner") == [c1, c2]
    core.contacts.update(c1, {"account_id": None})
    assert order("company") == [c1, c2]  # no company sorts first
