"""Club recomputation (every member's balance, 12-month spend and tier) over the demo
database, ours next to a bare program doing the same sums with sqlite3 and plain Python on
the same file. Not a test: timings vary on shared machines. Goal: 100,000 contacts in
under 2 s.

    python bench/bench_club.py [100000] [--repeat 3]

The database (bench/bench_dbs.py; copy bench/out/demo-100000.sqlite3 from another
worktree rather than building it) is copied to a temporary folder first and given 1.5 won
deals per contact over three years (bench_rfm.add_sales), so that nearly every contact is
a member. Then the club is switched on with a start three years back: every sale earns
(one ledger row each, written in bulk) and the points older than 12 months expire; that
step is timed once. Then `ClubService.recompute()` (ours) and `raw_recompute` (bare) are
timed alternately and must find the same members per tier.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_dbs import database
from bench.bench_rfm import add_sales
from crm_desktop.core import Core
from crm_desktop.domain.club import add_months

TEHRAN = ZoneInfo("Asia/Tehran")
TIERS = [{"key": "bronze", "name": "برنزی", "min": 0},
         {"key": "silver", "name": "نقره‌ای", "min": 2_000},
         {"key": "gold", "name": "طلایی", "min": 5_000}]


def raw_recompute(path: Path) -> Counter:
    """The same work as ClubService.recompute on a database with nothing left to expire:
    balances summed from the ledger, the last 12 months' purchases summed as RFM counts
    them, tiers by points, the contact_club rows that differ rewritten, one audit row."""
    conn = sqlite3.connect(path, isolation_level=None)
    today = datetime.now(TEHRAN).date()
    start = add_months(today, -12)
    start_at = datetime.combine(start, datetime.min.time(), TEHRAN).astimezone(UTC)
    start_text = start_at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    conn.execute("BEGIN IMMEDIATE")
    gone = {r[0] for r in conn.execute("SELECT id FROM contacts WHERE deleted_at IS NOT NULL")}
    balances = {cid: n for cid, n in conn.execute(
        "SELECT contact_id, sum(points) FROM club_ledger GROUP BY contact_id")
        if cid not in gone}
    spend: dict[int, int] = defaultdict(int)
    for cid, total in conn.execute(
            "SELECT d.contact_id, sum(d.amount_rial) FROM deals d"
            " JOIN pipeline_stages s ON s.id = d.stage_id JOIN contacts c ON c.id = d.contact_id"
            " WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL AND s.outcome = 'won'"
            " AND coalesce(d.closed_at, d.stage_changed_at) >= ? GROUP BY d.contact_id",
            (start_text,)):
        spend[cid] += total
    headers = conn.execute(
        "SELECT p.id, coalesce(p.contact_id, d.contact_id), p.vat_rate"
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
    for pid, cid, vat in headers:
        for qty, price, kind, value, taxable in lines[pid]:
            gross = int((Decimal(qty) * price).quantize(one, ROUND_HALF_UP))
            discount = (int((gross * Decimal(value) / 100).quantize(one, ROUND_HALF_UP))
                        if kind == "percent" else int(Decimal(value).quantize(one, ROUND_HALF_UP)))
            net = gross - max(0, min(discount, gross))
            tax = int((net * Decimal(vat) / 100).quantize(one, ROUND_HALF_UP)) if taxable else 0
            spend[cid] += net + tax
    mins = [(t["min"], t["key"]) for t in TIERS]
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    stored = {r[0]: r[1:] for r in conn.execute(
        "SELECT contact_id, balance, spend_12m, tier FROM contact_club")}
    rows, tiers = [], Counter()
    for cid in balances.keys() | spend.keys():
        b, s = balances.get(cid, 0), spend.get(cid, 0)
        tier = None
        for low, key in mins:
            if b >= low:
                tier = key
        tiers[tier or "none"] += 1
        if stored.get(cid) != (b, s, tier):
            rows.append((cid, b, s, tier, now))
    conn.executemany("DELETE FROM contact_club WHERE contact_id = ?",
                     [(cid,) for cid in stored.keys() - balances.keys() - spend.keys()])
    conn.executemany("INSERT OR REPLACE INTO contact_club (contact_id, balance, spend_12m,"
                     " tier, computed_at) VALUES (?,?,?,?,?)", rows)
    conn.execute("INSERT INTO audit_log (at, user_id, entity, entity_id, action, field,"
                 " old_value, new_value) VALUES (?, NULL, 'contact_club', 0, 'update',"
                 " 'recompute', NULL, ?)", (now, json.dumps(tiers)))
    conn.execute("COMMIT")
    conn.close()
    return tiers


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int, default=[100_000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'database':<16}{'members':>9}{'ledger':>9}{'switch on':>11}"
              f"{'ours':>9}{'raw':>9}")
        for n in args.sizes:
            path = folder / f"club-{n}.sqlite3"
            with sqlite3.connect(database(n)) as src, sqlite3.connect(path) as dst:
                src.backup(dst)
            add_sales(path, n)
            with Core.open(path, create=False) as core:
                start = time.perf_counter()
                core.club.set_settings({
                    "enabled": True, "rial_per_point": 100_000, "tiers": TIERS,
                    "started_on": add_months(date.today(), -36), "expiry_months": 12})
                switch_on = time.perf_counter() - start
                ours, raw = [], []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    counts = core.club.recompute()
                    ours.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    raw_counts = raw_recompute(path)
                    raw.append(time.perf_counter() - t)
                    assert {k: v for k, v in counts.items() if v} == dict(raw_counts), \
                        (counts, raw_counts)
                with core.db.read() as session:
                    rows = session.connection().exec_driver_sql(
                        "SELECT count(*) FROM club_ledger").scalar_one()
            members = sum(counts.values())
            print(f"{n:>8,} heavy{'':3}{members:>9,}{rows:>9,}{switch_on:>10.2f}s"
                  f"{statistics.median(ours):>8.2f}s{statistics.median(raw):>8.2f}s")


if __name__ == "__main__":
    main()
