"""`crm-desktop segments`: RFM segment sizes from a real process on a real file."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from crm_desktop.domain.rfm import ORDER
from tests.integration.cli.test_cli import cli


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("segments")
    path = folder / "demo.db"
    result = cli("demo", "--db", str(path), "--contacts", "400", "--seed", "5", env_dir=folder)
    assert result.returncode == 0, result.stderr
    return path


def test_segments_json_matches_the_stored_figures(demo_db: Path, tmp_path: Path) -> None:
    result = cli("segments", "--db", str(demo_db), "--json", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert [row["segment"] for row in out] == [s.value for s in ORDER]
    assert all(set(row) == {"segment", "contacts", "revenue_rial"} for row in out)
    conn = sqlite3.connect(demo_db)
    stored = dict(conn.execute(
        "SELECT r.segment, count(*) FROM contact_rfm r JOIN contacts c ON c.id = r.contact_id"
        " WHERE c.deleted_at IS NULL GROUP BY r.segment").fetchall())
    revenue = dict(conn.execute(
        "SELECT segment, sum(monetary_rial) FROM contact_rfm GROUP BY segment").fetchall())
    live = conn.execute("SELECT count(*) FROM contacts WHERE deleted_at IS NULL").fetchone()[0]
    conn.close()
    # the demo computed the segments: every live contact has one, some bought
    assert sum(row["contacts"] for row in out) == live == sum(stored.values())
    assert {r["segment"]: r["contacts"] for r in out if r["contacts"]} == stored
    assert {r["segment"]: r["revenue_rial"] for r in out if r["contacts"]} == revenue
    assert sum(r["contacts"] for r in out if r["segment"] != "no_purchase") > 0


def test_segments_text_and_errors(demo_db: Path, tmp_path: Path) -> None:
    result = cli("segments", "--db", str(demo_db), env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == [s.value for s in ORDER]
    assert "computed" in result.stderr
    missing = cli("segments", "--db", str(tmp_path / "none.db"), env_dir=tmp_path)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_segments_of_a_read_only_database_changes_nothing(demo_db: Path,
                                                          tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes read-only files")
    copy = tmp_path / "ro.db"
    copy.write_bytes(demo_db.read_bytes())
    copy.chmod(0o444)
    before = copy.read_bytes()
    result = cli("segments", "--db", str(copy), "--json", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert copy.read_bytes() == before
