"""PostgreSQL next to SQLite at 100,000 contacts: type-ahead search and list pages, each
figure next to a bare program doing the same work with the same library in the same run
(sqlite3 / psycopg). Not a test: timings vary on shared machines.

    python bench/bench_pg.py [--sqlite bench/out/demo-100000.sqlite3]
                             [--pg postgresql://crm@127.0.0.1:55432/pgdesk_bench]
                             [--samples 120] [--repeat 15]

The server database is made from the file with the program's own command first (its time
is the migrate command's speed test):

    crm-desktop migrate --db bench/out/demo-100000.sqlite3 --to postgresql://.../pgdesk_bench

What is timed:
- search: `core.search.search(text)` (four kinds, limit 20) per keystroke of texts typed
  from real records (names letter by letter, 1-3 letter prefixes, two words, surnames,
  mobile prefixes); bare: the index lookup alone per kind with the same expression (FTS5
  MATCH on SQLite, the GIN tsquery on PostgreSQL), LIMIT 20, no ordering, no titles.
- lists: the contact list's count and first page (100 rows by name) through the service,
  and dynamic-list filters (count and first 50 members, ListService); bare: the same SQL
  compiled for the dialect, run on the driver's connection.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_search import pct, timed
from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.db.dialects import PG_ALL
from crm_desktop.db.location import parse_location
from crm_desktop.services import contact_filter as cf
from crm_desktop.services.base import ListQuery
from crm_desktop.services.search import KINDS
from crm_desktop.services.search_query import match_expression, tsquery_expression

TABLES = {"contact": "contacts", "account": "accounts", "deal": "deals", "ticket": "tickets"}
HERE = Path(__file__).parent


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()
    return statistics.median(timed(fn) for _ in range(repeat))


def typed_texts(core: Core, n: int) -> list[str]:
    rng = random.Random(42)
    with core.db.read() as session:
        top = session.scalar(select(func.max(m.Contact.id)))
        ids = rng.sample(range(1, top + 1), n)
        rows = session.execute(select(m.Contact.full_name, m.Contact.mobile)
                               .where(m.Contact.id.in_(ids))).all()
    names = [r[0] for r in rows if r[0]]
    mobiles = [r[1] for r in rows if r[1]]
    out = [name[:k] for name in names[:15] for k in range(1, len(name) + 1)]
    for k in (1, 2, 3):
        out += [name[:k] for name in names[:20]]
    out += [" ".join(w[:3] for w in name.split()[:2]) for name in names[:20]]
    out += [name.split()[-1] for name in names[:20]]
    out += [mobile[:k] for mobile in mobiles[:10] for k in (2, 4, 6, 8)]
    return out


class Bare:
    """The bare program: the driver's own connection, the same lookups."""

    def __init__(self, target: str | Path):
        location = parse_location(target)
        self.postgresql = location.is_server
        if self.postgresql:
            import psycopg

            self.conn: Any = psycopg.connect(host=location.host, port=location.port,
                                             dbname=location.name, user=location.user,
                                             autocommit=True)
            self.dialect: Any = postgresql.dialect()
        else:
            self.conn = sqlite3.connect(location.path)
            self.conn.execute("PRAGMA cache_size = -8000")  # the program's page cache
            self.dialect = sqlite.dialect()

    def search(self, text: str) -> None:
        if self.postgresql:
            expr = tsquery_expression(text)
            if expr is None:
                return
            for kind in KINDS:
                self.conn.execute(f"SELECT id FROM {TABLES[kind]} WHERE {PG_ALL} @@ "
                                  "%s::tsquery LIMIT 20", (expr,)).fetchall()
            return
        expr = match_expression(text)
        if expr is None:
            return
        for kind in KINDS:
            fts = f"{TABLES[kind]}_fts"
            self.conn.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? LIMIT 20",
                              (expr,)).fetchall()

    def sql(self, stmt: Any) -> str:
        return str(stmt.compile(dialect=self.dialect, compile_kwargs={"literal_binds": True}))

    def rows(self, sql: str) -> list[Any]:
        return self.conn.execute(sql).fetchall()


