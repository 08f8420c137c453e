"""A PostgreSQL server that goes away in the middle of a write, or cannot be reached: the
user gets ServerUnreachable (English and Persian), never a traceback; nothing of the
interrupted write is in the database; the next action works once the server is back.
A lock another desk holds past the lock timeout is DatabaseBusy, nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import create_engine, event, func, select, text

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.db.engine import Database, make_server_engine
from crm_desktop.db.location import parse_location
from crm_desktop.domain.errors import DatabaseBusy, ServerUnreachable


@pytest.fixture
def server(pg_server: Any) -> Iterator[str]:
    """A fresh database on the test server (skipped without CRM_TEST_PG)."""
    name = pg_server.fresh()
    try:
        yield pg_server.url(name)
    finally:
        pg_server.drop(name)


@pytest.fixture
def server_core(server: str) -> Iterator[Core]:
    with Core.open(server) as core:
        yield core


def _admin(core: Core) -> Any:
    return create_engine(replace(core.db.location, name="postgres").url(),
                         isolation_level="AUTOCOMMIT")


def _count(core: Core, model: Any) -> int:
    with core.db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_connection_killed_mid_write_writes_nothing_and_the_next_write_works(
        server_core: Core) -> None:
    core = server_core
    contact = core.contacts.create({"last_name": "رضایی"})
    admin = _admin(core)
    killed: list[int] = []

    def kill_before_the_lines(conn: Any, _cursor: Any, statement: str, *_a: Any) -> None:
        # the header is in, its lines are next: the server drops this desk's connection
        if statement.startswith("INSERT INTO proforma_lines") and not killed:
            pid = conn.connection.driver_connection.info.backend_pid
            with admin.connect() as a:
                a.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            killed.append(pid)

    event.listen(core.db.engine, "before_cursor_execute", kill_before_the_lines)
    try:
        with pytest.raises(ServerUnreachable) as caught:
            core.proformas.create({"contact_id": contact},
                                  [{"description": "کتاب", "unit_price_rial": 1000}])
    finally:
        event.remove(core.db.engine, "before_cursor_execute", kill_before_the_lines)
        admin.dispose()
    assert killed
    error = caught.value
    assert isinstance(error, DatabaseBusy)  # the GUI offers Retry, as for a busy database
    assert "cannot be reached" in error.message("en") and "Nothing" in error.message("en")
    assert "سرور" in error.message("fa") and core.db.name in error.message("fa")
    assert _count(core, m.Proforma) == 0 and _count(core, m.ProformaLine) == 0
    # the server is there again: the next write works, and takes the first number
    made = core.proformas.create({"contact_id": contact},
                                 [{"description": "کتاب", "unit_price_rial": 1000}])
    assert core.proformas.get(made)["seq"] == 1
    assert _count(core, m.ProformaLine) == 1


def test_a_pooled_connection_the_server_dropped_is_replaced(server_core: Core) -> None:
    core = server_core
    core.contacts.create({"last_name": "احمدی"})
    admin = _admin(core)
    with admin.connect() as a:  # every connection of this database, idle in the pool
        a.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = :d AND pid <> pg_backend_pid()"),
                  {"d": core.db.location.name})
    admin.dispose()
    core.contacts.create({"last_name": "کریمی"})
    assert _count(core, m.Contact) == 2


def test_a_server_that_cannot_be_reached(server: str) -> None:
    # nothing listens on port 1
    location = replace(parse_location(server), port=1)
    db = Database(None, make_server_engine(location), location)
    try:
        with pytest.raises(ServerUnreachable) as caught, db.read() as session:
            session.execute(text("SELECT 1"))
        assert ":1/" in caught.value.message("en")
        with pytest.raises(ServerUnreachable), db.write() as session:
            session.execute(text("SELECT 1"))
    finally:
        db.close()


def test_a_lock_held_past_the_timeout_is_busy_and_changes_nothing(
        server_core: Core, monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_desktop.db import engine as engine_module
    from crm_desktop.db.sql import WRITE_LOCK

    contact = server_core.contacts.create({"last_name": "صبوری"})
    # a desk whose lock timeout is short, for the test (the program's is LOCK_TIMEOUT_MS)
    monkeypatch.setattr(engine_module, "LOCK_TIMEOUT_MS", 300)
    other = make_server_engine(server_core.db.location)
    with Core.open(server_core.db.location) as core, other.connect() as desk:
        # another desk in the middle of a long write: it holds the writers' lock
        desk.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
        with pytest.raises(DatabaseBusy) as caught:
            core.contacts.update(contact, {"first_name": "مریم"})
        assert not isinstance(caught.value, ServerUnreachable)
        assert "busy" in str(caught.value)
        desk.rollback()  # the other desk is done
        assert core.contacts.get(contact)["first_name"] in (None, "")
        core.contacts.update(contact, {"first_name": "مریم"})
        assert core.contacts.get(contact)["first_name"] == "مریم"
    other.dispose()
