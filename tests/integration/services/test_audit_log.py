"""core.audit_log: the audit viewer's list (each filter, Jalali days on the business's clock,
text), the labels of records that are gone, a record's history, who may read them, and
that the log cannot be edited (the database refuses it)."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.domain.errors import PermissionDenied, ValidationError
from crm_desktop.services import audit
from crm_desktop.services.base import ListQuery
from crm_desktop.text.audit_texts import describe


@pytest.fixture
def core(tmp_path: Path):
    with Core.open(tmp_path / "crm.sqlite3") as c:
        yield c


def _as(core: Core, role: str, username: str) -> Core:
    uid = core.users.create({"username": username, "display_name": username, "role": role})
    return Core(core.db, uid)


def rows(core: Core, **filters: Any) -> list[dict[str, Any]]:
    return core.audit_log.list(ListQuery(filters=filters, limit=1000)).rows


def at(moment: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit rows written next carry `moment` (a UTC instant)."""
    monkeypatch.setattr(audit, "utcnow", lambda: moment)


def test_newest_first_with_labels_and_names(core: Core) -> None:
    sara = _as(core, "sales", "sara")
    contact = sara.contacts.create({"first_name": "مریم", "last_name": "کاظمی"})
    core.contacts.update(contact, {"city": "قم", "owner_id": core.actor_id})
    listed = rows(core, entity="contacts")
    assert [r["id"] for r in listed] == sorted((r["id"] for r in listed), reverse=True)
    owner = next(r for r in listed if r["field"] == "owner_id")
    assert owner["record_label"] == "مریم کاظمی"
    admin = dict(core.audit_log.users())[core.actor_id]
    assert owner["user_id"] == core.actor_id and owner["user_name"] == admin
    assert (owner["old_name"], owner["new_name"]) == ("sara", admin)
    created = next(r for r in listed if r["action"] == "create")
    assert created["user_name"] == "sara"
    words = describe(created, "fa")
    assert "کاظمی" in words["new"] and words["entity"] == "مخاطب"
    city = next(r for r in listed if r["field"] == "city")
    words = describe(city, "en")
    assert (words["field"], words["old"], words["new"]) == ("City", "", "قم")


def test_each_filter(core: Core) -> None:
    sara = _as(core, "sales", "sara")
    mine = sara.contacts.create({"first_name": "آرش", "last_name": "نیکو"})
    theirs = core.contacts.create({"first_name": "بهار", "last_name": "نیکو"})
    company = core.accounts.create({"name": "شرکت پارس"})
    core.contacts.update(theirs, {"city": "تبریز"})
    core.contacts.delete(theirs)
    by_sara = rows(core, user_id=sara.actor_id)
    assert by_sara and {r["user_id"] for r in by_sara} == {sara.actor_id}
    assert {r["entity"] for r in rows(core, entity="accounts")} == {"accounts"}
    assert {r["entity_id"] for r in rows(core, entity="accounts")} == {company}
    assert {r["entity_id"] for r in rows(core, entity="contacts", entity_id=mine)} == {mine}
    deleted = rows(core, action="delete")
    assert [(r["entity"], r["entity_id"]) for r in deleted] == [("contacts", theirs)]
    # text: a value, or a field's label in either language
    assert {r["field"] for r in core.audit_log.list(ListQuery(text="تبریز")).rows} == {"city"}
    assert {r["field"] for r in core.audit_log.list(ListQuery(text="شهر")).rows} == {"city"}
    found = core.audit_log.list(ListQuery(text="city", limit=1000)).rows
    assert all(r["field"] == "city" or "city" in (r["new_value"] or "") for r in found)
    # the counts agree with the lists
    for filters in ({"user_id": sara.actor_id}, {"entity": "accounts"}, {"action": "delete"}):
        assert core.audit_log.count(ListQuery(filters=filters)) == len(rows(core, **filters))


def test_jalali_days_on_the_business_clock(core: Core, monkeypatch) -> None:
    # Tehran is UTC+03:30: 20:29 UTC on 2026-11-30 is still 1405/09/09 there, 20:30 is
    # already 1405/09/10
    clock.set_business_tz("Asia/Tehran")
    ids = {}
    for name, moment in (("before", datetime(2026, 11, 30, 20, 29, 59, tzinfo=UTC)),
                         ("after", datetime(2026, 11, 30, 20, 30, 0, tzinfo=UTC)),
                         ("next", datetime(2026, 12, 1, 20, 29, 59, tzinfo=UTC))):
        at(moment, monkeypatch)
        ids[name] = core.accounts.create({"name": name})

    def names(**filters: Any) -> set[str]:
        return {r["record_label"] for r in rows(core, entity="accounts", **filters)}

    assert names(date_from="1405/09/10") == {"after", "next"}
    assert names(date_to="1405/09/09") == {"before"}
    assert names(date_from="۱۴۰۵/۰۹/۱۰", date_to="1405-09-10") == {"after", "next"}
    assert names(date_from=date(2026, 12, 1), date_to=date(2026, 12, 1)) == {"after", "next"}
    assert names(date_from="1405/09/11") == set()
    # another business clock: the same instants fall on other days
    clock.set_business_tz("UTC")
    assert names(date_from="2026-12-01") == {"next"}


