"""Every KPI of a period at 100,000 contacts (services/kpis.py), next to a bare program
running the same aggregate SQL through sqlite3 on the same file. Not a test: timings vary
on shared machines. Goal (issue 11): all the KPIs of one period in under 300 ms.

    python bench/bench_kpis.py [--repeat 7] [--shape demo heavy]

Two databases, opened read-only (nothing is written to them):

* demo: bench/out/demo-100000.sqlite3 as bench/bench_dbs.py builds it (10,000 deals,
  5,000 tickets, 50,000 activities; the demo sets no first response on its tickets);
* heavy: bench/out/kpi-heavy-100000.sqlite3, built once from it and kept: 60,000 deals
  (won and lost ones closed over two years, open ones expected over the coming months),
  50,000 tickets with first responses, 500,000 activities.

For this month, last month, this quarter and this year (the dashboard's choices):
`compute()` (one period) and `compare()` (two periods), the first run apart (statements
compiled, pages read from disk) and the median and max of the next runs. "bare": the very
statement and parameters SQLAlchemy sent, run through sqlite3 and fetched. Then the time
of each of the six aggregates alone (bare), to see where the time goes, and the chart
series of the dashboard.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event

from bench.bench_dbs import OUT, database
from crm_desktop.core import Core
from crm_desktop.db.migrate import open_read_only
from crm_desktop.domain import periods
from crm_desktop.services import kpis
from crm_desktop.services.kpis import KpiService

TARGET_MS = 300.0
CONTACTS = 100_000
HEAVY_DEALS, HEAVY_TICKETS, HEAVY_ACTIVITIES = 60_000, 50_000, 500_000


# -- the heavy database ---------------------------------------------------------------------
def _ts(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def heavy_database() -> Path:
    """The demo database with more deals, tickets (answered) and activities; kept."""
    path = OUT / f"kpi-heavy-{CONTACTS}.sqlite3"
    if path.exists():
        return path
    from crm_desktop.db.search_index import triggers_suspended
    from crm_desktop.text.jalali import jalali_year

    start = time.perf_counter()
    partial = path.with_suffix(".building")
    shutil.copyfile(database(CONTACTS), partial)
    rng = random.Random(11)
    now = datetime.now(UTC).replace(microsecond=0)

    def past(days: int) -> datetime:
        return now - timedelta(days=rng.randrange(days), seconds=rng.randrange(86400))

    conn = sqlite3.connect(partial, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    with triggers_suspended(conn):
        users = [r[0] for r in conn.execute("SELECT id FROM users")]
        stages = conn.execute("SELECT id, outcome FROM pipeline_stages").fetchall()
        n_contacts = conn.execute("SELECT max(id) FROM contacts").fetchone()[0]
        # deals
        have = conn.execute("SELECT count(*) FROM deals").fetchone()[0]
        deals = []
        for i in range(HEAVY_DEALS - have):
            sid, outcome = rng.choices(stages, [10, 10, 10, 10, 35, 25][:len(stages)])[0]
            created = past(730)
            closed = min(created + timedelta(days=rng.randrange(0, 60)), now)
            expected = (now.date() + timedelta(days=rng.randrange(-20, 120))
                        if outcome == "open" else closed.date())
            deals.append((f"معامله {i}", rng.randrange(1, n_contacts + 1),
                          rng.randrange(5, 5000) * 1_000_000, sid,
                          _ts(closed if outcome != "open" else created), expected.isoformat(),
                          "گران" if outcome == "lost" else None,
                          _ts(closed) if outcome != "open" else None, rng.choice(users),
                          _ts(created), _ts(created)))
        conn.executemany(
            "INSERT INTO deals (title, contact_id, amount_rial, stage_id, stage_changed_at,"
            " expected_close, lost_reason, closed_at, owner_id, created_at, updated_at,"
            " search_name, search_other) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')",
            deals)
        # every ticket answered (most within hours), then new ones up to HEAVY_TICKETS
        conn.executemany(
            "UPDATE tickets SET first_response_at = ? WHERE id = ?",
            [(_ts(datetime.fromisoformat(c).replace(tzinfo=UTC)
                  + timedelta(minutes=rng.randrange(1, 600))), tid)
             for tid, c in conn.execute("SELECT id, created_at FROM tickets").fetchall()])
        seq = dict(conn.execute("SELECT year, max(seq) FROM tickets GROUP BY year"))
        have = conn.execute("SELECT count(*) FROM tickets").fetchone()[0]
        tickets = []
        for created in sorted(past(730) for _ in range(HEAVY_TICKETS - have)):
            year = jalali_year(created.date())
            seq[year] = seq.get(year, 0) + 1
            closed = created + timedelta(hours=rng.randrange(1, 200))
            is_closed = closed < now and rng.random() < 0.85
            tickets.append((
                year, seq[year], "درخواست", rng.randrange(1, n_contacts + 1),
                rng.choice(["complaint", "request", "question", "technical"]),
                "closed" if is_closed else "open",
                _ts(created + timedelta(hours=rng.choice([4, 8, 24, 72]))),
                _ts(created + timedelta(minutes=rng.randrange(1, 600))),
                rng.choice(users),
                rng.choice([1, 2, 3, 4, 5, None]) if is_closed else None,
                _ts(closed) if is_closed else None, _ts(created), _ts(created)))
        conn.executemany(
            "INSERT INTO tickets (year, seq, subject, contact_id, category, status,"
            " sla_due_at, first_response_at, assignee_id, satisfaction, closed_at,"
            " created_at, updated_at, priority, channel, search_name, search_other)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'normal', 'phone', '', '')",
            tickets)
        # activities
        have = conn.execute("SELECT count(*) FROM activities").fetchone()[0]
        acts = []
        for _ in range(HEAVY_ACTIVITIES - have):
            due = past(730)
            done = due if rng.random() < 0.8 else None
            acts.append(("call", "تماس", _ts(due), _ts(done) if done else None,
                         rng.randrange(1, n_contacts + 1), rng.choice(users), _ts(due),
                         _ts(due)))
        conn.executemany(
            "INSERT INTO activities (kind, subject, due_at, done_at, contact_id, owner_id,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", acts)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    partial.replace(path)
    print(f"built {path.name} in {time.perf_counter() - start:.1f} s")
    return path


# -- measuring --------------------------------------------------------------------------------
def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, float]:
    """(first run, median, max of the next `repeat`) in milliseconds."""
    t0 = time.perf_counter()
    fn()
    first = (time.perf_counter() - t0) * 1000
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return first, statistics.median(runs), max(runs)


def captured(core: Core, fn: Callable[[], Any]) -> list[tuple[str, Any]]:
    """The statements (and parameters) `fn` sends."""
    seen: list[tuple[str, Any]] = []

    def hook(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(core.db.engine, "before_cursor_execute", hook)
    try:
        fn()
    finally:
        event.remove(core.db.engine, "before_cursor_execute", hook)
    return seen


def line(label: str, ours: tuple[float, float, float],
         bare: tuple[float, float, float] | None = None, *, goal: bool = False) -> str:
    text = (f"  {label:<34} first {ours[0]:7.1f}  median {ours[1]:7.1f}  max {ours[2]:7.1f} ms")
    if bare is not None:
        text += f"   | bare sqlite3: median {bare[1]:6.1f} ms"
    if goal and ours[1] > TARGET_MS:
        text += f"   OVER {TARGET_MS:.0f} ms"
    return text


def bare_run(raw: sqlite3.Connection, statements: list[tuple[str, Any]]) -> None:
    for sql, params in statements:
        raw.execute(sql, params).fetchall()


def bench(path: Path, repeat: int) -> None:
    db = open_read_only(path)
    core = Core(db, None)
    service = KpiService(core.db)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with raw:
        counts = {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("contacts", "deals", "tickets", "activities")}
    print(f"\n{path.name}: " + ", ".join(f"{n:,} {t}" for t, n in counts.items()))
    choices = {"this month": periods.this_month(), "last month": periods.last_month(),
               "this quarter": periods.this_quarter(), "this year": periods.this_year()}
    for name, period in choices.items():
        one = [s for s in captured(core, lambda p=period: service.compute(p))
               if "k_contacts" in s[0]]
        two = [s for s in captured(core, lambda p=period: service.compare(p))
               if "k_contacts" in s[0]]
        print(line(f"compute, {name} ({period.code()})",
                   timed(lambda p=period: service.compute(p), repeat),
                   timed(lambda one=one: bare_run(raw, one), repeat), goal=True))
        print(line(f"compare, {name} (2 periods)",
                   timed(lambda p=period: service.compare(p), repeat),
                   timed(lambda two=two: bare_run(raw, two), repeat)))
    owner = raw.execute("SELECT owner_id FROM deals GROUP BY owner_id ORDER BY count(*) DESC"
                        " LIMIT 1").fetchone()[0]
    year = periods.this_year()
    print(line(f"compute, this year, owner {owner}",
               timed(lambda: service.compute(year, owner), repeat), goal=True))
    # where the time goes: each aggregate alone, bare
    print("  each aggregate alone (this year, bare sqlite3 median):", end="")
    for name, build in kpis.PARTS.items():
        q = build(False)
        sql, params = next(s for s in captured(core, lambda q=q: _run(core, q, year))
                           if s[0].lstrip().startswith("SELECT"))
        ms = timed(lambda sql=sql, params=params: raw.execute(sql, params).fetchall(),
                   repeat)[1]
        print(f" {name[2:]} {ms:.1f}", end="")
    print(" ms")
    for name, fn in (
        ("revenue by month (12)", lambda: service.revenue_by_month(year)),
        ("funnel", lambda: service.funnel(year)),
        ("lead sources", lambda: service.lead_sources(year)),
        ("tickets by category", lambda: service.tickets_by_category(year)),
        ("satisfaction by month (12)", lambda: service.csat_by_month(year)),
    ):
        print(line(f"series: {name}", timed(fn, repeat)))
    raw.close()
    core.close()


def _run(core: Core, q: Any, period: periods.Period) -> None:
    with core.db.read() as session:
        session.execute(q, kpis.parameters(period)).all()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--shape", nargs="*", choices=("demo", "heavy"),
                    default=["demo", "heavy"])
    args = ap.parse_args()
    print(f"today {date.today()}; goal: one period under {TARGET_MS:.0f} ms")
    paths = {"demo": lambda: database(CONTACTS), "heavy": heavy_database}
    for shape in args.shape:
        bench(paths[shape](), args.repeat)


if __name__ == "__main__":
    main()
