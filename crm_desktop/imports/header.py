"""Finding the header row of a sheet and cutting its table out.

The rule (every reader's rows go through it, CSV included):

Look at the first SCAN_ROWS non-blank rows, top to bottom; the header is the first row that
1. names columns: at least two of its cells are labels (text with a letter: not a number,
   a date, a phone number or a code typed as text), and labels are more than half of its
   non-blank cells; a cell merged across several columns (a title, a group of columns over
   a two-row header) is not a label;
2. is as wide as the table below it: its non-blank cells are at least three quarters of
   those of a typical row among the next LOOK_AHEAD non-blank rows (their lower median: a row
   with a stray note does not count) (a title alone in A1, a "date: 1402/05/01" line or a
   "by: …, on: …" line above a wider table fails; a header with a cell more than its data
   rows passes, and so does one with a blank cell over a column of data in a table of
   four columns or more: a narrower table needs each of its columns named);
3. or, for a table of one column: it is one label cell and the next LOOK_AHEAD non-blank
   rows (at least one) are all one cell wide.
Blank rows and blank columns anywhere around the table are ignored. No such row ->
ImportFileError("no_header"). A lone row of labels (two or more) is a header with no data.

Known limits, by design: a title row of two or more labels above a table of no more than
its width looks like a header (nothing tells them apart); so does a one-cell title above a
one-column table unless it is merged across columns.

The table: from the leftmost to the rightmost non-blank column of the header and the rows
below it. Headers are the cleaned text of the header cells ("" for a blank one, so data in
a column without a header can still be mapped); each data row has one value per column,
None where the cell is blank. MAX_COLUMNS (200) columns at most: a contact, company or
product list has a few dozen at most, and a 16,384-column row would make every row of a
100,000-row file a 16,384-tuple. A header wider than that is ImportFileError("too_wide");
data in columns past it, with no header above them, is left out.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from crm_desktop.imports.cells import RawRow, header_text, is_label
from crm_desktop.imports.sheet import ImportFileError, SheetRow

#: rows looked at for the header (non-blank rows from the top)
SCAN_ROWS = 50
#: rows below a candidate compared with it
LOOK_AHEAD = 10
#: columns of a table at most (see the module's docstring)
MAX_COLUMNS = 200


def labels(row: RawRow, wide_merges: Collection[tuple[int, int]] = ()) -> int:
    """How many cells of `row` can name a column (0-based (row, column) of the top-left
    cells of merges wider than one column in `wide_merges`)."""
    n = 0
    for i, v in enumerate(row.values):
        if is_label(v) and (row.number - 1, row.start + i) not in wide_merges:
            n += 1
    return n


def find_header(rows: Sequence[RawRow],
                wide_merges: Collection[tuple[int, int]] = ()) -> int:
    """The index in `rows` (non-blank rows, top to bottom) of the header row; see the
    module's docstring for the rule. ImportFileError("no_header") when no row qualifies."""
    filled = [r.filled for r in rows[:SCAN_ROWS + LOOK_AHEAD]]
    for i in range(min(len(rows), SCAN_ROWS)):
        n = filled[i]
        named = labels(rows[i], wide_merges)
        below = sorted(filled[i + 1:i + 1 + LOOK_AHEAD])
        typical = below[(len(below) - 1) // 2] if below else 0
        if named >= 2 and named * 2 > n and n * 4 >= typical * 3:
            return i
        if named == n == 1 and below and below[-1] == 1:
            return i
    raise ImportFileError("no_header")


def table(rows: Sequence[RawRow], header: int) -> tuple[tuple[str, ...], list[SheetRow]]:
    """The headers and data rows of the table whose header is rows[header]."""
    head = rows[header]
    data = rows[header + 1:]
    left = min((r.start for r in data), default=head.start)
    left = min(left, head.start)
    if head.end - left > MAX_COLUMNS:
        raise ImportFileError("too_wide", columns=head.end - left, limit=MAX_COLUMNS)
    right = max((r.start + len(r.values) for r in data), default=head.end)
    right = min(max(right, head.end), left + MAX_COLUMNS)
    width = right - left
    headers = tuple(header_text(v) for v in _place(head, left, width))
    out: list[SheetRow] = []
    append = out.append
    for r in data:
        if r.start == left and len(r.values) == width:
            append(SheetRow(r.number, r.values))
        else:
            append(SheetRow(r.number, _place(r, left, width)))
    return headers, out


def _place(row: RawRow, left: int, width: int) -> tuple[Any, ...]:
    """row's values at their columns of a table `width` wide starting at column `left`."""
    values: list[Any] = [None] * width
    at = row.start - left
    take = row.values[:max(0, width - at)]
    values[at:at + len(take)] = take
    return tuple(values)
