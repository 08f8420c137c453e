"""One cell as the readers hand it on, and one row before its table is found.

What a cell holds after reading (every format goes through `cell`):
- blank -> None: an empty cell, an empty string, a string of only spaces or invisible
  characters (ZWNJ, bidi marks, BOM, NBSP, NUL);
- a formula's error -> None: calamine gives "" for an error cell of .xlsx/.xls (#N/A,
  #DIV/0!, ...), an .ods file keeps the error's text ("#N/A", "Err:502") and a CSV file
  exported from Excel writes it as text: an error is no value in every format;
- anything else as the file holds it: str (not stripped or cleaned: the plan does that, with
  the field's own rules), int, float (a whole float stays a float: 9123456789.0 is a mobile
  typed as a number, the plan turns it into digits), bool, datetime.date (a date cell with
  no time), datetime.datetime, datetime.time (a time-of-day cell), datetime.timedelta (a
  duration cell, e.g. [h]:mm); a formula cell gives its cached value.
Text stays text: a cell formatted as text holding 0012345678 or 6037991234567890 is the str
"0012345678" / "6037991234567890" (calamine keeps shared strings as str), never a float.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any, NamedTuple

from crm_desktop.text.normalize import clean_text

#: what a blank cell may hold: whitespace (Unicode's, NBSP included), zero-width and bidi
#: marks, the BOM, NUL
BLANK_CHARS = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b"
    "\u202c\u202d\u202e\u202f\u205f\u2060\u2066\u2067\u2068\u2069\u3000\ufeff\x00\u061c"
)

#: a formula's error as Excel, LibreOffice and CSV exports write it
ERROR_TEXTS = frozenset({
    "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA",
    "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!",
    "#N/A!", "Err:502", "Err:504", "Err:508", "Err:511", "Err:512", "Err:522", "Err:523",
})


def cell(value: Any) -> Any:
    """A cell's value as SheetRow holds it (see the module's docstring)."""
    if value.__class__ is str and (not value.strip(BLANK_CHARS) or value in ERROR_TEXTS):
        return None
    return value


def cells(values: list[Any]) -> list[Any]:
    """`cell` over a row, inlined for speed (a 100,000-row sheet has 600,000 cells)."""
    blank, errors = BLANK_CHARS, ERROR_TEXTS
    return [None if v.__class__ is str and (not v.strip(blank) or v in errors) else v
            for v in values]


class RawRow(NamedTuple):
    """A non-blank row of the sheet before its table is known: `values` start at the
    0-based column `start` and have no blank cell at either end. (A named tuple: a
    100,000-row sheet makes 100,000 of them, three times faster than a frozen dataclass.)"""

    number: int
    start: int
    values: tuple[Any, ...]

    @property
    def end(self) -> int:
        """The column after the last non-blank cell."""
        return self.start + len(self.values)

    @property
    def filled(self) -> int:
        return sum(v is not None for v in self.values)


def raw_row(number: int, values: list[Any], offset: int = 0) -> RawRow | None:
    """The RawRow of `values` (already through `cells`) read at 0-based column `offset`;
    None for a blank row."""
    n = len(values)
    if n and values[0] is not None and values[-1] is not None:  # most rows of a table
        return RawRow(number, offset, tuple(values))
    first = 0
    while first < n and values[first] is None:
        first += 1
    if first == n:
        return None
    last = n - 1
    while values[last] is None:
        last -= 1
    if first == 0 and last == n - 1:
        return RawRow(number, offset, tuple(values))
    return RawRow(number, offset + first, tuple(values[first:last + 1]))


def is_label(value: Any) -> bool:
    """A cell that can name a column: text with at least one letter (not a number, a date,
    a phone number or a code typed as text)."""
    if value.__class__ is not str:
        return False
    return any(unicodedata.category(ch).startswith("L") for ch in value)


def header_text(value: Any) -> str:
    """A header cell as text, cleaned (clean_text): "" for a blank one, 1402.0 -> "1402",
    a date -> 2024-03-20."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return clean_text(str(value))
