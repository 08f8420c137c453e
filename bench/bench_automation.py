"""Automation at 100,000 contacts: each rule kind's look for what fell due (a dry run)
and the rules page, next to a bare program doing the same reads with sqlite3 and
jdatetime; then a real run, next to bare inserts of the same rows (no audit).

    python bench/bench_automation.py [--contacts 100000] [--repeat 5]

Works on a copy of bench/out/demo-N.sqlite3 (bench_dbs.py builds it), with the birthday,
welcome and renewal rules switched on a week ago.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import jdatetime


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bare_birthdays(path: Path, day: jdatetime.date, mds: list[str]) -> list[int]:
    """The birthday read, by hand: candidate "MM-DD"s, then the exact Jalali day."""
    conn = sqlite3.connect(path)
    marks = ",".join("?" * len(mds))
    rows = conn.execute(f"SELECT id, birthday FROM contacts WHERE deleted_at IS NULL AND "
                        f"birth_md IN ({marks}) AND birthday < ?",
                        (*mds, day.togregorian().isoformat())).fetchall()
    conn.close()
    out = []
    for cid, born in rows:
        j = jdatetime.date.fromgregorian(year=int(born[:4]), month=int(born[5:7]),
                                         day=int(born[8:10]))
        if (j.month, j.day) == (day.month, day.day):
            out.append(cid)
    return out


def bare_welcome(path: Path, since: str, now: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT id, customer_since FROM contacts WHERE deleted_at IS NULL "
                        "AND customer_since > ? AND customer_since <= ?",
                        (since, now)).fetchall()
    conn.close()
    return rows


def bare_renewal(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT d.contact_id, MAX(COALESCE(d.closed_at, d.stage_changed_at)) FROM deals d "
        "JOIN pipeline_stages s ON s.id = d.stage_id WHERE s.outcome = 'won' AND "
        "d.deleted_at IS NULL AND d.contact_id IS NOT NULL GROUP BY d.contact_id").fetchall()
    conn.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from bench.bench_dbs import database
    from crm_desktop.core import Core
    from crm_desktop.db import models as m
    from crm_desktop.db.types import utcnow
    from crm_desktop.domain import clock
    from crm_desktop.services.automation import engine
    from crm_desktop.services.automation.kinds import common

    folder = Path(tempfile.mkdtemp(prefix="crm-bench-automation-"))
    path = folder / "crm.sqlite3"
    shutil.copyfile(database(args.contacts), path)
    now = utcnow()
    with Core.open(path) as core:
        with core.db.write() as session:
            for r in session.query(m.AutomationRule).filter(
                    m.AutomationRule.kind.in_(("birthday", "welcome", "renewal"))):
                r.enabled, r.enabled_at = True, now - timedelta(days=7)
        with core.db.raw() as conn:  # the demo's customers became customers when created
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE contacts SET customer_since = created_at WHERE "
                         "lifecycle_stage = 'customer' AND customer_since IS NULL")
            conn.execute("COMMIT")
        with core.db.read() as session:
            rules = {r.kind: r.id for r in session.query(m.AutomationRule)
                     .filter(m.AutomationRule.enabled)}
        print(f"{args.contacts:,} contacts; median of {args.repeat} runs, ms")
        print(f"{'what':34} {'crm':>8} {'bare':>8} {'found':>7}")
        today = clock.local_day(now)
        jday = jdatetime.date.fromgregorian(date=today)
        mds = sorted(common.gregorian_mds((jday.month, jday.day)))
        for kind, bare in (
            ("birthday", lambda: bare_birthdays(path, jday, mds)),
            ("welcome", lambda: bare_welcome(
                path, str(clock.day_bounds(today)[0]).replace("+00:00", ""),
                str(now).replace("+00:00", ""))),
            ("renewal", lambda: bare_renewal(path)),
        ):
            with core.db.read() as session:
                rule = session.get(m.AutomationRule, rules[kind])
                crm = median_ms(lambda s=session, r=rule: engine.plan(s, r, now),
                                args.repeat)
                found = len(engine.plan(session, rule, now)[1])
            print(f"{kind + ' (what is due)':34} {crm:8.1f} {median_ms(bare, args.repeat):8.1f}"
                  f" {found:7,}")
        print(f"{'rules page (rules())':34} "
              f"{median_ms(core.automation.rules, args.repeat):8.1f} {'':>8}")
        start = time.perf_counter()
        report = core.automation.run()
        run_ms = (time.perf_counter() - start) * 1000
    n = len(report.actions)
    conn = sqlite3.connect(path)
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    at = str(now).replace("+00:00", "")
    for i in range(n):  # one outbox row and its log row each, as a run writes them
        cur = conn.execute("INSERT INTO outbox (rule_id, contact_id, channel, recipient, "
                           "body, status, attempts, created_at, updated_at) VALUES "
                           "(1, 1, 'sms', '09120000000', 'x', 'queued', 0, ?, ?)", (at, at))
        conn.execute("INSERT INTO automation_log (rule_id, rule_name, key, contact_id, "
                      "action, detail, due_at, at, outbox_id) VALUES "
                      "(1, 'r', ?, 1, 'sms', 'x', ?, ?, ?)",
                      (f"bench:{i}", at, at, cur.lastrowid))
    conn.execute("ROLLBACK")
    conn.close()
    bare_ms = (time.perf_counter() - start) * 1000
    print(f"{'a run (' + str(n) + ' actions, audited)':34} {run_ms:8.1f} {bare_ms:8.1f}"
          f" {n:7,}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
