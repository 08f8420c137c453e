"""Reading CSV files: every encoding and separator Iranian offices save, quoted fields,
title lines, hostile bytes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crm_desktop.imports import ImportFileError, read_sheet

ROWS = [["نام و نام خانوادگی", "موبایل", "شهر", "توضیحات"],
        ["علی رضایی", "09121234567", "تهران", "مشتری قدیمی"],
        ["زهرا کریمی", "۰۹۳۵۱۲۳۴۵۶۷", "شیراز", ""],
        ["پژمان چگینی", "+98 912 765 4321", "کرج", "گلدان، ژاله"]]


def csv_text(rows: list[list[str]], sep: str) -> str:
    return "\r\n".join(sep.join(r) for r in rows) + "\r\n"


def cp1256(text: str) -> bytes:
    """Persian text as Persian Windows saves it: Windows-1256 has no Persian yeh (ی) and no
    Persian digits: it writes the Arabic yeh (ي) and ASCII digits."""
    return as_1256(text).encode("cp1256")


def as_1256(text: str) -> str:
    return text.replace("ی", "ي").translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))


def write(tmp_path: Path, data: bytes, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def expect_rows(sheet, rows=ROWS, first_number=2) -> None:
    """Headers are cleaned (ي -> ی: ROWS[0]); values are as the file holds them."""
    assert sheet.headers == tuple(ROWS[0])
    assert [r.number for r in sheet.rows] == list(range(first_number,
                                                        first_number + len(rows) - 1))
    assert [list(r.values) for r in sheet.rows] == [[v or None for v in r] for r in rows[1:]]


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: t.encode("utf-8-sig"),
    "utf-16-le": lambda t: t.encode("utf-16"),  # Python writes a BOM, little-endian
    "utf-16-be": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_each_encoding_and_separator(tmp_path: Path, encoding: str, sep: str) -> None:
    data = ENCODINGS[encoding](csv_text(ROWS, sep))
    sheet = read_sheet(write(tmp_path, data))
    assert (sheet.encoding, sheet.delimiter, sheet.header_row) == (encoding, sep, 1)
    assert sheet.sheet is None and sheet.sheets == ()
    expect_rows(sheet)


@pytest.mark.parametrize("sep", [",", ";", "\t"])
@pytest.mark.parametrize("copies", [1, 500])
def test_windows_1256_short_and_long(tmp_path: Path, sep: str, copies: int) -> None:
    """charset-normalizer alone calls a three-row Persian file cp1006 or cp1250."""
    rows = [ROWS[0]] + ROWS[1:] * copies
    sheet = read_sheet(write(tmp_path, cp1256(csv_text(rows, sep))))
    assert (sheet.encoding, sheet.delimiter) == ("cp1256", sep)
    expected = [[as_1256(v) for v in r] for r in rows]
    expect_rows(sheet, expected)


def test_windows_1256_with_arabic_letters_and_latin_text(tmp_path: Path) -> None:
    text = "name,city\r\nAli,كرج\r\nReza,تهران\r\n"
    sheet = read_sheet(write(tmp_path, cp1256(text)))
    assert sheet.encoding == "cp1256"
    assert [r.values for r in sheet.rows] == [("Ali", "كرج"), ("Reza", "تهران")]


def test_a_latin_legacy_file_is_not_taken_for_persian(tmp_path: Path) -> None:
    text = "Prénom;Ville\r\nRené;Besançon\r\nÉlodie;Orléans\r\nJérôme;Besançon\r\n"
    sheet = read_sheet(write(tmp_path, text.encode("cp1252")))
    assert sheet.encoding != "cp1256"
    assert sheet.headers == ("Prénom", "Ville")
    assert sheet.rows[1].values == ("Élodie", "Orléans")


def test_quoted_fields_with_separators_and_line_breaks(tmp_path: Path) -> None:
    text = ('نام,آدرس,مبلغ\r\n'
            '"علی","تهران، خیابان ولیعصر, پلاک ۱۲","12,500,000"\r\n'
            '"رضا","خط اول\r\nخط دوم","""نقل قول"""\r\n'
            'سارا,قم,5\r\n')
    sheet = read_sheet(write(tmp_path, text.encode("utf-8")))
    assert sheet.delimiter == ","
    assert [(r.number, r.values) for r in sheet.rows] == [
        (2, ("علی", "تهران، خیابان ولیعصر, پلاک ۱۲", "12,500,000")),
        (3, ("رضا", "خط اول\r\nخط دوم", '"نقل قول"')),
        (4, ("سارا", "قم", "5")),  # the record's number, as a spreadsheet program shows it
    ]


def test_semicolons_with_commas_in_numbers(tmp_path: Path) -> None:
    """The comma splits every row into more fields, but not the header."""
    text = "نام;مبلغ;شهر\nعلی;1,250,000,000;تهران\nرضا;3,000,000,000;قم\n"
    sheet = read_sheet(write(tmp_path, text.encode("utf-8")))
    assert sheet.delimiter == ";"
    assert sheet.rows[0].values == ("علی", "1,250,000,000", "تهران")


def test_title_lines_and_blank_lines_above_the_header(tmp_path: Path) -> None:
    text = ("لیست مشتریان ۱۴۰۲\n"
            "تاریخ گزارش:,۱۴۰۲/۰۵/۰۱\n"
            "\n"
            ",,,\n"
            "نام,موبایل,شهر\n"
            "علی,09121234567,تهران\n"
            "  ,  ,\n"
            "رضا,09351234567,قم\n")
    sheet = read_sheet(write(tmp_path, text.encode("utf-8")))
    assert (sheet.header_row, sheet.headers) == (5, ("نام", "موبایل", "شهر"))
    assert [r.number for r in sheet.rows] == [6, 8]


def test_a_file_of_one_column(tmp_path: Path) -> None:
    sheet = read_sheet(write(tmp_path, "نام\nعلی\nرضا\n".encode()))
    assert (sheet.delimiter, sheet.headers, len(sheet.rows)) == (",", ("نام",), 2)


def test_excel_errors_in_a_csv_are_no_value(tmp_path: Path) -> None:
    sheet = read_sheet(write(tmp_path, "نام,موبایل\nعلی,#N/A\nرضا,#VALUE!\n".encode()))
    assert [r.values for r in sheet.rows] == [("علی", None), ("رضا", None)]


@pytest.mark.parametrize("name", ["list.txt", "list.tsv", "list.xls", "list.xlsx"])
def test_text_under_any_name(tmp_path: Path, name: str) -> None:
    sheet = read_sheet(write(tmp_path, csv_text(ROWS, "\t").encode("utf-16"), name))
    assert (sheet.encoding, sheet.delimiter) == ("utf-16-le", "\t")
    expect_rows(sheet)


def test_an_html_table_saved_as_xls(tmp_path: Path) -> None:
    html = ("<html><head><meta charset='utf-8'><title>گزارش</title></head><body>"
            "<h1>لیست مشتریان</h1><table border=1>"
            "<tr><th colspan=3>گزارش ۱۴۰۲</th></tr>"
            "<tr><th>نام</th><th>موبایل</th><th>شهر</th></tr>"
            "<tr><td>علی &amp; رضا</td><td>09121234567</td><td>تهران</td></tr>"
            "<tr><td></td><td></td><td></td></tr>"
            "<tr><td colspan=2>سارا</td><td>قم<br>مرکز</td></tr>"
            "</table></body></html>")
    sheet = read_sheet(write(tmp_path, html.encode("utf-8"), "export.xls"))
    assert (sheet.delimiter, sheet.header_row, sheet.headers) == (None, 2,
                                                                  ("نام", "موبایل", "شهر"))
    assert [(r.number, r.values) for r in sheet.rows] == [
        (3, ("علی & رضا", "09121234567", "تهران")), (5, ("سارا", None, "قم مرکز"))]


def test_progress_and_cancel(tmp_path: Path) -> None:
    from crm_desktop.imports import ImportCancelled

    text = "نام,شهر\n" + "".join(f"نام {i},تهران\n" for i in range(9000))
    path = write(tmp_path, text.encode())
    seen: list[int] = []
    assert len(read_sheet(path, progress=seen.append).rows) == 9000
    assert seen == sorted(seen) and seen[-1] == 9001 and len(seen) >= 5
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(ImportCancelled):
        read_sheet(path, cancelled=cancelled)
    assert len(asked) == 4


# -- hostile files ---------------------------------------------------------------------------


def code_of(path: Path) -> str:
    with pytest.raises(ImportFileError) as caught:
        read_sheet(path)
    return caught.value.code


def test_a_zero_byte_file_is_empty(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, b"")) == "empty"


def test_blank_lines_only_are_empty(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, b"\r\n ,  ,\r\n\t\r\n")) == "empty"


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 64,
    b"\x89PNG\r\n\x1a\n" + bytes((i * 7919) % 256 for i in range(20000)),
    b"%PDF-1.7\n" + bytes((i * 31) % 256 for i in range(20000)),
    b"\x00" * 50000,
])
def test_binary_data_named_csv_is_unreadable(tmp_path: Path, data: bytes) -> None:
    assert code_of(write(tmp_path, data)) == "unreadable"


def test_random_bytes_never_crash(tmp_path: Path) -> None:
    for seed in range(20):
        data = os.urandom(3000 + seed * 500)
        with pytest.raises(ImportFileError):
            read_sheet(write(tmp_path, data, f"r{seed}.csv"))


def test_a_few_nul_bytes_are_dropped(tmp_path: Path) -> None:
    text = csv_text(ROWS, ",").replace("علی", "عل\x00ی").replace("تهران", "تهران\x00")
    sheet = read_sheet(write(tmp_path, text.encode("utf-8")))
    expect_rows(sheet)


def test_lone_surrogates_in_utf16_become_replacement_characters(tmp_path: Path) -> None:
    data = "نام,شهر\r\n".encode("utf-16-le") + b"\x3d\xd8" + ",قم\r\n".encode("utf-16-le")
    sheet = read_sheet(write(tmp_path, codecs_bom_utf16le() + data))
    assert sheet.rows[0].values == ("\ufffd", "قم")


def codecs_bom_utf16le() -> bytes:
    import codecs

    return codecs.BOM_UTF16_LE


def test_a_10_mb_line_of_commas(tmp_path: Path) -> None:
    path = write(tmp_path, b"," * (10 * 1024 * 1024))
    assert code_of(path) == "empty"


def test_a_10_mb_line_of_text(tmp_path: Path) -> None:
    """One field past csv's field limit (128 KiB): not a CSV file."""
    path = write(tmp_path, "الف".encode() * (3 * 1024 * 1024) + b"\n")
    assert code_of(path) == "unreadable"


def test_a_10_mb_line_of_fields(tmp_path: Path) -> None:
    path = write(tmp_path, ("نام," * (1024 * 1024)).encode())
    assert code_of(path) == "too_wide"


def test_16384_columns(tmp_path: Path) -> None:
    header = ",".join(f"col{i}" for i in range(16384))
    path = write(tmp_path, (header + "\n" + "x," * 16383 + "x\n").encode())
    assert code_of(path) == "too_wide"


def test_an_unclosed_quote(tmp_path: Path) -> None:
    text = 'نام,شهر\nعلی,"تهران\nرضا,قم\n'
    sheet = read_sheet(write(tmp_path, text.encode()))
    assert sheet.rows[0].values == ("علی", "تهران\nرضا,قم\n")


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    assert code_of(tmp_path / "nothing.csv") == "unreadable"
    assert code_of(tmp_path) == "unreadable"  # a folder
