"""How far the cells of an .xlsx sheet reach, before calamine reads it (workbook.py says why:
calamine aborts the process on a sheet whose used range it cannot allocate).

The sheet's <dimension ref="A1:F100001"> is what Excel, LibreOffice, XlsxWriter and
openpyxl write: when it is there and small enough, that is the answer. When it is missing
or too large (a styled blank cell far away widens it, and calamine skips those), the sheet's
XML is read through in chunks and only cells that hold something (<c r="F5" ...>...</c>,
not <c r="F5" s="1"/>) are counted. A file that is not an .xlsx this way (an .ods, an
.xlsb, a damaged zip) is left to calamine.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from xml.etree import ElementTree

from crm_desktop.imports.sheet import ImportFileError

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
#: a cell that holds something: its tag is not closed at once
_CELL = re.compile(rb'<(?:\w+:)?c\s+r="([A-Z]{1,3})(\d{1,7})"[^>/]*>')
_CHUNK = 4 * 1024 * 1024


def check_extent(data: bytes, sheet: str, max_cells: int) -> None:
    """ImportFileError("too_large", cell=...) when the cells of `sheet` span more than
    `max_cells` cells; nothing when they do not or when the file is not a plain .xlsx."""
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
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ElementTree.ParseError,
            EOFError, RuntimeError, NotImplementedError):
        return
    if bottom_right is None or top_left is None:
        return
    rows = bottom_right[0] - top_left[0] + 1
    columns = bottom_right[1] - top_left[1] + 1
    if rows * columns > max_cells:
        from crm_desktop.imports.workbook import cell_name

        raise ImportFileError("too_large", cell=cell_name(bottom_right[0] - 1,
                                                          bottom_right[1] - 1))


def _scan(book: zipfile.ZipFile, part: str) -> tuple[tuple[int, int] | None, ...]:
    """(top, left) and (bottom, right), 1-based, of the cells of `part` that hold
    something."""
    top = left = 1 << 30
    bottom = right = 0
    columns: set[bytes] = set()
    tail = b""
    with book.open(part) as xml:
        while True:
            chunk = xml.read(_CHUNK)
            if not chunk:
                break
            text = tail + chunk
            cut = text.rfind(b"<")
            text, tail = text[:cut], text[cut:]
            refs = _CELL.findall(text)
            if refs:
                columns.update(c for c, _ in refs)
                rows = [int(r) for _, r in refs]
                top, bottom = min(top, *rows), max(bottom, *rows)
    if tail:
        refs = _CELL.findall(tail)
        columns.update(c for c, _ in refs)
        for _, r in refs:
            top, bottom = min(top, int(r)), max(bottom, int(r))
    if not columns:
        return (None, None)
    numbers = [_column(c) for c in columns]
    left, right = min(numbers), max(numbers)
    return ((top, left), (bottom, right))


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
