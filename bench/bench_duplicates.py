"""Finding duplicates at 100,000 contacts: DuplicateService.groups (every reason, and the
exact reasons alone), next to bare programs doing the same work in the same run: a raw
sqlite3 GROUP BY of the same keys, and a bare rapidfuzz pass (the distinct names of each
city compared with cdist at the same cut-off). Not a test: timings vary on shared machines.
Goal: under 2 s for every reason.

    python bench/bench_duplicates.py [--contacts 100000] [--repeat 5]

Works on its own copy of the demo database (bench/out/duplicates-N.sqlite3, copied from
bench_dbs' demo-N.sqlite3), so the shared demo database is never changed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import numpy as np
from bench_dbs import OUT, database
from rapidfuzz import fuzz, process

from crm_desktop.core import Core
from crm_desktop.text.similar import SIMILAR_SCORE


def working_copy(contacts: int) -> Path:
    path = OUT / f"duplicates-{contacts}.sqlite3"
    if not path.exists():
        source = database(contacts)
        shutil.copyfile(source, path.with_suffix(".copying"))
        path.with_suffix(".copying").replace(path)
    return path


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bare_group_by(path: Path) -> int:
    """The exact keys with plain SQL: one GROUP BY per key (mobile with mobile2)."""
    con = sqlite3.connect(path)
    try:
        live = "deleted_at IS NULL"
        queries = [
            f"SELECT v, group_concat(id) FROM (SELECT id, mobile AS v FROM contacts WHERE {live}"
            f" AND mobile IS NOT NULL UNION SELECT id, mobile2 FROM contacts WHERE {live}"
            " AND mobile2 IS NOT NULL) GROUP BY v HAVING count(*) > 1",
            f"SELECT national_code, group_concat(id) FROM contacts WHERE {live} AND"
            " national_code IS NOT NULL GROUP BY national_code HAVING count(*) > 1",
            f"SELECT lower(email), group_concat(id) FROM contacts WHERE {live} AND"
            " email IS NOT NULL GROUP BY lower(email) HAVING count(*) > 1",
        ]
        return sum(len(con.execute(q).fetchall()) for q in queries)
    finally:
        con.close()


_NOT_LETTER = re.compile(r"[\W_]")


def bare_rapidfuzz(path: Path) -> int:
    """The same name comparison without the program: read names and cities, strip all but
    letters, and compare each city's distinct names with cdist at the same cut-off."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute("SELECT full_name, city FROM contacts WHERE deleted_at IS NULL"
                           " AND city IS NOT NULL").fetchall()
    finally:
        con.close()
    by_city: dict[str, set[str]] = defaultdict(set)
    for name, city in rows:
        by_city[city].add(_NOT_LETTER.sub("", name))
    pairs = 0
    for names in by_city.values():
        keys = sorted(names)
        m = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=SIMILAR_SCORE,
                          dtype=np.uint8, workers=-1)
        pairs += (int(np.count_nonzero(m)) - len(keys)) // 2
    return pairs


def bare_rapidfuzz_once(path: Path) -> int:
    """The same, comparing the distinct names of all cities once (names recur in every
    city), then keeping the pairs whose names meet in a city."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute("SELECT full_name, city FROM contacts WHERE deleted_at IS NULL"
                           " AND city IS NOT NULL").fetchall()
    finally:
        con.close()
    cities: dict[str, set[str]] = defaultdict(set)
    for name, city in rows:
        cities[_NOT_LETTER.sub("", name)].add(city)
    keys = sorted(cities)
    m = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=SIMILAR_SCORE,
                      dtype=np.uint8, workers=-1)
    ii, jj = np.nonzero(m)
    return sum(len(cities[keys[i]] & cities[keys[j]])
               for i, j in zip(ii.tolist(), jj.tolist(), strict=True) if i < j)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = working_copy(args.contacts)
    with Core.open(path, create=False) as core:
        dup = core.duplicates
        core.duplicates.groups("contacts", reasons=["email"])  # imports, first read
        t_all, groups = timed(lambda: dup.groups("contacts"), args.repeat)
        exact = ["mobile", "national_code", "email"]
        t_exact, exact_groups = timed(lambda: dup.groups("contacts", reasons=exact),
                                      args.repeat)
        t_companies, companies = timed(lambda: dup.groups("companies"), args.repeat)
        t_rows, _ = timed(lambda: [g.rows for g in groups[:100]], args.repeat)
    t_sql, sql_groups = timed(lambda: bare_group_by(path), args.repeat)
    t_fuzz, fuzz_pairs = timed(lambda: bare_rapidfuzz(path), args.repeat)
    t_once, once_pairs = timed(lambda: bare_rapidfuzz_once(path), args.repeat)
    reasons = Counter(g.reason for g in groups)
    print(f"{args.contacts:,} contacts, median of {args.repeat}")
    print(f"  groups('contacts'), every reason    {t_all * 1000:8.0f} ms  "
          f"{len(groups):,} groups {dict(reasons)}")
    print(f"  groups('contacts'), exact reasons   {t_exact * 1000:8.0f} ms  "
          f"{len(exact_groups):,} groups")
    print(f"  groups('companies'), every reason   {t_companies * 1000:8.0f} ms  "
          f"{len(companies):,} groups")
    print(f"  list rows of the first 100 groups   {t_rows * 1000:8.0f} ms")
    print(f"  bare sqlite3 GROUP BY (3 keys)      {t_sql * 1000:8.0f} ms  {sql_groups:,} groups")
    print(f"  bare rapidfuzz cdist per city       {t_fuzz * 1000:8.0f} ms  "
          f"{fuzz_pairs:,} similar distinct-name pairs")
    print(f"  bare rapidfuzz cdist, names once    {t_once * 1000:8.0f} ms  "
          f"{once_pairs:,} pairs (name pair, city)")


if __name__ == "__main__":
    main()
