"""`crm-desktop campaign list`, run as a real process on a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.text.money import MAX_RIALS


def cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DESKTOP_DATA_DIR": str(env_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "crm_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    from crm_desktop.core import Core

    path = tmp_path_factory.mktemp("campaign-cli") / "crm.sqlite3"
    ids: dict[str, int] = {}
    with Core.open(path) as core:
        won = next(s["id"] for s in core.stages.list() if s["outcome"] == "won")
        people = [core.contacts.create({"last_name": f"نفر {i}"}) for i in range(3)]
        lid = core.lists.create({"name": "L"})
        core.lists.add_members(lid, people)
        ids["yalda"] = core.campaigns.create({
            "name": "تخفیف یلدا", "channel": "sms", "status": "completed",
            "start_date": "1404/09/25", "actual_cost_rial": 4_000_000})
        core.campaigns.add_target(ids["yalda"], list_id=lid)
        core.campaigns.add_members_from_targets(ids["yalda"])
        core.campaigns.set_members_status(ids["yalda"], "responded", people[:2])
        core.campaigns.set_member_status(ids["yalda"], people[0], "converted")
        deal = core.deals.create({"title": "خرید", "contact_id": people[0],
                                  "amount_rial": 10_000_000, "source_campaign_id": ids["yalda"]})
        core.deals.move(deal, won)
        ids["free"] = core.campaigns.create({"name": "Free post", "channel": "social"})
        ids["big"] = core.campaigns.create({"name": "بزرگ", "channel": "event",
                                            "actual_cost_rial": MAX_RIALS})
        for person in people:
            deal = core.deals.create({"title": "x", "contact_id": person,
                                      "amount_rial": MAX_RIALS, "source_campaign_id": ids["big"]})
            core.deals.move(deal, won)
    return path, ids


def test_list_json(db: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    path, ids = db
    result = cli("campaign", "list", "--db", str(path), "--json", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert set(rows) == set(ids.values())
    assert all(set(r) == {"id", "name", "channel", "status", "members", "responded",
                          "converted", "cost_rial", "revenue_rial", "roi"}
               for r in rows.values())
    assert rows[ids["yalda"]] == {
        "id": ids["yalda"], "name": "تخفیف یلدا", "channel": "sms", "status": "completed",
        "members": 3, "responded": 2, "converted": 1, "cost_rial": 4_000_000,
        "revenue_rial": 10_000_000, "roi": 1.5}
    assert rows[ids["free"]]["roi"] is None  # nothing spent: null, not 0 or infinity
    assert rows[ids["big"]]["revenue_rial"] == 3 * MAX_RIALS  # exact, an integer
    assert rows[ids["big"]]["roi"] == 2


def test_list_table(db: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    path, _ids = db
    result = cli("campaign", "list", "--db", str(path), env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["id", "start", "status"]
    yalda = next(line.split("\t") for line in lines if line.endswith("تخفیف یلدا"))
    assert yalda[1:8] == ["1404/09/25", "completed", "sms", "3", "2", "1", "4,000,000 Rial"]
    assert yalda[8:10] == ["10,000,000 Rial", "150.0%"]
    free = next(line.split("\t") for line in lines if line.endswith("Free post"))
    assert free[1] == "-" and free[9] == "-"


def test_empty_and_missing_database(tmp_path: Path) -> None:
    from crm_desktop.core import Core

    empty = tmp_path / "empty.sqlite3"
    with Core.open(empty):
        pass
    result = cli("campaign", "list", "--db", str(empty), "--json", env_dir=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout) == []
    result = cli("campaign", "list", "--db", str(empty), env_dir=tmp_path)
    assert result.returncode == 0 and "no campaigns" in result.stderr
    result = cli("campaign", "list", "--db", str(tmp_path / "none.sqlite3"), env_dir=tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    result = cli("campaign", env_dir=tmp_path)
    assert result.returncode == 2 and "campaign --help" in result.stderr
