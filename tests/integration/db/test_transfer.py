"""`crm-desktop migrate`: a demo file into an empty PostgreSQL database and back, compared
table by table; the source untouched; every hostile target refused before anything is
written. Needs CRM_TEST_PG (skipped without it)."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text, update

from crm_desktop.cli import run
from crm_desktop.core import Core
from crm_desktop.db import dialects, live_counts
from crm_desktop.db import models as m
from crm_desktop.db.migrate import open_database
from crm_desktop.domain.errors import DatabaseError
from crm_desktop.services import transfer
from crm_desktop.services.demo import generate
from crm_desktop.services.maintenance import check


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("transfer") / "demo.sqlite3"
    with Core.open(path) as core:
        generate(core.db, 150, seed=7)
    return path


@pytest.fixture
def source(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "source.sqlite3"
    shutil.copyfile(demo_file, copy)
    return copy


@pytest.fixture
def server(pg_server) -> Iterator[str]:  # type: ignore[no-untyped-def]
    name = pg_server.empty()
    yield pg_server.url(name)
    pg_server.drop(name)


def test_a_file_goes_to_the_server_and_comes_back_the_same(source: Path, server: str,
                                                            tmp_path: Path) -> None:
    before = sha256(source)
    lines: list[str] = []
    report = transfer.migrate(source, server, progress=lines.append)
    assert report.ok, report.differing
    assert sha256(source) == before  # only read
    names = {t.table for t in report.tables}
    assert {"contacts", "audit_log", "proforma_lines", "contact_tags"} <= names
    contacts = next(t for t in report.tables if t.table == "contacts")
    assert contacts.source_rows == contacts.target_rows >= 150
    assert any("contacts:" in line for line in lines)  # progress as it goes
    with Core.open(server) as pg:
        with pg.db.read() as session:
            last = session.scalar(text("SELECT max(id) FROM contacts"))
        # the counters continue after the copied ids
        new = pg.contacts.create({"last_name": "تازه"})
        assert new == last + 1
        # the search index is there again (built after the rows) and finds them
        with pg.db.read() as session:
            name, words = session.execute(text(
                "SELECT last_name, search_name FROM contacts WHERE id = 3")).one()
            indexes = set(session.scalars(text(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'contacts'")))
            found = session.scalars(text(
                f"SELECT id FROM contacts WHERE {dialects.PG_NAMES} @@ "
                "to_tsquery('simple', :w || ':*')"), {"w": words.split()[0]}).all()
        assert {"contacts_fts", "contacts_fts_names"} <= indexes
        assert 3 in found
        assert any(h.id == 3 for h in pg.search.search(name, limit=200))
    back = tmp_path / "back.sqlite3"
    report = transfer.migrate(server, back)
    assert report.ok, report.differing
    with Core.open(back) as again:
        with again.db.read() as session:  # the file's triggers counted the rows copied in
            assert live_counts.drift(lambda sql: session.execute(text(sql)).all()) == []
        assert again.contacts.count() == contacts.source_rows + 1
        assert any(h.id == 3 for h in again.search.search(name, limit=200))
        assert again.contacts.create({"last_name": "بعدی"}) == last + 2


def test_a_difference_is_found_and_named(source: Path, server: str) -> None:
    transfer.migrate(source, server)
    src = transfer.open_source(transfer.parse_location(source))
    dest = open_database(server)
    try:
        assert all(t.ok for t in transfer.compare(src, dest, lambda _l: None))
        with dest.engine.begin() as conn:
            conn.execute(update(m.Contact).where(m.Contact.id == 2).values(city="جای دیگر"))
        checks = transfer.compare(src, dest, lambda _l: None)
    finally:
        src.close()
        dest.close()
    assert [t.table for t in checks if not t.ok] == ["contacts"]
    contacts = next(t for t in checks if t.table == "contacts")
    assert contacts.source_rows == contacts.target_rows
    assert contacts.source_sum != contacts.target_sum


def test_a_server_database_that_is_not_empty_is_refused_untouched(source: Path,
                                                                   pg_server) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.url(pg_server.fresh())
    with Core.open(url) as core:
        core.contacts.create({"last_name": "موجود"})
        before = core.contacts.count()
    with pytest.raises(DatabaseError, match="not empty"):
        transfer.migrate(source, url)
    with Core.open(url) as core:
        assert core.contacts.count() == before


def test_an_existing_file_and_the_same_file_are_refused(source: Path, server: str,
                                                        tmp_path: Path) -> None:
    before = sha256(source)
    with pytest.raises(DatabaseError, match="same database"):
        transfer.migrate(source, tmp_path / "." / "source.sqlite3")
    transfer.migrate(source, server)
    with pytest.raises(DatabaseError, match="already exists"):
        transfer.migrate(server, source)
    assert sha256(source) == before


def test_an_unreachable_server_is_a_clear_error(source: Path, tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="cannot be reached"):
        transfer.migrate(source, "postgresql://crm@127.0.0.1:1/nothing")
    missing = tmp_path / "new.sqlite3"
    with pytest.raises(DatabaseError, match="cannot be reached"):
        transfer.migrate("postgresql://crm@127.0.0.1:1/nothing", missing)
    assert not missing.exists()


def test_the_command_prints_the_table_and_says_ok(source: Path, server: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["migrate", "--db", str(source), "--to", server]) == 0
    out = capsys.readouterr()
    assert "OK: " in out.out and "contacts" in out.out and " s (" in out.out
    assert "copying" in out.err  # progress on stderr
    # a second time: the target is no longer empty
    assert run(["migrate", "--db", str(source), "--to", server]) == 2
    assert "not empty" in capsys.readouterr().err


def test_the_command_says_which_table_differs(source: Path, server: str, monkeypatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    real = transfer.table_checksum

    def lying(conn, table):  # type: ignore[no-untyped-def]
        rows, total = real(conn, table)
        if table.name == "tickets" and conn.dialect.name == "postgresql":
            return rows - 1, total
        return rows, total

    monkeypatch.setattr(transfer, "table_checksum", lying)
    assert run(["migrate", "--db", str(source), "--to", server]) == 1
    assert "DIFFERENT: tickets" in capsys.readouterr().out


def test_canonical_values_are_equal_for_equal_data() -> None:
    from datetime import UTC, datetime, timedelta, timezone
    from decimal import Decimal

    tehran = timezone(timedelta(hours=3, minutes=30))
    moment = datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)
    assert transfer.canonical(moment.astimezone(tehran)) == transfer.canonical(moment)
    assert transfer.canonical(Decimal("1.50")) == transfer.canonical(Decimal("1.5"))
    assert transfer.canonical(b"\x00\x01") == transfer.canonical(memoryview(b"\x00\x01"))
    assert transfer.row_digest(("a", 1, None)) != transfer.row_digest(("a", "1", None))
    assert transfer.row_digest(("a", True)) != transfer.row_digest(("a", 1))


def test_the_demo_goes_onto_a_server(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`demo --db postgresql://...`: made in a file by the demo's loader, copied in."""
    assert run(["demo", "--db", server, "--contacts", "60"]) == 0
    out = capsys.readouterr()
    assert "60 contacts" in out.out and "copying into" in out.err
    with Core.open(server) as pg:
        assert pg.contacts.count() == 60
        assert pg.search.search(pg.contacts.get(5)["last_name"])
        assert pg.activities.count() > 0
    assert check(server).ok
    # a second time: refused before building anything, nothing written
    assert run(["demo", "--db", server, "--contacts", "60"]) == 2
    assert "not empty" in capsys.readouterr().err
