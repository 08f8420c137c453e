"""Verified backups through core.backups: what is written, verified, recorded and rotated;
what verification catches; the settings; daily and status; restore of an older backup."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.db.migrate import HEAD
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services import backup_files as bf
from crm_desktop.services import maintenance
from crm_desktop.services.backup_crypto import BackupFileError

pytestmark = pytest.mark.sqlite_only("SQLite backups: file copies through the online backup")


def _fill(core: Core, n: int = 5) -> None:
    for i in range(n):
        core.contacts.create({"first_name": "مریم", "last_name": f"کاظمی {i}"})


def _audit_backups(core: Core) -> list[dict]:
    with core.db.read() as session:
        return [dict(r) for r in session.execute(select(
            m.AuditLog.entity, m.AuditLog.entity_id, m.AuditLog.field, m.AuditLog.new_value
        ).where(m.AuditLog.action == "backup")).mappings()]


def test_a_backup_is_verified_recorded_and_audited(core: Core, tmp_path: Path) -> None:
    _fill(core)
    out = tmp_path / "usb"
    out.mkdir()
    result = core.backups.make("manual", out)
    assert result.ok and result.path is not None and result.path.exists()
    assert bf.parse_name(result.path.name, core.db.path.stem) is not None
    assert result.counts["contacts"] == 5
    assert bf.verify_plain(result.path, result.counts, HEAD).ok
    [row] = core.backups.history()
    assert row["ok"] and row["kind"] == "manual" and row["size"] == result.size
    assert row["counts"] == result.counts and row["schema_revision"] == HEAD
    [logged] = _audit_backups(core)
    assert logged["entity"] == "backups" and logged["entity_id"] == row["id"]
    assert logged["field"] == "manual"
    assert json.loads(logged["new_value"])["path"] == str(result.path)
    assert list(out.iterdir()) == [result.path]  # no .part left


def test_counts_and_copy_come_from_one_snapshot(core: Core, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer that commits between the counting and the copy changes neither: the
    verification compares like with like (counts taken outside the copy's read
    transaction would differ from the copy and fail it)."""
    _fill(core, 2)
    other = sqlite3.connect(core.db.path)

    def another_program_writes() -> None:
        other.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
        other.commit()

    monkeypatch.setattr(bf, "_between_count_and_copy", another_program_writes)
    result = core.backups.make("manual", tmp_path)
    other.close()
    assert result.ok, result.detail
    assert "x" not in [r[0] for r in sqlite3.connect(result.path).execute(
        "SELECT key FROM settings")]


