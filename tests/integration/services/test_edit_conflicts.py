"""Two desks editing the same record (optimistic locking, services/versions.py): the second
save, made against the version its form read, is refused with EditConflict naming who
saved and when; nothing of it is written; the record keeps the first desk's values; a save
with the version read again goes through. On SQLite and on PostgreSQL (`both_backends`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.errors import EditConflict, SignInRefused, ValidationError
from crm_desktop.text.conflict_texts import conflict_message


@pytest.fixture
def desks(both_backends: Path | str) -> Iterator[tuple[Core, Core]]:
    """Two desks on one database, each its own connection, signed in as different users."""
    with Core.open(both_backends) as first:
        sara = first.users.create({"username": "sara", "display_name": "سارا",
                                   "role": "admin"})
        with Core.open(both_backends) as second:
            yield first, second.as_user(sara)


def audit_count(core: Core) -> int:
    with core.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(m.AuditLog)))


#: one edit per form: (what the record is, how to make one, how to read it for a form,
#: how a form saves it with a version, a change, another change, the field to look at)
Make = Callable[[Core], int]
Read = Callable[[Core, int], dict[str, Any]]
Save = Callable[[Core, int, dict[str, Any], Any], None]


def _entity(name: str, make: Make, first: dict, second: dict, field: str
            ) -> tuple[str, Make, Read, Save, dict, dict, str]:
    return (name, make,
            lambda c, i: getattr(c, name).get(i),
            lambda c, i, changes, v: getattr(c, name).update(i, changes, version=v),
            first, second, field)


def _contact(c: Core) -> int:
    return c.contacts.create({"last_name": "رضایی"})


def _proforma_read(c: Core, i: int) -> dict[str, Any]:
    return c.proformas.get(i)


def _proforma_save(c: Core, i: int, changes: dict, v: Any) -> None:
    c.proformas.update(i, changes.get("header"), changes.get("lines"), version=v)


def _stage_read(c: Core, i: int) -> dict[str, Any]:
    return next(s for s in c.stages.list() if s["id"] == i)


def _stage_save(c: Core, i: int, changes: dict, v: Any) -> None:
    c.stages.update(i, name=changes["name"], version=v)


def _rule_read(c: Core, i: int) -> dict[str, Any]:
    return c.automation.rule(i)


def _rule_save(c: Core, i: int, changes: dict, v: Any) -> None:
    c.automation.update_rule(i, changes, version=v)


EDITS = [
    _entity("contacts", _contact, {"city": "تهران"}, {"city": "شیراز"}, "city"),
    _entity("accounts", lambda c: c.accounts.create({"name": "پارس"}),
            {"city": "تهران"}, {"city": "تبریز"}, "city"),
    _entity("products", lambda c: c.products.create({"name": "کالا", "unit_price_rial": 10}),
            {"unit_price_rial": 20}, {"unit_price_rial": 30}, "unit_price_rial"),
    _entity("deals", lambda c: c.deals.create({"title": "فروش", "contact_id": _contact(c)}),
            {"title": "فروش بزرگ"}, {"title": "فروش کوچک"}, "title"),
    _entity("tickets", lambda c: c.tickets.create({"subject": "خرابی",
                                                   "contact_id": _contact(c)}),
            {"priority": "urgent"}, {"priority": "low"}, "priority"),
    _entity("activities", lambda c: c.activities.create({
        "kind": "meeting", "subject": "جلسه", "due_at": datetime(2026, 12, 1, 7, tzinfo=UTC)}),
        {"subject": "جلسهٔ اول"}, {"subject": "جلسهٔ دوم"}, "subject"),
    _entity("lists", lambda c: c.lists.create({"name": "فهرست"}),
            {"name": "مشتریان"}, {"name": "همکاران"}, "name"),
    _entity("campaigns", lambda c: c.campaigns.create({"name": "یلدا", "channel": "sms"}),
            {"name": "یلدا ۱۴۰۵"}, {"name": "نوروز"}, "name"),
    _entity("users", lambda c: c.users.create({"username": "reza", "display_name": "رضا"}),
            {"display_name": "رضا کریمی"}, {"display_name": "رضا احمدی"}, "display_name"),
    ("proformas", lambda c: c.proformas.create({"contact_id": _contact(c)},
                                               [{"description": "خدمت"}]),
     _proforma_read, _proforma_save,
     {"lines": [{"description": "نصب"}]}, {"header": {"notes": "فوری"}}, "notes"),
    ("stages", lambda c: c.stages.list()[0]["id"], _stage_read, _stage_save,
     {"name": "تماس اول"}, {"name": "تماس دوم"}, "name"),
    ("automation", lambda c: c.automation.create_rule({"kind": "welcome", "name": "خوشامد"}),
     _rule_read, _rule_save, {"name": "خوشامد گرم"}, {"name": "خوشامد سرد"}, "name"),
]


@pytest.mark.parametrize("edit", EDITS, ids=[e[0] for e in EDITS])
def test_the_second_save_of_the_same_record_is_refused(
        desks: tuple[Core, Core], edit: tuple) -> None:
    name, make, read, save, change_a, change_b, field = edit
    here, there = desks
    record = make(here)
    opened_here = read(here, record)  # both desks open the record's form
    opened_there = read(there, record)
    assert opened_here["version"] == opened_there["version"] >= 1

    save(there, record, change_a, opened_there["version"])  # the other desk saves first
    stored = read(here, record)
    assert stored["version"] == opened_here["version"] + 1
    logged = audit_count(here)

    with pytest.raises(EditConflict) as refused:
        save(here, record, change_b, opened_here["version"])
    assert read(here, record) == stored, "nothing of the refused save may be written"
    assert audit_count(here) == logged
    assert refused.value.current == stored["version"]
    if name != "users":  # a user record's last audit row may be about the user itself
        assert refused.value.by == "سارا"
        assert refused.value.at is not None

    save(here, record, change_b, stored["version"])  # the form reloaded: it goes through
    again = read(here, record)
    assert again["version"] == stored["version"] + 1
    if field in change_b:
        assert again[field] == change_b[field]
    elif "header" in change_b:
        assert again[field] == change_b["header"][field]


def test_without_a_version_the_save_is_not_checked(desks: tuple[Core, Core]) -> None:
    """The command line, imports and automation save without a form: as before."""
    here, there = desks
    contact = _contact(here)
    there.contacts.update(contact, {"city": "تهران"})
    here.contacts.update(contact, {"city": "شیراز"})
    assert here.contacts.get(contact)["city"] == "شیراز"


def test_the_message_says_who_and_when_on_the_business_clock(desks: tuple[Core, Core]) -> None:
    here, there = desks
    contact = _contact(here)
    version = here.contacts.get(contact)["version"]
    there.contacts.update(contact, {"city": "تهران"}, version=version)
    with pytest.raises(EditConflict) as refused:
        here.contacts.update(contact, {"city": "شیراز"}, version=version)
    english, persian = refused.value.message("en"), refused.value.message("fa")
    assert english.startswith("Someone else (سارا, at 1")
    assert "your changes were not saved" in english
    assert persian.startswith("کس دیگری (سارا، در ۱")
    assert "ذخیره نشد" in persian


def test_the_message_without_an_audit_trail_still_reads() -> None:
    assert conflict_message(None, None).startswith("Someone else saved this record")
    assert conflict_message(None, None, "fa").startswith("کس دیگری پس از")
    at = datetime(2026, 11, 30, 10, 30, tzinfo=UTC)
    assert "(at 1405/09/09 14:00)" in conflict_message(None, at)


def test_every_write_moves_the_version_on(desks: tuple[Core, Core]) -> None:
    """A change that is not a form's save (tags, a deal's move, closing a ticket, a
    proforma's status, a club discount on its lines) still makes an open form's save
    refused."""
    here, there = desks
    contact = _contact(here)
    deal = here.deals.create({"title": "فروش", "contact_id": contact})
    ticket = here.tickets.create({"subject": "خرابی", "contact_id": contact})
    proforma = here.proformas.create({"contact_id": contact}, [{"description": "خدمت"}])
    writes = [
        ("contacts", contact, lambda: there.contacts.set_tags(contact, ["VIP"])),
        ("deals", deal, lambda: there.deals.move(deal, there.stages.list()[1]["id"])),
        ("tickets", ticket, lambda: there.tickets.close(ticket, 5)),
        ("proformas", proforma, lambda: there.proformas.set_status(proforma, "sent")),
    ]
    for service, record, write in writes:
        before = getattr(here, service).get(record)["version"]
        write()
        assert getattr(here, service).get(record)["version"] > before, service
        with pytest.raises(EditConflict):
            getattr(here, service).update(record, {}, version=before)


def test_an_import_that_fills_a_field_moves_the_version_on(desks: tuple[Core, Core]) -> None:
    from crm_desktop.services.imports.model import ImportOptions, OnDuplicate
    from tests.integration.services.import_plans import by_mobile, planned

    here, there = desks
    contact = here.contacts.create({"last_name": "رضایی", "mobile": "09121234567"})
    before = here.contacts.get(contact)["version"]
    row = {"last_name": "رضایی", "mobile": "09121234567", "city": "کرج"}
    there.imports.run(planned([(2, row, by_mobile("09121234567", contact))]),
                      ImportOptions(OnDuplicate.UPDATE))
    after = here.contacts.get(contact)
    assert after["city"] == "کرج"
    assert after["version"] == before + 1
    with pytest.raises(EditConflict):
        here.contacts.update(contact, {"city": "تهران"}, version=before)


@pytest.mark.parametrize("bad", [0, -1, 2**63, -(2**63) - 1, "3", 2.0, True, [1], object()])
def test_a_version_that_is_not_one_is_refused(core: Core, bad: Any) -> None:
    contact = _contact(core)
    with pytest.raises(ValidationError) as refused:
        core.contacts.update(contact, {"city": "تهران"}, version=bad)
    assert refused.value.fields == ["record_version"]
    assert core.contacts.get(contact)["city"] is None


def test_a_change_between_the_check_and_the_update_is_refused(
        both_backends: Path | str, monkeypatch: pytest.MonkeyPatch) -> None:
    """On PostgreSQL a save reads the record without locking it, and the desks' write lock
    (db/sql.py WRITE_LOCK) binds only crm-desktop itself: another program (psql, a script)
    can commit between this save's check and its UPDATE. The version counter's UPDATE ...
    WHERE version = :as_read then matches no row, and the save is refused all the same."""
    if not str(both_backends).startswith("postgresql"):
        pytest.skip("SQLite: a write transaction holds the file's write lock from its "
                    "start, so no other program can write in the middle of it")
    from sqlalchemy import text

    from crm_desktop.services import versions

    with Core.open(both_backends) as here:
        contact = _contact(here)
        version = here.contacts.get(contact)["version"]
        checked = versions.check
        once = [True]

        def another_program_saves_right_after_the_check(obj: Any, wanted: Any) -> None:
            checked(obj, wanted)
            if once.pop() if once else False:
                with here.db.engine.begin() as conn:  # (not through Database.write)
                    conn.execute(text("UPDATE contacts SET city = 'تبریز', "
                                      "version = version + 1 WHERE id = :id"), {"id": contact})

        monkeypatch.setattr(versions, "check", another_program_saves_right_after_the_check)
        with pytest.raises(EditConflict):
            here.contacts.update(contact, {"city": "شیراز"}, version=version)
        monkeypatch.undo()
        stored = here.contacts.get(contact)
        assert stored["city"] == "تبریز"
        assert stored["version"] == version + 1


def test_logging_a_call_does_not_make_the_contact_form_stale(desks: tuple[Core, Core]) -> None:
    """The contact's last activity is worked out from its activities, not typed in its
    form: another desk logging a call on the contact leaves the contact's version as it
    is (the form's save goes through), and the list still shows the new last activity."""
    here, there = desks
    contact = _contact(here)
    opened = here.contacts.get(contact)
    there.activities.create({"kind": "call", "subject": "تماس", "contact_id": contact,
                             "done_at": datetime(2026, 11, 30, 9, tzinfo=UTC)})
    after = here.contacts.get(contact)
    assert after["last_activity_at"] is not None
    assert after["version"] == opened["version"]
    here.contacts.update(contact, {"city": "تهران"}, version=opened["version"])
    assert here.contacts.get(contact)["city"] == "تهران"


def test_signing_in_does_not_make_the_user_form_stale(desks: tuple[Core, Core]) -> None:
    here, _there = desks
    user = here.users.create({"username": "reza", "display_name": "رضا"})
    here.auth.reset_password(user, "a long pass phrase 7", "a long pass phrase 7")
    opened = here.users.get(user)
    with pytest.raises(SignInRefused):
        here.auth.sign_in("reza", "wrong password 12345")
    here.auth.sign_in("reza", "a long pass phrase 7")
    assert here.users.get(user)["version"] == opened["version"]
    here.users.update(user, {"display_name": "رضا کریمی"}, version=opened["version"])
