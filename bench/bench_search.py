"""Search and list speed at a realistic size (not a test: timings vary on shared machines).

    python bench/bench_search.py [--contacts 100000] [--db bench/out/bench.sqlite3] [--rebuild]

Builds the demo database once (kept for later runs), then prints p50/p95 latency of the
global search for 1-, 2- and 3-letter Persian prefixes and for phone prefixes, and the time
of 100-row keyset pages of the contact list.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from crm_desktop.core import Core
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.services.demo import generate


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def report(label: str, samples: list[float]) -> None:
    print(f"  {label:<44} p50 {statistics.median(samples):7.2f} ms   "
          f"p95 {pct(samples, 95):7.2f} ms   max {max(samples):7.2f} ms   (n={len(samples)})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=Path(__file__).parent / "out" / "bench.sqlite3")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    args.db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not args.db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        t = time.perf_counter()
        with Core.open(args.db) as core:
            counts = generate(core.db, args.contacts, args.seed)
        print(f"demo database: {counts['contacts']:,} contacts and related rows in "
              f"{time.perf_counter() - t:.1f} s -> {args.db}")

    rng = random.Random(42)
    with Core.open(args.db) as core:
        total = core.contacts.count()
        print(f"{total:,} contacts; Python {sys.version.split()[0]}")
        # Prefixes people really type: the starts of names in the database.
        names = [r["full_name"] for r in core.contacts.list(ListQuery(limit=1000)).rows]
        mobiles = [r["mobile"] for r in core.contacts.list(ListQuery(limit=1000)).rows]
        core.search.search("گرم‌کردن")  # warm the page cache

        print("global search (contacts, companies, deals, tickets; limit 20):")
        for n in (1, 2, 3):
            prefixes = [rng.choice(names)[:n] for _ in range(300)]
            report(f"{n}-letter Persian prefix",
                   [timed(lambda p=p: core.search.search(p))[0] for p in prefixes])
        words = [" ".join(w[:3] for w in rng.choice(names).split()) for _ in range(300)]
        report("two words, 3 letters each", [timed(lambda w=w: core.search.search(w))[0]
                                             for w in words])
        for n, form in ((4, "0912"), (6, "091234"), (8, "09123456")):
            prefixes = [rng.choice(mobiles)[:n] for _ in range(300)]
            report(f"phone prefix, {n} digits (like {form})",
                   [timed(lambda p=p: core.search.search(p))[0] for p in prefixes])
        intl = ["+98" + rng.choice(mobiles)[1:7] for _ in range(300)]
        report("phone prefix typed as +98912...", [timed(lambda p=p: core.search.search(p))[0]
                                                   for p in intl])

        print("contact list, 100-row keyset pages:")
        for sort in (Sort("name"), Sort("created", True), Sort("city"), Sort("company")):
            first = timed(lambda s=sort: core.contacts.list(ListQuery(sort=s, limit=100)), 50)
            report(f"first page, sorted by {sort.key}", first)
            # walk to the middle, then time pages from there
            after, samples = None, []
            for i in range(total // 200):
                page = core.contacts.list(ListQuery(sort=sort, after=after, limit=100))
                after = page.next_cursor
                if i > total // 200 - 40:
                    samples += timed(lambda s=sort, a=after: core.contacts.list(
                        ListQuery(sort=s, after=a, limit=100)))
            report(f"page in the middle (~row {total // 2:,}), by {sort.key}", samples)
        flt = ListQuery(filters={"lifecycle_stage": "customer", "city": "تهران"},
                        sort=Sort("name"), limit=100)
        report("filtered (customer, Tehran) by name", timed(lambda: core.contacts.list(flt), 50))
        report("text filter 'علی' in the list, by name",
               timed(lambda: core.contacts.list(ListQuery(text="علی", limit=100)), 20))
        report("count all (exact)", timed(lambda: core.contacts.count(), 20))
        report("count with cap 1,001", timed(lambda: core.contacts.count(cap=1001), 20))


if __name__ == "__main__":
    main()
