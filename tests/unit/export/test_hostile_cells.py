"""Any text a record can hold (any Unicode, control characters, lone surrogates, text
that looks like a formula or like XML) goes through the XLSX and CSV writers without a
crash and reads back as written, except what the writers replace on purpose: a lone
surrogate, a control character other than tab, LF and CR, and U+FFFE/U+FFFF become
U+FFFD; in CSV, formula-like text is led by an apostrophe."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.export.cells import FORMULA_START, MAX_TEXT, clean_text
from crm_desktop.export.csv_file import write_csv
from crm_desktop.export.table import ExportColumn, ExportTable
from crm_desktop.export.xlsx import write_xlsx
from tests.unit.export.helpers import excel_text

ANY_TEXT = st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF,
                                 exclude_categories=()), max_size=40)
NASTY = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\n", "\x00", "\ud800", "\udfff",
                         "\ufffe", "<r>", "</r>", "_x0041_", "&", '"', ",", " ", "۰", "‌"])
TEXT = st.lists(st.one_of(ANY_TEXT, NASTY), max_size=6).map("".join)
COLUMNS = [ExportColumn("text", "متن"), ExportColumn("code", "کد", "code")]


def expected(text: str) -> str:
    replaced = "".join("\ufffd" if (0xD800 <= ord(ch) <= 0xDFFF or ch in "\ufffe\uffff"
                                    or (ord(ch) < 32 and ch not in "\t\n\r")) else ch
                       for ch in text)
    return replaced if len(replaced) <= MAX_TEXT else replaced[:MAX_TEXT - 1] + "…"


def test_clean_text_examples() -> None:
    assert clean_text("a\x00b\ud83dc\x7f\t\n\r") == "a\ufffdb\ufffdc\x7f\t\n\r"
    assert clean_text(12) == "12"


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=5))
def test_round_trip_through_xlsx(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.xlsx"
        write_xlsx(ExportTable(COLUMNS, [[t, t] for t in texts], lang="fa"), path)
        ws = openpyxl.load_workbook(path).active
        for row, text in enumerate(texts, start=2):
            for col in (1, 2):
                cell = ws.cell(row=row, column=col)
                assert (excel_text(cell.value) or "") == expected(text)
                assert cell.data_type == "s" or cell.value is None
                assert cell.quotePrefix is (expected(text)[:1] in FORMULA_START)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=5))
def test_round_trip_through_csv(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        write_csv(ExportTable(COLUMNS, [[t, t] for t in texts], lang="fa"), path)
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        assert len(rows) == len(texts) + 1
        for row, text in zip(rows[1:], texts, strict=True):
            want = expected(text)
            if want[:1] in FORMULA_START:
                want = "'" + want
            assert row == [want, want]
