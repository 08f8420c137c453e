"""Reading a 100,000 x 6 Persian customer sheet for an import: read_sheet next to a bare
read of the same file with the same library, and openpyxl's read-only mode (not a test:
timings vary on shared machines).

    python bench/bench_import_read.py [--rows 100000] [--repeat 3] [--only NAME ...]

The sheet (written once to bench/out/import_read_<rows>.xlsx and .csv, reused after): a
title row and a blank row above the header, then names, mobiles in every form people type
them (09.., +98 .., 0098.., ۰۹.. and a number cell 9121234567), Jalali birth dates as text
(1370/1/5, ۱۳۶۵-۰۸-۲۱), cities, e-mails and national codes (valid check digits, text so
that leading zeros stay). The CSV is UTF-8 with a BOM, as Excel's "CSV UTF-8" saves it.

Each figure is the median of --repeat runs, each in a fresh subprocess with the modules
already imported (as in the program); peak memory is the process's (ru_maxrss):
- `ours-xlsx`: crm_desktop.imports.read_sheet (calamine, the extent check, the header
  found, blank rows dropped, cells normalised, SheetRows made) next to
  `calamine-iter` (python-calamine alone: open, sheet, iter_rows into a list: the same
  calls ours makes), `calamine-list` (its to_python(), one call for the whole sheet) and
  `openpyxl-ro` (openpyxl's read-only mode, values_only rows into a list: the other
  library the issue names);
- `ours-csv`: read_sheet on the CSV (encoding and separator found, header found) next to
  `csv-bare` (csv.reader over the file opened as utf-8-sig, rows into a list).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

OUT = Path(__file__).parent / "out"
FIRST = ("علی", "محمد", "زهرا", "فاطمه", "رضا", "مریم", "حسین", "سارا", "امیر", "نرگس",
         "پژمان", "ژاله", "كاظم", "يوسف")
LAST = ("محمدی", "حسینی", "احمدی", "رضایی", "کریمی", "موسوی", "جعفری", "صادقی", "رحیمی",
        "چگینی", "گودرزی")
CITIES = ("تهران", "اصفهان", "شیراز", "مشهد", "تبریز", "کرج", "قم", "اهواز", "رشت", "کرمان")
HEADER = ("نام و نام خانوادگی", "موبایل", "تاریخ تولد", "شهر", "ایمیل", "کد ملی")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def national_code(i: int) -> str:
    """A valid 10-digit national code (check digit by the rule), leading zeros kept."""
    body = f"{(i * 7919 + 12345) % 10**9:09d}"
    s = sum(int(d) * (10 - k) for k, d in enumerate(body)) % 11
    return body + str(s if s < 2 else 11 - s)


def row(i: int) -> list[Any]:
    name = f"{FIRST[i % len(FIRST)]} {LAST[(i // 7) % len(LAST)]}"
    digits = f"912{i:07d}"[-10:]
    mobile: Any = (f"0{digits}", f"+98 {digits[:3]} {digits[3:6]} {digits[6:]}",
                   f"0098{digits}", f"0{digits}".translate(PERSIAN), int(digits))[i % 5]
    y, m, d = 1340 + i % 60, 1 + i % 12, 1 + i % 29
    birth = f"{y}/{m}/{d}" if i % 2 else f"{y}-{m:02d}-{d:02d}".translate(PERSIAN)
    return [name, mobile, birth, CITIES[i % len(CITIES)], f"user{i}@example.ir",
            national_code(i)]


def make_files(n: int) -> tuple[Path, Path]:
    xlsx, csv_path = OUT / f"import_read_{n}.xlsx", OUT / f"import_read_{n}.csv"
    if xlsx.exists() and csv_path.exists():
        return xlsx, csv_path
    import csv

    import xlsxwriter

    OUT.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(xlsx), {"constant_memory": True})
    ws = book.add_worksheet("مشتریان")
    ws.write_string(0, 0, "لیست مشتریان ۱۴۰۲")
    ws.write_row(2, 0, HEADER)
    with csv_path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(["لیست مشتریان ۱۴۰۲"])
        out.writerow([])
        out.writerow(HEADER)
        for i in range(n):
            values = row(i)
            for c, v in enumerate(values):
                if isinstance(v, str):
                    ws.write_string(3 + i, c, v)
                else:
                    ws.write_number(3 + i, c, v)
            out.writerow(values)
    book.close()
    return xlsx, csv_path


def ours(path: str) -> int:
    from crm_desktop.imports import read_sheet

    return len(read_sheet(path).rows)


def calamine_iter(path: str) -> int:
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(path)
    return len(list(book.get_sheet_by_index(0).iter_rows()))


def calamine_list(path: str) -> int:
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(path)
    return len(book.get_sheet_by_index(0).to_python())


def openpyxl_ro(path: str) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return len(rows)


def csv_bare(path: str) -> int:
    import csv

    with open(path, encoding="utf-8-sig", newline="") as f:
        return len(list(csv.reader(f)))


VARIANTS = {"ours-xlsx": (ours, "xlsx"), "calamine-iter": (calamine_iter, "xlsx"),
            "calamine-list": (calamine_list, "xlsx"), "openpyxl-ro": (openpyxl_ro, "xlsx"),
            "ours-csv": (ours, "csv"), "csv-bare": (csv_bare, "csv")}
PAIRS = (("ours-xlsx", "calamine-iter"), ("ours-xlsx", "calamine-list"),
         ("ours-xlsx", "openpyxl-ro"), ("ours-csv", "csv-bare"))


def child(name: str, path: str) -> None:
    import csv  # noqa: F401 - the modules loaded before the clock, as in the program

    import openpyxl  # noqa: F401
    import python_calamine  # noqa: F401

    import crm_desktop.imports  # noqa: F401
    from crm_desktop.imports import csv_file, encoding, header, workbook  # noqa: F401

    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    rows = VARIANTS[name][0](path)
    took = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (usage.ru_utime + usage.ru_stime) - (before.ru_utime + before.ru_stime)
    print(json.dumps({"seconds": took, "cpu": cpu, "peak_mb": usage.ru_maxrss / 1024,
                      "rows": rows}))


def run(name: str, path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", name, "--path", str(path)],
                         capture_output=True, text=True, check=False,
                         cwd=Path(__file__).parents[1])
    if out.returncode:
        raise SystemExit(f"{name} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", nargs="*", default=None, choices=sorted(VARIANTS))
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--path", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        sys.path.insert(0, str(Path(__file__).parents[1]))
        child(args.child, args.path)
        return
    files = dict(zip(("xlsx", "csv"), make_files(args.rows), strict=True))
    print(f"{args.rows:,} rows x {len(HEADER)} columns, {datetime.now(UTC):%Y-%m-%d %H:%M} "
          f"UTC, python {sys.version.split()[0]}, median of {args.repeat}; xlsx "
          f"{files['xlsx'].stat().st_size / 2**20:.1f} MB, csv "
          f"{files['csv'].stat().st_size / 2**20:.1f} MB")
    results: dict[str, dict[str, float]] = {}
    for name in args.only or list(VARIANTS):
        runs = [run(name, files[VARIANTS[name][1]]) for _ in range(args.repeat)]
        r = {k: statistics.median(x[k] for x in runs) for k in runs[0]}
        results[name] = r
        print(f"  {name:<14} {r['seconds']:6.2f} s (cpu {r['cpu']:5.2f} s)  peak "
              f"{r['peak_mb']:6.1f} MB  {int(r['rows']):,} rows", flush=True)
    print("side by side (ours / bare):")
    for a_name, b_name in PAIRS:
        if a_name in results and b_name in results:
            a, b = results[a_name], results[b_name]
            print(f"  {a_name:<10} {a['seconds']:6.2f} s {a['peak_mb']:6.1f} MB  |  "
                  f"{b_name:<14} {b['seconds']:6.2f} s {b['peak_mb']:6.1f} MB")


if __name__ == "__main__":
    main()
