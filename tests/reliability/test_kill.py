"""A user's program killed (SIGKILL, power button held, out of memory) while it writes:
every write it reported saved is in the file afterwards, with its audit rows and, for a
proforma, all its lines; the write it was making is whole or absent; the file passes
SQLite's integrity check and the program's own `check`.

33 kills in all (3 databases x 11), each at a random moment (seeded) while the writer
creates and edits contacts, proformas of several lines, tickets and activities."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from crm_desktop.db import engine
from tests.reliability.killing import Forker, kill_once
from tests.reliability.ledger import Ledger, verify

KILLS = 11


@pytest.mark.parametrize("seed", [14, 1405, 2026])
def test_every_reported_write_survives_a_kill(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "crm.sqlite3"
    rng = random.Random(seed)
    ledger = Ledger()
    with Forker() as forker:
        for i in range(KILLS):
            kill_once(forker, path, rng, ledger, f"w{i}")
            verify(path, ledger)
    assert not ledger.ended
    # the kills landed among writes: most runs reported writes, and some died mid-write
    assert len(ledger.done) >= KILLS, len(ledger.done)
    assert ledger.pending, "no kill landed while a write was under way"
    kinds = {d["op"] for d in ledger.done}
    assert {"contact", "proforma", "edit_proforma", "ticket", "activity"} <= kinds


def test_a_committed_write_is_synced_to_disk(tmp_path: Path) -> None:
    """The settings that make a reported write survive a kill AND a power cut: WAL, and
    synchronous=FULL (with NORMAL, a WAL commit survives a killed process but may be lost
    when the power goes out before the next checkpoint)."""
    db = engine.Database(tmp_path / "crm.sqlite3", engine.make_engine(tmp_path / "crm.sqlite3"))
    try:
        with db.raw() as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
            assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    finally:
        db.close()
