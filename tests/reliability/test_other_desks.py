"""Two desks on one database (two Cores, as two programs would open it): one desk's
commit makes the other's changed_elsewhere() true, its own does not. SQLite notices
through PRAGMA data_version, PostgreSQL through NOTIFY (db/notify.py)."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.core import Core
from crm_desktop.db.models import Tag


def test_another_desks_commit_is_noticed_and_ours_is_not(both_backends: Path | str) -> None:
    with Core.open(both_backends) as desk, Core.open(both_backends) as other:
        desk.db.watch()  # a window starts watching
        assert desk.db.changed_elsewhere() is False
        desk.contacts.create({"last_name": "ما"})  # our own write
        assert desk.db.changed_elsewhere() is False
        other.contacts.create({"last_name": "دیگری"})
        assert desk.db.changed_elsewhere() is True
        assert desk.db.changed_elsewhere() is False  # told once
        # their write, then ours before anyone looked: theirs is still noticed
        other.contacts.create({"last_name": "دیگری ۲"})
        desk.contacts.create({"last_name": "ما ۲"})
        assert desk.db.changed_elsewhere() is True
        # reads and a write that was rolled back change nothing
        desk.contacts.count()
        other.contacts.count()
        try:
            with other.db.write() as session:
                session.add(Tag(name="برگشت‌خورده"))
                session.flush()
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        assert desk.db.changed_elsewhere() is False
        # and the other way round
        other.db.watch()
        desk.contacts.create({"last_name": "ما ۳"})
        assert other.db.changed_elsewhere() is True
        assert desk.db.changed_elsewhere() is False
