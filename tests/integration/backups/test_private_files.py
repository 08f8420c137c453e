"""The database, its -wal/-shm, backups, the before-upgrade and before-restore copies and
the log are readable by the owner only (0600), our folders 0700, whatever the umask; files
made by an older version are tightened when opened."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop import config
from crm_desktop.core import Core
from crm_desktop.services import maintenance

pytestmark = [pytest.mark.skipif(os.name != "posix", reason="modes are POSIX's"),
              pytest.mark.sqlite_only("modes of the database file, its -wal/-shm and copies")]


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(params=[0o022, 0o000])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def test_new_database_and_companions_are_private(tmp_path: Path, umask: int) -> None:
    db = tmp_path / "crm.sqlite3"
    with Core.open(db) as core:
        core.contacts.create({"last_name": "x"})
        for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            assert mode(path) == 0o600, path


def test_an_existing_database_is_tightened_when_opened(tmp_path: Path, umask: int) -> None:
    db = tmp_path / "crm.sqlite3"
    Core.open(db).close()
    os.chmod(db, 0o644)
    wal = db.with_name(db.name + "-wal")
    wal.write_bytes(b"")
    os.chmod(wal, 0o666)
    with Core.open(db):
        assert mode(db) == 0o600
        assert mode(wal) == 0o600


def test_backups_and_copies_are_private(tmp_path: Path, umask: int) -> None:
    db = tmp_path / "crm.sqlite3"
    with Core.open(db) as core:
        plain = core.backups.make("manual", tmp_path)
        sealed = core.backups.make("manual", tmp_path, "pass", encrypt=True)
    assert plain.path is not None and sealed.path is not None
    assert mode(plain.path) == 0o600 and mode(sealed.path) == 0o600
    kept = maintenance.restore(plain.path, db)
    assert kept is not None and mode(kept) == 0o600
    assert mode(db) == 0o600
    old = maintenance.backup(db, tmp_path / "cli-copy.sqlite3")
    assert mode(old) == 0o600


def test_the_before_upgrade_copy_is_private(tmp_path: Path, umask: int) -> None:
    from tests.integration.db.alembic_steps import downgrade

    db = tmp_path / "crm.sqlite3"
    Core.open(db).close()
    downgrade(db, "0012")
    os.chmod(db, 0o644)
    Core.open(db).close()
    [copy] = tmp_path.glob("crm.before-upgrade-*")
    assert mode(copy) == 0o600 and mode(db) == 0o600


def test_our_folders_and_the_log_are_private(tmp_path: Path, umask: int,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_desktop import logging_setup

    monkeypatch.setenv(config.DATA_DIR_ENV, str(tmp_path / "new" / "data"))
    monkeypatch.setattr(logging_setup, "_handler", None)
    root = logging.getLogger("crm_desktop")
    before = list(root.handlers)
    path = logging_setup.setup_logging()
    try:
        assert path is not None
        logging.getLogger("crm_desktop.test").warning("written")
        assert mode(path) == 0o600
        assert mode(config.user_data_dir()) == 0o700
        assert mode(config.log_dir()) == 0o700
        assert mode(config.backup_dir()) == 0o700
        assert mode(tmp_path / "new") == 0o700  # created by us too
    finally:
        for handler in root.handlers:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
