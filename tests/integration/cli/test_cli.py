"""The command line, run as users and scripts run it: a real process, real files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DESKTOP_DATA_DIR": str(env_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "crm_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "demo.db"
    result = cli("demo", "--db", str(path), "--contacts", "300", "--seed", "3", env_dir=folder)
    assert result.returncode == 0, result.stderr
    assert "300 contacts" in result.stdout
    return path


def test_search_json(demo_db: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(demo_db)
    sql = "SELECT full_name, mobile FROM contacts WHERE id = 5"
    full_name, mobile = conn.execute(sql).fetchone()
    conn.close()
    persian_digits = mobile.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    result = cli("search", persian_digits, "--db", str(demo_db), "--json", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits[0] == {"kind": "contact", "id": 5, "title": full_name,
                       "subtitle": hits[0]["subtitle"]}
    assert all(set(h) == {"kind", "id", "title", "subtitle"} for h in hits)


def test_search_limit_and_text(demo_db: Path, tmp_path: Path) -> None:
    result = cli("search", "ع", "--db", str(demo_db), "--limit", "3", env_dir=tmp_path)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 3
    result = cli("search", 'NEAR("*:-', "--db", str(demo_db), "--json", env_dir=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout) == []


def test_check_json(demo_db: Path, tmp_path: Path) -> None:
    result = cli("check", "--db", str(demo_db), "--json", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    from crm_desktop.db.migrate import head_revision

    assert report["schema"] == head_revision()
    assert report["counts"]["contacts"] == 300
    assert report["counts"]["tickets"] > 0


def test_check_damaged_exits_1(demo_db: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(demo_db.read_bytes())
    for suffix in ("-wal",):
        side = Path(str(demo_db) + suffix)
        if side.exists():
            Path(str(broken) + suffix).write_bytes(side.read_bytes())
    conn = sqlite3.connect(broken)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE deals SET stage_id = 999 WHERE id = 1")
    conn.commit()
    conn.close()
    result = cli("check", "--db", str(broken), "--json", env_dir=tmp_path)
    assert result.returncode == 1
    assert json.loads(result.stdout)["ok"] is False


def test_backup_and_restore(demo_db: Path, tmp_path: Path) -> None:
    work = tmp_path / "work.db"
    assert cli("backup", "--db", str(demo_db), str(work), env_dir=tmp_path).returncode == 0
    dest = tmp_path / "copy.sqlite3"
    result = cli("backup", "--db", str(work), str(dest), env_dir=tmp_path)
    assert result.returncode == 0 and dest.exists()
    result = cli("restore", str(dest), "--db", str(work), env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "kept as" in result.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["check", "--db", "{tmp}/missing.db"], "does not exist"),
        (["search", "x", "--db", "{tmp}/missing.db"], "does not exist"),
        (["check", "--db", "{tmp}/text.txt"], "not a crm-desktop database"),
        (["check", "--db", "{tmp}"], "folder"),
        (["--no-such-option"], "unrecognized arguments"),
        (["search"], "required"),
        (["demo", "--db", "{tmp}/d.db", "--contacts", "many"], "invalid int"),
        (["demo", "--db", "{tmp}/d.db", "--contacts", "0"], "--contacts"),
        (["backup", "--db", "{tmp}/missing.db", "{tmp}/x.db"], "does not exist"),
        (["restore", "{tmp}/text.txt", "--db", "{tmp}/x.db"], "not a crm-desktop database"),
        (["demo", "--db", "{tmp}/no/such/folder/d.db"], "does not exist"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path: Path, args: list[str], needle: str) -> None:
    (tmp_path / "text.txt").write_text("not a database", encoding="utf-8")
    result = cli(*[a.format(tmp=tmp_path) for a in args], env_dir=tmp_path)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("crm-desktop: ") and needle in lines[0]
    assert "Traceback" not in result.stderr


def test_demo_into_existing_data_is_refused(demo_db: Path, tmp_path: Path) -> None:
    result = cli("demo", "--db", str(demo_db), env_dir=tmp_path)
    assert result.returncode == 2
    assert "already has contacts" in result.stderr


def test_default_database_lives_in_the_user_data_dir(tmp_path: Path) -> None:
    result = cli("check", env_dir=tmp_path)
    assert result.returncode == 2  # not created by a check
    result = cli("demo", "--contacts", "20", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "crm.sqlite3").exists()
    assert (tmp_path / "logs" / "crm-desktop.log").exists()


def test_unexpected_errors_are_logged_not_shown(tmp_path: Path, monkeypatch, capsys) -> None:
    from crm_desktop import cli as cli_module
    from crm_desktop.services import maintenance

    def boom(_path):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(maintenance, "check", boom)
    code = cli_module.run(["check", "--db", str(tmp_path / "x.db")])
    err = capsys.readouterr().err
    assert code == cli_module.EXIT_UNEXPECTED
    assert "unexpected error" in err and "Traceback" not in err
    log = Path(os.environ["CRM_DESKTOP_DATA_DIR"]) / "logs" / "crm-desktop.log"
    assert "disk on fire" in log.read_text(encoding="utf-8")
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_no_display_prepares_the_demo_and_explains(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["CRM_DESKTOP_DATA_DIR"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-m", "crm_desktop", "--demo"], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux can lack a display server")
    assert result.returncode == 0, result.stderr
    assert "no display" in result.stderr and "screenshots" in result.stderr
    assert (tmp_path / "demo.sqlite3").exists()
    assert "contacts" in result.stdout


@pytest.mark.parametrize("how", [["--demo"], ["--db", "plain.sqlite3"]])
def test_offscreen_start_says_so_and_exits(tmp_path: Path, how: list[str]) -> None:
    """QT_QPA_PLATFORM=offscreen would open a window nobody sees and wait forever."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRM_DESKTOP_DATA_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "crm_desktop", *how], env=env,
                            cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "offscreen" in lines[0] and "crm-desktop screenshots" in lines[0]
    assert "xvfb-run" in lines[0]
