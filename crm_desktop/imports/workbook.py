"""Workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods) through python-calamine.

calamine finds the format from the bytes, not the name (an .xls that is really an .xlsx is
read as one). What it gives, and what becomes of it (cells.py says the rest):
- an empty cell "" -> None; text as str (a cell formatted as text stays text, leading
  zeros and 16 digits included); numbers as float (9123456789.0), or int where the file
  stores an integer;
- a date cell: datetime.date when it has no time of day, datetime.datetime when it has
  one, datetime.time for a time of day alone, datetime.timedelta for a duration ([h]:mm);
  a date serial calamine cannot convert stays a float;
- a formula: its cached value (what the program showed when the file was saved); an error
  value (#N/A, #DIV/0!, ...) "" -> None in .xlsx/.xls, its text in .ods -> None;
- merged cells: the value in the top-left cell only.

Positions: a sheet's rows come from calamine's iter_rows(): it yields the blank rows above
the used range (so the n-th row yielded is the sheet's row n) but its columns start at the
used range's first column; `rows()` places each row from sheet.start and numbers it from
the count of rows yielded (as many as sheet.height: not padded), so a table at C5 has its
header at row 5 whichever way a version of calamine yields.

Size: calamine holds a sheet as a dense grid of its used range (32 bytes a cell, and each
text cell its own string: ~170 bytes a cell of the bench's sheet once Python has it). A
stray value in XFD1048576 of an .xlsx makes that 17 billion cells: calamine aborts the
process (it does not raise); a few hundred bytes of .ods can repeat a cell 16,384 times in
a million rows, and calamine expands them one by one when it opens the file (20 million
cells took 2.6 GB). So a sheet's extent is checked before calamine reads it (extent.py:
each .xlsx sheet before it is loaded, every .ods table before the file is opened) and a used
range of more than MAX_CELLS (5 million: fifty times the 100,000 x 6 sheet of the bench,
about 1 GB while read) is ImportFileError("too_large"), naming the farthest cell. An .xls
sheet holds at most 65,536 x 256 cells (540 MB as an empty grid): its range is checked
once calamine has read it, before its rows become Python values.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from crm_desktop.imports.cells import RawRow, cells, raw_row
from crm_desktop.imports.sheet import ImportFileError

MAX_CELLS = 5_000_000
#: rows read between two calls of progress and cancelled
TICK = 2000


def open_workbook(data: bytes) -> Any:
    """calamine's workbook over a file's bytes; ImportFileError when it cannot be read."""
    import python_calamine

    from crm_desktop.imports.extent import check_ods

    if data.startswith(b"PK"):
        check_ods(data, MAX_CELLS)
    try:
        return _calamine(python_calamine.CalamineWorkbook.from_filelike, io.BytesIO(data))
    except ImportFileError:
        if _encrypted(data):
            raise ImportFileError("encrypted") from None
        raise


def worksheet_names(book: Any) -> list[str]:
    """The names of the workbook's worksheets, in order (chart and macro sheets left out)."""
    import python_calamine

    work = python_calamine.SheetTypeEnum.WorkSheet
    names = [m.name for m in book.sheets_metadata if m.typ == work]
    return names or list(book.sheet_names)


def visible_first(book: Any, names: list[str]) -> list[str]:
    """`names` with the visible sheets first (a hidden sheet often holds a list of choices
    for a column, not the data to import)."""
    import python_calamine

    visible = python_calamine.SheetVisibleEnum.Visible
    shown = {m.name for m in book.sheets_metadata if m.visible == visible}
    return [n for n in names if n in shown] + [n for n in names if n not in shown]


def load_sheet(book: Any, data: bytes, name: str) -> Any:
    """calamine's sheet `name`, its extent checked first (see the module's docstring)."""
    from crm_desktop.imports.extent import check_extent

    if data.startswith(b"PK"):
        check_extent(data, name, MAX_CELLS)
    sheet = _calamine(book.get_sheet_by_name, name)
    if sheet.height * sheet.width > MAX_CELLS:
        end = sheet.end or (0, 0)
        raise ImportFileError("too_large", cell=cell_name(end[0], end[1]))
    return sheet


def wide_merges(sheet: Any) -> set[tuple[int, int]]:
    """0-based (row, column) of the top-left cell of each merge wider than one column."""
    try:
        merges = sheet.merged_cell_ranges or []
    except Exception:  # an .ods sheet, or an older calamine
        return set()
    return {(r0, c0) for (r0, c0), (_r1, c1) in merges if c1 > c0}


def rows(sheet: Any, tick: Callable[[int], None]) -> list[RawRow]:
    """The non-blank rows of a sheet, numbered as the spreadsheet program shows them;
    tick(rows_read) every TICK rows (it may raise ImportCancelled)."""
    start = sheet.start
    if start is None:
        return []
    first_row, first_col = start
    out: list[RawRow] = []
    index = 0
    for values in _calamine(sheet.iter_rows):
        index += 1
        row = raw_row(index, cells(values), first_col)
        if row is not None:
            out.append(row)
        if index % TICK == 0:
            tick(index)
    tick(index)
    if index == sheet.height and first_row:  # not padded: numbers start at the range's top
        out = [RawRow(r.number + first_row, r.start, r.values) for r in out]
    return out


def cell_name(row: int, column: int) -> str:
    """The A1 name of a 0-based cell position: (1048575, 16383) -> "XFD1048576"."""
    letters = ""
    n = column + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def _calamine(call: Any, *args: Any) -> Any:
    """call(*args), with whatever calamine raises (its own errors, a Rust panic, an OSError
    of a file-like object) as ImportFileError("unreadable")."""
    try:
        return call(*args)
    except ImportFileError:
        raise
    except Exception as e:
        code = "encrypted" if type(e).__name__ == "PasswordError" else "unreadable"
        raise ImportFileError(code) from e
    except BaseException as e:  # pyo3's PanicException derives from BaseException
        if type(e).__name__ == "PanicException":
            raise ImportFileError("unreadable") from e
        raise


def _encrypted(data: bytes) -> bool:
    """An OLE file holding an encrypted Office package (a password-protected .xlsx), or an
    .xls with a FILEPASS record."""
    if not data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return False
    return "EncryptedPackage".encode("utf-16-le") in data or (
        "EncryptionInfo".encode("utf-16-le") in data)
