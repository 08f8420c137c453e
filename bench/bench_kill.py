"""The crash test at length: a writer (tests/reliability/writer.py) creating and editing
contacts, proformas, tickets and activities is killed with SIGKILL 200 times (seeded random
moments); after each kill the file must pass SQLite's integrity check and `check`, and
hold every write the writer reported, with its audit rows and all its proforma lines.

    python bench/bench_kill.py [KILLS] [--seed N]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.reliability.killing import Forker, kill_once
from tests.reliability.ledger import Ledger, verify


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kills", nargs="?", type=int, default=200)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    ledger = Ledger()
    failures: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="crm-kill-") as folder, Forker() as forker:
        path = Path(folder) / "crm.sqlite3"
        for i in range(args.kills):
            kill_once(forker, path, rng, ledger, f"w{i}")
            try:
                verify(path, ledger)
            except AssertionError as exc:
                failures.append(f"kill {i}: {exc}")
                print(f"kill {i}: FAILED {exc}", flush=True)
                break
            if (i + 1) % 20 == 0:
                print(f"{i + 1} kills, {len(ledger.done)} reported writes checked", flush=True)
    adopted = sum(1 for d in ledger.done if d.get("adopted"))
    mid = len(ledger.pending) + adopted
    kinds: dict[str, int] = {}
    for d in ledger.done:
        kinds[d["op"]] = kinds.get(d["op"], 0) + 1
    print(f"kills: {args.kills}, failures: {len(failures)}")
    print(f"reported writes (all present after every kill): {len(ledger.done) - adopted} "
          f"{kinds}")
    print(f"kills that landed while a write was under way (whole or absent): {mid}, of "
          f"which {adopted} had committed before the kill and were kept whole")
    print(f"wall time: {time.perf_counter() - started:.1f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
