"""Reading spreadsheet files for imports (no Qt, no database): .xlsx, .xls, .ods through
python-calamine and .csv in any of the encodings and separators Iranian offices produce.

    from crm_desktop.imports import read_sheet, sheet_names
    sheet = read_sheet(path)             # the first sheet with data, its header row found
    sheet = read_sheet(path, sheet="…")  # a chosen sheet

The mirror of export/: it hands the services a typed SheetData and knows nothing of
contacts or fields. reader.py chooses the kind of file by its bytes; workbook.py (calamine),
csv_file.py with encoding.py, and html_table.py read rows; header.py finds the header row
and cuts the table out; cells.py says what a cell holds.
"""

from crm_desktop.imports.reader import read_sheet, sheet_names
from crm_desktop.imports.sheet import (
    ImportCancelled,
    ImportFileError,
    SheetData,
    SheetRow,
)

__all__ = ["ImportCancelled", "ImportFileError", "SheetData", "SheetRow", "read_sheet",
           "sheet_names"]
