"""An ExportTable as an Excel workbook (.xlsx), written with XlsxWriter in constant-memory
mode: rows stream to disk as they come, so 100,000 rows take about as much memory as ten
(bench/bench_export.py; openpyxl's write-only mode took twice as long with the same
features).

The sheet: right to left when the table's language is Persian; the title lines of a report
above the header; the header bold on a tinted band, frozen, with an autofilter over the
rows; widths from the column's hint or its kind; money and counts as numbers with a
thousands format (the column title names the unit); rates as percentages; dates as Jalali
text with the real date in the next column (cells.sheet_columns); codes (mobile, national
code, postal code) as text cells in text format, so leading zeros stay; the total row bold
on a band.

Every text is written as a string cell (write_string, with strings_to_formulas,
strings_to_numbers and strings_to_urls off): a spreadsheet never evaluates it. Text that
would read as a formula (cells.FORMULA_START) also gets the quote prefix, as if typed with
a leading apostrophe: it stays text even when someone edits the cell later.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.export import cells
from crm_desktop.export.atomic import atomic_file
from crm_desktop.export.table import Cancelled, ExportTable, Progress, checkpoint
from crm_desktop.text.export_titles import writer_text

#: the rows of an Excel sheet
MAX_ROWS = 1_048_576
#: column widths in characters, by kind, when the column gives none
WIDTHS = {"text": 24, "code": 14, "integer": 11, "money": 18, "rate": 10, "decimal": 11,
          "date": 12, "datetime": 17, "real_date": 12}
MAX_WIDTH = 60
NUMBER_FORMATS = {"integer": "#,##0", "money": "#,##0", "rate": "0.0%", "decimal": "#,##0.00",
                  "code": "@", "date_only": "yyyy-mm-dd", "date_time": "yyyy-mm-dd hh:mm"}
HEADER_FILL = "#E8EEF5"
TOTAL_FILL = "#F3F5F8"
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def write_xlsx(table: ExportTable, path: str | Path, *, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> int:
    """Write `table` to `path` (replaced only when complete); returns the rows written.
    ExportCancelled when `cancelled()` turned true: nothing is left behind."""
    import xlsxwriter  # imported when first used: not at start-up
    from xlsxwriter.exceptions import FileCreateError

    if table.row_count is not None and table.row_count > _room(table):
        raise _too_many(_room(table))
    rows = iter(table.rows)
    try:
        # XlsxWriter keeps the rows of a constant-memory sheet (and the parts of the
        # package while it zips them) in temporary files: in a folder of ours, removed
        # whatever happens
        with atomic_file(path) as tmp, tempfile.TemporaryDirectory(prefix="crm-xlsx-") as work:
            book = xlsxwriter.Workbook(str(tmp), {
                "constant_memory": True, "tmpdir": work,
                "strings_to_formulas": False, "strings_to_numbers": False,
                "strings_to_urls": False,
                "default_format_properties": {"font_name": "Tahoma", "font_size": 10},
            })
            try:
                written = _Sheet(book, table).write(rows, progress, cancelled)
            except BaseException:
                _discard(book)
                raise
            try:
                book.close()
            except FileCreateError as exc:
                # the package could not be written (a full disk, a folder gone): say why
                cause = exc.args[0] if exc.args else exc
                raise cause if isinstance(cause, OSError) else OSError(str(cause)) from exc
    finally:
        close = getattr(rows, "close", None)
        if close is not None:  # a generator reading the database: its read ends now
            close()
    return written


def _room(table: ExportTable) -> int:
    """The data rows a sheet has room for, below the title lines, header and total."""
    above = (1 + len(table.subtitle_lines) + 1) if table.title else 0
    return MAX_ROWS - above - 1 - (1 if table.total is not None else 0)


def _too_many(room: int) -> ValidationError:
    return ValidationError(FieldError("rows", "export.too_many_rows", {"max": room}))


def _discard(book: Any) -> None:
    """Close what an unfinished workbook holds open (its temporary files are removed with
    their folder; an open file cannot be removed on Windows)."""
    for sheet in book.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        if handle is not None:
            handle.close()


def sheet_name(table: ExportTable) -> str:
    """The table's title as a sheet name Excel accepts (31 characters, none of []:*?/\\,
    no apostrophe at either end); the writer's default name when there is none."""
    name = _SHEET_NAME_BAD.sub(" ", cells.clean_text(table.title or "")).strip().strip("'")
    return name[:31].strip() or writer_text("sheet", table.lang)


