"""The command line at its edges: dates at the ends of the calendar and Jalali dates, read-only
databases and folders, paths the system cannot look up. Each is a clear line and exit 2 (or
works), never "unexpected error" and exit 70."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.cli import FIRST_DAY, LAST_DAY, UsageError, parse_day
from crm_desktop.text.digits import to_persian_digits
from crm_desktop.text.jalali import format_jalali
from tests.integration.cli.test_cli import cli


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-edges")
    path = folder / "demo.db"
    result = cli("demo", "--db", str(path), "--contacts", "200", "--seed", "5", env_dir=folder)
    assert result.returncode == 0, result.stderr
    return path


# -- agenda --date -------------------------------------------------------------------------
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01",
                                 "1278-10-10", "1578-10-11"])
def test_agenda_dates_outside_the_calendar_exit_2(demo_db: Path, tmp_path: Path,
                                                  day: str) -> None:
    result = cli("agenda", "--db", str(demo_db), "--date", day, env_dir=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "outside the dates the agenda covers" in result.stderr
    assert "1900-01-01 to 2199-12-31" in result.stderr and "unexpected" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("day", ["2026-02-30", "1404-12-30", "1405-13-01", "26-11-30",
                                 "2026-11-30T10:00", "فردا"])
def test_agenda_bad_dates_exit_2(demo_db: Path, tmp_path: Path, day: str) -> None:
    result = cli("agenda", "--db", str(demo_db), "--date", day, env_dir=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "--date" in result.stderr and "unexpected" not in result.stderr


@pytest.mark.parametrize("typed", ["1405-09-09", "1405/9/9", "۱۴۰۵/۰۹/۰۹"])
def test_agenda_reads_jalali_dates_and_says_so(demo_db: Path, tmp_path: Path,
                                               typed: str) -> None:
    jalali = cli("agenda", "--db", str(demo_db), "--date", typed, "--json", env_dir=tmp_path)
    assert jalali.returncode == 0, jalali.stderr
    assert "1405/09/09 (2026-11-30)" in jalali.stderr
    gregorian = cli("agenda", "--db", str(demo_db), "--date", "2026-11-30", "--json",
                    env_dir=tmp_path)
    assert gregorian.returncode == 0 and "Jalali" not in gregorian.stderr
    assert json.loads(jalali.stdout) == json.loads(gregorian.stdout)


@given(st.text(max_size=30))
def test_parse_day_takes_any_text(text: str) -> None:
    try:
        day, _jalali = parse_day(text)
    except UsageError as exc:
        assert "--date" in str(exc)
    else:
        assert FIRST_DAY <= day <= LAST_DAY


@given(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY), st.booleans(), st.sampled_from("-/"))
def test_parse_day_reads_every_day_both_ways(day: date, persian: bool, sep: str) -> None:
    assert parse_day(day.isoformat()) == (day, None)
    typed = format_jalali(day, persian=False, sep=sep)
    assert parse_day(to_persian_digits(typed) if persian else typed) == (
        day, format_jalali(day, persian=False))


# -- read-only files and folders -----------------------------------------------------------
@pytest.fixture
def read_only() -> Iterator[Callable[[Path], None]]:
    """Make a file or folder really read-only (chmod; as root, which chmod does not stop,
    the immutable attribute), and undo it afterwards; skip where neither works."""
    done: list[Path] = []

    def make(path: Path) -> None:
        if os.geteuid() != 0:
            os.chmod(path, 0o555 if path.is_dir() else 0o444)
        elif shutil.which("chattr") is None or subprocess.run(
                ["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("cannot make a file read-only for root here (no chattr +i)")
        done.append(path)
        try:
            if path.is_dir():
                (path / "probe").touch()
                (path / "probe").unlink()
            else:
                with path.open("ab"):
                    pass
        except OSError:
            return
        pytest.skip("the file system does not make this path read-only")

    yield make
    for path in reversed(done):
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        else:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("what", ["file", "folder"])
def test_check_and_search_read_a_read_only_database(demo_db: Path, tmp_path: Path, read_only,
                                                    what: str) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "crm.db"
    shutil.copy(demo_db, db)
    expected = cli("search", "علی", "--db", str(db), "--json", env_dir=tmp_path)
    assert expected.returncode == 0 and json.loads(expected.stdout)
    for extra in folder.glob("crm.db-*"):
        extra.unlink()
    before = digest(db)
    read_only(db if what == "file" else folder)
    listing = sorted(p.name for p in folder.iterdir())

    result = cli("check", "--db", str(db), env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK:") and "read-only" in result.stderr
    report = cli("check", "--db", str(db), "--json", env_dir=tmp_path)
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["read_only"] is True
    assert json.loads(report.stdout)["counts"]["contacts"] == 200

    found = cli("search", "علی", "--db", str(db), "--json", env_dir=tmp_path)
    assert found.returncode == 0, found.stderr
    assert "read-only" in found.stderr
    assert json.loads(found.stdout) == json.loads(expected.stdout)
    assert digest(db) == before
    if what == "folder":
        assert sorted(p.name for p in folder.iterdir()) == listing


def test_screenshots_into_a_read_only_folder_exit_2(demo_db: Path, tmp_path: Path,
                                                    read_only) -> None:
    out = tmp_path / "shots"
    out.mkdir()
    read_only(out)
    for target in (out, out / "sub"):
        result = cli("screenshots", str(target), "--db", str(demo_db), env_dir=tmp_path)
        assert result.returncode == 2, result.stderr
        assert str(target) in result.stderr and "unexpected" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert list(out.iterdir()) == []


# -- paths the system cannot look up -------------------------------------------------------
LONG = "a" * 100_000


@pytest.mark.parametrize("args", [
    ["check", "--db", LONG],
    ["search", "x", "--db", LONG],
    ["agenda", "--db", LONG],
    ["proforma", "list", "--db", LONG],
    ["demo", "--db", LONG],
    ["restore", LONG, "--db", "x.db"],
    ["backup", "--db", "x.db", "/tmp/" + "b" * 300],
])
def test_a_path_too_long_is_a_clear_error(tmp_path: Path, args: list[str]) -> None:
    result = cli(*args, env_dir=tmp_path)
    assert result.returncode == 2, result.stderr[-500:]
    assert "too long" in result.stderr and "unexpected" not in result.stderr
    assert len(result.stderr) < 300


# -- restore while the database is open elsewhere ------------------------------------------
def test_restore_refuses_while_another_program_has_the_database_open(demo_db: Path,
                                                                     tmp_path: Path) -> None:
    from tests.integration.services.test_restore_concurrency import HOLDER

    db = tmp_path / "crm.db"
    shutil.copy(demo_db, db)
    backup = cli("backup", "--db", str(db), str(tmp_path / "b.db"), env_dir=tmp_path)
    assert backup.returncode == 0, backup.stderr
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        result = cli("restore", str(tmp_path / "b.db"), "--db", str(db), env_dir=tmp_path)
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=60)
    assert result.returncode == 2, result.stderr
    assert "open in another window or program" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert list(tmp_path.glob("crm.before-restore-*")) == []
    again = cli("restore", str(tmp_path / "b.db"), "--db", str(db), env_dir=tmp_path)
    assert again.returncode == 0, again.stderr
    assert len(list(tmp_path.glob("crm.before-restore-*"))) == 1
