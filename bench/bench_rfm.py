"""RFM recomputation over the demo databases, ours next to a raw program doing the same
work with sqlite3 and plain Python on the same file; and what RFM adds to winning a deal.
Not a test: timings vary on shared machines. Goal: 100,000 contacts in under 2 s.

    python bench/bench_rfm.py [10000 100000] [--repeat 3]

Each database (bench/bench_dbs.py) is copied to a temporary folder first: the kept
databases are never written. Two shapes per size:

* demo: the demo data as it is (about one contact in fifty bought in the window);
* heavy: the same plus 1.5 won deals per contact, spread over three years, so that
  nearly every contact is a buyer to score (the worst case for the scoring).

Then, on the 100k copy: winning one deal (DealService.move) with the contact's RFM
refresh, and with it switched off; and a full recomputation, which is what refreshing
everyone after each sale would cost instead.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_dbs import database
from crm_desktop.core import Core
from crm_desktop.services import rfm as rfm_service

TEHRAN = ZoneInfo("Asia/Tehran")
GRID = (
    ("lost", "lost", "at_risk", "at_risk", "cant_lose"),
    ("hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"),
    ("about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"),
    ("promising", "potential_loyalist", "potential_loyalist", "loyal", "loyal"),
    ("new", "potential_loyalist", "potential_loyalist", "champions", "champions"),
)


# -- the raw program: sqlite3 and plain Python, the same rules --------------------------------
def raw_recompute(path: Path, years: int = 2) -> Counter:
    conn = sqlite3.connect(path, isolation_level=None)
    today = datetime.now(TEHRAN).date()
    try:
        start = today.replace(year=today.year - years)
    except ValueError:
        start = today.replace(year=today.year - years, day=28)
    start_at = datetime.combine(start, datetime.min.time(), TEHRAN).astimezone(UTC)
    start_text = start_at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    conn.execute("BEGIN IMMEDIATE")
    buyers: dict[int, list] = defaultdict(lambda: [0, 0, None])

    def add(cid: int, n: int, money: int, day: date) -> None:
        b = buyers[cid]
        b[0] += n
        b[1] += money
        if b[2] is None or day > b[2]:
            b[2] = day

    for cid, n, total, last in conn.execute(
            "SELECT d.contact_id, count(*), sum(d.amount_rial),"
            " max(coalesce(d.closed_at, d.stage_changed_at))"
            " FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id"
            " JOIN contacts c ON c.id = d.contact_id"
            " WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL AND s.outcome = 'won'"
            " AND coalesce(d.closed_at, d.stage_changed_at) >= ? GROUP BY d.contact_id",
            (start_text,)):
        when = datetime.fromisoformat(last).replace(tzinfo=UTC).astimezone(TEHRAN).date()
        add(cid, n, total, when)
    headers = conn.execute(
        "SELECT p.id, coalesce(p.contact_id, d.contact_id), p.issue_date, p.vat_rate"
        " FROM proformas p LEFT JOIN deals d ON d.id = p.deal_id"
        " JOIN contacts c ON c.id = coalesce(p.contact_id, d.contact_id)"
        " WHERE p.status = 'accepted' AND p.issue_date >= ? AND c.deleted_at IS NULL"
        " AND (p.deal_id IS NULL OR d.id IS NULL OR (d.deleted_at IS NULL AND NOT EXISTS"
        " (SELECT 1 FROM pipeline_stages s WHERE s.id = d.stage_id AND s.outcome = 'won')))",
        (start.isoformat(),)).fetchall()
    lines = defaultdict(list)
    for row in conn.execute(
            "SELECT l.proforma_id, l.quantity, l.unit_price_rial, l.discount_kind,"
            " l.discount_value, l.taxable FROM proforma_lines l JOIN proformas p"
            " ON p.id = l.proforma_id WHERE p.status = 'accepted'"):
        lines[row[0]].append(row[1:])
    one = Decimal(1)
    for pid, cid, issued, vat in headers:
        total = 0
        for qty, price, kind, value, taxable in lines[pid]:
            gross = int((Decimal(qty) * price).quantize(one, ROUND_HALF_UP))
            discount = (int((gross * Decimal(value) / 100).quantize(one, ROUND_HALF_UP))
                        if kind == "percent" else int(Decimal(value).quantize(one, ROUND_HALF_UP)))
            net = gross - max(0, min(discount, gross))
            tax = int((net * Decimal(vat) / 100).quantize(one, ROUND_HALF_UP)) if taxable else 0
            total += net + tax
        add(cid, 1, total, date.fromisoformat(issued))
    figs = {cid: (max(0, (today - b[2]).days), b[0], b[1]) for cid, b in buyers.items()}
    n = len(figs)

    def scores(values, best_low: bool) -> dict[int, int]:
        counts = Counter(values)
        out, below = {}, 0
        for v in sorted(counts):
            step = 5 * below // n
            out[v] = 5 - step if best_low else 1 + step
            below += counts[v]
        return out

    r = scores((f[0] for f in figs.values()), True)
    fr = scores((f[1] for f in figs.values()), False)
    mo = scores((f[2] for f in figs.values()), False)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    rows, segments = [], Counter()
    for cid, (days, freq, money) in figs.items():
        rs, fs, ms = r[days], fr[freq], mo[money]
        seg = GRID[rs - 1][(fs + ms + 1) // 2 - 1]
        segments[seg] += 1
        rows.append((cid, days, freq, money, rs, fs, ms, seg, now))
    conn.execute("DELETE FROM contact_rfm")
    conn.executemany("INSERT INTO contact_rfm VALUES (?,?,?,?,?,?,?,?,?)", rows)
    segments["no_purchase"] += conn.execute(
        "INSERT INTO contact_rfm SELECT id, NULL, 0, 0, NULL, NULL, NULL, 'no_purchase', ?"
        " FROM contacts c WHERE deleted_at IS NULL AND NOT EXISTS"
        " (SELECT 1 FROM contact_rfm r WHERE r.contact_id = c.id)", (now,)).rowcount
    conn.execute("INSERT INTO audit_log (at, user_id, entity, entity_id, action, field,"
                 " old_value, new_value) VALUES (?, NULL, 'contact_rfm', 0, 'update',"
                 " 'recompute', NULL, ?)", (now, json.dumps(segments)))
    conn.execute("COMMIT")
    conn.close()
    return segments


# -- the databases ----------------------------------------------------------------------------
def copy_of(contacts: int, folder: Path, heavy: bool) -> Path:
    path = folder / f"rfm-{contacts}-{'heavy' if heavy else 'demo'}.sqlite3"
    with sqlite3.connect(database(contacts)) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    if heavy:
        add_sales(path, contacts)
    return path


def add_sales(path: Path, contacts: int, seed: int = 3) -> None:
    """1.5 won deals per contact over the last three years (raw inserts, bench only)."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    won = conn.execute("SELECT id FROM pipeline_stages WHERE outcome = 'won'").fetchone()[0]
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for i in range(contacts * 3 // 2):
        when = (now - timedelta(days=rng.randrange(0, 3 * 365),
                                minutes=rng.randrange(1440))).strftime("%Y-%m-%d %H:%M:%S.%f")
        rows.append((f"فروش {i}", rng.randrange(1, contacts + 1),
                     rng.randrange(1, 3000) * 1_000_000, won, when, when, when, when, "", ""))
    conn.execute("BEGIN")
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                            " AND tbl_name = 'deals'").fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.executemany(
        "INSERT INTO deals (title, contact_id, amount_rial, stage_id, stage_changed_at,"
        " closed_at, created_at, updated_at, search_name, search_other)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    for _name, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.close()


def median_time(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench_sizes(sizes: list[int], repeat: int, folder: Path) -> None:
    print(f"{'database':<18}{'buyers':>9}{'ours':>10}{'raw':>10}")
    for n in sizes:
        for heavy in (False, True):
            path = copy_of(n, folder, heavy)
            with Core.open(path, create=False) as core:
                ours, counts = median_time(core.rfm.recompute, repeat)
            raw, raw_counts = median_time(lambda p=path: raw_recompute(p), repeat)
            assert isinstance(counts, dict) and isinstance(raw_counts, Counter)
            assert {k: v for k, v in counts.items() if v} == dict(raw_counts), \
                (counts, raw_counts)
            buyers = sum(v for k, v in counts.items() if k != "no_purchase")
            label = f"{n:,} {'heavy' if heavy else 'demo'}"
            print(f"{label:<18}{buyers:>9,}{ours * 1000:>8.0f}ms{raw * 1000:>8.0f}ms",
                  flush=True)


def bench_deal_save(folder: Path, repeat: int) -> None:
    path = copy_of(100_000, folder, heavy=True)
    with Core.open(path, create=False) as core:
        core.rfm.recompute()
        stages = core.stages.list()
        first = stages[0]["id"]
        won = next(s["id"] for s in stages if s["outcome"] == "won")
        contact = core.contacts.list_ids()[0]
        deal = core.deals.create({"title": "bench", "contact_id": contact,
                                  "amount_rial": 7_000_000})

        def win() -> None:
            core.deals.move(deal, won)
            core.deals.move(deal, first)

        with_refresh, _ = median_time(win, repeat * 3)
        real = rfm_service.refresh_in
        rfm_service.refresh_in = lambda session, ids: None  # type: ignore[assignment]
        try:
            without, _ = median_time(win, repeat * 3)
        finally:
            rfm_service.refresh_in = real
        full, _ = median_time(core.rfm.recompute, repeat)
    print(f"\nwinning a deal and moving it back (100,000 heavy, two saves each refreshing"
          f" the contact): {with_refresh * 1000:.0f} ms with the RFM refresh,"
          f" {without * 1000:.0f} ms without; a full recomputation instead would add"
          f" {full * 1000:.0f} ms to each save")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-rfm-") as tmp:
        bench_sizes(args.sizes, args.repeat, Path(tmp))
        if 100_000 in args.sizes:
            bench_deal_save(Path(tmp), args.repeat)


if __name__ == "__main__":
    main()
