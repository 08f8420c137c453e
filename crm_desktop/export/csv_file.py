"""An ExportTable as CSV: UTF-8 with a byte-order mark (so Excel reads Persian), comma
separated, CRLF line ends, and quotes where RFC 4180 needs them (a field holding a comma,
a quote, CR or LF is quoted; its quotes are doubled).

The columns are the xlsx writer's (cells.sheet_columns): a header row with the titles,
then one line per row, then the total row when the table has one (the title lines of a
report are not data and are left out). Numbers are plain (1250000, 0.125: no thousands
separator, so a program reading the file gets a number); dates are Jalali text as in the
workbook, with the real date as ISO 8601 (2026-11-22, 2026-11-22 14:30 on the business's
clock) in the next column; codes are written as they are (an SMS panel reads the mobiles;
open the .xlsx to keep leading zeros in Excel).

Formula-like text (cells.FORMULA_START: =, +, -, @, tab, CR at the start) gets a leading
apostrophe, as OWASP advises against CSV injection: a spreadsheet opening the file shows
the text and never evaluates it. The apostrophe is visible there; it is the price of
safety, and only such text pays it. Numbers (a negative amount) are never touched.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from crm_desktop.export import cells
from crm_desktop.export.atomic import atomic_file
from crm_desktop.export.table import Cancelled, ExportTable, Progress, checkpoint


def neutral(text: str) -> str:
    """Text as a CSV field a spreadsheet will not evaluate."""
    return "'" + text if cells.formula_like(text) else text


def write_csv(table: ExportTable, path: str | Path, *, progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> int:
    """Write `table` to `path` (replaced only when complete); returns the rows written.
    ExportCancelled when `cancelled()` turned true: nothing is left behind."""
    columns = cells.sheet_columns(table.columns, table.lang)
    persian = table.lang == "fa"
    rows = iter(table.rows)
    n = 0
    try:
        with atomic_file(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh, dialect="excel")  # comma, CRLF, minimal quoting, "" in "
            out.writerow([neutral(c.title) for c in columns])
            for values in rows:
                out.writerow(_fields(columns, values, persian))
                n += 1
                checkpoint(n, progress, cancelled)
            checkpoint(n, progress, cancelled, final=True)
            if table.total is not None:
                out.writerow(_fields(columns, table.total, persian))
    finally:
        close = getattr(rows, "close", None)
        if close is not None:  # a generator reading the database: its read ends now
            close()
    if progress is not None:
        progress(n)
    return n


def _fields(columns: list[cells.SheetColumn], values: Any, persian: bool) -> list[str]:
    out = []
    for column in columns:
        try:
            value = values[column.source]
        except (IndexError, KeyError, TypeError):
            value = None
        out.append(_field(column.kind, value, persian))
    return out


def _field(kind: str, value: Any, persian: bool) -> str:
    if value is None:
        return ""
    if kind in cells.NUMBER_KINDS:
        number = cells.number(value, kind)
        if number is not None:
            return str(number)
    elif kind == "real_date":
        real = cells.real_date(value)
        if real is None:
            return ""
        return real.isoformat(" ", "minutes") if hasattr(real, "hour") else real.isoformat()
    elif kind in cells.DATE_KINDS:
        text = cells.jalali_text(value, persian)
        if text is not None:
            return text
    return neutral(cells.clean_text(value))