@pytest.mark.parametrize("damage", ["truncate", "garbage", "foreign", "counts"])
def test_a_bad_copy_fails_verification_and_is_deleted(core: Core, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      damage: str) -> None:
    _fill(core, 30)
    real = bf.snapshot

    def broken(src: Path, dest: Path) -> dict[str, int]:
        counts = real(src, dest)
        data = dest.read_bytes()
        if damage == "truncate":
            dest.write_bytes(data[: len(data) // 2])
        elif damage == "garbage":
            dest.write_bytes(data[:8192] + b"\x00\xff" * 4096 + data[16384:])
        elif damage == "foreign":
            conn = sqlite3.connect(dest)
            conn.execute("PRAGMA application_id = 0")
            conn.commit()
            conn.close()
        else:
            conn = sqlite3.connect(dest)
            conn.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
            conn.commit()
            conn.close()
        return counts

    monkeypatch.setattr(bf, "snapshot", broken)
    result = core.backups.make("manual", tmp_path)
    assert not result.ok and result.path is None
    assert result.detail
    assert [p for p in tmp_path.iterdir() if "-backup-" in p.name] == []
    [row] = core.backups.history()
    assert not row["ok"] and row["detail"] == result.detail
    assert core.backups.last_good() is None


def test_verification_of_files_that_are_no_backup(tmp_path: Path, core: Core) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    assert not bf.verify_plain(text).ok
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert "application id" in bf.verify_plain(other).detail
    for path in (text, other):
        with pytest.raises(BackupFileError) as info:
            bf.inspect_backup(path)
        assert info.value.code == "not_database"


def test_encrypted_backup_is_verified_and_inspected(core: Core, tmp_path: Path) -> None:
    _fill(core, 3)
    core.backups.set_settings({"encrypt": True})
    with pytest.raises(BackupFileError):
        core.backups.make("manual", tmp_path)  # no passphrase: nothing written
    result = core.backups.make("manual", tmp_path, "گذرواژه بلند")
    assert result.ok and result.encrypted and result.path is not None
    assert result.path.suffix == ".crmbak"
    assert b"SQLite format 3" not in result.path.read_bytes()
    with pytest.raises(BackupFileError) as info:
        bf.inspect_backup(result.path)
    assert info.value.code == "needs_passphrase"
    with pytest.raises(BackupFileError) as info:
        bf.inspect_backup(result.path, "غلط")
    assert info.value.code == "passphrase"
    shown = bf.inspect_backup(result.path, "گذرواژه بلند")
    assert shown.ok and shown.encrypted and shown.schema_state == "current"
    assert shown.counts == result.counts and shown.size == result.size
    # no decrypted copy was left behind anywhere
    assert [p.name for p in tmp_path.rglob(".crm-backup-*")] == []


def test_restore_of_an_encrypted_backup(core: Core, tmp_path: Path) -> None:
    _fill(core, 3)
    result = core.backups.make("manual", tmp_path, "pass phrase", encrypt=True)
    _fill(core, 2)
    db = core.db.path
    core.close()
    with pytest.raises(BackupFileError):
        maintenance.restore(result.path, db, "wrong")
    kept = maintenance.restore(result.path, db, "pass phrase")
    assert kept is not None
    with Core.open(db) as again:
        assert again.contacts.count() == 3


def test_an_older_backup_is_upgraded_when_restored(tmp_path: Path) -> None:
    from tests.integration.db.alembic_steps import downgrade

    old = tmp_path / "old.sqlite3"
    with Core.open(old) as core:
        _fill(core, 4)
    downgrade(old, "0012")
    info = bf.inspect_backup(old)
    assert info.schema_revision == "0012" and info.schema_state == "older" and info.ok
    live = tmp_path / "crm.sqlite3"
    with Core.open(live) as core:
        _fill(core, 1)
    kept = maintenance.restore(old, live)
    assert kept is not None
    assert bf.inspect_backup(live).schema_revision == HEAD
    with Core.open(live) as core:
        assert core.contacts.count() == 4
        assert core.backups.history() == []  # the table 0013 adds is there, empty


def test_settings_are_validated_and_audited(core: Core) -> None:
    assert core.backups.settings()["keep_daily"] == 7
    core.backups.set_settings({"keep_daily": "۱۰", "on_exit": False})
    assert core.backups.settings()["keep_daily"] == 10
    assert core.backups.settings()["on_exit"] is False
    with pytest.raises(ValidationError) as info:
        core.backups.set_settings({"keep_daily": 0, "folder": "relative/path", "x": 1})
    assert {e.field for e in info.value.errors} == {"x"}
    with pytest.raises(ValidationError) as info:
        core.backups.set_settings({"keep_daily": 0, "folder": "relative/path"})
    assert {e.field for e in info.value.errors} == {"keep_daily", "folder"}
    with core.db.read() as session:
        fields = set(session.scalars(select(m.AuditLog.field).where(
            m.AuditLog.entity == "settings")))
    assert {"backup.keep_daily", "backup.on_exit"} <= fields


def test_daily_is_due_once_a_day(core: Core, tmp_path: Path) -> None:
    core.backups.set_settings({"folder": str(tmp_path)})
    today = date(2026, 11, 30)
    assert core.backups.daily_due(today)
    assert core.backups.make("daily").ok
    assert not core.backups.daily_due(datetime.now(UTC).astimezone().date())
    assert core.backups.make("manual").ok  # another kind does not count as the day's
    last = core.backups.last_good("daily")
    assert last is not None
    from crm_desktop.domain import clock

    assert not core.backups.daily_due(clock.local_day(last))
    assert core.backups.daily_due(clock.local_day(last) + timedelta(days=1))
    core.backups.set_settings({"daily": False})
    assert not core.backups.daily_due(clock.local_day(last) + timedelta(days=1))


def test_status_warns_when_old_missing_or_no_folder(core: Core, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    core.backups.set_settings({"folder": str(usb), "warn_days": 2})
    assert core.backups.status().problem == "none"
    assert core.backups.make("exit").ok
    assert core.backups.status().problem == ""
    later = datetime.now(UTC) + timedelta(days=2, hours=1)
    assert core.backups.status(later).problem == "old"
    shutil.rmtree(usb)
    assert core.backups.status().problem == "folder"


def test_automatic_backups_rotate_their_folder(core: Core, tmp_path: Path) -> None:
    tmp_path = tmp_path / "backups"
    tmp_path.mkdir()
    core.backups.set_settings({"folder": str(tmp_path), "keep_daily": 2, "keep_weekly": 0,
                               "keep_monthly": 0})
    stem = core.db.path.stem
    old = [tmp_path / bf.backup_name(stem, datetime(2026, 1, d, 12), False) for d in (1, 2, 3)]
    for p in old:
        shutil.copy(core.db.path, p)
    foreign = tmp_path / "holiday.jpg"
    foreign.write_bytes(b"x")
    result = core.backups.make("exit")
    assert result.ok and result.path is not None
    assert set(result.removed) == {old[0], old[1]}
    assert {p.name for p in tmp_path.iterdir()} == {result.path.name, old[2].name,
                                                    foreign.name}


def test_who_may_back_up_change_the_settings_and_restore(core: Core, tmp_path: Path) -> None:
    from crm_desktop.domain.errors import PermissionDenied
    from crm_desktop.services.backups import BackupService

    ids = {role: core.users.create({"username": role, "display_name": role, "role": role})
           for role in ("manager", "sales", "reception")}
    manager, sales, reception = (BackupService(core.db, ids[r])
                                 for r in ("manager", "sales", "reception"))
    with pytest.raises(PermissionDenied):
        manager.require_restore()  # administrators only
    core.backups.require_restore()
    with pytest.raises(PermissionDenied):
        sales.set_settings({"keep_daily": 3})
    manager.set_settings({"keep_daily": 3})
    with pytest.raises(PermissionDenied):
        reception.make("manual", tmp_path)
    assert list(tmp_path.glob("*-backup-*")) == []
    assert reception.make("exit", tmp_path).ok  # the program's own work is never refused
