"""Reading workbooks: .xlsx, .xls and .ods with title rows, blank rows and columns, a table
that starts at C5, dates as date cells and as text, numbers typed as text, a second sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crm_desktop.imports import ImportCancelled, ImportFileError, read_sheet, sheet_names
from tests.unit.imports.helpers import Formula, at, write_ods, write_xls, write_xlsx

HEADER = ["نام و نام خانوادگی", "موبایل", "کد ملی", "تاریخ تولد", "شهر", "ایمیل"]


def messy_xlsx(path: Path) -> Path:
    """A title merged across A1:H1, a date line, blank rows, the table at C5, a blank and a
    whitespace-only row inside it, a formula and an error, a second sheet."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("مشتریان")
    text = book.add_format({"num_format": "@"})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    ws.merge_range("A1:H1", "لیست مشتریان ۱۴۰۲", book.add_format({"align": "center"}))
    ws.write("A2", "تاریخ گزارش:")
    ws.write("B2", "۱۴۰۲/۰۵/۰۱")
    for c, title in enumerate(HEADER):
        ws.write_string(4, 2 + c, title)  # C5:H5
    # row 6: numbers as numbers, a real date cell
    ws.write_string("C6", "علی رضایی")
    ws.write_number("D6", 9123456789)
    ws.write_string("E6", "0012345678", text)
    ws.write_datetime("F6", dt.date(1991, 3, 21), date)
    ws.write_string("G6", "تهران")
    ws.write_string("H6", "ali@example.com")
    # row 7: the mobile and the national code typed into text cells, a Jalali date as text
    ws.write_string("C7", "زهرا كريمي")
    ws.write_string("D7", "09121234567", text)
    ws.write_string("E7", "6037991234567890", text)
    ws.write_string("F7", "1370/1/5", text)
    ws.write_formula("G7", '="شی"&"راز"', None, "شیراز")
    ws.write_formula("H7", "=NA()", None, "#N/A")
    # row 8 blank, row 9 only spaces, row 10 a number in a text cell and a date-time
    ws.write_string("D9", "   ")
    ws.write_string("C10", "رضا")
    ws.write_number("D10", 9351234567.0, text)
    ws.write_datetime("F10", dt.datetime(1990, 1, 2, 3, 4), book.add_format(
        {"num_format": "yyyy-mm-dd hh:mm"}))
    ws.write_string("I10", "یادداشت بدون عنوان")  # data in a column with no header
    other = book.add_worksheet("کالاها")
    other.write_row(0, 0, ["نام کالا", "قیمت"])
    other.write_row(1, 0, ["کتاب", 125000])
    book.close()
    return path


def test_a_messy_sheet_is_read_from_its_header_at_c5(tmp_path: Path) -> None:
    sheet = read_sheet(messy_xlsx(tmp_path / "customers.xlsx"))
    assert sheet.file_name == "customers.xlsx"
    assert sheet.sheet == "مشتریان"
    assert sheet.sheets == ("مشتریان", "کالاها")
    assert sheet.header_row == 5
    assert sheet.headers == (*HEADER, "")
    assert [r.number for r in sheet.rows] == [6, 7, 10]
    first, second, third = (r.values for r in sheet.rows)
    assert first == ("علی رضایی", 9123456789.0, "0012345678", dt.date(1991, 3, 21), "تهران",
                     "ali@example.com", None)
    # text cells stay text; a formula gives its cached value; an error is no value
    assert second == ("زهرا كريمي", "09121234567", "6037991234567890", "1370/1/5", "شیراز",
                      None, None)
    # a whole number in a text-formatted cell is still the number the cell holds
    assert third == ("رضا", 9351234567.0, None, dt.datetime(1990, 1, 2, 3, 4), None, None,
                     "یادداشت بدون عنوان")
    assert sheet.encoding is None and sheet.delimiter is None


def test_the_second_sheet_by_name(tmp_path: Path) -> None:
    path = messy_xlsx(tmp_path / "customers.xlsx")
    assert sheet_names(path) == ["مشتریان", "کالاها"]
    sheet = read_sheet(path, sheet="کالاها")
    assert (sheet.sheet, sheet.header_row, sheet.headers) == ("کالاها", 1, ("نام کالا", "قیمت"))
    assert [(r.number, r.values) for r in sheet.rows] == [(2, ("کتاب", 125000))]
    # the name as typed with Arabic letters and other spaces finds it too
    assert read_sheet(path, sheet=" كالاها ").sheet == "کالاها"


