"""Messy spreadsheet files made inside the tests: .xlsx (XlsxWriter), .xls (xlwt), .ods
(written by hand: a zip of mimetype, content.xml and the manifest)."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

#: a sheet: name -> rows; a row is a list of values placed from column A (None: blank)
Sheets = dict[str, Sequence[Sequence[Any]]]


def write_xlsx(path: Path, sheets: Sheets, *, text_cells: bool = False) -> Path:
    """Each value written as its type (numbers, dates as date cells, bools, text); with
    text_cells, str cells are formatted as text (@), as Excel does after Format > Text."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    text = book.add_format({"num_format": "@"})
    for name, rows in sheets.items():
        ws = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None:
                    continue
                if isinstance(v, dt.datetime):
                    ws.write_datetime(r, c, v, stamp)
                elif isinstance(v, dt.date):
                    ws.write_datetime(r, c, v, date)
                elif isinstance(v, str):
                    ws.write_string(r, c, v, text if text_cells else None)
                else:
                    ws.write(r, c, v)
    book.close()
    return path


def write_xls(path: Path, sheets: Sheets) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for name, rows in sheets.items():
        ws = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None:
                    continue
                if isinstance(v, dt.date):
                    ws.write(r, c, v, date)
                else:
                    ws.write(r, c, v)
    book.save(str(path))
    return path


ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    ' manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
    "</office:document-content>"
)


def _ods_cell(v: Any) -> str:
    if v is None:
        return "<table:table-cell/>"
    if isinstance(v, bool):
        return (f'<table:table-cell office:value-type="boolean" office:boolean-value='
                f'"{str(v).lower()}"/>')
    if isinstance(v, int | float):
        return (f'<table:table-cell office:value-type="float" office:value="{v!r}">'
                f"<text:p>{v}</text:p></table:table-cell>")
    if isinstance(v, dt.date):
        return (f'<table:table-cell office:value-type="date" office:date-value='
                f'"{v.isoformat()}"><text:p>{v}</text:p></table:table-cell>')
    if isinstance(v, Formula):
        return (f'<table:table-cell table:formula="{escape(v.formula)}" office:value-type='
                f'"string" office:string-value="{escape(v.shown)}"><text:p>{escape(v.shown)}'
                "</text:p></table:table-cell>")
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p>'
            "</table:table-cell>")


class Formula:
    """An .ods formula cell with the text it showed when saved (an error: "#N/A")."""

    def __init__(self, formula: str, shown: str):
        self.formula, self.shown = formula, shown


def write_ods(path: Path, sheets: Sheets) -> Path:
    """A minimal valid OpenDocument spreadsheet, with the 1,048,000 repeated blank rows
    LibreOffice writes after the data."""
    tables = []
    for name, rows in sheets.items():
        body = "".join(
            "<table:table-row>" + "".join(_ods_cell(v) for v in row) + "</table:table-row>"
            if any(v is not None for v in row) else
            '<table:table-row><table:table-cell table:number-columns-repeated="8"/>'
            "</table:table-row>"
            for row in rows)
        body += ('<table:table-row table:number-rows-repeated="1048000">'
                 '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
        tables.append(f'<table:table table:name="{escape(name)}">{body}</table:table>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", _CONTENT.format(tables="".join(tables)),
                   compress_type=zipfile.ZIP_DEFLATED)
    return path


def at(row: int, column: int, rows: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """`rows` moved down to the 1-based `row` and right to the 1-based `column`."""
    return [[] for _ in range(row - 1)] + [[None] * (column - 1) + list(r) for r in rows]
