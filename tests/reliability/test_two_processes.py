"""Two programs writing to one file at once (two windows, or a window and the command
line): contacts, proformas and tickets. Neither is told "database is locked" (the write
lock is taken up front with BEGIN IMMEDIATE and waited for), no proforma or ticket number
is handed out twice, and every write each one reported is in the file."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from crm_desktop.core import Core
from tests.reliability.killing import start_writer
from tests.reliability.ledger import Ledger, verify

WRITES = 40


def test_two_writers_at_once_lose_nothing_and_share_no_number(tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    Core.open(path).close()  # made (and migrated) before either program opens it
    procs = [start_writer(path, seed, name, WRITES) for seed, name in ((1, "a"), (2, "b"))]
    ready = [proc.stdout.readline() for proc in procs if proc.stdout is not None]
    assert all('"ready"' in line for line in ready), ready
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    ledgers = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err  # a DatabaseBusy would end the writer here
        assert "locked" not in err and "busy" not in err.lower(), err
        ledger = Ledger()
        ledger.read(ready[len(ledgers)] + out)
        assert ledger.ended and not ledger.pending
        ledgers.append(ledger)
    for ledger in ledgers:
        verify(path, ledger)
    both = Ledger(done=ledgers[0].done + ledgers[1].done)
    for op, table in (("proforma", "proformas"), ("ticket", "tickets")):
        numbers = both.numbers(op)
        assert len(numbers) == len(set(numbers)), f"a {op} number handed out twice"
        assert numbers, f"no {op} was made"
        with closing(sqlite3.connect(path)) as conn:
            stored = conn.execute(f"SELECT count(*), count(DISTINCT year * 1000000 + seq) "
                                  f"FROM {table}").fetchone()
        assert stored[0] == stored[1] >= len(numbers)
