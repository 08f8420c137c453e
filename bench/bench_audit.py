"""The audit viewer on a large log: core.audit_log's count and pages (first, middle, last),
filtered by user, by kind of record and days, and searched, next to a bare sqlite3 program
running the same SQL on the same file in the same run (not a test: timings vary on shared
machines). The bare SQL is the list's own (a kind of record with days keeps off the entity
index: `entity || ''`; a search finds its matches in one pass, then orders them).

    python bench/bench_audit.py [--contacts 100000] [--per-contact 4] [--repeat 9]

Works on its own copy of the demo database (bench/out/audit-N.sqlite3, copied from
bench_dbs' demo-N.sqlite3 and upgraded). The demo generator writes no audit rows, so the
copy gets a log of its own once: per contact a "create" row with its values and
`per-contact - 1` "update" rows, by five users, spread over two years (a
100,000-contact business after two years of use).
"""

from __future__ import annotations

import argparse
import json
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

sys.path.insert(0, str(Path(__file__).parent))

from bench_dbs import OUT, database

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.services.base import ListQuery

FIELDS = ("city", "mobile", "lifecycle_stage", "owner_id", "job_title", "email")
PAGE = 200
USERS = 5


def working_copy(contacts: int) -> Path:
    path = OUT / f"audit-{contacts}.sqlite3"
    if not path.exists():
        source = database(contacts)
        shutil.copyfile(source, path.with_suffix(".copying"))
        path.with_suffix(".copying").replace(path)
    return path


