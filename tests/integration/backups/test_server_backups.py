"""Backups of a database on a PostgreSQL server: pg_dump (custom format) of one snapshot,
read back by pg_restore and counted; encrypted like a file's; a clear message naming what
to install when pg_dump is missing; restoring is the administrator's (said so). Needs
CRM_TEST_PG (skipped without it)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.cli import run
from crm_desktop.core import Core
from crm_desktop.domain.errors import DatabaseError
from crm_desktop.services import backup_files as bf
from crm_desktop.services import backup_pg


@pytest.fixture
def server_core(pg_server) -> Iterator[Core]:  # type: ignore[no-untyped-def]
    name = pg_server.fresh()
    with Core.open(pg_server.url(name)) as core:
        for n in range(5):
            core.contacts.create({"last_name": f"مشتری {n}"})
        yield core
    pg_server.drop(name)


def test_a_server_backup_is_a_verified_pg_dump(server_core: Core, tmp_path: Path) -> None:
    result = server_core.backups.make("manual", tmp_path)
    assert result.ok, result.detail
    assert result.path is not None and result.path.suffix == ".pgdump"
    assert result.path.name.startswith(f"{server_core.db.location.name}-backup-")
    assert result.counts["contacts"] == 5
    listing = subprocess.run([str(backup_pg.find_tool("pg_restore")), "--list",
                              str(result.path)], capture_output=True, text=True, check=True)
    assert "TABLE DATA public contacts" in listing.stdout
    assert bf.parse_name(result.path.name, backup_pg_stem(server_core)) is not None
    assert server_core.backups.history(1)[0]["ok"] is True


def backup_pg_stem(core: Core) -> str:
    return core.backups.stem()


def test_an_encrypted_server_backup(server_core: Core, tmp_path: Path) -> None:
    result = server_core.backups.make("manual", tmp_path, "گذرواژهٔ پشتیبان", encrypt=True)
    assert result.ok, result.detail
    assert result.path is not None and result.path.suffix == ".crmbak"
    assert b"PGDMP" not in result.path.read_bytes()[:4096]


def test_a_dump_that_does_not_read_back_is_deleted(server_core: Core, tmp_path: Path,
                                                   monkeypatch) -> None:  # type: ignore[no-untyped-def]
    real = backup_pg.dump

    def short(db, dest):  # type: ignore[no-untyped-def]
        counts = real(db, dest)
        data = dest.read_bytes()
        dest.write_bytes(data[: len(data) // 2])  # cut short
        return counts

    monkeypatch.setattr(backup_pg, "dump", short)
    result = server_core.backups.make("manual", tmp_path)
    assert not result.ok and result.path is None
    assert list(tmp_path.iterdir()) == []
    assert server_core.backups.history(1)[0]["ok"] is False


def test_the_counts_must_match_the_rows_in_the_dump(tmp_path: Path, server_core: Core) -> None:
    result = server_core.backups.make("manual", tmp_path)
    assert result.path is not None
    assert backup_pg.verify_dump(result.path, {"contacts": 5}).ok
    wrong = backup_pg.verify_dump(result.path, {"contacts": 6})
    assert not wrong.ok and "contacts: 5 rows, expected 6" in wrong.detail


def test_without_pg_dump_the_message_names_what_to_install(server_core: Core, tmp_path: Path,
                                                           monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(backup_pg.shutil, "which", lambda _name: None)
    monkeypatch.setattr(backup_pg.glob, "glob", lambda _pattern: [])
    with pytest.raises(DatabaseError, match=r"pg_dump is not installed.*postgresql-client"):
        server_core.backups.make("manual", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_backs_up_and_leaves_restoring_to_the_administrator(
        server_core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = server_core.db.location.url()
    assert run(["backup", "--db", url, str(tmp_path)]) == 0
    written = next(tmp_path.iterdir())
    assert written.suffix == ".pgdump"
    capsys.readouterr()
    assert run(["restore", str(written), "--db", url]) == 2
    err = capsys.readouterr().err
    assert "administrator" in err and "pg_restore --clean" in err
