"""How far the cells of an .xlsx or .ods sheet reach, before calamine reads it (workbook.py
says why: calamine aborts the process on a sheet whose used range it cannot allocate, and
expands an .ods file's repeated cells one by one).

.xlsx: the sheet's <dimension ref="A1:F100001"> is what Excel, LibreOffice, XlsxWriter and
openpyxl write: when it is there and small enough, that is the answer. When it is missing
or too large (a styled blank cell far away widens it, and calamine skips those), the sheet's
XML is read through in chunks and only cells that hold something (<c r="F5" ...>...</c>,
not <c r="F5" s="1"/>) are counted.

.ods: calamine reads every table of the file when it opens it, so every table is checked
before: content.xml is read through in chunks, rows and cells counted with their
number-rows-repeated / number-columns-repeated; a cell holds something when it has a value
type or content (LibreOffice's thousand blank columns and million blank rows after the data
hold nothing). A few hundred bytes can say "this text, 16,384 times, in a million rows".

A file that is neither (an .xlsb, a damaged zip) is left to calamine.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import IO
from xml.etree import ElementTree

from crm_desktop.imports.sheet import ImportFileError

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
#: a cell that holds something: its tag is not closed at once
_CELL = re.compile(rb'<(?:\w+:)?c\s+r="([A-Z]{1,3})(\d{1,7})"[^>/]*>')
_CHUNK = 4 * 1024 * 1024


def check_extent(data: bytes, sheet: str, max_cells: int) -> None:
    """ImportFileError("too_large", cell=...) when the cells of the .xlsx sheet `sheet`
    span more than `max_cells` cells; nothing when they do not or when the file is no
    .xlsx."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        part = _sheet_part(book, sheet)
        if part is None:
            return
        with book.open(part) as xml:
            head = xml.read(64 * 1024)
        found = _DIMENSION.search(head)
        if found:
            top, left = int(found[2]), _column(found[1])
            bottom, right = (int(found[4]), _column(found[3])) if found[3] else (top, left)
            if (bottom - top + 1) * (right - left + 1) <= max_cells:
                return
        top_left, bottom_right = _scan(book, part)
    except Exception:  # damaged (a bad zip, bad deflate data, bad XML):
        return  # calamine says so, and its errors are caught
    if bottom_right is None or top_left is None:
        return
    rows = bottom_right[0] - top_left[0] + 1
    columns = bottom_right[1] - top_left[1] + 1
    if rows * columns > max_cells:
        _too_large(bottom_right[0], bottom_right[1])


def _too_large(bottom: int, right: int) -> None:
    """ImportFileError naming the farthest cell (1-based row and column)."""
    from crm_desktop.imports.workbook import cell_name

    raise ImportFileError("too_large", cell=cell_name(bottom - 1, right - 1))


_ODS_TOKEN = re.compile(
    rb"<table:table((?:\s[^>]*)?)>"                               # 1: a table begins
    rb"|<table:table-row\b([^>]*?)(/?)>"                          # 2, 3: a row
    rb"|(</table:table-row>)"                                     # 4: a row ends
    rb"|<table:(?:covered-)?table-cell\b([^>]*?)(/?)>")           # 5, 6: a cell
_ROWS_REPEATED = re.compile(rb'number-rows-repeated="(\d{1,9})"')
_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="(\d{1,9})"')


def check_ods(data: bytes, max_cells: int) -> None:
    """The .ods rule of the module's docstring, for every table of the file (calamine reads
    them all when it opens the file); nothing for a file that is no .ods."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        if "content.xml" not in book.namelist() or "xl/workbook.xml" in book.namelist():
            return
        with book.open("content.xml") as xml:
            _check_ods_tables(xml, max_cells)
    except ImportFileError:
        raise
    except Exception:  # damaged: calamine says so (its errors are caught)
        return


def _check_ods_tables(xml: IO[bytes], max_cells: int) -> None:
    row = repeat = column = row_width = height = width = 0
    has_value = False
    for m in _tokens(xml, _ODS_TOKEN):
        if m[1] is not None:  # a table begins
            row = height = width = 0
        elif m[2] is not None:
            found = _ROWS_REPEATED.search(m[2])
            repeat = int(found[1]) if found else 1
            column = row_width = 0
            has_value = False
            if m[3]:  # an empty row written as <table:table-row/>
                row += repeat
        elif m[4] is not None:
            if has_value:
                height, width = row + repeat, max(width, row_width)
                if height * width > max_cells:
                    _too_large(height, width)
            row += repeat
        else:
            found = _COLUMNS_REPEATED.search(m[5])
            column += int(found[1]) if found else 1
            if b"value-type" in m[5] or not m[6]:
                has_value, row_width = True, column


def _tokens(xml: IO[bytes], pattern: re.Pattern[bytes]) -> Iterator[re.Match[bytes]]:
    """The matches of `pattern` in a stream read in chunks (a tag cut by a chunk's end is
    matched in the next one)."""
    tail = b""
    while True:
        chunk = xml.read(_CHUNK)
        if not chunk:
            yield from pattern.finditer(tail)
            return
        text = tail + chunk
        cut = text.rfind(b"<")
        if cut <= 0:
            cut = len(text)
        yield from pattern.finditer(text, 0, cut)
        tail = text[cut:]


def _scan(book: zipfile.ZipFile, part: str) -> tuple[tuple[int, int] | None, ...]:
    """(top, left) and (bottom, right), 1-based, of the cells of `part` that hold
    something."""
    top, bottom = 1 << 30, 0
    columns: set[bytes] = set()
    with book.open(part) as xml:
        for m in _tokens(xml, _CELL):
            columns.add(m[1])
            r = int(m[2])
            top, bottom = min(top, r), max(bottom, r)
    if not columns:
        return (None, None)
    numbers = [_column(c) for c in columns]
    return ((top, min(numbers)), (bottom, max(numbers)))


def _column(letters: bytes) -> int:
    """1-based column number of A1-style letters: b"A" -> 1, b"XFD" -> 16384."""
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _sheet_part(book: zipfile.ZipFile, name: str) -> str | None:
    """The zip path of the worksheet called `name` (workbook.xml and its relationships)."""
    workbook = "xl/workbook.xml"
    if workbook not in book.namelist():
        return None
    rid = None
    for el in ElementTree.fromstring(book.read(workbook)).iter():
        if el.tag.rpartition("}")[2] == "sheet" and el.get("name") == name:
            rid = next((v for k, v in el.attrib.items() if k.rpartition("}")[2] == "id"),
                       None)
            break
    if rid is None:
        return None
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    for el in rels.iter():
        if el.get("Id") == rid:
            target = el.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))
            return path if path in book.namelist() else None
    return None
