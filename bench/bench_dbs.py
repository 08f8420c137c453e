"""The demo databases the benches measure, built once and kept under bench/out/ (ignored
by git): demo-10000.sqlite3, demo-100000.sqlite3, demo-500000.sqlite3.

    python bench/bench_dbs.py [10000 100000 500000] [--rebuild]

A kept database is reused as long as it opens (an older schema is upgraded on open).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

OUT = Path(__file__).parent / "out"
SIZES = (10_000, 100_000, 500_000)


def database(contacts: int, *, rebuild: bool = False, seed: int = 1) -> Path:
    """The path of the demo database with `contacts` contacts, built if missing."""
    from crm_desktop.core import Core
    from crm_desktop.services.demo import generate

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"demo-{contacts}.sqlite3"
    if path.exists() and not rebuild:
        return path
    os.environ.setdefault("CRM_DESKTOP_DATA_DIR", tempfile.mkdtemp(prefix="crm-bench-"))
    partial = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    with Core.open(partial) as core:
        counts = generate(core.db, contacts, seed)
        with core.db.raw() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.replace(path)
    print(f"built {path.name}: {counts['contacts']:,} contacts, {counts['activities']:,} "
          f"activities in {time.perf_counter() - start:.1f} s")
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    for n in args.sizes:
        print(database(n, rebuild=args.rebuild))


if __name__ == "__main__":
    main()
