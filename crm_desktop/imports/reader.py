"""read_sheet and sheet_names: which kind of file it is, which sheet, and its table.

The kind comes from the file's first bytes, never its name alone (what people save as .xls
is often a CSV or an HTML page, and .xlsx files get renamed):
- a zip (PK) or an OLE compound file (D0 CF 11 E0): a workbook, read by calamine
  (workbook.py); an encrypted one is ImportFileError("encrypted"), a damaged one
  ImportFileError("unreadable");
- anything else is text (encoding.py): an HTML table when it looks like HTML
  (html_table.py), else CSV (csv_file.py). Binary data that is no workbook is
  ImportFileError("unreadable"); a 0-byte file, like a text of blank lines, is
  ImportFileError("empty").
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from crm_desktop.imports.cells import RawRow, cells, raw_row
from crm_desktop.imports.header import find_header, table
from crm_desktop.imports.sheet import (
    Cancelled,
    ImportCancelled,
    ImportFileError,
    Progress,
    SheetData,
)
from crm_desktop.imports.workbook import TICK

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sheet_names(path: str | os.PathLike[str]) -> list[str]:
    """The worksheets of a workbook, in order; [] for a CSV or HTML file (one table)."""
    data = _read(path)
    if not _is_workbook(data):
        return []
    from crm_desktop.imports.workbook import open_workbook, worksheet_names

    return worksheet_names(open_workbook(data))


def read_sheet(path: str | os.PathLike[str], *, sheet: str | None = None,
               progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> SheetData:
    """The table of one sheet of a workbook, or of a CSV/HTML file.

    sheet: a sheet's name (ImportFileError("no_sheet") when there is none by that name);
    by default the first sheet with data (visible sheets first). progress(rows_read) is
    called every TICK rows and at the end; cancelled() is asked as often, and True raises
    ImportCancelled. Every problem with the file is an ImportFileError (sheet.py lists the
    codes); nothing else escapes but ImportCancelled.
    """

    def tick(n: int) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        if progress is not None:
            progress(n)

    tick(0)
    data = _read(path)
    name = Path(path).name
    if _is_workbook(data):
        return _read_workbook(data, name, sheet, tick)
    return _read_text(data, name, tick)


def _read(path: str | os.PathLike[str]) -> bytes:
    try:
        data = Path(path).read_bytes()
    except (OSError, ValueError) as e:
        raise ImportFileError("unreadable") from e
    return data


def _is_workbook(data: bytes) -> bool:
    return data.startswith((_ZIP, _OLE))


def _read_workbook(data: bytes, file_name: str, wanted: str | None, tick: Any) -> SheetData:
    from crm_desktop.imports import workbook as wb

    book = wb.open_workbook(data)
    names = wb.worksheet_names(book)
    if wanted is not None:
        chosen = _find_sheet(names, wanted)
        sheet = wb.load_sheet(book, data, chosen)
        rows = wb.rows(sheet, tick)
        if not rows:
            raise ImportFileError("empty")
    else:
        for chosen in wb.visible_first(book, names):
            sheet = wb.load_sheet(book, data, chosen)
            rows = wb.rows(sheet, tick)
            if rows:
                break
        else:
            raise ImportFileError("empty")
    header = find_header(rows, wb.wide_merges(sheet))
    headers, body = table(rows, header)
    return SheetData(file_name=file_name, sheet=chosen, sheets=tuple(names),
                     header_row=rows[header].number, headers=headers, rows=body)


def _find_sheet(names: list[str], wanted: str) -> str:
    """The sheet called `wanted`: its exact name, else the one name equal to it up to case,
    spaces and Arabic/Persian letter forms."""
    if wanted in names:
        return wanted
    from crm_desktop.text.normalize import clean_text

    key = clean_text(wanted).casefold()
    close = [n for n in names if clean_text(n).casefold() == key]
    if len(close) == 1:
        return close[0]
    raise ImportFileError("no_sheet", sheet=wanted, sheets=tuple(names))


def _read_text(data: bytes, file_name: str, tick: Any) -> SheetData:
    from crm_desktop.imports.encoding import decode
    from crm_desktop.imports.html_table import html_rows, looks_like_html

    text, encoding = decode(data)
    tick(0)
    delimiter: str | None
    if looks_like_html(text):
        source = _html_records(html_rows(text))
        delimiter = None
    else:
        from crm_desktop.imports.csv_file import delimiter as find_delimiter
        from crm_desktop.imports.csv_file import records

        delimiter = find_delimiter(text)
        source = records(text, delimiter)
    rows: list[RawRow] = []
    for count, row in enumerate(source, 1):
        rows.append(row)
        if count % TICK == 0:
            tick(row.number)
    tick(rows[-1].number if rows else 0)
    if not rows:
        raise ImportFileError("empty")
    header = find_header(rows)
    headers, body = table(rows, header)
    return SheetData(file_name=file_name, sheet=None, sheets=(),
                     header_row=rows[header].number, headers=headers, rows=body,
                     encoding=encoding, delimiter=delimiter)


def _html_records(table_rows: list[list[str]]) -> Any:
    for number, values in enumerate(table_rows, 1):
        row = raw_row(number, cells(values))
        if row is not None:
            yield row
