"""`check` of a PostgreSQL database: OK on a sound one (from the command line too), and
each kind of damage reported: rows pointing at missing records, a search index missing,
an index left invalid; a database of another program refused."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

from crm_desktop.core import Core
from crm_desktop.db.location import parse_location
from crm_desktop.domain.errors import DatabaseError
from crm_desktop.services.maintenance import check


@pytest.fixture
def server_db(pg_server):
    name = pg_server.fresh()
    url = pg_server.url(name)
    with Core.open(url) as core:
        core.contacts.create({"first_name": "علی", "last_name": "رضایی"})
    engine = create_engine(url)
    yield url, engine
    engine.dispose()
    pg_server.drop(name)


def test_a_sound_database_is_ok(server_db, tmp_path) -> None:
    url, _ = server_db
    report = check(url)
    assert report.ok and report.problems == []
    assert report.schema_current and report.counts["contacts"] == 1
    done = subprocess.run([sys.executable, "-m", "crm_desktop", "check", "--db", url],
                          capture_output=True, text=True, timeout=120,
                          env={"CRM_DESKTOP_DATA_DIR": str(tmp_path), "PATH": ""})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"OK: {parse_location(url).display()}"


def test_rows_pointing_at_missing_records_are_reported(server_db) -> None:
    url, engine = server_db
    with engine.begin() as conn:  # as a restore with the triggers off could leave it
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text("UPDATE contacts SET account_id = 999"))
    report = check(url)
    assert not report.ok
    assert any(p.startswith("foreign key: contacts row") and "missing accounts" in p
               for p in report.problems), report.problems


def test_a_missing_or_invalid_search_index_is_reported(server_db) -> None:
    url, engine = server_db
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX contacts_fts_names"))
        conn.execute(text("UPDATE pg_index SET indisvalid = false "
                          "WHERE indexrelid = 'accounts_fts'::regclass"))
    problems = check(url).problems
    assert "search index: contacts_fts_names: missing" in problems
    assert "search index: accounts_fts: not valid" in problems
    assert "integrity: index accounts_fts is not valid" in problems


def test_another_programs_database_is_refused(pg_server) -> None:
    name = pg_server.empty()
    engine = create_engine(pg_server.url(name))
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE invoices (id integer PRIMARY KEY)"))
        with pytest.raises(DatabaseError, match="not a crm-desktop database"):
            check(pg_server.url(name))
    finally:
        engine.dispose()
        pg_server.drop(name)
