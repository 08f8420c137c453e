"""What a spreadsheet reader hands on: the header row and the data rows of one sheet."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from crm_desktop.domain.errors import CrmError

#: progress(rows_done); cancelled() -> True to stop (the worker raises ImportCancelled)
Progress = Callable[[int], None]
Cancelled = Callable[[], bool]


class ImportCancelled(CrmError):
    """The user cancelled reading, checking or writing an import: nothing was written."""


class ImportFileError(CrmError):
    """A file that cannot be imported, as a whole: `code` is one of
    "unreadable" (not a spreadsheet, damaged, cannot be opened),
    "encrypted" (a workbook protected with a password),
    "empty" (no sheet has any data), "no_sheet" (the sheet asked for is not there;
    params: sheet, sheets: a tuple of the workbook's sheet names), "no_header" (no row
    looks like a header), "too_wide" (the header has more columns than can be imported;
    params: columns, limit), "too_large" (a sheet's cells reach too far to be read;
    params: cell, the A1 name of the farthest one), "no_columns" (a file of SMS replies
    without a mobile or a text column; params: columns, the header's names).
    `message(lang)` is one line in the interface language (text/import_texts.py)."""

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params: Mapping[str, Any] = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        from crm_desktop.text.import_texts import file_error_message

        return file_error_message(self.code, lang, **self.params)


@dataclass(frozen=True)
class SheetRow:
    #: the row's number as the spreadsheet program shows it (1-based; for a CSV file the
    #: line's record number, the header's being header_row)
    number: int
    #: one value per header column (missing cells None): str, int, float, bool,
    #: datetime.date, datetime.datetime, datetime.time, datetime.timedelta or None, as the
    #: file holds them (calamine's types; CSV cells are str; imports/cells.py says more)
    values: tuple[Any, ...]


@dataclass
class SheetData:
    file_name: str
    #: the sheet read (None for CSV) and every sheet of the workbook, in order
    sheet: str | None
    sheets: tuple[str, ...]
    #: 1-based row number of the header
    header_row: int
    #: the header cells as text, cleaned (clean_text); "" for a blank header cell
    headers: tuple[str, ...]
    #: data rows below the header, blank rows left out, in file order
    rows: list[SheetRow] = field(default_factory=list)
    #: for CSV files: what was detected
    encoding: str | None = None
    delimiter: str | None = None