def test_labels_of_records_that_are_gone(core: Core) -> None:
    first = core.stages.list()[0]["id"]
    deal = core.deals.create({"title": "قرارداد سالانه", "stage_id": first})
    stage = core.stages.create("بررسی فنی", 40)
    core.deals.move(deal, stage)
    core.stages.remove(stage, first)  # the deal moves back; the stage is purged
    moved = [r for r in rows(core, entity="deals", entity_id=deal) if r["field"] == "stage_id"]
    # the stage's name, from its "purged" row
    assert {r["new_name"] for r in moved} >= {"بررسی فنی"}
    gone = rows(core, entity="pipeline_stages", entity_id=stage)
    assert gone and {r["record_label"] for r in gone} == {"بررسی فنی"}
    assert any(r["field"] == "purged" for r in gone)
    # a record with no row of its own left and none of its name: "#id"
    with core.db.write() as session:
        audit.record(session, [audit.updated(session, "proformas", 987654, "status", "draft",
                                             "sent")])
    orphan = rows(core, entity="proformas", entity_id=987654)
    assert orphan[0]["record_label"] == "#987654"


def test_history_of_a_record(core: Core, monkeypatch) -> None:
    at(datetime(2026, 11, 1, 8, 0, tzinfo=UTC), monkeypatch)
    ticket = core.tickets.create({"subject": "چاپگر کار نمی‌کند", "priority": "normal"})
    at(datetime(2026, 11, 2, 8, 0, tzinfo=UTC), monkeypatch)
    core.tickets.update(ticket, {"priority": "urgent", "subject": "چاپگر خراب است"})
    other = core.tickets.create({"subject": "دیگری"})
    history = core.audit_log.history("tickets", ticket)
    newest = history[0]  # one save, its fields together
    assert {c["field"] for c in newest["changes"]} >= {"priority", "subject"}
    priority = next(c for c in newest["changes"] if c["field"] == "priority")
    words = describe(priority, "fa")
    assert (words["old"], words["new"]) == ("عادی", "فوری")
    assert history[-1]["changes"][0]["action"] == "create"
    assert all(c["entity_id"] == ticket for g in history for c in g["changes"])
    assert other not in {c["entity_id"] for g in history for c in g["changes"]}
    assert newest["changes"][0]["record_label"].endswith("چاپگر خراب است")


def test_the_whole_log_is_for_administrators_and_managers(core: Core) -> None:
    contact = core.contacts.create({"first_name": "نگار", "last_name": "امینی"})
    manager = _as(core, "manager", "mina")
    assert manager.audit_log.count() > 0
    for role, name in (("sales", "sam"), ("reception", "rana")):
        user = _as(core, role, name)
        for read in (lambda u=user: u.audit_log.count(),
                     lambda u=user: u.audit_log.list(),
                     lambda u=user: u.audit_log.window(ListQuery(), 0, 10),
                     lambda u=user: u.audit_log.list_ids(ListQuery(text="x")),
                     lambda u=user: u.audit_log.users()):
            with pytest.raises(PermissionDenied):
                read()
        # a record they may see: its own history is theirs to read
        assert user.audit_log.history("contacts", contact)
        with pytest.raises(PermissionDenied):
            user.audit_log.history("settings", 0)


def test_a_record_history_needs_the_record_to_be_seen(core: Core) -> None:
    core.access.set_role_permissions("sales", ["edit_contacts"])  # no see_all
    sam = _as(core, "sales", "sam")
    theirs = core.contacts.create({"first_name": "الف", "last_name": "ب"})
    mine = sam.contacts.create({"first_name": "ج", "last_name": "د"})
    assert sam.audit_log.history("contacts", mine)
    with pytest.raises(PermissionDenied):
        sam.audit_log.history("contacts", theirs)


def test_the_log_cannot_be_edited(core: Core) -> None:
    core.contacts.create({"first_name": "ه", "last_name": "و"})
    public = {n for n in dir(core.audit_log) if not n.startswith("_")}
    assert not public & {"create", "update", "delete", "restore", "restore_many", "purge"}
    conn = sqlite3.connect(core.db.path)
    try:
        for sql in ("UPDATE audit_log SET new_value = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(sqlite3.DatabaseError, match="audit log cannot be changed"):
                conn.execute(sql)
    finally:
        conn.close()
    assert core.audit_log.count() > 0


BAD = st.one_of(st.none(), st.text(max_size=30), st.integers(), st.floats(),
                st.booleans(), st.lists(st.integers(), max_size=2),
                st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
                st.binary(max_size=5), st.just(2 ** 70), st.just(-1), st.just("\ud800"))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(["user_id", "entity", "entity_id", "action", "date_from",
                            "date_to"]), value=BAD, text=st.text(max_size=40))
def test_hostile_filter_values_are_the_projects_errors(core: Core, key: str, value: Any,
                                                       text: str) -> None:
    for read in (lambda: core.audit_log.count(ListQuery(filters={key: value})),
                 lambda: core.audit_log.list(ListQuery(filters={key: value}, text=text)),
                 lambda: core.audit_log.window(ListQuery(filters={key: value}), 0, 5)):
        with contextlib.suppress(ValidationError):
            read()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entity=BAD, entity_id=BAD)
def test_hostile_history_arguments_are_the_projects_errors(core: Core, entity: Any,
                                                           entity_id: Any) -> None:
    with contextlib.suppress(ValidationError):
        core.audit_log.history(entity, entity_id)


def test_every_kind_of_record_is_named(core: Core) -> None:
    """Each entity's label reads columns its table has: a page naming any kind of record
    is read without error (an activity, a rule, a list, a campaign, a message, ...)."""
    from crm_desktop.services.audit_labels import LABELS

    for entity, (model, columns, _make) in LABELS.items():
        assert all(hasattr(model, c) for c in columns), entity
    activity = core.activities.create({"kind": "call", "subject": "تماس پیگیری"})
    listed = rows(core, entity="activities", entity_id=activity)
    assert listed and listed[0]["record_label"] == "تماس پیگیری"
