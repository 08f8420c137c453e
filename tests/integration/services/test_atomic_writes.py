"""Writes that change several things are one transaction: the company profile (details, VAT
rate, logo) and a Trash restore of several records. A failure in the last part leaves
nothing written."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import IntegrityError

from crm_desktop.core import Core
from crm_desktop.domain.errors import NotFoundError, ValidationError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def fail_writes(db: Path | str, table: str, when: str) -> None:
    """Make the database refuse an insert or update of `table` whose new row matches `when`
    (written with NEW.), as a full disk or a broken file would, in the middle of a write."""
    if not isinstance(db, Path):  # PostgreSQL (--pg): a trigger function raises
        engine = create_engine(db)
        with engine.begin() as pg:
            pg.exec_driver_sql(f"CREATE FUNCTION fail_{table}() RETURNS trigger LANGUAGE "
                               "plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure' "
                               "USING ERRCODE = 'integrity_constraint_violation'; END $$")
            pg.exec_driver_sql(f"CREATE TRIGGER fail_{table} BEFORE INSERT OR UPDATE ON "
                               f"{table} FOR EACH ROW WHEN ({when}) "
                               f"EXECUTE FUNCTION fail_{table}()")
        engine.dispose()
        return
    conn = sqlite3.connect(db)
    for op in ("INSERT", "UPDATE"):
        conn.execute(f"CREATE TRIGGER fail_{table}_{op.lower()} BEFORE {op} ON {table} "
                     f"WHEN {when} BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
    conn.commit()
    conn.close()


def allow_writes(db: Path | str, table: str) -> None:
    if not isinstance(db, Path):
        engine = create_engine(db)
        with engine.begin() as pg:
            pg.exec_driver_sql(f"DROP TRIGGER fail_{table} ON {table}")
        engine.dispose()
        return
    conn = sqlite3.connect(db)
    for op in ("insert", "update"):
        conn.execute(f"DROP TRIGGER fail_{table}_{op}")
    conn.commit()
    conn.close()


def test_company_profile_is_one_transaction(core: Core, db_target: Path | str) -> None:
    core.settings.set_company({"name": "پیشین", "phone": "02188776655"})
    fail_writes(db_target, "settings", "NEW.key = 'company_logo'")  # the last of the three
    with pytest.raises(IntegrityError):
        core.settings.set_profile({"name": "تازه"}, "۹", PNG)
    assert core.settings.company()["name"] == "پیشین"
    assert core.settings.vat_rate == Decimal(10)
    assert core.settings.logo() is None
    allow_writes(db_target, "settings")
    core.settings.set_profile({"name": "تازه"}, "۹", PNG)
    assert core.settings.company()["name"] == "تازه"
    assert core.settings.company()["phone"] == "02188776655"  # fields not given are kept
    assert core.settings.vat_rate == Decimal(9)
    assert core.settings.logo() == PNG
    core.settings.set_profile({}, "10", None)
    assert core.settings.logo() is None and core.settings.vat_rate == Decimal(10)


def test_company_profile_reports_every_problem_and_writes_nothing(core: Core) -> None:
    with pytest.raises(ValidationError) as refused:
        core.settings.set_profile({"name": "تازه", "legal_id": "12345678901"}, "۱۵۰",
                                  b"GIF89a")
    assert refused.value.fields == ["legal_id", "vat_rate", "logo"]
    assert core.settings.company()["name"] == ""
    assert core.settings.vat_rate == Decimal(10)


@pytest.mark.parametrize("kind", ["contacts", "accounts", "deals", "tickets"])
def test_trash_restore_of_several_is_one_transaction(core: Core, db_target: Path | str,
                                                     kind: str) -> None:
    service, data = {
        "contacts": (core.contacts, {"last_name": "رضایی"}),
        "accounts": (core.accounts, {"name": "پارس"}),
        "deals": (core.deals, {"title": "قرارداد"}),
        "tickets": (core.tickets, {"subject": "خرابی"}),
    }[kind]
    ids = [service.create(data) for _ in range(3)]
    for record_id in ids:
        service.delete(record_id)
    fail_writes(db_target, kind, f"NEW.id = {ids[-1]} AND NEW.deleted_at IS NULL")
    with pytest.raises(IntegrityError):
        service.restore_many(ids)
    assert service.count() == 0  # the first two did not come back either
    allow_writes(db_target, kind)
    service.restore_many(ids)
    assert service.count() == 3


def test_trash_restore_of_several_refuses_all_when_one_is_gone(core: Core) -> None:
    ids = [core.contacts.create({"last_name": n}) for n in ("الف", "ب")]
    for record_id in ids:
        core.contacts.delete(record_id)
    core.contacts.restore(ids[1])  # another window restored it meanwhile
    with pytest.raises(NotFoundError):
        core.contacts.restore_many(ids)
    assert [r["id"] for r in core.contacts.list().rows] == [ids[1]]
