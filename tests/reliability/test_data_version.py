"""The core tells another program's commits from its own (the window refreshes on them)."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.core import Core
from crm_desktop.db.migrate import open_database
from crm_desktop.services.contacts import ContactService


def test_another_programs_commit_is_noticed_and_ours_is_not(tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    with Core.open(path) as core:
        core.db.data_version()  # a window starts watching
        assert core.db.changed_elsewhere() is False
        core.contacts.create({"last_name": "ما"})  # our own write
        assert core.db.changed_elsewhere() is False
        other = open_database(path)  # another program on the same file
        try:
            ContactService(other, None).create({"last_name": "دیگری"})
            assert core.db.changed_elsewhere() is True
            assert core.db.changed_elsewhere() is False  # told once
            # their write, then ours before anyone looked: theirs is still noticed
            ContactService(other, None).create({"last_name": "دیگری ۲"})
            core.contacts.create({"last_name": "ما ۲"})
            assert core.db.changed_elsewhere() is True
            # reads change nothing
            core.contacts.count()
            ContactService(other, None).count()
            assert core.db.changed_elsewhere() is False
        finally:
            other.close()
