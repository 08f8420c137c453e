"""The live counts the database keeps (db/live_counts.py): after every kind of write the
services make (and writes made beside them), the number kept is the number of live rows;
a list without filter reads it, a narrowed or filtered list counts; `check` notices a
count that differs; an upgrade fills it from the rows already there."""

from __future__ import annotations

import sqlite3
from contextlib import closing, suppress
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, func, select, text

from crm_desktop.core import Core
from crm_desktop.db import live_counts
from crm_desktop.db import models as m
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.base import ListQuery
from crm_desktop.services.imports.model import ImportOptions, OnDuplicate
from crm_desktop.services.maintenance import check
from tests.integration.db.alembic_steps import downgrade
from tests.integration.services.import_plans import planned

pytestmark = pytest.mark.sqlite_only("the live counts are kept on SQLite only (db/live_counts.py)")


def kept(core: Core) -> dict[str, int]:
    with core.db.read() as session:
        return dict(session.execute(text(f"SELECT name, live FROM {live_counts.TABLE}")).all())


def rows(core: Core) -> dict[str, int]:
    with core.db.read() as session:
        return {
            "contacts": session.scalar(select(func.count()).select_from(m.Contact)
                                       .where(m.Contact.deleted_at.is_(None))),
            "accounts": session.scalar(select(func.count()).select_from(m.Account)
                                       .where(m.Account.deleted_at.is_(None))),
        }


def agree(core: Core) -> None:
    counted = rows(core)
    assert kept(core) == counted
    assert core.contacts.count() == counted["contacts"]
    assert core.accounts.count() == counted["accounts"]


# what a sequence of writes may do: (operation, a number choosing its record)
STEPS = st.lists(st.tuples(st.sampled_from([
    "contact", "account", "contact of account", "delete contact", "delete account",
    "restore contact", "restore many", "merge", "import", "undo import", "script insert",
    "script delete", "insert deleted", "rename",
]), st.integers(0, 50)), min_size=1, max_size=12)


def _pick(ids: list[int], k: int) -> int | None:
    return ids[k % len(ids)] if ids else None


def _ids(core: Core, model: Any, *, deleted: bool) -> list[int]:
    with core.db.read() as session:
        column = model.deleted_at
        return list(session.scalars(select(model.id).where(
            column.is_not(None) if deleted else column.is_(None)).order_by(model.id)))


def _step(core: Core, op: str, k: int, serial: list[int]) -> None:
    serial[0] += 1
    n = serial[0]
    live = _ids(core, m.Contact, deleted=False)
    trash = _ids(core, m.Contact, deleted=True)
    accounts = _ids(core, m.Account, deleted=False)
    if op == "contact":
        core.contacts.create({"first_name": f"نام{n}", "last_name": "آزمون"})
    elif op == "account":
        core.accounts.create({"name": f"شرکت {n}"})
    elif op == "contact of account" and accounts:
        core.contacts.create({"last_name": f"کارمند {n}", "account_id": _pick(accounts, k)})
    elif op == "delete contact" and live:
        core.contacts.delete(_pick(live, k))  # type: ignore[arg-type]
    elif op == "delete account" and accounts:
        core.accounts.delete(_pick(accounts, k))  # type: ignore[arg-type]
    elif op == "restore contact" and trash:
        core.contacts.restore(_pick(trash, k))  # type: ignore[arg-type]
    elif op == "restore many" and trash:
        core.contacts.restore_many(trash[: 1 + k % 3])
    elif op == "merge" and len(live) >= 2:
        survivor = _pick(live, k)
        core.merging.merge("contacts", survivor, [i for i in live if i != survivor][:2])
    elif op == "import":
        core.imports.run(planned([(2, {"last_name": f"وارد {n}", "mobile": f"0912{n:07d}"}),
                                  (3, {"last_name": f"وارد {n}ب", "company": f"شرکت وارد {n}"})]),
                         ImportOptions(OnDuplicate.SKIP))
    elif op == "undo import" and core.imports.last_batch() is not None:
        with suppress(ValidationError):  # its records changed since: refused, no write
            core.imports.undo_last()
    elif op == "script insert":
        # beside the services (a script, a repair): the database still counts
        model = core.contacts.create({"last_name": f"الگو {n}"})
        copied = [c.name for c in m.Contact.__table__.columns
                  if c.name not in ("id", "first_name", "last_name", "mobile", "email")]
        with core.db.raw() as conn:
            conn.execute(f"INSERT INTO contacts (first_name, last_name, {', '.join(copied)}) "
                         f"SELECT 'x', 'y', {', '.join(copied)} FROM contacts WHERE id = {model}")
            conn.commit()
    elif op == "script delete":
        with core.db.raw() as conn:  # rows only a script made: nothing points at them
            conn.execute("DELETE FROM contacts WHERE id = (SELECT max(id) FROM contacts "
                         "WHERE first_name = 'x' AND last_name = 'y')")
            conn.commit()
    elif op == "insert deleted":
        core.contacts.delete(core.contacts.create({"last_name": f"رفته {n}"}))
    elif op == "rename" and live:
        core.contacts.update(_pick(live, k), {"city": f"شهر {n}"})  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_the_count_kept_is_the_rows_after_any_writes(core: Core, steps: list) -> None:
    serial = [core.contacts.count() + core.accounts.count() + 1000]
    for op, k in steps:
        _step(core, op, k, serial)
        agree(core)


