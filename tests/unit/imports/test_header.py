"""The header row: the rule of header.py on rows made here, and hypothesis over random
title and blank rows above random tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.imports.cells import RawRow, raw_row
from crm_desktop.imports.header import LOOK_AHEAD, MAX_COLUMNS, find_header, table
from crm_desktop.imports.sheet import ImportFileError


def rows_of(grid: list[list[Any]]) -> list[RawRow]:
    """Non-blank rows of a grid (1-based row numbers, values from column A)."""
    out = [raw_row(n, list(values)) for n, values in enumerate(grid, 1)]
    return [r for r in out if r is not None]


def header_of(grid: list[list[Any]], merges: set[tuple[int, int]] | None = None) -> int:
    rows = rows_of(grid)
    return rows[find_header(rows, merges or set())].number


TABLE = [["نام", "موبایل", "شهر", "ایمیل"],
         ["علی", "09121234567", "تهران", "a@b.ir"],
         ["رضا", 9351234567.0, None, None],
         ["سارا", "۰۹۱۲۰۰۰۰۰۰۰", "قم", None]]


def test_the_first_row_is_the_header() -> None:
    assert header_of(TABLE) == 1


@pytest.mark.parametrize("above", [
    [["لیست مشتریان ۱۴۰۲"]],                                  # a title alone in A1
    [[None, None, "لیست مشتریان"], []],                       # a title over the middle
    [["تاریخ گزارش:", "۱۴۰۲/۰۵/۰۱"]],                           # a date line
    [["تاریخ:", dt.date(2023, 7, 23)], [None]],                # a date line with a date cell
    [["تهیه‌کننده: علی", "تاریخ: ۱۴۰۲/۰۵/۰۱"]],                 # two labels over 4 columns
    [[1402], ["گزارش"], [None, None, None, None, "صفحه ۱"]],
])
def test_title_lines_above_the_header(above: list[list[Any]]) -> None:
    assert header_of(above + TABLE) == len(above) + 1


def test_a_row_of_numbers_is_no_header() -> None:
    grid = [["ردیف", 1, 2, 3], *TABLE]
    assert header_of(grid) == 2


def test_a_cell_merged_across_columns_is_no_label() -> None:
    """A two-row header: groups merged over their columns, then the column names."""
    grid = [["مشخصات", None, "تماس", None], *TABLE]
    assert header_of(grid, {(0, 0), (0, 2)}) == 2
    # above a table of one column, only the merge tells a title from the header
    one = [["لیست مشتریان"], ["نام"], ["علی"], ["رضا"]]
    assert header_of(one, {(0, 0)}) == 2
    assert header_of(one) == 1


def test_a_header_wider_or_narrower_than_its_data() -> None:
    assert header_of([["نام", "شهر", "توضیحات"], ["علی", "قم"], ["رضا", "کرج"]]) == 1
    # a blank header cell over a column of data, in a table of four or more columns
    assert header_of([["ردیف", "نام", "شهر", None],
                      ["۱", "علی", "قم", "x"], ["۲", "رضا", "کرج", "y"]]) == 1
    # a narrower table needs every column named: this "header" is a line of two labels
    assert header_of([["نام", "شهر", None], ["علی", "قم", "x"], ["رضا", "کرج", "y"]]) == 2


def test_one_column() -> None:
    assert header_of([["نام"], ["علی"], ["رضا"]]) == 1
    assert header_of([[None, "نام"], [None, "علی"], [None, "رضا"]]) == 1


def test_a_lone_row_of_labels_is_a_header_with_no_data() -> None:
    rows = rows_of([["نام", "شهر"]])
    assert find_header(rows) == 0
    assert table(rows, 0) == (("نام", "شهر"), [])


@pytest.mark.parametrize("grid", [
    [["لیست مشتریان"]],                          # one label, no data
    [[1, 2, 3], [4, 5, 6]],                       # numbers only
    [["۱۴۰۲/۰۵/۰۱", "09121234567"]],              # dates and phones typed as text
    [["عنوان"]] + [["x", "y", "z"]] * 0 + [[dt.date(2020, 1, 1), 5.0]] * 3,
])
def test_no_header(grid: list[list[Any]]) -> None:
    with pytest.raises(ImportFileError) as caught:
        header_of(grid)
    assert caught.value.code == "no_header"


def test_the_header_is_looked_for_in_the_first_50_rows() -> None:
    grid = [[i] for i in range(60)] + TABLE
    with pytest.raises(ImportFileError):
        header_of(grid)


def test_the_table_spans_the_header_and_its_data() -> None:
    grid = [["لیست"], [], [None, None, "نام", None, "شهر"],
            [None, "۱", "علی", None, "قم"], [None, None, "رضا", None, None, "یادداشت"]]
    rows = rows_of(grid)
    headers, data = table(rows, find_header(rows))
    assert headers == ("", "نام", "", "شهر", "")
    assert [(r.number, r.values) for r in data] == [
        (4, ("۱", "علی", None, "قم", None)), (5, (None, "رضا", None, None, "یادداشت"))]


def test_header_cells_are_clean_text() -> None:
    rows = rows_of([["  نام  و\u200c\u200c نام خانوادگي ", 1402.0, dt.date(2024, 3, 20), "ك\tد"],
                    ["علی", 1, 2, 3]])
    headers, _ = table(rows, 0)
    assert headers == ("نام و نام خانوادگی", "1402", "2024-03-20", "ک د")


# -- hypothesis ----------------------------------------------------------------------------

WORDS = ["نام", "نام خانوادگی", "موبایل", "تلفن همراه", "ایمیل", "کد ملی", "شهر", "تاریخ تولد",
         "شرکت", "Name", "Mobile", "E-mail", "City", "آدرس", "توضیحات", "جنسیت"]
labels = st.sampled_from(WORDS)
numbers = st.one_of(st.integers(-10**12, 10**12), st.floats(allow_nan=False,
                                                             allow_infinity=False))
dates = st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))
codes = st.from_regex(r"\A(09[0-9]{9}|[۰-۹]{10}|1[34][0-9]{2}/[0-9]{1,2}/[0-9]{1,2})\Z")
values = st.one_of(st.none(), labels, numbers, dates, codes, st.booleans())


@st.composite
def title_row(draw: st.DrawFn) -> list[Any]:
    """A line above a table: a title in one cell, a label with a date or a number, a page
    number: never two labels."""
    at = draw(st.integers(0, 6))
    kind = draw(st.sampled_from(["title", "dated", "number", "blank"]))
    cells: list[Any] = {
        "title": [draw(st.sampled_from(["لیست مشتریان ۱۴۰۲", "گزارش", "Customers"]))],
        "dated": [draw(labels), draw(st.one_of(dates, codes, numbers))],
        "number": [draw(numbers)],
        "blank": [None, draw(st.sampled_from(["", "   ", "\u200c"]))],
    }[kind]
    return [None] * at + cells


@st.composite
def well_formed(draw: st.DrawFn) -> tuple[list[list[Any]], int, list[str]]:
    """(grid, 1-based header row, headers): titles and blank rows above a table whose
    header names every column (two or more) and whose data stays under it."""
    width = draw(st.integers(2, 8))
    header = [f"{w} {i}" for i, w in enumerate(draw(st.lists(labels, min_size=width,
                                                             max_size=width)))]
    data = draw(st.lists(st.lists(values, min_size=width, max_size=width), max_size=15))
    left = draw(st.integers(0, 5))
    above = draw(st.lists(st.one_of(title_row(), st.just([])), max_size=LOOK_AHEAD - 4))
    grid = above + [[None] * left + header] + [[None] * left + r for r in data]
    return grid, len(above) + 1, header


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(well_formed())
def test_the_header_of_a_well_formed_table_is_found(case) -> None:
    grid, number, header = case
    rows = rows_of(grid)
    found = find_header(rows)
    assert rows[found].number == number
    headers, data = table(rows, found)
    assert headers[:len(header)] == tuple(header)
    body = [r for r in grid[number:] if any(v is not None and str(v).strip(" \u200c")
                                               for v in r)]
    assert len(data) == len(body)


grids = st.lists(st.lists(st.one_of(values, st.text(max_size=5)), max_size=12), max_size=40)


@settings(max_examples=300, deadline=None)
@given(grids)
def test_any_grid_gives_a_table_or_an_import_file_error(grid: list[list[Any]]) -> None:
    rows = rows_of(grid)
    try:
        headers, data = table(rows, find_header(rows))
    except ImportFileError as e:
        assert e.code in ("no_header", "too_wide")
        return
    assert 1 <= len(headers) <= MAX_COLUMNS
    assert all(len(r.values) == len(headers) for r in data)
    assert [r.number for r in data] == sorted({r.number for r in data})
