"""Importing 100,000 contacts (6 columns) into a database of 100,000: reading the file,
checking the rows (plan) and writing them (run), split, next to a bare read of the same
file with the same library and a bare sqlite3 executemany of the same rows, in the same
run (not a test: timings vary on shared machines; the issue's target is under 15 s for
read + check + write).

    python bench/bench_import.py [--rows 100000] [--contacts 100000] [--strategies]

(`--contacts 2000`: the first import of a business moving to the program, into the
README's demo-sized database, the case the issue describes.)

The file (written once to bench/out/import-<rows>.xlsx): a title row and a blank row
above the header «نام و نام خانوادگی، موبایل، شهر، تاریخ تولد، ایمیل، کد ملی», then full
names, mobiles in every form people type them (09.., +98 .., 0098.., Persian digits, a
number cell), cities, Jalali birthdays as text (1370/1/5, ۱۳۶۵-۰۸-۲۱), e-mails and
national codes. About 5% of the rows carry the mobile of a contact already in the
database (duplicates, skipped) and 1% have an error (a short mobile, a wrong check digit,
the 13th month).

The database is a fresh copy of bench/out/demo-<contacts>.sqlite3 (bench_dbs.py builds it
once, or copy it from another worktree's bench/out/) for each measured import.
Figures:
- `read`: crm_desktop.imports.read_sheet; `bare calamine`: python-calamine's iter_rows of
  the same sheet into a list;
- `plan`: the mapping found from the headers, every row cleaned and checked, duplicates
  against the database and within the file, similar names;
- `write`: ImportService.run (one transaction: contacts, audit rows, bookkeeping, search
  index), then `undo` of the same import (ImportService.undo_last); `bare executemany`:
  sqlite3's executemany of the same rows' six cells as text into the same contacts table
  of another copy (its indexes and search triggers live, as a naive import would meet
  them), and into a table without indexes (the floor);
- with --strategies, the search index strategies the writer chose between, on copies
  (their other contact indexes dropped, so that only the search index differs): per-row
  triggers, triggers dropped and the whole index rebuilt, triggers dropped and the new
  rows indexed with one statement per index table (ours).
"""

from __future__ import annotations

import argparse
import itertools
import resource
import shutil
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parents[1]))
sys.path.insert(0, str(Path(__file__).parent))

from bench_import_read import CITIES, FIRST, LAST, PERSIAN, national_code

OUT = Path(__file__).parent / "out"
HEADER = ("نام و نام خانوادگی", "موبایل", "شهر", "تاریخ تولد", "ایمیل", "کد ملی")
DUPLICATE_EVERY = 20  # 5%
ERROR_EVERY = 100  # 1%


def mobile_forms(digits: str, i: int) -> Any:
    return (f"0{digits}", f"+98 {digits[:3]} {digits[3:6]} {digits[6:]}", f"0098{digits}",
            f"0{digits}".translate(PERSIAN), int(digits))[i % 5]