def test_upgrade_counts_the_rows_already_there(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with Core.open(path) as core:
        ids = [core.contacts.create({"last_name": f"ب{i}"}) for i in range(7)]
        core.contacts.delete(ids[0])
        core.contacts.delete(ids[1])
        core.accounts.create({"name": "الف"})
    downgrade(path, "0015")
    with closing(sqlite3.connect(path)) as conn:
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name LIKE 'live_count%'"
                                ).fetchall()
    with Core.open(path) as core:
        assert kept(core) == {"contacts": 5, "accounts": 1}
        agree(core)


def test_an_unfiltered_list_reads_the_count_kept(core: Core) -> None:
    for i in range(3):
        core.contacts.create({"last_name": f"ب{i}"})
    statements: list[str] = []
    event.listen(core.db.engine, "before_cursor_execute",
                 lambda _c, _cur, sql, *_a: statements.append(sql))
    assert core.contacts.count() == 3
    assert core.contacts.count(cap=2) == 2
    reads = [s for s in statements if s.startswith("SELECT")]
    assert len(reads) == 2 and all(s.startswith("SELECT live FROM live_counts") for s in reads)
    # the number kept is what is shown: a count the triggers changed is the list's count
    with core.db.raw() as conn:
        conn.execute("UPDATE live_counts SET live = 42 WHERE name = 'contacts'")
        conn.commit()
    assert core.contacts.count() == 42
    # ... and a list narrowed in any way counts its rows
    assert core.contacts.count(ListQuery(filters={"city": "تهران"})) == 0
    assert core.contacts.count(ListQuery(text="ب1")) == 1
    assert core.contacts.count(ListQuery(deleted=True)) == 0


def test_a_narrowed_list_counts_its_own_rows(core: Core) -> None:
    ids = [core.contacts.create({"last_name": f"ب{i}"}) for i in range(4)]
    mlist = core.lists.create({"name": "ویژه"})
    core.lists.add_members(mlist, ids[:1])
    assert core.lists.member_rows(mlist).count() == 1
    # a role that sees only its own contacts counts those
    core.access.set_role_permissions("sales", ["edit_contacts"])
    seller = core.users.create({"username": "seller", "display_name": "فروشنده",
                                "role": "sales"})
    core.contacts.update(ids[1], {"owner_id": seller})
    assert Core(core.db, seller).contacts.count() == 1
    assert core.contacts.count() == 4


def test_check_says_when_the_count_kept_differs(db_path: Path) -> None:
    with Core.open(db_path) as core:
        core.contacts.create({"last_name": "یک"})
        assert check(db_path).ok
        with core.db.raw() as conn:
            conn.execute("UPDATE live_counts SET live = live + 1 WHERE name = 'contacts'")
            conn.commit()
    report = check(db_path)
    assert not report.ok
    assert report.problems == ["live count: contacts: live count kept 2, rows 1"]


@pytest.mark.parametrize("table", live_counts.COUNTED)
def test_every_counted_table_has_its_triggers(core: Core, table: str) -> None:
    before = kept(core)[table]
    values = {"contacts": {"last_name": "سه"}, "accounts": {"name": "سه"}}[table]
    service = core.contacts if table == "contacts" else core.accounts
    new = service.create(values)
    assert kept(core)[table] == before + 1
    service.delete(new)
    assert kept(core)[table] == before
    service.restore(new)
    assert kept(core)[table] == before + 1


def test_a_server_database_counts_its_rows(pg_server) -> None:  # type: ignore[no-untyped-def]
    """No counter on PostgreSQL (quadratic there: see db/live_counts.py): nothing made,
    and the list's count is a count of the rows."""
    name = pg_server.empty()
    try:
        with Core.open(pg_server.url(name)) as core:
            core.contacts.create({"last_name": "یک"})
            core.contacts.delete(core.contacts.create({"last_name": "دو"}))
            with core.db.read() as session:
                assert not session.scalar(text(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = :t"
                    " OR table_name LIKE 'live_count%'"), {"t": live_counts.TABLE})
            assert core.contacts.count() == 1
    finally:
        pg_server.drop(name)
