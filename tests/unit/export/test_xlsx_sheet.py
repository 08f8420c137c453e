"""export/xlsx_sheet.py writes string and number cells itself: the XML must be what
XlsxWriter writes (an XlsxWriter that changes its output fails here), except for the
strings XlsxWriter would take for raw rich text."""

from __future__ import annotations

import re
from pathlib import Path

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from crm_desktop.export.xlsx_sheet import ExportWorksheet
from tests.unit.export.helpers import sheet_xml

STRINGS = ["plain", "فارسی با نیم‌فاصله", " leading", "trailing ", "\tTab", "a&b<c>d\"e'",
           "_x0041_", "line\nbreak", "cr\rhere", "ctrl\x01\x1f", "", "=1+1", "x" * 300,
           "emoji 😀", "\u00a0nbsp\u00a0"]
NUMBERS = [0, -5, 12_500_000, 10**13, 0.125, 1 / 3, 1e-7, 2**53]


def _write(path: Path, worksheet_class: type[Worksheet] | None) -> str:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True,
                                           "strings_to_formulas": False})
    sheet = book.add_worksheet("s", worksheet_class=worksheet_class)
    money = book.add_format({"num_format": "#,##0"})
    text = book.add_format({"num_format": "@"})
    sheet.set_column(3, 3, 20, text)  # a column format applies to cells without one
    sheet.set_row(0, 30)
    row = 0
    for i, s in enumerate(STRINGS):
        sheet.write_string(row, 0, s)
        sheet.write_string(row, 1, s, text)
        sheet.write_string(row, 3, s)
        sheet.write_number(row, 2, NUMBERS[i % len(NUMBERS)], money if i % 2 else None)
        sheet.write_number(row, 4, NUMBERS[i % len(NUMBERS)])
        row += 1
    sheet.write_blank(row, 0, None, money)
    sheet.write_boolean(row, 1, True)
    book.close()
    return sheet_xml(path)


def _cells(xml: str) -> list[str]:
    data = xml[xml.index("<sheetData>"):xml.index("</sheetData>")]
    return re.findall(r"<c [^>]*/>|<c .*?</c>", data)


def test_same_xml_as_xlsxwriter(tmp_path: Path) -> None:
    ours = _cells(_write(tmp_path / "ours.xlsx", ExportWorksheet))
    stock = _cells(_write(tmp_path / "stock.xlsx", None))
    assert len(ours) == len(stock) > len(STRINGS) * 4
    assert ours == stock


def test_rich_looking_strings_are_escaped(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("s", worksheet_class=ExportWorksheet)
    sheet.write_string(0, 0, "<r><t>x</t></r>")
    book.close()
    assert "<t>&lt;r&gt;&lt;t&gt;x&lt;/t&gt;&lt;/r&gt;</t>" in sheet_xml(path)
