"""Dynamic marketing lists at 100,000 contacts: a filter list's member count and first page
(50 members) through ListService, next to a raw sqlite3 program running the same SQL on the
same file (not a test: timings vary on shared machines). Goal: under 100 ms each.

    python bench/bench_lists.py [--contacts 100000] [--repeat 15]

Works on its own copy of the demo database (bench/out/lists-N.sqlite3, copied from
bench_dbs' demo-N.sqlite3 and upgraded), so the shared demo database is never changed.
No ANALYZE is run: the program never runs it (statistics made the contact count a table
scan, see db/engine.py), so the query planner works without statistics here as it does on
a user's database. The demo data has no RFM segments: the
copy gets one of eight per contact (by id), so that the segment filter finds something.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_dbs import OUT, database
from sqlalchemy import func, select
from sqlalchemy.dialects import sqlite

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.services import contact_filter as cf
from crm_desktop.services.base import ListQuery

SEGMENTS = ("champions", "loyal", "potential_loyalist", "new", "at_risk", "cant_lose",
            "hibernating", "lost")
PAGE = 50


def working_copy(contacts: int) -> Path:
    path = OUT / f"lists-{contacts}.sqlite3"
    if not path.exists():
        source = database(contacts)
        shutil.copyfile(source, path.with_suffix(".copying"))
        path.with_suffix(".copying").replace(path)
    return path


def fill_segments(core: Core) -> None:
    with core.db.raw() as conn:
        if conn.execute("SELECT count(*) FROM contact_rfm").fetchone()[0]:
            return
        cases = " ".join(f"WHEN {i} THEN '{s}'" for i, s in enumerate(SEGMENTS))
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO contact_rfm (contact_id, frequency, monetary_rial, segment, computed_at)"
            f" SELECT id, 0, 0, CASE id % {len(SEGMENTS)} {cases} END, '2026-01-01 00:00:00'"
            " FROM contacts WHERE deleted_at IS NULL")
        conn.execute("COMMIT")


def filters(core: Core) -> dict[str, dict[str, Any]]:
    with core.db.raw() as conn:
        tags = [r[0] for r in conn.execute("SELECT name FROM tags ORDER BY id LIMIT 2")]
        city = conn.execute("SELECT city FROM contacts WHERE city IS NOT NULL GROUP BY city"
                            " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    return {
        "city + stage": {"cities": [city], "stages": ["customer", "loyal"]},
        "tag any (2)": {"tags": tags},
        "tags all (2)": {"tags": tags, "tags_mode": "all"},
        "birthday month Esfand": {"birth_months": [12]},
        "won total 10M-2B Rial": {"won_total_min": 10_000_000, "won_total_max": 2_000_000_000},
        "won deals >= 1": {"won_count_min": 1},
        "segment champions": {"segments": ["champions"]},
        "sms consent + active since": {"sms_consent": True, "activity_after": "2025-03-21"},
        "no activity since (or never)": {"activity_before": "2025-03-21"},
    }


def raw_sql(stmt: Any) -> str:
    return str(stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def median_ms(fn: Any, repeat: int) -> float:
    fn()  # warm the page cache and the statement cache
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    path = working_copy(args.contacts)
    with Core.open(path) as core:
        fill_segments(core)
        live = core.contacts.count()
        print(f"{path.name}: {live:,} live contacts; median of {args.repeat} runs, ms")
        print(f"{'filter':32} {'members':>8} {'count':>7} {'raw':>6} {'page':>7} {'raw':>6}")
        raw = sqlite3.connect(path)
        for name, doc in filters(core).items():
            spec = {"version": 1, **doc}
            where = cf.parse(spec).where()
            count_sql = raw_sql(select(func.count()).select_from(m.Contact).where(where))
            page_sql = raw_sql(select(m.Contact.id, m.Contact.full_name, m.Contact.mobile,
                                      m.Contact.email, m.Contact.city,
                                      m.Contact.lifecycle_stage, m.Contact.sms_consent,
                                      m.Contact.email_consent)
                               .where(where).order_by(m.Contact.id).limit(PAGE + 1))
            n = core.lists.filter_count(spec)
            assert n == raw.execute(count_sql).fetchone()[0], name
            assert ([r["id"] for r in core.lists.filter_preview(spec, PAGE)]
                    == [r[0] for r in raw.execute(page_sql).fetchall()[:PAGE]]), name
            lid = core.lists.create({"name": f"bench {name}", "kind": "filter",
                                     "filter_json": spec})
            count = median_ms(lambda lid=lid: core.lists.member_count(lid), args.repeat)
            count_raw = median_ms(lambda s=count_sql: raw.execute(s).fetchone(), args.repeat)
            page = median_ms(lambda lid=lid: core.lists.members(lid, ListQuery(limit=PAGE)),
                             args.repeat)
            page_raw = median_ms(lambda s=page_sql: raw.execute(s).fetchall(), args.repeat)
            core.lists.delete(lid)
            print(f"{name:32} {n:>8,} {count:7.1f} {count_raw:6.1f} {page:7.1f} {page_raw:6.1f}")
        raw.close()


if __name__ == "__main__":
    main()
