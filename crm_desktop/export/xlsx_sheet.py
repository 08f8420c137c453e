"""XlsxWriter's worksheet with its own writer for the two cells an export is made of:
strings and numbers in a constant-memory sheet (XlsxWriter's `worksheet_class` hook).

Why:
- Speed. XlsxWriter's `_write_cell` serves every kind of cell: per cell it builds a list of
  attributes, escapes each of them, and runs two regular expressions over every string.
  At 100,000 rows x 13 cells that was about 40% of an export (bench/bench_export.py:
  10.6 s -> 6.8 s). This one writes the same XML with a fast path for the common case.
- Safety. In constant-memory mode XlsxWriter takes a plain string that starts with "<r>"
  and ends with "</r>" for a rich string and writes it unescaped into the sheet: a contact
  named `<r></r></is></c><c r="B2"><v>1</v></c>...` would add cells of its own choosing
  (or break the file). Here every string cell is escaped; an export writes no rich text.

The XML written is XlsxWriter's own (tests/unit/export/test_xlsx_sheet.py compares the
two writers cell by cell, so an XlsxWriter that changes its output is noticed); any other
kind of cell, and any sheet not in constant-memory mode, goes to XlsxWriter's writer.
"""

from __future__ import annotations

import re
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

#: what XlsxWriter's _escape_control_characters changes: control characters, and text that
#: looks like its _xHHHH_ escapes (U+FFFE/U+FFFF never reach a cell: cells.clean_text)
_NEEDS_CONTROL_ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f]|_x[0-9a-fA-F]{4}_|[\ufffe\uffff]")
_MARKUP = re.compile("[&<>]")
#: leading or trailing whitespace needs xml:space="preserve" (XlsxWriter's test)
_EDGE_SPACE = re.compile(r"^\s|\s$")
#: any of the three above: most strings have none, and are written as they are
_ANYTHING = re.compile(r"[\x00-\x08\x0b-\x1f&<>\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$")


class ExportWorksheet(Worksheet):
    """A worksheet whose string and number cells are written by `_write_cell` below."""

    def __init__(self) -> None:
        super().__init__()
        self._column_names: dict[int, str] = {}
        # format -> its style attribute (a format's index does not change once given)
        self._styles: dict[Any, str] = {}

    def _style(self, row: int, col: int, cell: Any) -> str:
        """The cell's style attribute: its format, else its row's, else its column's (the
        order XlsxWriter uses)."""
        fmt = cell.format
        if not fmt:
            info = self.row_info.get(row)
            if info is not None and info.row_format:
                fmt = info.row_format
            else:
                column = self.col_info.get(col)
                fmt = column.column_format if column is not None else None
            if not fmt:
                return ""
        style = self._styles.get(fmt)
        if style is None:
            style = self._styles[fmt] = f' s="{fmt._get_xf_index()}"'
        return style

    def _write_cell(self, row: int, col: int, cell: Any) -> None:
        kind = type(cell).__name__
        if kind == "String" and self.constant_memory:
            text = cell.string
            space = ""
            if _ANYTHING.search(text) is not None:
                if _NEEDS_CONTROL_ESCAPE.search(text) is not None:
                    text = self._escape_control_characters(text)
                if _MARKUP.search(text) is not None:
                    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                if _EDGE_SPACE.search(text):
                    space = ' xml:space="preserve"'
            name = self._column_names.get(col)
            if name is None:
                name = self._column_names[col] = xl_col_to_name(col)
            self.fh.write(f'<c r="{name}{row + 1}"{self._style(row, col, cell)} '
                          f't="inlineStr"><is><t{space}>{text}</t></is></c>')
        elif kind == "Number":
            name = self._column_names.get(col)
            if name is None:
                name = self._column_names[col] = xl_col_to_name(col)
            self.fh.write(f'<c r="{name}{row + 1}"{self._style(row, col, cell)}>'
                          f"<v>{cell.number:.16G}</v></c>")
        else:
            super()._write_cell(row, col, cell)
