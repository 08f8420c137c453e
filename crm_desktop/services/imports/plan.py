"""A read sheet + a mapping -> a checked ImportPlan (reads only), and the error workbook.

    plan = make_plan(db, "contacts", sheet, mapping)    # rows.py, matching.py
    table = error_table(plan, "fa")                     # the failing rows to fix

Every row is checked (rows.RowChecker: cells, then the services' field rules, then the
row's own check); rows without errors are compared for duplicates and similar names
(matching.py, similar_names.py). progress(rows_checked) is called every PROGRESS_EVERY rows, and
cancelled() is looked at as often and between the steps: ImportCancelled.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from crm_desktop.db.engine import Database
from crm_desktop.export.table import ExportColumn, ExportTable
from crm_desktop.imports.sheet import Cancelled, ImportCancelled, Progress, SheetData
from crm_desktop.services.imports import cells
from crm_desktop.services.imports.fields import check_mapping
from crm_desktop.services.imports.matching import find_matches
from crm_desktop.services.imports.model import ImportKind, ImportPlan, PlannedRow, RowError
from crm_desktop.services.imports.referrers import resolve_in as resolve_referrers
from crm_desktop.services.imports.rows import RowChecker
from crm_desktop.services.imports.similar_names import similar_names
from crm_desktop.text.import_texts import error_table_title
from crm_desktop.text.validate import InvalidValue

PROGRESS_EVERY = 1000


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: checking 100,000 rows makes a million small
    objects, and each full collection walks them all again (about a sixth of the time
    at 100,000 rows, bench/bench_import_plan.py). The collector runs again as before
    when the plan is made, and collects then whatever cycles there are."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def make_plan(db: Database, kind: ImportKind, sheet: SheetData,
              mapping: Sequence[str | None], *, progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> ImportPlan:
    """Check every row of `sheet` as `mapping` maps its columns (see the module's text).
    A mapping that is not one known field or None per column, or gives a field to two
    columns: ValidationError on "mapping"."""
    checked = check_mapping(kind, sheet.headers, mapping)
    with _no_cycle_collection():
        return _make_plan(db, kind, sheet, checked, progress, cancelled)


def _make_plan(db: Database, kind: ImportKind, sheet: SheetData,
               checked: tuple[str | None, ...], progress: Progress | None,
               cancelled: Cancelled | None) -> ImportPlan:

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled()

    checker = RowChecker(kind, checked, sheet)
    planned: list[PlannedRow] = []
    errors: list[RowError] = []
    failed: dict[int, tuple[Any, ...]] = {}
    for n, row in enumerate(sheet.rows):
        if n % PROGRESS_EVERY == 0:
            check()
            if progress is not None and n:
                progress(n)
        values, row_errors = checker.check(row)
        if row_errors:
            errors.extend(row_errors)
            failed[row.number] = row.values
        else:
            planned.append(PlannedRow(row.number, values))
    check()
    if progress is not None:
        progress(len(sheet.rows))
    with db.read() as session:
        if kind == "contacts":
            # the referrer column names contacts already in the database
            unmatched = resolve_referrers(session, planned)
            if unmatched:
                errors = sorted([*errors, *unmatched], key=lambda e: e.row)
                out = {e.row for e in unmatched}
                failed.update((r.number, r.values) for r in sheet.rows if r.number in out)
                planned = [p for p in planned if p.row not in out]
        find_matches(session, kind, planned)
        check()
        warnings = similar_names(session, kind, planned)
    check()
    return ImportPlan(kind=kind, file_name=sheet.file_name, sheet=sheet.sheet,
                      header_row=sheet.header_row, headers=tuple(sheet.headers),
                      mapping=checked, rows=planned, errors=errors, warnings=warnings,
                      failed_rows=failed)


def _as_read(value: Any) -> Any:
    """A cell of the error workbook: as read, as text a spreadsheet keeps (a whole number
    without ".0", a date as Jalali text), so that the row can be fixed and imported again."""
    if value is None or isinstance(value, str):
        return value
    try:
        return cells.text_cell(value)
    except InvalidValue:  # no text form (an int of more than 4,300 digits): left blank
        return None


def error_table(plan: ImportPlan, lang: str = "fa") -> ExportTable:
    """The failing rows as read: the sheet's row number, the sheet's own columns and an
    "Error" column with one line per error (in `lang`)."""
    headers = [h or error_table_title("column", lang, n=i + 1)
               for i, h in enumerate(plan.headers)]
    columns = [ExportColumn("row", error_table_title("row", lang), "integer", width=8)]
    columns += [ExportColumn(f"c{i}", title, "text") for i, title in enumerate(headers)]
    columns.append(ExportColumn("error", error_table_title("error", lang), "text", width=60))
    by_row: dict[int, list[str]] = {}
    for e in plan.errors:
        by_row.setdefault(e.row, []).append(e.message(lang))
    width = len(plan.headers)

    rows = []
    for number in sorted(by_row):
        values = list(plan.failed_rows.get(number, ()))[:width]
        values += [None] * (width - len(values))
        rows.append([number, *(_as_read(v) for v in values), "\n".join(by_row[number])])
    return ExportTable(columns=columns, rows=rows, row_count=len(rows), lang=lang)
