"""Report PDF speed: a 5,000-row Persian report written by write_report_pdf, next to a bare
reportlab program writing the same table (not a test: timings vary on shared machines).

    python bench/bench_report_pdf.py [--runs 3] [--rows 5000]

Two tables from the 100,000-contact demo database (bench_dbs.py): the birthdays of a month
(short names, dates, mobiles) and the customers of two and a half years (longer company
names that wrap), each cut to `--rows` rows. Every figure is a fresh process (cold: fonts
registered, shaping caches empty, as a user's first export), the median of `--runs`:

* ours: write_report_pdf as the program runs it (word-level shaping cache, the table cut
  into pages by hand, reportlab's C accelerator rl-accel);
* ours, no accelerator: the same with reportlab's pure-Python fallbacks;
* bare reportlab: SimpleDocTemplate and one LongTable with repeatRows=1 (reportlab splits
  it at every page), every cell reshaped and reordered on its own (arabic_reshaper +
  bidi, no cache), a page number on each page: the straightforward program.

Goal: the 5,000-row report in under 3 s. Wall time and the process's CPU time are both
printed: on a shared machine the wall time also counts the other programs' turns.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPORTS = {"birthdays": "1405-08", "customers": "1403-01-01..1405-09-09"}


def _report(name: str, rows: int):
    sys.path.insert(0, str(HERE))
    from bench_dbs import database

    from crm_desktop.core import Core
    from crm_desktop.domain.periods import parse_period
    from crm_desktop.services.reports import ReportService

    with Core.open(database(100_000), create=False) as core:
        report = ReportService(core.db).run(name, parse_period(REPORTS[name]))
    report.table.rows = report.table.rows[:rows]
    report.table.row_count = len(report.table.rows)
    return report


def child(kind: str, name: str, rows: int, out: str) -> None:
    """One measured run (in its own process); prints seconds and pages."""
    if kind == "ours-noaccel":
        sys.modules["_rl_accel"] = None  # type: ignore[assignment]  # reportlab falls back
    report = _report(name, rows)
    if kind.startswith("ours"):
        from crm_desktop.export.pdf.report import write_report_pdf as write
    else:
        write = bare
    cpu, start = time.process_time(), time.perf_counter()
    write(report, out)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{took:.3f} {cpu:.3f} {_pages(out)}")


def bare(report, out: str) -> None:
    """The same table with reportlab as one would first write it."""
    import arabic_reshaper
    from bidi.algorithm import get_display
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle

    from crm_desktop.export.pdf.proforma import FONT, FONT_BOLD, register_fonts
    from crm_desktop.text.cell_text import cell_text

    register_fonts()
    table = report.table

    def shaped(text: str) -> str:
        return get_display(arabic_reshaper.reshape(text), base_dir="R")

    columns = list(table.columns)
    data = [[shaped(c.title) for c in columns]]
    for row in [*table.rows, table.total]:
        data.append([shaped(cell_text(v, c.kind, "fa")) for v, c in zip(row, columns,
                                                                         strict=True)])
    data = [r[::-1] for r in data]
    width = A4[0] - 24 * mm - 12
    t = LongTable(data, colWidths=[width / len(columns)] * len(columns), repeatRows=1)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F6F8FA")]),
        ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black)]))

    def page(canvas, doc) -> None:
        canvas.setFont(FONT, 7.5)
        canvas.drawCentredString(A4[0] / 2, 6 * mm, shaped(f"صفحه {doc.page}"))

    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=12 * mm, bottomMargin=12 * mm)
    doc.build([t], onFirstPage=page, onLaterPages=page)


def _pages(path: str) -> int:
    import re

    data = Path(path).read_bytes()
    return len(re.findall(rb"/Type /Page\b", data))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--child", nargs=3, metavar=("KIND", "REPORT", "OUT"))
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.rows, args.child[2])
        return
    sys.path.insert(0, str(HERE))
    from bench_dbs import database

    database(100_000)  # built once, before anything is timed
    labels = {"ours": "write_report_pdf", "ours-noaccel": "write_report_pdf, no rl-accel",
              "bare": "bare reportlab (one LongTable)"}
    print(f"{'table':<11}{'program':<34}{'rows':>6}{'pages':>7}{'wall s':>8}{'CPU s':>7}"
          "  (median of the runs; CPU: this process only, the machine's other load left "
          "out)")
    with tempfile.TemporaryDirectory() as folder:
        for name in REPORTS:
            for kind, label in labels.items():
                times, cpus, pages = [], [], 0
                for i in range(args.runs):
                    out = os.path.join(folder, f"{name}-{kind}-{i}.pdf")
                    got = subprocess.run(
                        [sys.executable, __file__, "--rows", str(args.rows), "--child", kind,
                         name, out], capture_output=True, text=True, check=True
                    ).stdout.split()
                    times.append(float(got[0]))
                    cpus.append(float(got[1]))
                    pages = int(got[2])
                rows = _rows(name, args.rows)
                print(f"{name:<11}{label:<34}{rows:>6}{pages:>7}"
                      f"{statistics.median(times):>8.2f}{statistics.median(cpus):>7.2f}",
                      flush=True)


def _rows(name: str, rows: int) -> int:
    return len(_report(name, rows).table.rows)


if __name__ == "__main__":
    main()
