"""Every report at 100,000 contacts (not a test: timings vary on shared machines).

    python bench/bench_reports.py [--runs 5] [--period 1405]

For each report, ReportService.run on the 100,000-contact demo database (bench_dbs.py)
for a month and for a year (birthdays: a month; they list people, at most a year), next
to the bare work: the same SQL statements the report ran, captured and run again on a raw
sqlite3 connection (fetchall), in the same process. First run (statements compiled,
caches cold) and the median of the next `--runs`, in ms. The Reports view runs a report
on the GUI thread when every one stays under about 200 ms.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_dbs import database
from sqlalchemy import event

from crm_desktop.core import Core
from crm_desktop.domain.periods import parse_period
from crm_desktop.services.reports import REPORTS, ReportService


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--year", default="1405")
    ap.add_argument("--month", default="1405-08")
    args = ap.parse_args()
    path = database(100_000)
    core = Core.open(path, create=False)
    service = ReportService(core.db)
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                _executemany: bool) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    event.listen(core.db.engine, "before_cursor_execute", capture)
    raw = sqlite3.connect(path)
    print(f"{path.name}: ms, first run / median of {args.runs} (bare: the same SQL on a raw "
          "sqlite3 connection)")
    print(f"{'report':<22}{'period':<10}{'rows':>7}{'first':>9}{'median':>9}{'bare SQL':>10}"
          f"{'statements':>12}")
    worst = 0.0
    for definition in REPORTS:
        for code in (args.month, args.year):
            if definition.name == "birthdays" and code == args.year:
                continue
            period = parse_period(code)
            statements.clear()
            start = time.perf_counter()
            report = service.run(definition.name, period)
            first = time.perf_counter() - start
            ran = list(statements)
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                service.run(definition.name, period)
                times.append(time.perf_counter() - start)
            bare = []
            for _ in range(args.runs):
                start = time.perf_counter()
                for statement, parameters in ran:
                    raw.execute(statement, parameters).fetchall()
                bare.append(time.perf_counter() - start)
            median = statistics.median(times)
            worst = max(worst, median)
            print(f"{definition.name:<22}{code:<10}{len(report.table.rows):>7}{_ms(first):>9}"
                  f"{_ms(median):>9}{_ms(statistics.median(bare)):>10}{len(ran):>12}",
                  flush=True)
    print(f"slowest median: {worst * 1000:.0f} ms")
    core.close()


if __name__ == "__main__":
    main()
