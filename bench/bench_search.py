"""Type-ahead search speed at 10,000, 100,000 and 500,000 contacts, each figure next to a
bare program doing the same lookups in the same run (not a test: timings vary on shared
machines).

    python bench/bench_search.py [--sizes 10000 100000 500000] [--cache bench/.cache]
                                 [--rebuild] [--samples 200]

Each database is built once with the demo generator into the cache folder and reused (a
database made by an older version is upgraded when opened). What is timed, per keystroke:

- app: `core.search.search(text)` over contacts, companies, deals and tickets (limit 20),
  as the search box and `crm-desktop search` call it: the query built, hits ordered before
  the cap, titles and subtitles read.
- raw: a bare sqlite3 connection to the same file running, for the same four kinds, the
  FTS5 prefix query over the same normalised text (`SELECT rowid FROM <kind>_fts WHERE
  <kind>_fts MATCH ? LIMIT 20`, the same MATCH expression): no ordering, no titles.

Typed texts come from records picked at random: every prefix of a name as it is typed
letter by letter, two words, a surname, and mobiles as people type them (2 to 8 digits,
in groups "0912 345 6789", with +98).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from crm_desktop.core import Core
from crm_desktop.db.engine import CACHE_SIZE
from crm_desktop.services.base import ListQuery
from crm_desktop.services.demo import generate
from crm_desktop.services.search import KINDS
from crm_desktop.services.search_query import match_expression

TABLES = {"contact": "contacts", "account": "accounts", "deal": "deals", "ticket": "tickets"}
TARGET_P95_MS = 3.0
RUNS = 3


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def build(path: Path, contacts: int) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    t = time.perf_counter()
    with Core.open(path) as core:
        generate(core.db, contacts, 1)
    print(f"  built {contacts:,} contacts in {time.perf_counter() - t:.1f} s -> {path}")


def typed_texts(conn: sqlite3.Connection, n: int, rng: random.Random) -> dict[str, list[str]]:
    top = conn.execute("SELECT max(id) FROM contacts").fetchone()[0]
    ids = rng.sample(range(1, top + 1), min(n, top))
    rows = [conn.execute("SELECT full_name, mobile FROM contacts WHERE id = ?", (i,)).fetchone()
            for i in ids]
    names = [r[0] for r in rows if r and r[0]]
    mobiles = [r[1] for r in rows if r and r[1]]
    out: dict[str, list[str]] = {
        "name typed letter by letter": [n[:k] for n in names[:40] for k in range(1, len(n) + 1)],
    }
    for k in (1, 2, 3):
        out[f"{k}-letter name prefix"] = [n[:k] for n in names]
    out["two words, 3 letters each"] = [" ".join(w[:3] for w in n.split()[:2]) for n in names]
    out["surname"] = [n.split()[-1] for n in names]
    for k in (2, 4, 6, 8):
        out[f"mobile prefix, {k} digits"] = [m[:k] for m in mobiles]
    out["mobile as 0912 345 6789"] = [f"{m[:4]} {m[4:7]} {m[7:]}" for m in mobiles]
    out["mobile as +98 912 345 6789"] = [f"+98 {m[1:4]} {m[4:7]} {m[7:]}" for m in mobiles]
    return out


def raw_search(conn: sqlite3.Connection, text: str) -> None:
    expr = match_expression(text)
    if expr is None:
        return
    for kind in KINDS:
        fts = f"{TABLES[kind]}_fts"
        conn.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? LIMIT 20", (expr,)).fetchall()


def row(label: str, got: list[tuple[float, float, float, float]]) -> str:
    app, raw, app1, raw1 = (list(c) for c in zip(*got, strict=True))
    flag = "" if pct(app1, 95) < TARGET_P95_MS else f"   <-- p95 over {TARGET_P95_MS:g} ms"
    return (f"  {label:<28} app {statistics.median(app1):5.2f} {pct(app1, 95):5.2f} "
            f"{max(app1):5.2f}  raw {statistics.median(raw1):5.2f} {pct(raw1, 95):5.2f} "
            f"{max(raw1):5.2f}  | best of {RUNS}: app {statistics.median(app):5.2f} "
            f"{pct(app, 95):5.2f}  raw {statistics.median(raw):5.2f} {pct(raw, 95):5.2f}"
            f"  (n={len(app)}){flag}")


def best_of(runs: int, app: Callable[[], object], raw: Callable[[], object], raw_first: bool
            ) -> tuple[float, float, float, float]:
    """(best app, best raw, first app, first raw) times of `runs` interleaved runs; which
    of the two goes first alternates from one text to the next (the first run may read
    pages the second then finds in the cache)."""
    a: list[float] = []
    r: list[float] = []
    for _ in range(runs):
        if raw_first:
            r.append(timed(raw))
            a.append(timed(app))
        else:
            a.append(timed(app))
            r.append(timed(raw))
    return min(a), min(r), a[0], r[0]


def bench(path: Path, samples: int) -> None:
    rng = random.Random(42)
    with Core.open(path) as core:
        raw = sqlite3.connect(path)
        raw.execute(f"PRAGMA cache_size = {CACHE_SIZE}")  # the same page cache as ours
        total = core.contacts.count()
        print(f"\n{total:,} contacts ({path.name}); Python {sys.version.split()[0]}, "
              f"SQLite {sqlite3.sqlite_version}")
        texts = typed_texts(raw, samples, rng)
        # warm both page caches the same way
        for text in texts["name typed letter by letter"][:50]:
            core.search.search(text)
            raw_search(raw, text)
        print(f"  ms per keystroke, p50 p95 max over the texts: first run, then the best of "
              f"{RUNS} runs\n  (app and raw interleaved; best-of filters out a busy machine)")
        every: list[tuple[float, float, float, float]] = []
        for label, queries in texts.items():
            got = [best_of(RUNS, lambda q=q: core.search.search(q),
                           lambda q=q: raw_search(raw, q), i % 2 == 1)
                   for i, q in enumerate(queries)]
            every += got
            print(row(label, got))
        print(row("all of the above", every))

        # the list's text filter (contacts view search box), first page by name
        def bare_list(q: str) -> None:
            raw.execute(
                "SELECT id, full_name FROM contacts WHERE deleted_at IS NULL AND id IN "
                "(SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?) "
                "ORDER BY sort_key, id LIMIT 101", (match_expression(q),)).fetchall()

        got = [best_of(RUNS, lambda q=q: core.contacts.list(ListQuery(text=q, limit=100)),
                       lambda q=q: bare_list(q), i % 2 == 1)
               for i, q in enumerate(texts["surname"][:30])]
        print(row("contact list, text filter", got))
        raw.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 500_000])
    ap.add_argument("--cache", type=Path, default=Path(__file__).parent / ".cache")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--samples", type=int, default=200)
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    print(f"type-ahead search; target p95 under {TARGET_P95_MS:g} ms at 500,000 contacts")
    for size in args.sizes:
        path = args.cache / f"search-{size}.sqlite3"
        if args.rebuild or not path.exists():
            build(path, size)
        bench(path, args.samples)


if __name__ == "__main__":
    main()
