"""The workbook an export writes, read back with openpyxl: direction, title lines, header,
frozen panes, autofilter, widths, number formats, text cells that keep leading zeros,
formula-like text that stays text, the real date beside a Jalali one, the total row."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from crm_desktop.domain.errors import ValidationError
from crm_desktop.export import xlsx
from crm_desktop.export.files import write_table
from crm_desktop.export.table import ExportColumn, ExportTable
from crm_desktop.export.xlsx import write_xlsx
from tests.unit.export.helpers import excel_text, sheet_xml

COLUMNS = [
    ExportColumn("name", "نام"),
    ExportColumn("mobile", "موبایل", "code"),
    ExportColumn("national_code", "کد ملی", "code"),
    ExportColumn("amount", "مبلغ (ریال)", "money"),
    ExportColumn("deals", "معامله‌ها", "integer"),
    ExportColumn("rate", "نرخ برد", "rate"),
    ExportColumn("csat", "رضایت", "decimal"),
    ExportColumn("created", "تاریخ ثبت", "date"),
    ExportColumn("due", "موعد", "datetime"),
]
HOSTILE = ["=1+1", "+989121234567", "@SUM(A1)", "-2+3", "\t=cmd", "\r=cmd", "=HYPERLINK(\"x\")"]


def rows() -> list[list[object]]:
    return [
        ["علی محمدی", "09120000000", "0012345678", 12_500_000, 3, Decimal("0.125"),
         Decimal("4.25"), date(2026, 11, 22), datetime(2026, 11, 22, 10, 0, tzinfo=UTC)],
        *[[text, "09121111111", None, -5, 0, 0.5, None, None, None] for text in HOSTILE],
    ]


def table(lang: str = "fa", **kw: object) -> ExportTable:
    return ExportTable(COLUMNS, rows(), row_count=len(rows()), lang=lang, **kw)  # type: ignore[arg-type]


def read(path: Path) -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(path).active


def test_persian_sheet_reads_right_to_left_english_left_to_right(tmp_path: Path) -> None:
    write_xlsx(table("fa"), tmp_path / "fa.xlsx")
    write_xlsx(table("en"), tmp_path / "en.xlsx")
    assert read(tmp_path / "fa.xlsx").sheet_view.rightToLeft is True
    assert not read(tmp_path / "en.xlsx").sheet_view.rightToLeft


def test_header_is_styled_frozen_and_filtered(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    assert write_xlsx(table(), path) == len(rows())
    ws = read(path)
    header = [c.value for c in ws[1]]
    # each date column is followed by its real (Gregorian) date
    assert header == ["نام", "موبایل", "کد ملی", "مبلغ (ریال)", "معامله‌ها", "نرخ برد", "رضایت",
                      "تاریخ ثبت", "تاریخ ثبت (میلادی)", "موعد", "موعد (میلادی)"]
    assert all(c.font.bold for c in ws[1])
    assert ws[1][0].fill.fgColor.rgb.endswith("E8EEF5")
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:K{len(rows()) + 1}"
    assert ws.column_dimensions["A"].width > 20  # a name column is wide
    assert ws.column_dimensions["B"].width >= 12
    assert ws.title == "خروجی"


def test_numbers_are_numbers_with_formats(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    write_xlsx(table(), path)
    first = read(path)[2]
    amount, deals, rate, csat = first[3], first[4], first[5], first[6]
    assert (amount.value, amount.number_format, amount.data_type) == (12_500_000, "#,##0", "n")
    assert (deals.value, deals.number_format) == (3, "#,##0")
    assert (rate.value, rate.number_format) == (0.125, "0.0%")
    assert (csat.value, csat.number_format) == (4.25, "#,##0.00")
    assert read(path)[3][3].value == -5  # a negative amount stays a number


def test_codes_stay_text_with_leading_zeros(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    write_xlsx(table(), path)
    mobile, national = read(path)[2][1], read(path)[2][2]
    assert (mobile.value, mobile.data_type, mobile.number_format) == ("09120000000", "s", "@")
    assert (national.value, national.data_type) == ("0012345678", "s")


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    write_xlsx(table(), path)
    ws = read(path)
    for i, text in enumerate(HOSTILE, start=3):
        cell = ws.cell(row=i, column=1)
        assert excel_text(cell.value) == text
        assert cell.data_type == "s"
        # typed with a leading apostrophe: it stays text even when the cell is edited
        assert cell.quotePrefix is True
    assert ws.cell(row=2, column=1).quotePrefix is False
    assert "<f>" not in sheet_xml(path)  # no formula anywhere in the sheet


def test_dates_are_jalali_text_beside_a_real_date(tmp_path: Path) -> None:
    write_xlsx(table("fa"), tmp_path / "fa.xlsx")
    write_xlsx(table("en"), tmp_path / "en.xlsx")
    fa, en = read(tmp_path / "fa.xlsx")[2], read(tmp_path / "en.xlsx")[2]
    assert fa[7].value == "۱۴۰۵/۰۹/۰۱" and en[7].value == "1405/09/01"
    assert fa[8].value == datetime(2026, 11, 22) and fa[8].number_format == "yyyy-mm-dd"
    # an instant on the business's clock (Tehran, UTC+03:30)
    assert fa[9].value == "۱۴۰۵/۰۹/۰۱ ۱۳:۳۰" and en[9].value == "1405/09/01 13:30"
    assert fa[10].value == datetime(2026, 11, 22, 13, 30)
    assert fa[10].number_format == "yyyy-mm-dd hh:mm"
    assert en[0].parent.cell(row=1, column=9).value == "تاریخ ثبت (Gregorian)"


def test_report_title_lines_and_total_row(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    t = table(title="فروش به تفکیک مسئول", subtitle_lines=["دوره: آذر ۱۴۰۵", "شرکت پارس"],
              total=["جمع", None, None, 12_499_965, 3, None, None, None, None])
    write_xlsx(t, path)
    ws = read(path)
    assert ws.title == "فروش به تفکیک مسئول"
    assert [ws.cell(row=r, column=1).value for r in (1, 2, 3, 4)] == [
        "فروش به تفکیک مسئول", "دوره: آذر ۱۴۰۵", "شرکت پارس", None]
    assert ws.cell(row=1, column=1).font.bold
    assert ws.cell(row=5, column=1).value == "نام"  # the header under the title lines
    assert ws.freeze_panes == "A6"
    last = len(rows()) + 5
    assert ws.auto_filter.ref == f"A5:K{last}"  # the total row is not filtered
    total = ws[last + 1]
    assert total[0].value == "جمع" and total[3].value == 12_499_965
    assert total[3].number_format == "#,##0"
    assert all(c.font.bold for c in total)
    assert total[1].fill.fgColor.rgb.endswith("F3F5F8")  # a band, blanks included


def test_a_string_that_looks_like_rich_text_is_escaped(tmp_path: Path) -> None:
    """XlsxWriter alone writes '<r>...</r>' unescaped in constant-memory mode: a value
    could add cells of its own."""
    evil = '<r></r></is></c><c r="B2"><v>1</v></c><c><is><r></r>'
    path = tmp_path / "evil.xlsx"
    write_xlsx(ExportTable([ExportColumn("a", "A")], [[evil], ["<r><t>x</t></r>"]],
                           lang="en"), path)
    ws = read(path)
    assert ws["A2"].value == evil and ws["B2"].value is None
    assert ws["A3"].value == "<r><t>x</t></r>"


def test_text_cleaned_and_cut_at_excels_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"
    write_xlsx(ExportTable([ExportColumn("a", "A")],
                           [["x" * 40_000], ["a\x00b\ud800c\uffff"]], lang="en"), path)
    ws = read(path)
    assert len(ws["A2"].value) == 32_767 and ws["A2"].value.endswith("…")
    assert ws["A3"].value == "a\ufffdb\ufffdc\ufffd"


def test_values_of_another_type_are_kept_as_text(tmp_path: Path) -> None:
    """A value a column's kind does not expect is written as text, never lost or fatal:
    an amount beyond what a spreadsheet holds exactly, NaN, a date in a number column."""
    path = tmp_path / "odd.xlsx"
    cols = [ExportColumn("a", "A", "money"), ExportColumn("b", "B", "date")]
    write_xlsx(ExportTable(cols, [[2**60, "not a date"], [float("nan"), date(1800, 1, 1)],
                                  [Decimal("12.0"), None]], lang="en"), path)
    ws = read(path)
    assert ws["A2"].value == str(2**60) and ws["A3"].value == "nan"
    assert ws["B2"].value == "not a date" and ws["C2"].value is None
    assert ws["B3"].value == "1178/10/11" and ws["C3"].value == "1800-01-01"
    assert ws["A4"].value == 12


def test_too_many_rows_refused_before_writing(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "MAX_ROWS", 10)
    path = tmp_path / "big.xlsx"
    with pytest.raises(ValidationError) as caught:
        write_xlsx(ExportTable([ExportColumn("a", "A")], [[i] for i in range(20)],
                               row_count=20, lang="en"), path)
    assert caught.value.fields == ["rows"]
    # a count not known up front: refused when the rows run past the sheet
    with pytest.raises(ValidationError):
        write_xlsx(ExportTable([ExportColumn("a", "A")], iter([[i] for i in range(20)]),
                               lang="en"), path)
    assert list(tmp_path.iterdir()) == []


def test_unknown_suffix_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        write_table(table(), tmp_path / "list.ods")
    assert caught.value.fields == ["file"]
    assert ".xlsx" in caught.value.message("en")