def test_a_missing_sheet_names_the_sheets_there_are(tmp_path: Path) -> None:
    path = messy_xlsx(tmp_path / "customers.xlsx")
    with pytest.raises(ImportFileError) as caught:
        read_sheet(path, sheet="Sheet1")
    assert caught.value.code == "no_sheet"
    assert caught.value.params == {"sheet": "Sheet1", "sheets": ("مشتریان", "کالاها")}
    assert caught.value.message("fa") == (
        "پرونده برگه\u200cای به نام «Sheet1» ندارد (برگه\u200cهای آن: «مشتریان»، «کالاها»)")
    assert caught.value.message("en").endswith("(its sheets: «مشتریان», «کالاها»)")


def test_the_first_sheet_with_data_is_read_by_default(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "b.xlsx", {"خالی": [], "Data": [["Name", "City"],
                                                                 ["Ali", "Tehran"]]})
    sheet = read_sheet(path)
    assert (sheet.sheet, sheet.headers) == ("Data", ("Name", "City"))
    with pytest.raises(ImportFileError) as caught:
        read_sheet(path, sheet="خالی")
    assert caught.value.code == "empty"


def test_a_workbook_with_no_data_is_empty(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "e.xlsx", {"Sheet1": [], "Sheet2": [[None, "  "]]})
    with pytest.raises(ImportFileError) as caught:
        read_sheet(path)
    assert caught.value.code == "empty"


