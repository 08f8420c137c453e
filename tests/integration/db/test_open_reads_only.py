"""Opening a database that already has its defaults (every start but the first) only
reads it: no write transaction at start-up (none that could wait for another desk's
write lock), and the defaults of a new database are still made."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crm_desktop.core import Core
from crm_desktop.db.engine import Database
from crm_desktop.domain.enums import RuleKind
from crm_desktop.services.setup import SEEDED_KEY


def _commits_seen(path: Path, action) -> bool:  # type: ignore[no-untyped-def]
    """Whether another connection committed to `path` while `action` ran."""
    watcher = sqlite3.connect(path)
    try:
        before = watcher.execute("PRAGMA data_version").fetchone()[0]
        action()
        return watcher.execute("PRAGMA data_version").fetchone()[0] != before
    finally:
        watcher.close()


def test_opening_a_complete_database_opens_no_write_transaction(db_path: Path,
                                                               monkeypatch) -> None:
    Core.open(db_path).close()  # a new file: its defaults are written
    writes: list[object] = []
    write = Database.write

    def counted(self: Database, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        writes.append(args)
        return write(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Database, "write", counted)
    assert not _commits_seen(db_path, lambda: Core.open(db_path).close())
    assert writes == []


def test_a_missing_default_is_still_made(db_path: Path) -> None:
    with Core.open(db_path) as core:
        admin = core.actor_id
        with core.db.write() as session:  # as if a newer version had added a rule kind
            from crm_desktop.db import models as m

            setting = session.get(m.Setting, SEEDED_KEY)
            assert setting is not None
            setting.value = '["birthday"]'
        rules_before = len(core.automation.rules())
    assert _commits_seen(db_path, lambda: Core.open(db_path).close())
    with Core.open(db_path) as core:
        assert core.actor_id == admin
        assert len(core.automation.rules()) == rules_before + len(RuleKind) - 1
