"""A table to export (no Qt): what every list export and every report hands to the Excel,
CSV and PDF writers.

Values are typed, not pre-formatted, so that a spreadsheet gets numbers it can add up:
- "text": str (written so that it always stays text: never a formula)
- "code": str of digits whose leading zeros matter (mobile, national code, postal code)
- "integer": int (counts), "money": int Rials (the column title names the unit),
- "rate": a fraction between 0 and 1 (shown as a percentage), "decimal": Decimal or float
  (averages: CSAT, hours),
- "date": datetime.date (written as Jalali text, plus a real date where the writer can),
- "datetime": an aware datetime (shown on the business's clock, Jalali).
None is an empty cell in every kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["text", "code", "integer", "money", "rate", "decimal", "date", "datetime"]


class ExportCancelled(Exception):
    """The user cancelled: the writer removed its temporary file, nothing was written."""


@dataclass(frozen=True)
class ExportColumn:
    key: str
    #: the header, in the interface language (money columns name the unit)
    title: str
    kind: Kind = "text"
    #: a width hint in characters (None: the writer decides from the kind and title)
    width: int | None = None


@dataclass
class ExportTable:
    """Columns, rows in order, an optional total row; the title lines head a report."""

    columns: Sequence[ExportColumn]
    #: each row a sequence of values in column order
    rows: Iterable[Sequence[Any]]
    #: the number of rows when known up front (for a progress bar), else None
    row_count: int | None = None
    #: the total row (None for lists); a value per column, None where there is no total
    total: Sequence[Any] | None = None
    #: report name, period, company: written above the header of a report
    title: str | None = None
    subtitle_lines: Sequence[str] = field(default_factory=tuple)
    #: the interface language: "fa" writes a right-to-left sheet and Persian digits in
    #: Jalali dates and the PDF
    lang: str = "fa"


#: progress(rows_written); cancelled() -> True to stop (the writer raises ExportCancelled)
Progress = Callable[[int], None]
Cancelled = Callable[[], bool]

#: how many rows a writer writes between two looks at `cancelled` and `progress`
EVERY = 500


def checkpoint(n: int, progress: Progress | None, cancelled: Cancelled | None, *,
               final: bool = False) -> None:
    """Between rows: every EVERY rows (and once more after the last, `final`), stop with
    ExportCancelled when the user cancelled, else report the rows written so far."""
    if not final and n % EVERY:
        return
    if cancelled is not None and cancelled():
        raise ExportCancelled()
    if progress is not None and not final:
        progress(n)