def fill_log(path: Path, per_contact: int) -> int:
    conn = sqlite3.connect(path)
    try:
        have = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        if have > 1000:
            return have
        users = [r[0] for r in conn.execute("SELECT id FROM users")]
        while len(users) < USERS:
            n = len(users) + 1
            conn.execute("INSERT INTO users (username, display_name, role, active, "
                         "failed_logins, created_at, updated_at) VALUES (?, ?, 'sales', 1, 0, "
                         "'2025-01-01 00:00:00.000000', '2025-01-01 00:00:00.000000')",
                         (f"user{n}", f"کاربر {n}"))
            users = [r[0] for r in conn.execute("SELECT id FROM users")]
        rnd = random.Random(7)
        start = datetime(2024, 12, 1, tzinfo=UTC)
        span = 730 * 86400
        contacts = conn.execute("SELECT id, first_name, last_name, city FROM contacts"
                                ).fetchall()

        def rows() -> Any:
            for cid, first, last, city in contacts:
                t0 = rnd.randrange(span - 86400 * 30)
                user = rnd.choice(users)
                values = {"first_name": first, "last_name": last, "city": city,
                          "owner_id": str(user)}
                yield (_stamp(start, t0), user, "contacts", cid, "create", None, None,
                       json.dumps(values, ensure_ascii=False, separators=(",", ":")))
                for k in range(per_contact - 1):
                    field = FIELDS[(cid + k) % len(FIELDS)]
                    yield (_stamp(start, t0 + rnd.randrange(1, 86400 * 30)),
                           rnd.choice(users), "contacts", cid, "update", field,
                           f"قدیم {k}", f"جدید {cid % 97}")

        conn.execute("BEGIN")
        conn.executemany("INSERT INTO audit_log (at, user_id, entity, entity_id, action, "
                         "field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         rows())
        conn.execute("COMMIT")
        return conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    finally:
        conn.close()


def _stamp(start: datetime, seconds: int) -> str:
    # as the UTCDateTime column stores an instant
    return (start + timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S.%f")


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


BARE_ROW = ("SELECT a.id, a.at, a.user_id, u.display_name, a.entity, a.entity_id, a.action, "
            "a.field, a.old_value, a.new_value FROM audit_log a LEFT JOIN users u ON "
            "u.id = a.user_id")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--per-contact", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    path = working_copy(args.contacts)
    Core.open(path).close()  # upgraded (the viewer's indexes) before the log is filled
    total = fill_log(path, args.per_contact)
    print(f"{path.name}: {total:,} audit rows")
    core = Core.open(path)
    bare = sqlite3.connect(path)
    log = core.audit_log
    user = bare.execute("SELECT user_id FROM audit_log WHERE user_id IS NOT NULL "
                        "GROUP BY user_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    n_user = log.count(ListQuery(filters={"user_id": user}))
    # a week of Tehran days (1404/03/11 .. 17), as UTC instants the way the column stores them
    lo = clock.day_bounds(date(2025, 6, 1))[0].strftime("%Y-%m-%d %H:%M:%S.%f")
    hi = clock.day_bounds(date(2025, 6, 7))[1].strftime("%Y-%m-%d %H:%M:%S.%f")
    days = {"entity": "contacts", "date_from": "1404/03/11", "date_to": "1404/03/17"}
    n_days = log.count(ListQuery(filters=days))
    mid = total // 2

    cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        ("count, whole log", lambda: log.count(),
         lambda: bare.execute("SELECT count(*) FROM audit_log").fetchone()),
        ("first page (200), newest first", lambda: log.window(ListQuery(), 0, PAGE, total=total),
         lambda: bare.execute(BARE_ROW + " ORDER BY a.at DESC, a.id DESC LIMIT 200").fetchall()),
        ("page at the middle", lambda: log.window(ListQuery(), mid, PAGE, total=total),
         lambda: bare.execute(BARE_ROW + " WHERE a.id IN (SELECT id FROM audit_log ORDER BY "
                              "at DESC, id DESC LIMIT 201 OFFSET ?) ORDER BY a.at DESC, "
                              "a.id DESC", (mid,)).fetchall()),
        ("last page", lambda: log.window(ListQuery(), total - PAGE, PAGE, total=total),
         lambda: bare.execute(BARE_ROW + " WHERE a.id IN (SELECT id FROM audit_log ORDER BY "
                              "at, id LIMIT 201) ORDER BY a.at DESC, a.id DESC").fetchall()),
        (f"count, one user ({n_user:,})",
         lambda: log.count(ListQuery(filters={"user_id": user})),
         lambda: bare.execute("SELECT count(*) FROM audit_log WHERE user_id = ?",
                              (user,)).fetchone()),
        ("first page, one user",
         lambda: log.window(ListQuery(filters={"user_id": user}), 0, PAGE, total=n_user),
         lambda: bare.execute(BARE_ROW + " WHERE a.user_id = ? ORDER BY a.at DESC, a.id DESC "
                              "LIMIT 201", (user,)).fetchall()),
        (f"count, contacts in one week ({n_days:,})",
         lambda: log.count(ListQuery(filters=days)),
         lambda: bare.execute("SELECT count(*) FROM audit_log WHERE entity || '' = 'contacts' "
                              "AND at >= ? AND at < ?", (lo, hi)).fetchone()),
        ("first page, contacts in one week",
         lambda: log.window(ListQuery(filters=days), 0, PAGE, total=n_days),
         lambda: bare.execute(BARE_ROW + " WHERE a.entity || '' = 'contacts' AND a.at >= ? "
                              "AND a.at < ? ORDER BY a.at DESC, a.id DESC LIMIT 201",
                              (lo, hi)).fetchall()),
        ("text search 'جدید 42', its ids",
         lambda: log.list_ids(ListQuery(text="جدید 42")),
         lambda: bare.execute("SELECT id FROM audit_log WHERE id IN (SELECT id FROM audit_log "
                              "WHERE field LIKE ? OR old_value LIKE ? OR new_value LIKE ?) "
                              "ORDER BY at DESC, id DESC", ("%جدید 42%",) * 3).fetchall()),
        ("a record's history", lambda: log.history("contacts", 4242),
         lambda: bare.execute(BARE_ROW + " WHERE a.entity = 'contacts' AND a.entity_id = 4242 "
                              "ORDER BY a.at DESC, a.id DESC LIMIT 1000").fetchall()),
    ]
    print(f"{'':42} {'ours ms':>9} {'bare ms':>9}")
    for name, ours, raw in cases:
        print(f"{name:42} {median_ms(ours, args.repeat):9.2f} "
              f"{median_ms(raw, args.repeat):9.2f}")
    bare.close()
    core.close()


if __name__ == "__main__":
    main()
