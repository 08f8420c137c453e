"""Exporting 100,000 contacts x 12 columns to XLSX and CSV: time and peak memory (not a
test: timings vary on shared machines). Goal: XLSX under 10 s and under 200 MB.

    python bench/bench_export.py [--rows 100000] [--only NAME ...] [--no-db]

Each figure is one run in a fresh subprocess (its own peak memory, `ru_maxrss`, which
includes the interpreter and the imports), printed next to a bare program writing the same
cells with the same library in the same run. Wall time is what the user waits; the CPU time
beside it (user + system, of the timed part) is what the export costs when other programs
share the cores; the peak memory is the whole process's:

- library choice (the same synthetic rows, made on the fly by one generator):
  `xlsxwriter-features` (constant_memory: right-to-left sheet, styled frozen header with an
  autofilter, column widths, thousands formats, code columns as text, Jalali date text plus
  a real date, formula-like text with a quote prefix) vs `xlsxwriter-bare` (the same cells,
  no formats); `openpyxl-features` (write-only mode, the same features) vs `openpyxl-bare`;
- ours: `ours-xlsx` / `ours-csv` (crm_desktop.export.write_xlsx / write_csv over an
  ExportTable of the same rows) vs `csv-bare` (csv.writer);
- the whole export from the 100,000-contact demo database (bench_dbs):
  `service-xlsx` / `service-csv` (ExportService.table("contacts", ...) with 12 columns,
  streamed from SQLite into the writer) vs `service-rows` (the same rows read and dropped).
  The database is open and the modules loaded before the clock starts (as in the program).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

FIRST = ("علی", "محمد", "زهرا", "فاطمه", "رضا", "مریم", "حسین", "سارا", "امیر", "نرگس")
LAST = ("محمدی", "حسینی", "احمدی", "رضایی", "کریمی", "موسوی", "جعفری", "صادقی", "رحیمی")
CITIES = ("تهران", "اصفهان", "شیراز", "مشهد", "تبریز", "کرج", "قم", "اهواز")
STAGES = ("سرنخ", "مشتری بالقوه", "مشتری", "مشتری وفادار")
OWNERS = ("مدیر سیستم", "کارشناس فروش", "پشتیبانی")
COMPANIES = ("شرکت پارس", "بازرگانی نوین", "صنایع البرز", "", "فروشگاه سپهر")
#: (title, kind) of the 12 columns, as the contacts export has them
COLUMNS = (("نام", "text"), ("موبایل", "code"), ("ایمیل", "text"), ("کد ملی", "code"),
           ("کد پستی", "code"), ("شرکت", "text"), ("شهر", "text"), ("مرحله", "text"),
           ("مسئول", "text"), ("معامله‌های موفق", "integer"),
           ("جمع معامله‌های موفق (ریال)", "money"), ("تاریخ ثبت", "date"))
START = date(2020, 3, 20)


def rows(n: int) -> Iterator[list[Any]]:
    """n deterministic rows of the 12 typed values (made on the fly: no list in memory)."""
    for i in range(n):
        first, last = FIRST[i % len(FIRST)], LAST[(i // 7) % len(LAST)]
        name = f"{first} {last}" if i % 997 else f"=HYPERLINK(\"x\") {first}"  # hostile
        yield [name, f"0912{i:07d}", f"user{i}@example.com" if i % 3 else None,
               f"{i:010d}", f"{(i * 7919) % 10**10:010d}", COMPANIES[i % len(COMPANIES)] or None,
               CITIES[i % len(CITIES)], STAGES[i % len(STAGES)], OWNERS[i % len(OWNERS)],
               i % 5, (i % 5) * 12_500_000, START + timedelta(days=i % 2000)]


def excel_serial(d: date) -> int:
    return (d - date(1899, 12, 30)).days


def jalali(d: date, cache: dict[date, str] = {}) -> str:  # noqa: B006 - a cache on purpose
    text = cache.get(d)
    if text is None:
        from crm_desktop.text.jalali import format_jalali

        text = cache[d] = format_jalali(d, persian=True)
    return text


# -- the library comparison --------------------------------------------------------------
def xlsxwriter_bare(path: str, n: int) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {"constant_memory": True})
    ws = wb.add_worksheet()
    for c, (title, _kind) in enumerate(COLUMNS):
        ws.write_string(0, c, title)
    ws.write_string(0, len(COLUMNS), "میلادی")
    for r, row in enumerate(rows(n), start=1):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                ws.write_string(r, c, value)
            elif isinstance(value, date):
                ws.write_string(r, c, jalali(value))
                ws.write_number(r, c + 1, excel_serial(value))
            else:
                ws.write_number(r, c, value)
    wb.close()


def xlsxwriter_features(path: str, n: int) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_formulas": False,
                                    "strings_to_numbers": False, "strings_to_urls": False})
    ws = wb.add_worksheet("خروجی")
    ws.right_to_left()
    header = wb.add_format({"bold": True, "bg_color": "#E8EEF5", "bottom": 1,
                            "align": "center", "valign": "vcenter", "text_wrap": True})
    code = wb.add_format({"num_format": "@"})
    quoted = wb.add_format({"quote_prefix": True})
    number = wb.add_format({"num_format": "#,##0"})
    real_date = wb.add_format({"num_format": "yyyy-mm-dd"})
    widths = {"text": 22, "code": 14, "integer": 10, "money": 18, "date": 12}
    titles = [t for t, _k in COLUMNS] + ["تاریخ ثبت (میلادی)"]
    for c, title in enumerate(titles):
        ws.write_string(0, c, title, header)
    for c, (_t, kind) in enumerate(COLUMNS):
        ws.set_column(c, c, widths[kind])
    ws.set_column(len(COLUMNS), len(COLUMNS), 12)
    ws.freeze_panes(1, 0)
    kinds = [k for _t, k in COLUMNS]
    for r, row in enumerate(rows(n), start=1):
        for c, value in enumerate(row):
            if value is None:
                continue
            kind = kinds[c]
            if kind == "text":
                ws.write_string(r, c, value, quoted if value[:1] in "=+-@\t\r" else None)
            elif kind == "code":
                ws.write_string(r, c, value, code)
            elif kind == "date":
                ws.write_string(r, c, jalali(value))
                ws.write_number(r, c + 1, excel_serial(value), real_date)
            else:
                ws.write_number(r, c, value, number)
    ws.autofilter(0, 0, n, len(titles) - 1)
    wb.close()


def openpyxl_bare(path: str, n: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append([t for t, _k in COLUMNS] + ["میلادی"])
    for row in rows(n):
        d = row[-1]
        ws.append([*row[:-1], jalali(d), excel_serial(d)])
    wb.save(path)


def openpyxl_features(path: str, n: int) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("خروجی")
    ws.sheet_view.rightToLeft = True
    widths = {"text": 22, "code": 14, "integer": 10, "money": 18, "date": 12}
    letters = "ABCDEFGHIJKLM"
    for c, (_t, kind) in enumerate(COLUMNS):
        ws.column_dimensions[letters[c]].width = widths[kind]
    ws.column_dimensions[letters[len(COLUMNS)]].width = 12
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{letters[len(COLUMNS)]}{n + 1}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E8EEF5")
    border = Border(bottom=Side(style="thin"))
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    head = []
    for title in [t for t, _k in COLUMNS] + ["تاریخ ثبت (میلادی)"]:
        cell = WriteOnlyCell(ws, value=title)
        cell.font, cell.fill, cell.border, cell.alignment = bold, fill, border, center
        head.append(cell)
    ws.append(head)
    kinds = [k for _t, k in COLUMNS]
    for row in rows(n):
        out: list[Any] = []
        for c, value in enumerate(row):
            kind = kinds[c]
            if value is None:
                out.append(None)
            elif kind == "text":
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"  # never a formula
                if value[:1] in "=+-@\t\r":
                    cell.quotePrefix = True
                out.append(cell)
            elif kind == "code":
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"
                cell.number_format = "@"
                out.append(cell)
            elif kind == "date":
                out.append(jalali(value))
                cell = WriteOnlyCell(ws, value=excel_serial(value))
                cell.number_format = "yyyy-mm-dd"
                out.append(cell)
            else:
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "#,##0"
                out.append(cell)
        ws.append(out)
    wb.save(path)


# -- ours ----------------------------------------------------------------------------------
def _table(n: int) -> Any:
    from crm_desktop.export.table import ExportColumn, ExportTable

    columns = [ExportColumn(f"c{i}", title, kind)  # type: ignore[arg-type]
               for i, (title, kind) in enumerate(COLUMNS)]
    return ExportTable(columns, rows(n), row_count=n, lang="fa")


def ours_xlsx(path: str, n: int) -> None:
    from crm_desktop.export.xlsx import write_xlsx

    write_xlsx(_table(n), path)


def ours_csv(path: str, n: int) -> None:
    from crm_desktop.export.csv_file import write_csv

    write_csv(_table(n), path)


def csv_bare(path: str, n: int) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow([t for t, _k in COLUMNS] + ["میلادی"])
        for row in rows(n):
            d = row[-1]
            out.writerow([*row[:-1], jalali(d), d.isoformat()])


# -- from the database -------------------------------------------------------------------------
SERVICE_COLUMNS = ("full_name", "mobile", "email", "national_code", "postal_code", "company",
                   "city", "lifecycle_stage", "owner", "won_deals", "won_total_rial",
                   "created_at")


_OPEN: dict[str, Any] = {}


def open_db(n: int) -> None:
    """Before the clock starts: the program has its database open and these modules
    loaded when the user exports."""
    from bench_dbs import database

    from crm_desktop.core import Core
    from crm_desktop.db.migrate import open_read_only
    from crm_desktop.export import csv_file, xlsx, xlsx_sheet  # noqa: F401 - loaded
    from crm_desktop.services import exports  # noqa: F401 - loaded

    _OPEN["core"] = Core(open_read_only(database(n)), None)


def _service_table(_n: int) -> Any:
    from crm_desktop.services.base import ListQuery, Sort
    from crm_desktop.services.exports import ExportService

    return ExportService(_OPEN["core"].db).table("contacts", ListQuery(sort=Sort("name")),
                                                 SERVICE_COLUMNS, "fa")


def service_xlsx(path: str, n: int) -> None:
    from crm_desktop.export.xlsx import write_xlsx

    write_xlsx(_service_table(n), path)


def service_csv(path: str, n: int) -> None:
    from crm_desktop.export.csv_file import write_csv

    write_csv(_service_table(n), path)


def service_rows(_path: str, n: int) -> None:
    table = _service_table(n)
    count = sum(1 for _row in table.rows)
    assert count == table.row_count, (count, table.row_count)


VARIANTS = {
    "xlsxwriter-features": xlsxwriter_features, "xlsxwriter-bare": xlsxwriter_bare,
    "openpyxl-features": openpyxl_features, "openpyxl-bare": openpyxl_bare,
    "ours-xlsx": ours_xlsx, "ours-csv": ours_csv, "csv-bare": csv_bare,
    "service-xlsx": service_xlsx, "service-csv": service_csv, "service-rows": service_rows,
}
PAIRS = (("xlsxwriter-features", "xlsxwriter-bare"), ("openpyxl-features", "openpyxl-bare"),
         ("ours-xlsx", "xlsxwriter-bare"), ("ours-csv", "csv-bare"),
         ("service-xlsx", "service-rows"), ("service-csv", "service-rows"))
SUFFIX = {"csv": ".csv"}


def child(name: str, n: int, folder: str) -> None:
    path = os.path.join(folder, name + SUFFIX.get(name.rsplit("-", 1)[-1], ".xlsx"))
    if name.startswith("service"):
        open_db(n)
    else:  # the writers' modules loaded, as in the program
        import xlsxwriter  # noqa: F401

        from crm_desktop.export import csv_file, xlsx, xlsx_sheet  # noqa: F401
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    VARIANTS[name](path, n)
    took = time.perf_counter() - start
    size = os.path.getsize(path) if os.path.exists(path) else 0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss / 1024  # KiB on Linux
    cpu = (usage.ru_utime + usage.ru_stime) - (before.ru_utime + before.ru_stime)
    print(json.dumps({"seconds": took, "cpu": cpu,
                      "peak_mb": peak, "size_mb": size / 2**20}))


def run(name: str, n: int, folder: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", name, "--rows", str(n),
                          "--folder", folder], capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"{name} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--only", nargs="*", default=None, choices=sorted(VARIANTS))
    ap.add_argument("--no-db", action="store_true", help="skip the service-* figures")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--folder", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.rows, args.folder)
        return
    names = args.only or [v for v in VARIANTS
                          if not (args.no_db and v.startswith("service"))]
    if any(v.startswith("service") for v in names):
        from bench_dbs import database

        database(args.rows)  # built before timing
    print(f"{args.rows:,} rows x {len(COLUMNS)} columns, {datetime.now(UTC):%Y-%m-%d %H:%M} "
          f"UTC, python {sys.version.split()[0]}")
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        for name in names:
            results[name] = r = run(name, args.rows, folder)
            print(f"  {name:<20} {r['seconds']:6.2f} s (cpu {r['cpu']:6.2f} s)  peak "
                  f"{r['peak_mb']:6.1f} MB  file {r['size_mb']:5.1f} MB", flush=True)
    print("side by side (ours / bare):")
    for ours, bare in PAIRS:
        if ours in results and bare in results:
            a, b = results[ours], results[bare]
            print(f"  {ours:<20} {a['seconds']:6.2f} s (cpu {a['cpu']:5.2f}) {a['peak_mb']:6.1f} MB"
                  f"  |  {bare:<16} {b['seconds']:6.2f} s (cpu {b['cpu']:5.2f}) "
                  f"{b['peak_mb']:6.1f} MB")


if __name__ == "__main__":
    main()
