"""A contact's timeline and the helpers the desktop's filters and pickers use."""

from __future__ import annotations

from datetime import UTC, date, datetime


def test_timeline_merges_every_kind_newest_first(core) -> None:
    cid = core.contacts.create({"first_name": "نرگس", "last_name": "طاهری"})
    other = core.contacts.create({"last_name": "دیگری"})
    core.activities.create({"kind": "call", "subject": "تماس اول", "contact_id": cid,
                            "done_at": datetime(2025, 1, 1, 9, tzinfo=UTC)})
    core.deals.create({"title": "خرید دستگاه", "contact_id": cid, "amount_rial": 9_000_000})
    core.proformas.create({"contact_id": cid, "issue_date": date(2025, 6, 1)},
                          [{"description": "خدمات", "quantity": 1, "unit_price_rial": 100}])
    core.tickets.create({"subject": "خرابی", "contact_id": cid})
    core.activities.create({"kind": "note", "subject": "مال دیگری", "contact_id": other})
    items = core.timeline.for_contact(cid)
    assert {i.kind for i in items} == {"activity", "deal", "proforma", "ticket"}
    assert [i.at for i in items] == sorted((i.at for i in items), reverse=True)
    assert items[-1].title == "تماس اول" and items[-1].done is True
    deal = next(i for i in items if i.kind == "deal")
    assert deal.amount_rial == 9_000_000
    assert next(i for i in items if i.kind == "ticket").number.startswith("T-")
    assert core.timeline.for_contact(other)[0].title == "مال دیگری"


def test_cities_and_account_options(core) -> None:
    core.contacts.create({"last_name": "الف", "city": "یزد"})
    core.contacts.create({"last_name": "ب", "city": "بندرعباس"})
    gone = core.contacts.create({"last_name": "پ", "city": "اراک"})
    core.contacts.delete(gone)
    assert core.contacts.cities() == ["بندرعباس", "یزد"]
    b = core.accounts.create({"name": "گلستان"})
    a = core.accounts.create({"name": "پارس"})
    assert core.accounts.options() == [(a, "پارس"), (b, "گلستان")]
