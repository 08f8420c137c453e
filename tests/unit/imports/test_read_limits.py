"""Sheets too large or too wide: a clear ImportFileError or the right data, never a crash
(calamine aborts the whole process on a sheet it cannot allocate: these run in a child
process so that a regression fails the test instead of killing the test run)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crm_desktop.imports import ImportFileError, read_sheet
from crm_desktop.imports.header import MAX_COLUMNS
from crm_desktop.imports.workbook import cell_name
from tests.unit.imports.helpers import ODS_MANIFEST, write_xlsx


def _read_in_child(path: Path) -> dict:
    code = textwrap.dedent(f"""
        import json, resource
        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
        from crm_desktop.imports import ImportFileError, read_sheet
        try:
            sheet = read_sheet({str(path)!r})
            print(json.dumps({{"headers": sheet.headers, "rows": len(sheet.rows)}}))
        except ImportFileError as e:
            print(json.dumps({{"code": e.code, "params": dict(e.params),
                               "fa": e.message("fa")}}))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).parents[3])
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_a_stray_value_in_the_last_cell_of_the_sheet(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "far.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet()
    ws.write_row(0, 0, ["نام", "شهر"])
    ws.write_row(1, 0, ["علی", "تهران"])
    ws.write(1048575, 16383, "x")
    book.close()
    result = _read_in_child(path)
    assert result["code"] == "too_large"
    assert result["params"] == {"cell": "XFD1048576"}
    assert "XFD1048576" in result["fa"]


def test_a_styled_blank_cell_far_away_is_no_data(tmp_path: Path) -> None:
    """Its <dimension> says A1:XFD1048576, calamine skips it: the sheet is read."""
    import xlsxwriter

    path = tmp_path / "styled.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet()
    ws.write_row(0, 0, ["نام", "شهر"])
    ws.write_row(1, 0, ["علی", "تهران"])
    ws.write_blank(1048575, 16383, None, book.add_format({"bold": True}))
    book.close()
    assert _read_in_child(path) == {"headers": ["نام", "شهر"], "rows": 1}


def test_a_header_of_16384_columns_is_too_wide(tmp_path: Path) -> None:
    header = [f"ستون {i}" for i in range(16384)]
    path = write_xlsx(tmp_path / "wide.xlsx", {"S": [header, ["x"] * 16384]})
    with pytest.raises(ImportFileError) as caught:
        read_sheet(path)
    assert caught.value.code == "too_wide"
    assert caught.value.params == {"columns": 16384, "limit": MAX_COLUMNS}


def test_data_far_right_of_the_header_is_cut_at_the_column_limit(tmp_path: Path) -> None:
    row = ["علی", "تهران"] + [None] * 16381 + ["دور"]
    path = write_xlsx(tmp_path / "stray.xlsx", {"S": [["نام", "شهر"], row, ["رضا", "قم"]]})
    sheet = read_sheet(path)
    assert len(sheet.headers) == MAX_COLUMNS
    assert sheet.headers[:3] == ("نام", "شهر", "")
    assert sheet.rows[0].values[:2] == ("علی", "تهران")
    assert all(len(r.values) == MAX_COLUMNS for r in sheet.rows)


def test_cell_names() -> None:
    assert [cell_name(0, 0), cell_name(4, 2), cell_name(0, 25), cell_name(0, 26),
            cell_name(1048575, 16383)] == ["A1", "C5", "Z1", "AA1", "XFD1048576"]


def _ods_bomb(path: Path, rows: int, columns: int) -> Path:
    """An .ods sheet of one text cell repeated `columns` times in a row repeated `rows`
    times: a few hundred bytes that mean rows x columns cells."""
    import zipfile

    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="S">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>نام</text:p>'
        '</table:table-cell><table:table-cell office:value-type="string"><text:p>شهر</text:p>'
        '</table:table-cell></table:table-row>'
        f'<table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{columns}" '
        'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        z.writestr("content.xml", content)
    return path


@pytest.mark.parametrize("rows, columns, code", [
    (20_000, 1_000, "too_large"),       # calamine would expand 20 million (2.6 GB)
    (1_048_575, 16_384, "too_large"),
    (5_000, 1_000, "too_large"),        # 5 million and one: past MAX_CELLS
])
def test_an_ods_sheet_of_repeated_cells(tmp_path: Path, rows: int, columns: int,
                                        code: str) -> None:
    result = _read_in_child(_ods_bomb(tmp_path / "bomb.ods", rows, columns))
    assert result["code"] == code


def test_the_ods_check_reads_every_table_and_any_tag() -> None:
    import io

    from crm_desktop.imports.extent import _check_ods_tables

    def xml(tables: str) -> io.BytesIO:
        return io.BytesIO(f"<office:spreadsheet>{tables}</office:spreadsheet>".encode())

    small = ('<table:table table:name="a"><table:table-row><table:table-cell '
             'office:value-type="string"><text:p>x</text:p></table:table-cell>'
             "</table:table-row></table:table>")
    big = ('<table:table><table:table-row-group><table:table-row '
           'table:number-rows-repeated="3000"><table:table-cell '
           'table:number-columns-repeated="2000"><text:p>x</text:p></table:table-cell>'
           "</table:table-row></table:table-row-group></table:table>")
    blank = ('<table:table><table:table-row table:number-rows-repeated="1048576">'
             '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
             "</table:table>")
    _check_ods_tables(xml(small + blank), 5_000_000)
    with pytest.raises(ImportFileError) as caught:
        _check_ods_tables(xml(small + blank + big), 5_000_000)
    assert caught.value.params == {"cell": "BXX3000"}
