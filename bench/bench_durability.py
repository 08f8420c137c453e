"""What synchronous=FULL costs over NORMAL (WAL) on the writes a user makes: the same
service writes (contacts, proformas of 4 lines, tickets) through the program's engine,
once with its setting (FULL: a commit is on the disk before the program says "saved", so a
power cut loses nothing the user saw saved) and once with NORMAL (a WAL commit survives a
killed program but the last ones may be lost in a power cut).

    python bench/bench_durability.py [WRITES]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def run(folder: Path, synchronous: str, writes: int) -> list[float]:
    from sqlalchemy import event

    from crm_desktop.core import Core

    path = folder / f"{synchronous}.sqlite3"
    core = Core.open(path)
    if synchronous != "FULL":
        # the same engine with the other setting on every connection
        core.db.engine.dispose()

        def other(dbapi: Any, _record: Any) -> None:
            dbapi.execute(f"PRAGMA synchronous = {synchronous}")

        event.listen(core.db.engine, "connect", other)
    with core.db.raw() as conn:
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == {"FULL": 2, "NORMAL": 1}[
            synchronous]
    times = []
    cid = core.contacts.create({"last_name": "خریدار"})
    for i in range(writes):
        t0 = time.perf_counter()
        kind = i % 3
        if kind == 0:
            core.contacts.create({"first_name": "نام", "last_name": f"نفر {i}",
                                  "mobile": f"0912{i:07d}"})
        elif kind == 1:
            core.proformas.create({"contact_id": cid}, [
                {"description": f"قلم {j}", "quantity": 2, "unit_price_rial": 150_000}
                for j in range(4)])
        else:
            core.tickets.create({"subject": f"تیکت {i}", "contact_id": cid})
        times.append(time.perf_counter() - t0)
    core.close()
    return times


def bare(folder: Path, synchronous: str, writes: int) -> list[float]:
    """The bare library: one small committed INSERT per write, WAL, the same setting."""
    import sqlite3

    conn = sqlite3.connect(folder / f"bare-{synchronous}.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {synchronous}")
    conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, name TEXT)")
    times = []
    for i in range(writes):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (name) VALUES (?)", (f"نفر {i}",))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - t0)
    conn.close()
    return times


def main() -> None:
    writes = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    os.environ.setdefault("CRM_DESKTOP_DATA_DIR", tempfile.mkdtemp(prefix="crm-bench-"))
    # the benchmark's files on the disk the user's database would be on (not a RAM /tmp)
    base = Path(__file__).parent / "out"
    base.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="durability-", dir=base) as folder:
        results: dict[str, list[float]] = {}
        for setting in ("FULL", "NORMAL", "FULL", "NORMAL"):  # interleaved, same run
            results.setdefault(setting, []).extend(run(Path(folder), setting, writes // 2))
            results.setdefault(f"bare {setting}", []).extend(
                bare(Path(folder), setting, writes // 2))
    print(f"{writes} writes each (contacts, 4-line proformas, tickets), per write:")
    for setting, times in results.items():
        ms = sorted(t * 1000 for t in times)
        print(f"  {setting:12}  median {statistics.median(ms):6.2f} ms   "
              f"p95 {ms[int(len(ms) * 0.95)]:6.2f} ms   total {sum(ms) / 1000:5.2f} s")
    for prefix in ("", "bare "):
        full, normal = (statistics.median(results[prefix + k]) for k in ("FULL", "NORMAL"))
        print(f"{prefix or 'the program: '}FULL costs {(full - normal) * 1000:+.2f} ms per "
              f"write ({full / normal:.2f}x)")


if __name__ == "__main__":
    main()
