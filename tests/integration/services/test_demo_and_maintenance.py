"""Demo data, integrity check, backup and restore."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from crm_desktop.core import Core
from crm_desktop.domain.errors import DatabaseError
from crm_desktop.services import maintenance
from crm_desktop.services.base import ListQuery
from crm_desktop.services.demo import generate

TODAY = date(2026, 11, 22)


def dump(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = []
    for table in ("contacts", "accounts", "deals", "proformas", "proforma_lines", "tickets",
                  "activities", "campaign_members"):
        # the tasks the demo's rules made carry the moment the run made them: compared
        # below by what the automation log says they were
        made = (" WHERE id NOT IN (SELECT activity_id FROM automation_log WHERE activity_id"
                " IS NOT NULL)" if table == "activities" else "")
        rows += [(table, *r) for r in conn.execute(f"SELECT * FROM {table}{made} ORDER BY id")]
    rows += [("automation_log", *r) for r in conn.execute(
        "SELECT rule_id, key, action, detail, contact_id FROM automation_log ORDER BY id")]
    conn.close()
    return rows


def make_demo(path: Path, n: int = 300, seed: int = 7) -> dict[str, int]:
    with Core.open(path) as core:
        return generate(core.db, n, seed, today=TODAY)


def test_demo_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    make_demo(tmp_path / "a.db")
    make_demo(tmp_path / "b.db")
    make_demo(tmp_path / "c.db", seed=8)
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")
    assert dump(tmp_path / "a.db") != dump(tmp_path / "c.db")


def test_demo_covers_every_entity_and_is_consistent(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    counts = make_demo(path, n=400)
    assert counts["contacts"] == 400
    report = maintenance.check(path)
    assert report.ok, report.problems
    for name in ("users", "contacts", "accounts", "products", "deals", "proformas",
                 "activities", "campaigns", "campaign_members", "tickets", "marketing_lists"):
        assert report.counts[name] > 0, name
    with Core.open(path) as core:
        stages = {r["stage_id"] for r in core.deals.list(ListQuery(limit=1000)).rows}
        assert len(stages) == len(core.stages.list())  # deals in every stage
        first = core.contacts.get(1)
        assert core.search.search(first["mobile"])[0].id == 1
        assert core.search.search(first["full_name"])
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM tickets WHERE satisfaction IS NOT NULL").fetchone()[0]
    years = conn.execute("SELECT year, count(*), max(seq) FROM proformas GROUP BY year").fetchall()
    assert all(n == top for _y, n, top in years)  # numbers 1..n per Jalali year
    # a won deal made its contact a customer, as DealService does (loyal ones stay loyal)
    stages = {r[0] for r in conn.execute(
        "SELECT DISTINCT c.lifecycle_stage FROM contacts c JOIN deals d ON d.contact_id = c.id"
        " JOIN pipeline_stages s ON s.id = d.stage_id WHERE s.outcome = 'won'")}
    assert stages and stages <= {"customer", "loyal"}, stages
    conn.close()


def test_demo_refuses_a_database_with_contacts(core) -> None:
    core.contacts.create({"last_name": "واقعی"})
    with pytest.raises(DatabaseError, match="already has contacts"):
        generate(core.db, 10, 1)
    assert core.contacts.count() == 1


def test_check_reports_damage(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    make_demo(path, n=200)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE contacts SET account_id = 999999 WHERE id = 1")
    # a row the search index does not know about
    conn.execute("DROP TRIGGER contacts_fts_au")
    conn.execute("UPDATE contacts SET search_name = 'zzzz' WHERE id = 2")
    conn.commit()
    conn.close()
    report = maintenance.check(path)
    assert not report.ok
    assert any("foreign key" in p for p in report.problems)


def test_check_finds_a_stale_search_index(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    make_demo(path, n=200)
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER contacts_fts_au")
    conn.execute("UPDATE contacts SET search_name = 'zzzz' WHERE id = 2")
    conn.commit()
    conn.close()
    report = maintenance.check(path)
    assert not report.ok and any("search index" in p for p in report.problems)


def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    with Core.open(path) as core:
        keep = core.contacts.create({"last_name": "قبل از پشتیبان"})
    copy = maintenance.backup(path, tmp_path)
    assert copy.parent == tmp_path and copy.name.startswith("crm-backup-")
    assert maintenance.check(copy).ok
    with pytest.raises(DatabaseError, match="already exists"):
        maintenance.backup(path, copy)
    with Core.open(path) as core:
        lost = core.contacts.create({"last_name": "بعد از پشتیبان"})
    kept = maintenance.restore(copy, path)
    assert kept is not None and kept.exists()
    with Core.open(path) as core:
        ids = [r["id"] for r in core.contacts.list().rows]
    assert ids == [keep]
    with Core.open(kept) as core:  # the replaced database was kept, with the later contact
        assert sorted(r["id"] for r in core.contacts.list().rows) == [keep, lost]


def test_restore_refuses_foreign_and_damaged_files(tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    with Core.open(path) as core:
        core.contacts.create({"last_name": "سالم"})
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="not a crm-desktop database"):
        maintenance.restore(foreign, path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    with pytest.raises(DatabaseError):
        maintenance.restore(junk, path)
    # the database is untouched and no copy was made
    assert [p.name for p in tmp_path.glob("crm.before-restore-*")] == []
    with Core.open(path) as core:
        assert core.contacts.count() == 1