def test_a_hidden_sheet_of_choices_is_passed_over(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "h.xlsx"
    book = xlsxwriter.Workbook(str(path))
    choices = book.add_worksheet("لیست‌ها")
    choices.write_column(0, 0, ["شهر", "تهران", "شیراز"])
    choices.hide()
    data = book.add_worksheet("داده")
    data.write_row(0, 0, ["نام", "شهر"])
    data.write_row(1, 0, ["علی", "تهران"])
    data.activate()
    book.close()
    assert read_sheet(path).sheet == "داده"


def test_a_table_with_no_header_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", {"S": [[1, 2, 3], [4, 5, 6]]})
    with pytest.raises(ImportFileError) as caught:
        read_sheet(path)
    assert caught.value.code == "no_header"


def test_an_xls_workbook(tmp_path: Path) -> None:
    rows = [["لیست مشتریان"], [], [None, "نام", "موبایل", "تولد"],
            [None, "علی", 9123456789, dt.date(1990, 5, 6)],
            [None, "رضا", "09121234567", None], [], [None, "سارا", None, "1369/02/30"]]
    path = write_xls(tmp_path / "old.xls", {"مشتریان": rows, "دوم": [["a"]]})
    assert sheet_names(path) == ["مشتریان", "دوم"]
    sheet = read_sheet(path)
    assert (sheet.sheet, sheet.header_row, sheet.headers) == ("مشتریان", 3,
                                                              ("نام", "موبایل", "تولد"))
    assert [(r.number, r.values) for r in sheet.rows] == [
        (4, ("علی", 9123456789.0, dt.date(1990, 5, 6))),
        (5, ("رضا", "09121234567", None)),
        (7, ("سارا", None, "1369/02/30")),
    ]


def test_an_ods_workbook(tmp_path: Path) -> None:
    rows = at(4, 3, [["نام", "تولد", "موبایل", "فعال", "خطا"],
                     ["علی", dt.date(1990, 5, 6), 9123456789, True, Formula("of:=NA()", "#N/A")],
                     [],
                     ["رضا", "1370/1/5", "09121234567", False, None]])
    path = write_ods(tmp_path / "calc.ods", {"Sheet1": rows, "Sheet2": [["x", "y"]]})
    assert sheet_names(path) == ["Sheet1", "Sheet2"]
    sheet = read_sheet(path)
    assert (sheet.header_row, sheet.headers) == (4, ("نام", "تولد", "موبایل", "فعال", "خطا"))
    assert [(r.number, r.values) for r in sheet.rows] == [
        (5, ("علی", dt.date(1990, 5, 6), 9123456789.0, True, None)),
        (7, ("رضا", "1370/1/5", "09121234567", False, None)),
    ]


@pytest.mark.parametrize("real, name", [("xlsx", "data.xls"), ("xlsx", "data.csv"),
                                        ("xls", "data.xlsx"), ("ods", "data.xlsx")])
def test_the_kind_of_file_comes_from_its_bytes(tmp_path: Path, real: str, name: str) -> None:
    rows = [["نام", "شهر"], ["علی", "تهران"]]
    writer = {"xlsx": write_xlsx, "xls": write_xls, "ods": write_ods}[real]
    made = writer(tmp_path / f"made.{real}", {"S": rows})
    path = tmp_path / name
    made.rename(path)
    sheet = read_sheet(path)
    assert (sheet.sheet, sheet.headers, sheet.rows[0].values) == ("S", ("نام", "شهر"),
                                                                 ("علی", "تهران"))


def test_a_header_with_one_cell_more_than_its_data(tmp_path: Path) -> None:
    rows = [["نام", "موبایل", "ایمیل", "توضیحات"], ["علی", "0912", "a@b.c"], ["رضا", "0935"]]
    sheet = read_sheet(write_xlsx(tmp_path / "w.xlsx", {"S": rows}))
    assert sheet.headers == ("نام", "موبایل", "ایمیل", "توضیحات")
    assert [r.values for r in sheet.rows] == [("علی", "0912", "a@b.c", None),
                                              ("رضا", "0935", None, None)]


def test_a_sheet_of_one_column(tmp_path: Path) -> None:
    rows = [[], ["نام"], ["علی"], [], ["رضا"]]
    sheet = read_sheet(write_xlsx(tmp_path / "one.xlsx", {"S": at(1, 2, rows)}))
    assert (sheet.header_row, sheet.headers) == (2, ("نام",))
    assert [(r.number, r.values) for r in sheet.rows] == [(3, ("علی",)), (5, ("رضا",))]


def test_a_merged_title_above_a_table_of_one_column(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "t.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet()
    ws.merge_range("C2:E2", "لیست مشتریان ۱۴۰۲", None)
    ws.write_column("C4", ["نام", "علی", "رضا"])
    book.close()
    sheet = read_sheet(path)
    assert (sheet.header_row, sheet.headers, len(sheet.rows)) == (4, ("نام",), 2)


def test_an_encrypted_workbook(tmp_path: Path) -> None:
    data = Path(__file__).parents[2] / "data" / "imports" / "encrypted.xlsx"
    with pytest.raises(ImportFileError) as caught:
        read_sheet(data)
    assert caught.value.code == "encrypted"
    assert "password" in caught.value.message("en")


@pytest.mark.parametrize("damage", ["truncated", "junk_zip", "junk_ole", "no_sheets"])
def test_a_damaged_workbook_is_unreadable(tmp_path: Path, damage: str) -> None:
    good = messy_xlsx(tmp_path / "good.xlsx").read_bytes()
    data = {
        "truncated": good[: len(good) // 2],
        "junk_zip": b"PK\x03\x04" + bytes(range(256)) * 40,
        "junk_ole": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 40,
        "no_sheets": _zip_with({"[Content_Types].xml": "<Types/>", "hello.txt": "hi"}),
    }[damage]
    path = tmp_path / "bad.xlsx"
    path.write_bytes(data)
    with pytest.raises(ImportFileError) as caught:
        read_sheet(path)
    assert caught.value.code == "unreadable"
    with pytest.raises(ImportFileError):
        sheet_names(path)


def _zip_with(members: dict[str, str]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    return buffer.getvalue()


def test_progress_and_cancel(tmp_path: Path) -> None:
    rows = [["نام", "شهر"]] + [[f"نام {i}", "تهران"] for i in range(9000)]
    path = write_xlsx(tmp_path / "big.xlsx", {"S": rows})
    seen: list[int] = []
    sheet = read_sheet(path, progress=seen.append)
    assert len(sheet.rows) == 9000
    assert seen == sorted(seen) and seen[-1] == 9001 and len(seen) >= 5
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(ImportCancelled):
        read_sheet(path, cancelled=cancelled)
    assert len(asked) == 3
