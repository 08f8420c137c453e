"""`crm-desktop backup` verifies what it wrote (and says so), `restore` shows the backup
first and takes encrypted ones, `backups` lists what was recorded."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.core import Core
from crm_desktop.db.migrate import HEAD


def cli(*args: str, env_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "CRM_DESKTOP_DATA_DIR": str(env_dir / "data"),
            "PYTHONIOENCODING": "utf-8", **env}
    return subprocess.run([sys.executable, "-m", "crm_desktop", *args], capture_output=True,
                          text=True, env=full, timeout=300, stdin=subprocess.DEVNULL)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "crm.sqlite3"
    with Core.open(path) as core:
        for i in range(3):
            core.contacts.create({"first_name": "سارا", "last_name": f"رضایی {i}"})
    return path


def test_backup_says_it_verified_and_records_it(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    result = cli("backup", "--db", str(db), str(out), env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "verified: integrity ok" in result.stdout
    [made] = list(out.iterdir())
    listed = cli("backups", "--db", str(db), "--json", env_dir=tmp_path)
    [row] = json.loads(listed.stdout)
    assert row["ok"] and row["kind"] == "cli" and row["path"] == str(made)
    assert row["counts"]["contacts"] == 3


def test_a_failed_verification_exits_non_zero_and_leaves_no_file(
        db: Path, tmp_path: Path) -> None:
    """The copy is damaged between writing and checking (sitecustomize in the child)."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "from crm_desktop.services import backup_files as bf\n"
        "real = bf.snapshot\n"
        "def broken(src, dest):\n"
        "    counts = real(src, dest)\n"
        "    data = dest.read_bytes()\n"
        "    dest.write_bytes(data[: len(data) // 3])\n"
        "    return counts\n"
        "bf.snapshot = broken\n", encoding="utf-8")
    out = tmp_path / "usb"
    out.mkdir()
    result = cli("backup", "--db", str(db), str(out), env_dir=tmp_path,
                 PYTHONPATH=os.pathsep.join([str(hook), os.environ.get("PYTHONPATH", "")]))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "failed its verification" in result.stderr
    assert list(out.iterdir()) == []


def test_encrypted_backup_and_restore(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    made = cli("backup", "--db", str(db), str(out), "--passphrase-env", "PASS",
               env_dir=tmp_path, PASS="عبارت عبور")
    assert made.returncode == 0, made.stderr
    [file] = list(out.iterdir())
    assert file.suffix == ".crmbak" and b"SQLite" not in file.read_bytes()[:4096]
    with Core.open(db) as core:
        core.contacts.create({"last_name": "بعد از پشتیبان"})
    wrong = cli("restore", str(file), "--db", str(db), "--passphrase-env", "PASS",
                env_dir=tmp_path, PASS="غلط")
    assert wrong.returncode == 2 and "Wrong passphrase" in wrong.stderr
    none = cli("restore", str(file), "--db", str(db), env_dir=tmp_path)
    assert none.returncode == 2 and "--passphrase-env" in none.stderr
    done = cli("restore", str(file), "--db", str(db), "--passphrase-env", "PASS",
               env_dir=tmp_path, PASS="عبارت عبور")
    assert done.returncode == 0, done.stderr
    # the preview comes first, then the restore
    assert done.stdout.index("contacts") < done.stdout.index("restored")
    assert "(encrypted)" in done.stdout and f"schema: {HEAD} (current)" in done.stdout
    with Core.open(db) as core:
        assert core.contacts.count() == 3


def test_restore_refuses_a_truncated_backup_before_touching_anything(
        db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "b.sqlite3"
    assert cli("backup", "--db", str(db), str(copy), env_dir=tmp_path).returncode == 0
    copy.write_bytes(copy.read_bytes()[:8192])
    result = cli("restore", str(copy), "--db", str(db), env_dir=tmp_path)
    assert result.returncode == 2
    assert list(tmp_path.glob("crm.before-restore-*")) == []
    shutil.rmtree(tmp_path / "data", ignore_errors=True)