def filters(core: Core) -> dict[str, dict[str, Any]]:
    with core.db.read() as session:
        tags = list(session.scalars(select(m.Tag.name).order_by(m.Tag.id).limit(2)))
        city = session.scalar(select(m.Contact.city).where(m.Contact.city.is_not(None))
                              .group_by(m.Contact.city).order_by(func.count().desc(),
                                                                 m.Contact.city).limit(1))
    return {
        "city + stage": {"cities": [city], "stages": ["customer", "loyal"]},
        "tag any (2)": {"tags": tags},
        "won deals >= 1": {"won_count_min": 1},
        "sms consent + active since": {"sms_consent": True, "activity_after": "2025-03-21"},
    }


def run_search(core: Core, bare: Bare, texts: list[str]) -> tuple[list[float], list[float]]:
    for text in texts[:30]:  # warm both caches alike
        core.search.search(text)
        bare.search(text)
    app: list[float] = []
    raw: list[float] = []
    for i, text in enumerate(texts):
        pair = [lambda t=text: core.search.search(t), lambda t=text: bare.search(t)]
        if i % 2:
            raw.append(timed(pair[1]))
            app.append(timed(pair[0]))
        else:
            app.append(timed(pair[0]))
            raw.append(timed(pair[1]))
    return app, raw


def run_lists(core: Core, bare: Bare, repeat: int) -> list[tuple[str, float, float]]:
    out = []
    c = m.Contact
    live = c.deleted_at.is_(None)
    count_sql = bare.sql(select(func.count()).select_from(c).where(live))
    page_sql = bare.sql(select(c.id, c.full_name, c.mobile, c.city).where(live)
                        .order_by(c.sort_key, c.id).limit(101))
    out.append(("contact list: count", median_ms(core.contacts.count, repeat),
                median_ms(lambda: bare.rows(count_sql), repeat)))
    out.append(("contact list: first page", median_ms(
        lambda: core.contacts.list(ListQuery(limit=100)), repeat),
        median_ms(lambda: bare.rows(page_sql), repeat)))
    for name, doc in filters(core).items():
        spec = {"version": 1, **doc}
        where = cf.parse(spec).where()
        fcount = bare.sql(select(func.count()).select_from(c).where(where))
        fpage = bare.sql(select(c.id, c.full_name, c.mobile, c.email, c.city,
                                c.lifecycle_stage, c.sms_consent, c.email_consent)
                         .where(where).order_by(c.id).limit(51))
        try:
            out.append((f"filter {name}: count",
                        median_ms(lambda s=spec: core.lists.filter_count(s), repeat),
                        median_ms(lambda s=fcount: bare.rows(s), repeat)))
            out.append((f"filter {name}: 50 members",
                        median_ms(lambda s=spec: core.lists.filter_preview(s, 50), repeat),
                        median_ms(lambda s=fpage: bare.rows(s), repeat)))
        except Exception as exc:  # a statement not yet portable: said, not hidden
            print(f"  filter {name}: fails on {core.db.dialect}: {type(exc).__name__}: "
                  f"{str(exc).splitlines()[0][:120]}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sqlite", type=Path, default=HERE / "out" / "demo-100000.sqlite3")
    ap.add_argument("--pg", default="postgresql://crm@127.0.0.1:55432/pgdesk_bench")
    ap.add_argument("--samples", type=int, default=120)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}; ms")
    texts: list[str] = []
    results: dict[str, Any] = {}
    for label, target in (("SQLite", args.sqlite), ("PostgreSQL", args.pg)):
        with Core.open(target) as core:
            if not texts:
                texts = typed_texts(core, args.samples)
            bare = Bare(target)
            if bare.postgresql:
                version = bare.conn.execute("SHOW server_version").fetchone()[0]
                label += f" {version}"
            print(f"\n{label}: {core.contacts.count():,} contacts")
            app, raw = run_search(core, bare, texts)
            print(f"  search, {len(texts)} keystrokes: app p50 {statistics.median(app):6.2f}"
                  f" p95 {pct(app, 95):6.2f} max {max(app):7.2f} | bare p50 "
                  f"{statistics.median(raw):6.2f} p95 {pct(raw, 95):6.2f} max {max(raw):7.2f}")
            for name, a, r in run_lists(core, bare, args.repeat):
                print(f"  {name:<44} app {a:8.2f} | bare {r:8.2f}")
            results[label] = (app, raw)
            bare.conn.close()


if __name__ == "__main__":
    main()
