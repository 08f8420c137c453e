"""The contact and company lists' counts and pages run statements compiled once per shape
of list (services/compiled.py): the same rows and counts as through a session, for every
sort, filter, Trash and window; a page read again compiles nothing and runs one SELECT in a
read transaction; a database locked past the busy timeout is still the busy error."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event

from crm_desktop.core import Core
from crm_desktop.db import engine as engine_module
from crm_desktop.domain.errors import DatabaseBusy
from crm_desktop.services import compiled
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.services.demo import generate


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("compiled") / "crm.db"
    with Core.open(path) as core:
        generate(core.db, 150, 4, today=date(2026, 11, 22))
        for row in core.contacts.list(ListQuery(limit=9)).rows:
            core.contacts.delete(row["id"])  # some in the Trash
        for row in core.accounts.list(ListQuery(limit=2)).rows:
            core.accounts.delete(row["id"])
        yield core


def twins(core: Core, name: str) -> tuple[Any, Any]:
    """The service with compiled lists, and the same service reading through a session."""
    service = getattr(core, name)
    assert service.compiled_lists
    plain = type(service)(core.db)
    plain.compiled_lists = False
    return type(service)(core.db), plain


def filters_of(core: Core, name: str) -> list[dict[str, Any]]:
    some = core.contacts.list(ListQuery(limit=1)).rows[0]
    owner = core.users.options()[0][0]
    if name == "accounts":
        city = core.accounts.cities()[0]
        return [{}, {"city": city}, {"owner_id": owner}, {"city": city, "owner_id": owner},
                {"owner_id": 2**63}, {"city": "'; DROP TABLE accounts; --"}]
    return [
        {}, {"city": some["city"]}, {"lifecycle_stage": "customer"}, {"owner_id": owner},
        {"tag": core.contacts.all_tags()[0]}, {"segment": "no_purchase"},
        {"segment": "champions"}, {"lifecycle_stage": "lead", "owner_id": owner},
        {"owner_id": 2**63}, {"city": None}, {"city": "'; DROP TABLE contacts; --"},
    ]


def same(fast: Any, plain: Any, query: ListQuery) -> None:
    total = plain.count(query)
    assert fast.count(query) == total
    for offset in {0, 5, total // 2, total // 2 + 1, max(0, total - 7), total, total + 3}:
        for known in (None, total):
            a = fast.window(query, offset, 11, total=known)
            b = plain.window(query, offset, 11, total=known)
            assert a == b, (query, offset, known)


@pytest.mark.parametrize("name", ["contacts", "accounts"])
def test_compiled_pages_and_counts_are_the_sessions_own(demo, name: str) -> None:
    fast, plain = twins(demo, name)
    for key in fast.sort_columns:
        for descending in (False, True):
            for filters in filters_of(demo, name):
                same(fast, plain, ListQuery(filters=filters, sort=Sort(key, descending)))
    for deleted in (False, True):
        same(fast, plain, ListQuery(deleted=deleted))
    # the rows carry what a session hands back: aware UTC instants, the joined names
    row = fast.window(ListQuery(), 0, 1).rows[0]
    assert row["created_at"].utcoffset() is not None


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    city=st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["تهران", "قم"])),
    owner=st.one_of(st.none(), st.integers(min_value=-2**70, max_value=2**70)),
    stage=st.one_of(st.none(), st.sampled_from(["lead", "customer", "churned", "nope"])),
    key=st.sampled_from(["name", "city", "owner", "created", "stage", "last_activity"]),
    descending=st.booleans(),
    offset=st.integers(min_value=0, max_value=200),
    limit=st.integers(min_value=1, max_value=60),
    known=st.booleans(),
)
def test_any_filter_and_window_reads_the_same_rows(demo, city, owner, stage, key, descending,
                                                   offset, limit, known) -> None:
    fast, plain = twins(demo, "contacts")
    query = ListQuery(filters={"city": city, "owner_id": owner, "lifecycle_stage": stage},
                      sort=Sort(key, descending))
    try:
        city.encode() if city else None
    except UnicodeEncodeError:
        return  # (a lone surrogate: refused by the list's validation, not this test's)
    total = plain.count(query)
    assert fast.count(query) == total
    assert (fast.window(query, offset, limit, total=total if known else None)
            == plain.window(query, offset, limit, total=total if known else None))


def watch(core: Core, monkeypatch) -> tuple[list[str], list[object]]:
    """The statements run (their first words) and the statements compiled from now on."""
    ran: list[str] = []
    made: list[object] = []
    real = compiled.compile_select

    def counted(*args: Any, **kwargs: Any) -> compiled.Compiled:
        made.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(compiled, "compile_select", counted)

    def hook(_c: Any, _cur: Any, sql: str, *_a: Any) -> None:
        ran.append(" ".join(sql.split())[:40])

    event.listen(core.db.engine, "before_cursor_execute", hook)
    monkeypatch.setattr(core, "_unwatch", lambda: event.remove(
        core.db.engine, "before_cursor_execute", hook), raising=False)
    return ran, made


def test_a_page_read_again_compiles_nothing_and_runs_one_select(demo, monkeypatch) -> None:
    fast, _plain = twins(demo, "contacts")
    ran, made = watch(demo, monkeypatch)
    try:
        read_again(fast, ran, made)
    finally:
        demo._unwatch()


def read_again(fast: Any, ran: list[str], made: list[object]) -> None:
    query = ListQuery(sort=Sort("name"))
    total = fast.count(query)  # (the count the database keeps: db/live_counts.py)
    first = fast.window(query, 0, 20, total=total)
    assert len(made) == 1  # the page, compiled once
    ran.clear()
    for offset in (20, 40, 60):
        fast.window(query, offset, 20, total=total)
    fast.count(query)
    assert len(made) == 1  # read again at other places: nothing compiled
    # a read transaction and one SELECT each: no write lock, no session's extra statements
    assert len(ran) == 8 and ran[0::2] == ["BEGIN DEFERRED"] * 4, ran
    assert all(r.startswith("SELECT") for r in ran[1::2]), ran
    fast.window(query, total - 5, 20, total=total)  # past the middle: the reversed shape
    city = ListQuery(sort=Sort("name"), filters={"city": "قم"})
    fast.window(city, 0, 20)
    assert len(made) == 3
    assert fast.count(city) == fast.count(city) > 0  # a filtered count: compiled once
    assert len(made) == 4
    assert fast.window(query, 0, 20, total=total) == first


def test_a_locked_database_is_still_the_busy_error(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "crm.db"
    with Core.open(path) as core:
        core.contacts.create({"last_name": "قفل"})
        assert core.contacts.count() == 1
        core.db.engine.dispose()  # (no connection of ours holds the file open)
        other = sqlite3.connect(path, isolation_level=None)
        # an exclusive lock another program keeps: readers wait for the busy timeout too
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("UPDATE contacts SET notes = 'x'")
        try:
            with pytest.raises(DatabaseBusy, match="busy"):
                core.contacts.count()
            with pytest.raises(DatabaseBusy, match="busy"):
                core.contacts.window(ListQuery(), 0, 10)
        finally:
            other.execute("ROLLBACK")
            other.close()


def test_a_statement_whose_sql_changes_with_its_values_is_read_through_a_session(
        demo) -> None:
    """An IN list is expanded when it runs (its SQL depends on its length): it is not
    compiled, and the list that needs it (a marketing list's members) reads as before."""
    from sqlalchemy import select

    from crm_desktop.db import models as m

    cache = compiled.StatementCache(demo.db.engine.dialect)
    assert cache.get("in", lambda: select(m.Contact.id).where(m.Contact.id.in_([1, 2]))) is None
    assert cache.get("in", lambda: pytest.fail("compiled again")) is None
    assert cache.get("plain", lambda: select(m.Contact.id).limit(compiled.slot("n")),
                     ["n"]) is not None


@pytest.mark.parametrize("name", ["contacts", "accounts", "products", "deals", "activities",
                                  "tickets", "campaigns", "lists", "users"])
def test_every_lists_window_is_its_pages_rows(demo, name: str) -> None:
    """Compiled or not, a window holds the rows the list's pages hold (a service that adds
    figures to its rows, like the campaigns' revenue and ROI, adds them to windows too)."""
    service = getattr(demo, name)
    total = service.count()
    rows = service.list(ListQuery(limit=1000)).rows
    assert len(rows) == total > 0
    for offset in (0, total // 2, max(0, total - 3)):
        window = service.window(ListQuery(), offset, 5, total=total)
        assert window.rows == rows[offset:offset + 5], (name, offset)
