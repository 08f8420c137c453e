"""The CSV an export writes, read back with the csv module: the byte-order mark, Persian,
RFC 4180 quoting, formula-like text neutralised, plain numbers, Jalali and ISO dates."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from crm_desktop.export.csv_file import write_csv
from crm_desktop.export.table import ExportColumn, ExportTable

COLUMNS = [ExportColumn("name", "نام"), ExportColumn("mobile", "موبایل", "code"),
           ExportColumn("amount", "مبلغ (ریال)", "money"), ExportColumn("rate", "نرخ", "rate"),
           ExportColumn("created", "تاریخ ثبت", "date"),
           ExportColumn("due", "موعد", "datetime")]


def read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_utf8_with_bom_header_and_persian(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_csv(ExportTable(COLUMNS, [["علی محمدی", "09120000000", 12_500_000, Decimal("0.125"),
                                     date(2026, 11, 22),
                                     datetime(2026, 11, 22, 10, 0, tzinfo=UTC)]],
                          lang="fa"), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\xef\xbb\xbf") == 1
    assert b"\r\n" in raw  # RFC 4180 line ends
    header, row = read(path)
    assert header == ["نام", "موبایل", "مبلغ (ریال)", "نرخ", "تاریخ ثبت", "تاریخ ثبت (میلادی)",
                      "موعد", "موعد (میلادی)"]
    # plain numbers (no thousands separator), codes as they are, Jalali then ISO dates
    assert row == ["علی محمدی", "09120000000", "12500000", "0.125", "۱۴۰۵/۰۹/۰۱",
                   "2026-11-22", "۱۴۰۵/۰۹/۰۱ ۱۳:۳۰", "2026-11-22 13:30"]


def test_quoting_follows_rfc_4180(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    tricky = ['a, b', 'say "hi"', "two\nlines", "cr\rhere", "plain"]
    write_csv(ExportTable([ExportColumn("a", "A")], [[t] for t in tricky], lang="en"), path)
    assert [r[0] for r in read(path)[1:]] == tricky
    text = path.read_bytes().decode("utf-8-sig")
    assert '"a, b"' in text and '"say ""hi"""' in text and "\nplain\r\n" in text


def test_formula_like_text_gets_an_apostrophe_numbers_do_not(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    hostile = ["=1+1", "+989121234567", "@SUM(A1)", "-2+3", "\t=cmd", "\r=cmd"]
    write_csv(ExportTable([ExportColumn("a", "A"), ExportColumn("n", "N", "money")],
                          [[t, -500] for t in hostile] + [["safe", 0]], lang="en"), path)
    body = read(path)[1:]
    assert [r[0] for r in body] == ["'" + t for t in hostile] + ["safe"]
    assert {r[1] for r in body[:-1]} == {"-500"}  # a negative amount is a number


def test_total_row_is_the_last_line_and_titles_are_not_data(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    write_csv(ExportTable(COLUMNS[:3], [["a", "1", 5], ["b", "2", 7]], title="گزارش",
                          subtitle_lines=["دوره"], total=["جمع", None, 12], lang="fa"), path)
    assert read(path) == [["نام", "موبایل", "مبلغ (ریال)"], ["a", "1", "5"], ["b", "2", "7"],
                          ["جمع", "", "12"]]