def make_file(n: int, db: Path) -> Path:
    # its duplicates are contacts of `db`: one file per database
    path = OUT / f"import-{n}.xlsx" if db.name == "demo-100000.sqlite3" else \
        OUT / f"import-{n}-{db.stem}.xlsx"
    if path.exists():
        return path
    import xlsxwriter

    conn = sqlite3.connect(db)
    # (mobile, national code): a row with the mobile and another national code would be
    # another person sharing a phone, not a duplicate
    taken = conn.execute(
        "SELECT mobile, national_code FROM contacts WHERE mobile IS NOT NULL ORDER BY id "
        "LIMIT ?", (n // DUPLICATE_EVERY + 1,)).fetchall()
    conn.close()
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("مشتریان")
    ws.write_string(0, 0, "فهرست مشتریان ۱۴۰۴")
    ws.write_row(2, 0, HEADER)
    for i in range(n):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i // 7) % len(LAST)]}"
        duplicate = i % DUPLICATE_EVERY == 3
        # a database smaller than the file's duplicates lends its contacts again
        twin = taken[(i // DUPLICATE_EVERY) % len(taken)]
        digits = twin[0][1:] if duplicate else f"93{i:08d}"[-10:]
        y, m, d = 1340 + i % 60, 1 + i % 12, 1 + i % 29
        birth = f"{y}/{m}/{d}" if i % 2 else f"{y}-{m:02d}-{d:02d}".translate(PERSIAN)
        code = (twin[1] or "") if duplicate else national_code(i)
        mobile = mobile_forms(digits, i)
        if i % ERROR_EVERY == 7:
            kind = (i // ERROR_EVERY) % 3
            mobile = "0912" if kind == 0 else mobile
            code = code[:-1] + str((int(code[-1]) + 1) % 10) if kind == 1 else code
            birth = f"{y}/13/{d}" if kind == 2 else birth
        values = [name, mobile, CITIES[i % len(CITIES)], birth, f"user{i}@example.ir", code]
        for c, v in enumerate(values):
            if isinstance(v, str):
                ws.write_string(3 + i, c, v)
            else:
                ws.write_number(3 + i, c, v)
    book.close()
    return path


def fresh_copy(source: Path, name: str) -> Path:
    target = OUT / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def source_db(contacts: int) -> Path:
    path = OUT / f"demo-{contacts}.sqlite3"
    if not path.exists():
        from bench_dbs import database

        database(contacts)
    # opened once so that its schema is current (an older one is upgraded): the copies
    # measured below then open without a migration
    from crm_desktop.core import Core

    with Core.open(path, create=False) as core, core.db.raw() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def ours(file: Path, db: Path) -> dict[str, float]:
    from crm_desktop.core import Core
    from crm_desktop.imports import read_sheet
    from crm_desktop.services.imports.model import ImportOptions

    with Core.open(db, create=False) as core:
        clock = [(time.perf_counter(), time.process_time())]
        sheet = read_sheet(file)
        clock.append((time.perf_counter(), time.process_time()))
        plan = core.imports.plan("contacts", sheet, core.imports.mapping("contacts",
                                                                         sheet.headers))
        clock.append((time.perf_counter(), time.process_time()))
        batch = core.imports.run(plan, ImportOptions())
        clock.append((time.perf_counter(), time.process_time()))
        counts = plan.counts(ImportOptions())
        undo = (time.perf_counter(), time.process_time())
        core.imports.undo_last()
        undo = (time.perf_counter() - undo[0], time.process_time() - undo[1])
    out = {"rows": len(sheet.rows), "created": batch.created,
           "duplicates": counts.duplicates, "errors": counts.errors,
           "undo": undo[0], "undo_cpu": undo[1]}
    for name, (a, b) in zip(("read", "plan", "write"), itertools.pairwise(clock),
                            strict=True):
        out[name], out[f"{name}_cpu"] = b[0] - a[0], b[1] - a[1]
    return out


def bare_calamine(file: Path) -> tuple[float, list[list[Any]]]:
    import python_calamine

    start = time.perf_counter()
    book = python_calamine.CalamineWorkbook.from_path(str(file))
    rows = list(book.get_sheet_by_index(0).iter_rows())
    return time.perf_counter() - start, rows


#: what contacts' NOT NULL columns get in the bare insert (it has no rules to fill them)
BARE_REQUIRED = {"first_name": "", "full_name": "", "gender": "unspecified",
                 "lifecycle_stage": "lead", "sms_consent": 0, "email_consent": 0,
                 "sort_key": "", "search_name": "", "search_other": "", "account_sort": "",
                 "owner_sort": "", "created_at": "2026-12-01 09:00:00.000000",
                 "updated_at": "2026-12-01 09:00:00.000000"}


def bare_executemany(db: Path, rows: list[list[Any]], *, table: str) -> float:
    """The six cells as text, one executemany (the search text and sort keys left empty:
    the search and the sorted lists would not find these rows)."""
    required = tuple(BARE_REQUIRED.values()) if table == "contacts" else ()
    cells = [(*(str(c) for c in r), *required) for r in rows[3:]]
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    if table != "contacts":
        conn.execute(f"CREATE TABLE {table} (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT, f TEXT)")
    columns = (["last_name", "mobile", "city", "notes", "email", "national_code",
                *BARE_REQUIRED] if table == "contacts" else list("abcdef"))
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                     f"({', '.join('?' * len(columns))})", cells)
    conn.execute("COMMIT")
    took = time.perf_counter() - start
    conn.close()
    return took


def strategies(db: Path, n: int) -> None:
    """The search index at `n` new contacts, each way on a fresh copy whose other contact
    indexes are dropped first (so that only the search index differs): per-row triggers,
    triggers dropped and the whole index rebuilt, triggers dropped and the new rows indexed
    with one statement per index table (ours). Insert + search index, wall and cpu."""
    from crm_desktop.db.bulk import indexes_suspended
    from crm_desktop.db.search_index import indexed_at_end, rebuild

    for name in ("per-row triggers", "drop + rebuild all", "drop + index new rows"):
        copy = fresh_copy(db, "import-strategy.sqlite3")
        conn = sqlite3.connect(copy, isolation_level=None)
        conn.execute("PRAGMA cache_size = -262144")
        first = conn.execute("SELECT max(id) FROM contacts").fetchone()[0] + 1
        columns = [c for c in BARE_REQUIRED if c not in ("created_at", "updated_at")]
        columns += ["last_name", "created_at", "updated_at"]
        rows = conn.execute(f"SELECT {', '.join(columns)} FROM contacts ORDER BY id LIMIT ?",
                            (n,)).fetchall()
        rows = [(first + i, *r) for i, r in enumerate(rows)]
        sql = (f"INSERT INTO contacts (id, {', '.join(columns)}) "
               f"VALUES ({', '.join('?' * (len(columns) + 1))})")
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                " AND name LIKE 'contacts_fts%'").fetchall()
        conn.execute("BEGIN IMMEDIATE")
        with indexes_suspended(conn, ["contacts"], rolled_back=True):
            wall, cpu = time.perf_counter(), time.process_time()
            if name == "per-row triggers":
                conn.executemany(sql, rows)
            elif name == "drop + rebuild all":
                for trigger, _sql in triggers:
                    conn.execute(f'DROP TRIGGER "{trigger}"')
                conn.executemany(sql, rows)
                rebuild(conn)
                for _trigger, trigger_sql in triggers:
                    conn.execute(trigger_sql)
            else:
                with indexed_at_end(conn, ["contacts"]):
                    conn.executemany(sql, rows)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        conn.execute("ROLLBACK")
        print(f"  search index, {name:<22} {wall:6.2f} s (cpu {cpu:5.2f} s)", flush=True)
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--strategies", action="store_true")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    source = source_db(args.contacts)
    file = make_file(args.rows, source)
    # the program's modules loaded before the clock, as in the program
    import python_calamine  # noqa: F401

    import crm_desktop.imports
    import crm_desktop.services.imports.write  # noqa: F401

    print(f"{args.rows:,} rows x {len(HEADER)} columns into {args.contacts:,} contacts; "
          f"file {file.stat().st_size / 2**20:.1f} MB; python {sys.version.split()[0]}",
          flush=True)
    took, raw_rows = bare_calamine(file)
    print(f"  bare calamine read                {took:6.2f} s", flush=True)
    r = ours(file, fresh_copy(source, "import-target.sqlite3"))
    total = r["read"] + r["plan"] + r["write"]
    cpu = r["read_cpu"] + r["plan_cpu"] + r["write_cpu"]
    print(f"  ours: read {r['read']:.2f} s + plan {r['plan']:.2f} s + write "
          f"{r['write']:.2f} s = {total:.2f} s wall  ({int(r['rows']):,} rows: "
          f"{int(r['created']):,} created, {int(r['duplicates']):,} duplicates skipped, "
          f"{int(r['errors']):,} with errors; peak "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)", flush=True)
    print(f"        cpu: read {r['read_cpu']:.2f} s + plan {r['plan_cpu']:.2f} s + write "
          f"{r['write_cpu']:.2f} s = {cpu:.2f} s (the process's own time: the machine's "
          "other work left out)", flush=True)
    print(f"  undo of that import               {r['undo']:6.2f} s (cpu {r['undo_cpu']:.2f} s)",
          flush=True)
    bare = bare_executemany(fresh_copy(source, "import-bare.sqlite3"), raw_rows,
                            table="contacts")
    print(f"  bare executemany into contacts    {bare:6.2f} s (its indexes and search "
          "triggers live)", flush=True)
    floor = bare_executemany(fresh_copy(source, "import-bare.sqlite3"), raw_rows,
                             table="bare_rows")
    print(f"  bare executemany, no indexes      {floor:6.2f} s", flush=True)
    print(f"  target: read + plan + write under 15 s: {'yes' if total < 15 else 'NO'} "
          f"(wall), {'yes' if cpu < 15 else 'NO'} (cpu)")
    if args.strategies:
        strategies(source, args.rows)
    for name in ("import-target.sqlite3", "import-bare.sqlite3", "import-strategy.sqlite3"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{OUT / name}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
