"""Restore against other processes: no write a caller was told succeeded is ever lost, and
a program that keeps the database open makes restore refuse cleanly."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.core import Core
from crm_desktop.domain.errors import DatabaseInUse
from crm_desktop.services import maintenance

# A writer that opens the database, creates one contact, closes it, and only then records
# the contact's marker as acknowledged; it stops when the stop file appears. It pauses for
# up to 20 ms between writes (a writer that never lets go makes restore refuse instead).
WRITER = r"""
import random
import sys
import time
from pathlib import Path
from crm_desktop.db.engine import Database, make_engine
from crm_desktop.services.contacts import ContactService

path, log, stop, name = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), sys.argv[4]
n = 0
with open(log, "a", encoding="utf-8") as out:
    while not stop.exists():
        n += 1
        marker = f"{name}-{n}"
        db = Database(path, make_engine(path))
        try:
            ContactService(db, None).create({"last_name": marker})
        except Exception:
            continue  # refused or busy: not acknowledged
        finally:
            db.close()
        out.write(marker + "\n")
        out.flush()
        time.sleep(random.random() / 50)  # a user saving often, not a bulk load
"""

# Opens the database like the program does, reads from it and keeps it open until told.
HOLDER = r"""
import sys
from crm_desktop.core import Core
core = Core.open(sys.argv[1], create=False)
core.contacts.count()
print("open", flush=True)
sys.stdin.readline()
core.close()
"""


def markers(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT last_name FROM contacts")}
    finally:
        conn.close()


def acknowledged(logs: list[Path]) -> list[str]:
    out: list[str] = []
    for log in logs:
        if log.exists():
            out += [line for line in log.read_text(encoding="utf-8").splitlines() if line]
    return out


def wait_for_more(logs: list[Path], than: int, writers: list[subprocess.Popen]) -> int:
    """Block until the writers acknowledged more than `than` writes (no clock involved)."""
    while True:
        n = len(acknowledged(logs))
        if n > than:
            return n
        for w in writers:
            assert w.poll() is None, w.stderr.read() if w.stderr else "writer died"
        time.sleep(0.02)  # a poll, not a timing assertion


@pytest.fixture
def live_and_backup(tmp_path: Path) -> tuple[Path, Path]:
    live = tmp_path / "crm.sqlite3"
    with Core.open(live) as core:
        for i in range(3):
            core.contacts.create({"last_name": f"backup-{i}"})
    copy = maintenance.backup(live, tmp_path / "backup.sqlite3")
    return live, copy


@pytest.fixture
def writers(live_and_backup, tmp_path: Path) -> Iterator[tuple[list[subprocess.Popen],
                                                               list[Path], Path]]:
    live, _copy = live_and_backup
    stop = tmp_path / "stop"
    logs = [tmp_path / f"writer{i}.log" for i in range(2)]
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(live), str(log), str(stop),
                               f"w{i}"], stderr=subprocess.PIPE, text=True)
             for i, log in enumerate(logs)]
    try:
        yield procs, logs, stop
    finally:
        stop.touch()
        for p in procs:
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def test_restore_during_writes_loses_no_acknowledged_write(live_and_backup, writers) -> None:
    live, copy = live_and_backup
    procs, logs, stop = writers
    kept: list[Path] = []
    seen = wait_for_more(logs, 5, procs)
    attempts = 0
    while len(kept) < 6:
        attempts += 1
        assert attempts < 20, "restore was refused again and again"
        try:
            previous = maintenance.restore(copy, live)
        except DatabaseInUse:
            continue  # a writer held the file for longer than restore waits: try again
        assert previous is not None
        kept.append(previous)
        seen = wait_for_more(logs, seen + 3, procs)
    stop.touch()
    for p in procs:
        assert p.wait(timeout=60) == 0, p.stderr.read() if p.stderr else ""
    acked = acknowledged(logs)
    assert len(acked) == len(set(acked)) > 10
    assert len(set(kept)) == len(kept)  # every before-restore copy is its own file
    everywhere = markers(live).union(*(markers(k) for k in kept))
    lost = sorted(set(acked) - everywhere)
    assert lost == [], f"{len(lost)} acknowledged writes are in no file: {lost[:10]}"
    assert maintenance.check(live).ok
    # the restore did happen: the backup's contacts are there, with later writes only
    assert {"backup-0", "backup-1", "backup-2"} <= markers(live)


def test_restore_refuses_while_another_program_has_the_database_open(live_and_backup,
                                                                     tmp_path) -> None:
    live, copy = live_and_backup
    with Core.open(live) as core:
        core.contacts.create({"last_name": "after the backup"})
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(live)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseInUse, match="open in another window or program"):
            maintenance.restore(copy, live)
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=60)
    assert list(tmp_path.glob("crm.before-restore-*")) == []
    assert "after the backup" in markers(live)
    # once the other program closed it, the restore goes through
    kept = maintenance.restore(copy, live)
    assert kept is not None and "after the backup" in markers(kept)
    assert "after the backup" not in markers(live)