class _Sheet:
    """One worksheet being written, with the formats it uses (made once)."""

    def __init__(self, book: Any, table: ExportTable):
        self.book = book
        self.table = table
        self.persian = table.lang == "fa"
        self.columns = cells.sheet_columns(table.columns, table.lang)
        from crm_desktop.export.xlsx_sheet import ExportWorksheet

        self.sheet = book.add_worksheet(sheet_name(table), worksheet_class=ExportWorksheet)
        self._formats: dict[tuple[str, bool], Any] = {}
        self.text_format = {False: None, True: self.format("text", total=True)}
        self.quoted = {total: self.format("quoted", total) for total in (False, True)}
        # XlsxWriter's undecorated writers (the public ones only add A1-notation parsing
        # on top, about a tenth of the time of a 100,000-row export); the public ones when
        # a version has them no more
        self.put_text: Callable[..., int] = getattr(self.sheet, "_write_string",
                                                    self.sheet.write_string)
        self.put_number: Callable[..., int] = getattr(self.sheet, "_write_number",
                                                      self.sheet.write_number)

    def format(self, kind: str, total: bool = False) -> Any:
        key = (kind, total)
        if key not in self._formats:
            props: dict[str, Any] = {"valign": "vcenter"}
            if kind == "quoted":
                props["quote_prefix"] = True
            elif kind == "real_date":
                pass  # a date or a date and time: see _real_date_format
            elif kind in NUMBER_FORMATS:
                props["num_format"] = NUMBER_FORMATS[kind]
            if total:
                props.update(bold=True, bg_color=TOTAL_FILL, top=1)
            self._formats[key] = self.book.add_format(props)
        return self._formats[key]

    # -- the sheet ---------------------------------------------------------------------------
    def write(self, rows: Iterator[Any], progress: Progress | None,
              cancelled: Cancelled | None) -> int:
        sheet, table = self.sheet, self.table
        if self.persian:
            sheet.right_to_left()
        row = self._title_lines()
        header = row
        self._header(header)
        width = len(self.columns)
        room = _room(table)
        n = 0
        for values in rows:
            if n >= room:
                raise _too_many(room)
            row += 1
            self._row(row, values, total=False)
            n += 1
            checkpoint(n, progress, cancelled)
        checkpoint(n, progress, cancelled, final=True)
        sheet.autofilter(header, 0, max(row, header), width - 1)
        if table.total is not None:
            row += 1
            self._row(row, table.total, total=True)
        if progress is not None:
            progress(n)
        return n

    def _title_lines(self) -> int:
        """The report's title and subtitle lines and an empty row; the header's row."""
        table = self.table
        if not table.title:
            return 0
        title = self.book.add_format({"bold": True, "font_size": 14})
        self.put_text(0, 0, cells.clean_text(table.title), title)
        row = 0
        for line in table.subtitle_lines:
            row += 1
            self.put_text(row, 0, cells.clean_text(line))
        return row + 2

    def _header(self, row: int) -> None:
        sheet = self.sheet
        header = self.book.add_format({
            "bold": True, "bg_color": HEADER_FILL, "bottom": 1, "align": "center",
            "valign": "vcenter", "text_wrap": True})
        for col, column in enumerate(self.columns):
            self.put_text(row, col, column.title, header)
            hint = None if column.real_date else column.column.width
            width = hint or max(WIDTHS.get(column.kind, 16), min(len(column.title) + 2, 30))
            sheet.set_column(col, col, min(width, MAX_WIDTH))
        sheet.set_row(row, 30)
        sheet.freeze_panes(row + 1, 0)

    def _row(self, row: int, values: Any, total: bool) -> None:
        """One row. The common cells (clean text, an int) take a short path written out
        here: a 100,000-row export calls this for every cell."""
        put_text, put_number = self.put_text, self.put_number
        quoted = self.quoted[total]
        plain = self.text_format[total]
        unsafe, formula = cells.UNSAFE.search, cells.FORMULA_START
        for col, source, kind, fmt in self._plans[total]:
            try:
                value = values[source]
            except (IndexError, KeyError, TypeError):
                value = None
            if value is None:
                if total:
                    self.sheet.write_blank(row, col, None, plain)
                continue
            if kind == "text" or kind == "code":
                if (value.__class__ is not str or unsafe(value) is not None
                        or len(value) > cells.MAX_TEXT):
                    value = cells.clean_text(value)
                put_text(row, col, value,
                         quoted if value[:1] in formula else (plain if fmt is None else fmt))
            elif fmt is not None:  # a number
                if value.__class__ is int and -cells.MAX_EXACT <= value <= cells.MAX_EXACT:
                    put_number(row, col, value, fmt)
                    continue
                number = cells.number(value, kind)
                if number is None:  # not a number: shown as it is, never lost
                    put_text(row, col, cells.clean_text(value), quoted)
                else:
                    put_number(row, col, number, fmt)
            elif kind == "real_date":
                self._real_date(row, col, value, total)
            else:  # date, datetime: Jalali text
                text = cells.jalali_text(value, self.persian)
                if text is None:
                    text = cells.clean_text(value)
                put_text(row, col, text, quoted if text[:1] in formula else plain)

    @cached_property
    def _plans(self) -> dict[bool, list[tuple[int, int, str, Any]]]:
        """Per column: (sheet column, value index, kind, format), for rows and the total
        row. The format of a text column is None (plain), of a code column the text
        format, of a number column its number format, of a date column None."""
        plans: dict[bool, list[tuple[int, int, str, Any]]] = {}
        for total in (False, True):
            plan = []
            for col, column in enumerate(self.columns):
                kind = column.kind
                fmt = None
                if kind == "code" or kind in cells.NUMBER_KINDS:
                    fmt = self.format(kind, total)
                plan.append((col, column.source, kind, fmt))
            plans[total] = plan
        return plans

    def _real_date(self, row: int, col: int, value: Any, total: bool) -> None:
        real = cells.real_date(value)
        if real is None:
            return
        serial = cells.excel_serial(real)
        if serial < 61:  # before 1900-03-01: Excel's calendar cannot hold it
            self.put_text(row, col, real.isoformat(" ", "minutes") if hasattr(real, "hour")
                          else real.isoformat(), self.text_format[total])
            return
        fmt = "date_time" if hasattr(real, "hour") else "date_only"
        self.put_number(row, col, serial, self.format(fmt, total))
