"""`crm-desktop club`: the demo's club (tier sizes, points outstanding) from a real process
on a real file, checked against the file itself."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.integration.cli.test_cli import cli


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("club")
    path = folder / "demo.db"
    result = cli("demo", "--db", str(path), "--contacts", "400", "--seed", "5", env_dir=folder)
    assert result.returncode == 0, result.stderr
    return path


def test_club_json_matches_the_file(demo_db: Path, tmp_path: Path) -> None:
    result = cli("club", "--db", str(demo_db), "--json", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    conn = sqlite3.connect(demo_db)
    tiers = dict(conn.execute(
        "SELECT k.tier, count(*) FROM contact_club k JOIN contacts c ON c.id = k.contact_id"
        " WHERE c.deleted_at IS NULL GROUP BY k.tier").fetchall())
    points = conn.execute(
        "SELECT sum(l.points) FROM club_ledger l JOIN contacts c ON c.id = l.contact_id"
        " WHERE c.deleted_at IS NULL").fetchone()[0]
    kinds = dict(conn.execute("SELECT kind, count(*) FROM club_ledger GROUP BY kind"))
    conn.close()
    # the demo switched the club on: its sales earned, some expired, some were redeemed
    assert out["enabled"] is True and {"earned", "expired", "redeemed"} <= set(kinds)
    assert [t["tier"] for t in out["tiers"]] == ["bronze", "silver", "gold", None]
    assert {t["tier"]: t["count"] for t in out["tiers"] if t["count"]} == tiers
    assert out["members"] == sum(tiers.values()) > 0
    assert out["outstanding_points"] == points > 0
    assert out["outstanding_rial"] == points * 10_000


def test_club_text_and_errors(demo_db: Path, tmp_path: Path) -> None:
    result = cli("club", "--db", str(demo_db), env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("club on, tiers by points")
    assert "points outstanding" in result.stdout
    missing = cli("club", "--db", str(tmp_path / "none.db"), env_dir=tmp_path)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
