"""A cancelled or failed export leaves no file behind: not the export, not its temporary
file beside it, not XlsxWriter's temporary files; an older file of the same name is left
as it was. Progress is reported while rows are written; the rows' reader is closed."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.export.csv_file import write_csv
from crm_desktop.export.table import ExportCancelled, ExportColumn, ExportTable
from crm_desktop.export.xlsx import write_xlsx
from tests.unit.export.helpers import leftovers

WRITERS = [pytest.param(write_xlsx, ".xlsx", id="xlsx"), pytest.param(write_csv, ".csv", id="csv")]
COLUMNS = [ExportColumn("name", "نام"), ExportColumn("n", "N", "integer"),
           ExportColumn("d", "D", "date")]


class Rows:
    """Rows made on demand; raises `fail` after `fail_after` rows; records being closed."""

    def __init__(self, n: int, fail_after: int | None = None):
        self.n, self.fail_after, self.closed, self.made = n, fail_after, False, 0

    def __iter__(self) -> Iterator[list[object]]:
        # kept here: only the writer closing it runs its `finally` (not garbage collection)
        self.iterator = self._rows()
        return self.iterator

    def _rows(self) -> Iterator[list[object]]:
        try:
            for i in range(self.n):
                if self.fail_after is not None and i == self.fail_after:
                    raise RuntimeError("the disk went away")
                self.made += 1
                yield [f"نام {i}", i, None]
        finally:
            self.closed = True


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, here (XlsxWriter's files would land in it)."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.parametrize(("writer", "suffix"), WRITERS)
def test_cancel_leaves_no_file(tmp_path: Path, private_tmp: Path, writer, suffix) -> None:
    out = tmp_path / "out"
    out.mkdir()
    rows = Rows(5000)
    seen: list[int] = []
    with pytest.raises(ExportCancelled):
        writer(ExportTable(COLUMNS, rows, row_count=5000, lang="fa"), out / f"list{suffix}",
               progress=seen.append, cancelled=lambda: len(seen) >= 2)
    assert leftovers(out) == []
    assert leftovers(private_tmp) == []
    assert seen == [500, 1000]  # progress every 500 rows, until the cancel was seen
    assert rows.closed and rows.made < 5000


@pytest.mark.parametrize(("writer", "suffix"), WRITERS)
def test_error_mid_write_leaves_the_old_file_alone(tmp_path: Path, private_tmp: Path,
                                                    writer, suffix) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"list{suffix}"
    target.write_bytes(b"yesterday's export")
    with pytest.raises(RuntimeError, match="disk went away"):
        writer(ExportTable(COLUMNS, Rows(3000, fail_after=1200), lang="fa"), target)
    assert leftovers(out) == [target.name]
    assert target.read_bytes() == b"yesterday's export"
    assert leftovers(private_tmp) == []


@pytest.mark.parametrize(("writer", "suffix"), WRITERS)
def test_complete_export_replaces_the_old_file(tmp_path: Path, private_tmp: Path,
                                               writer, suffix) -> None:
    target = tmp_path / f"list{suffix}"
    target.write_bytes(b"old")
    seen: list[int] = []
    rows = Rows(1200)
    assert writer(ExportTable(COLUMNS, rows, row_count=1200, lang="en"), target,
                  progress=seen.append) == 1200
    assert target.read_bytes() != b"old"
    assert leftovers(tmp_path) == sorted([target.name, private_tmp.name])
    assert leftovers(private_tmp) == []
    assert seen == [500, 1000, 1200]
    assert rows.closed
    # the file has the permissions of any new file (not mkstemp's owner-only 0600)
    plain = tmp_path / "plain"
    plain.write_bytes(b"")
    new = tmp_path / f"new{suffix}"
    writer(ExportTable(COLUMNS, Rows(1), lang="en"), new)
    assert new.stat().st_mode == plain.stat().st_mode


@pytest.mark.parametrize(("writer", "suffix"), WRITERS)
def test_unwritable_folder_is_an_os_error_and_leaves_nothing(tmp_path: Path, writer,
                                                             suffix) -> None:
    with pytest.raises(OSError):
        writer(ExportTable(COLUMNS, Rows(3), lang="en"), tmp_path / "missing" / f"x{suffix}")
    assert leftovers(tmp_path) == []
