"""`crm-desktop kpi`: the KPIs of a period from a real process on the hand-made database
of kpi_world.py (its figures worked out by hand there)."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.core import Core
from crm_desktop.services.kpis import KPI_NAMES, KPIS
from tests.integration.cli.test_cli import cli
from tests.integration.services import kpi_world as w


@pytest.fixture(scope="module")
def world_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, w.World]:
    folder = tmp_path_factory.mktemp("kpi")
    path = folder / "world.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CRM_DESKTOP_DATA_DIR", str(folder))
        with Core.open(path) as core:
            world = w.build(core)
    return path, world


def as_json(expected: dict[str, Any]) -> dict[str, Any]:
    return {k: float(v) if isinstance(v, Decimal) else v for k, v in expected.items()}


def test_json_has_the_issues_shape(world_db: tuple[Path, w.World], tmp_path: Path) -> None:
    path, _ = world_db
    result = cli("kpi", "--db", str(path), "--period", "1405-08", "--json", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert list(out) == ["period", "previous", "kpis", "previous_kpis"]
    assert out["period"] == {"start": "2026-10-23", "end": "2026-11-21"}
    assert out["previous"] == {"start": "2026-09-23", "end": "2026-10-22"}
    assert list(out["kpis"]) == list(KPI_NAMES) == list(out["previous_kpis"])
    assert out["kpis"] == as_json(w.EXPECTED)
    assert out["previous_kpis"] == as_json(w.EXPECTED_PREVIOUS)
    # rates are numbers from 0 to 1 (not text, not percentages); nothing to divide: null
    assert out["kpis"]["win_rate"] == 0.8571 and out["previous_kpis"]["sla_breach_rate"] is None
    assert '"win_rate": 0.8571' in result.stdout


def test_persian_digits_and_the_owner(world_db: tuple[Path, w.World], tmp_path: Path) -> None:
    path, world = world_db
    owner = str(world.a).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    result = cli("kpi", "--db", str(path), "--period", "۱۴۰۵-۰۸", "--owner", owner, "--json",
                 env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["kpis"] == as_json(w.EXPECTED_A)
    custom = cli("kpi", "--db", str(path), "--period", "۱۴۰۵/۰۸/۰۱..۱۴۰۵/۰۸/۳۰", "--json",
                 env_dir=tmp_path)
    assert custom.returncode == 0, custom.stderr
    assert json.loads(custom.stdout)["kpis"] == as_json(w.EXPECTED)


def test_the_readable_table(world_db: tuple[Path, w.World], tmp_path: Path) -> None:
    path, _ = world_db
    result = cli("kpi", "--db", str(path), "--period", "1405-08", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("Aban 1405 (2026-10-23..2026-11-21), previous period Mehr 1405 "
                        "(2026-09-23..2026-10-22)")
    body = lines[lines.index("") + 1:]
    assert body[0].split() == ["KPI", "Aban", "1405", "Mehr", "1405"]
    rows = {k.title_en: body[i + 2] for i, k in enumerate(KPIS)}
    assert len(rows) == len(KPIS) == len(body) - 2
    # right-aligned value columns: every row is as long as the header
    assert {len(line) for line in body} == {len(body[0])}
    assert rows["Win rate"].split()[-2:] == ["85.71%", "75.00%"]
    assert rows["Revenue"].split()[-4:] == ["13,750,001", "Rial", "4,500,000", "Rial"]
    assert rows["Customer retention"].split()[-2:] == ["33.33%", "-"]
    assert rows["Average resolution time"].split()[-3:] == ["147.6", "h", "-"]
    assert rows["Average satisfaction"].split()[-2:] == ["4.00", "-"]


@pytest.mark.parametrize("args, says", [
    (["--period", "1405-13"], "--period '1405-13' is not a period"),
    (["--period", "۱۴۰۵-Q5"], "is not a period"),
    (["--period", "1405-08-10..1405-08-01"], "is not a period"),
    (["--period", "1300"], "the period before it falls before 1300"),
    (["--period", "1405", "--owner", "x"], "--owner 'x' is not a user id"),
    (["--period", "1405", "--owner", "0"], "is not a user id"),
    (["--period", "1405", "--owner", "99999999999999999999999"], "is not a user id"),
    (["--period", "1405", "--owner", "999"], "--owner 999: no user has this id"),
    ([], "--period"),
])
def test_bad_input_exits_2_with_one_line(world_db: tuple[Path, w.World], tmp_path: Path,
                                         args: list[str], says: str) -> None:
    path, _ = world_db
    result = cli("kpi", "--db", str(path), *args, env_dir=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert says in result.stderr and "Traceback" not in result.stderr


def test_a_missing_database_exits_2(tmp_path: Path) -> None:
    result = cli("kpi", "--db", str(tmp_path / "none.db"), "--period", "1405",
                 env_dir=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_a_read_only_database_is_read_without_changing_it(
        world_db: tuple[Path, w.World], tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes read-only files")
    path, _ = world_db
    copy = tmp_path / "ro.db"
    copy.write_bytes(path.read_bytes())
    copy.chmod(0o444)
    before = copy.read_bytes()
    result = cli("kpi", "--db", str(copy), "--period", "1405-08", "--json", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["kpis"] == as_json(w.EXPECTED)
    assert copy.read_bytes() == before
