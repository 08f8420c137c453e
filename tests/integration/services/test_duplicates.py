"""Groups of probable duplicates among live contacts and companies."""

from __future__ import annotations

import pytest

from crm_desktop.core import Core
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.duplicates import REASONS


def _groups(core: Core, kind: str, reason: str) -> list[tuple[str, tuple[int, ...]]]:
    return [(g.value, g.ids) for g in core.duplicates.groups(kind, reasons={reason})]


def test_contacts_sharing_a_mobile_code_or_email(core: Core) -> None:
    c = core.contacts.create
    a = c({"first_name": "علی", "last_name": "رضایی", "mobile": "09121111111",
           "email": "Ali@Example.com", "national_code": "0013542419"})
    b = c({"first_name": "زهرا", "last_name": "کریمی", "mobile": "0912 111 1111"})
    d = c({"last_name": "نوری", "mobile2": "+989121111111", "email": "ali@example.COM"})
    e = c({"last_name": "مرادی", "mobile": "09122222222", "mobile2": "09122222222",
           "national_code": "0013542419"})
    trashed = c({"last_name": "حذفی", "mobile": "09121111111", "email": "ali@example.com"})
    core.contacts.delete(trashed)
    # the second mobile counts against the first; the same number twice on one record
    # is no group; the Trash never counts
    assert _groups(core, "contacts", "mobile") == [("09121111111", (a, b, d))]
    assert _groups(core, "contacts", "national_code") == [("0013542419", (a, e))]
    assert _groups(core, "contacts", "email") == [("ali@example.com", (a, d))]


def test_companies_sharing_a_legal_id_email_or_phone(core: Core) -> None:
    c = core.accounts.create
    a = c({"name": "فولاد فارس", "legal_id": "10100387975", "phone": "07132345678"})
    b = c({"name": "فولاد فارس جنوب", "legal_id": "10100387975", "email": "x@y.ir"})
    d = c({"name": "کاشی یزد", "phone": "071-32345678", "email": "X@y.ir"})
    assert _groups(core, "companies", "legal_id") == [("10100387975", (a, b))]
    assert _groups(core, "companies", "email") == [("x@y.ir", (b, d))]
    assert _groups(core, "companies", "phone") == [("07132345678", (a, d))]


def test_similar_names_in_the_same_city(core: Core) -> None:
    c = core.contacts.create
    a = c({"first_name": "محمدرضا", "last_name": "کریمی", "city": "تهران"})
    b = c({"first_name": "محمد رضا", "last_name": "کريمي", "city": "تهران"})
    d = c({"first_name": "محمدرضا", "last_name": "کرییمی", "city": "تهران"})  # a typo
    c({"first_name": "محمدرضا", "last_name": "کریمی", "city": "شیراز"})  # another city
    c({"first_name": "محمدرضا", "last_name": "کریمی"})  # no city
    e = c({"first_name": "سارا", "last_name": "نوری", "city": "تهران"})
    f = c({"first_name": "نوری", "last_name": "سارا", "city": "تهران "})  # swapped
    c({"first_name": "علی", "last_name": "احمدی", "city": "تهران"})
    c({"first_name": "علی", "last_name": "محمدی", "city": "تهران"})  # a different name
    groups = core.duplicates.groups("contacts", reasons=["name"])
    # the typo scores 96 (a letter more in 12), the swap SWAPPED_SCORE (95)
    assert [(g.ids, g.score, g.city) for g in groups] == [
        ((a, b, d), 96, "تهران"), ((e, f), 95, "تهران")]


def test_name_groups_join_linked_names_and_order_by_score(core: Core) -> None:
    c = core.contacts.create
    ids = [c({"first_name": "سارا", "last_name": n, "city": "قم"})
           for n in ("کریمی", "کریمی", "کرییمی")]
    same = [c({"first_name": "مینا", "last_name": "نوری", "city": "قم"}) for _ in range(2)]
    one = c({"first_name": "پریسا", "last_name": "موسوی", "city": "قم"})
    two = c({"first_name": "پرسیا", "last_name": "موسوی", "city": "قم"})
    groups = core.duplicates.groups("contacts", reasons=["name"])
    # equal names (100) first, then by score: 94.7 rounds to 95, then 90
    assert [(g.ids, g.score) for g in groups] == [
        (tuple(same), 100), (tuple(ids), 95), ((one, two), 90)]
    assert groups[0].value == "مینا نوری" and groups[0].city == "قم"
    row = groups[1].rows[2]
    assert (row["id"], row["name"], row["city"]) == (ids[2], "سارا کرییمی", "قم")
    assert row["created_at"].tzinfo is not None


def test_company_names_drop_their_legal_form(core: Core) -> None:
    a = core.accounts.create({"name": "شرکت آریا گستر (سهامی خاص)", "city": "کرج"})
    b = core.accounts.create({"name": "آریاگستر", "city": "کرج"})
    core.accounts.create({"name": "فروشگاه آریا گستر", "city": "کرج"})
    core.accounts.create({"name": "شعبه ۱ آریا گستر", "city": "کرج"})
    core.accounts.create({"name": "شعبه ۲ آریا گستر", "city": "کرج"})
    assert [(g.ids, g.score) for g in core.duplicates.groups("companies", reasons=["name"])
            ] == [((a, b), 100)]


def test_every_reason_in_order_and_a_record_in_several_groups(core: Core) -> None:
    c = core.contacts.create
    a = c({"first_name": "علی", "last_name": "رضایی", "city": "یزد", "mobile": "09121111111"})
    b = c({"first_name": "علی", "last_name": "رضائی", "city": "یزد", "mobile": "09121111111"})
    groups = core.duplicates.groups("contacts")
    assert [(g.reason, g.ids) for g in groups] == [("mobile", (a, b)), ("name", (a, b))]
    assert REASONS["contacts"][0] == "mobile"


def test_bad_arguments_are_refused(core: Core) -> None:
    for kwargs in ({"kind": "products"}, {"kind": "contacts", "reasons": "mobile"},
                   {"kind": "contacts", "reasons": ["legal_id"]},
                   {"kind": "contacts", "score": 0}, {"kind": "contacts", "score": True}):
        with pytest.raises(ValidationError):
            core.duplicates.groups(**kwargs)
    assert core.duplicates.groups("companies") == []
