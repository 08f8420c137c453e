"""`crm-desktop report`, run as a real process on the hand-made database of the report
tests: --list, a report to .xlsx (read back with openpyxl) and to .pdf (pdftotext), and
bad input exiting with 2 and one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.integration.services.report_world import build
from tests.integration.test_proforma_pdf import pdf_text


def cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DESKTOP_DATA_DIR": str(env_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "crm_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    from crm_desktop.core import Core

    path = tmp_path_factory.mktemp("report-cli") / "crm.sqlite3"
    with Core.open(path) as core:
        core.settings.set_company({"name": "فروشگاه نمونه"})
        world = build(core)
    return path, world.ali


def test_list(tmp_path: Path) -> None:
    out = cli("report", "--list", env_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == [
        "sales-by-owner", "sales-by-product", "sales-by-source", "lost-reasons", "campaigns",
        "tickets-sla", "activities-by-owner", "birthdays", "customers"]
    assert lines[0] == "sales-by-owner\tSales by owner\tفروش به تفکیک مسئول"


def test_a_report_to_excel(db: tuple[Path, int], tmp_path: Path) -> None:
    path, ali = db
    dest = tmp_path / "sales.xlsx"
    out = cli("report", "sales-by-owner", str(dest), "--db", str(path), "--period",
              "۱۴۰۵-۰۷", "--owner", str(ali), env_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"sales-by-owner (1405-07): 1 rows written to {dest}"
    sheet = openpyxl.load_workbook(dest).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.sheet_view.rightToLeft
    assert rows[0][0] == "فروش به تفکیک مسئول"
    assert [r[0] for r in rows[1:4]] == ["دوره: مهر ۱۴۰۵", "مسئول: علی", "فروشگاه نمونه"]
    header = rows.index(next(r for r in rows if r[0] == "مسئول"))
    # Ali: deals 1 and 2 won (4,000,000), 13 lost; the total row last
    assert rows[header + 1][:5] == ("علی", 2, 1, pytest.approx(0.6667), 4_000_000)
    assert rows[-1][0] == "جمع کل" and rows[-1][4] == 4_000_000


def test_a_report_to_pdf_in_english(db: tuple[Path, int], tmp_path: Path) -> None:
    path, _ali = db
    dest = tmp_path / "lost.pdf"
    out = cli("report", "lost-reasons", str(dest), "--db", str(path), "--period", "1405-07",
              "--lang", "en", env_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    text = pdf_text(dest)
    assert "Why deals were lost" in text and "Period: Mehr 1405" in text
    assert "No reason given" in text and "7,000,000" in text and "Page 1 of 1" in text


@pytest.mark.parametrize(("args", "says"), [
    (["nope", "x.pdf", "--period", "1405"], "there is no report 'nope'"),
    (["sales-by-owner", "x.pdf", "--period", "1405-13"], "--period '1405-13'"),
    (["sales-by-owner", "x.pdf", "--period", "14"], "--period '14'"),
    (["sales-by-owner", "x.pdf"], "--period is required"),
    (["sales-by-owner", "x.txt", "--period", "1405"], "FILE must end in .xlsx or .pdf"),
    (["sales-by-owner", "--period", "1405"], "FILE is required"),
    (["sales-by-owner", "x.pdf", "--period", "1405", "--owner", "999"],
     "--owner 999: there is no such user"),
    (["sales-by-owner", "x.pdf", "--period", "1405", "--owner", "x"], "--owner"),
    (["sales-by-source", "x.pdf", "--period", "1405", "--filter", "source=tv"],
     "--filter source='tv': not one of walk_in"),
    (["sales-by-owner", "x.pdf", "--period", "1405", "--filter", "kind=call"],
     "--filter kind: sales-by-owner has no such filter"),
    (["birthdays", "x.pdf", "--period", "1405-01-01..1406-02-01"], "at most 366 days"),
    ([], "a report NAME is required"),
])
def test_bad_input_exits_2_with_one_line(db: tuple[Path, int], tmp_path: Path,
                                         args: list[str], says: str) -> None:
    path, _ali = db
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    out = cli("report", *args, "--db", str(path), env_dir=tmp_path)
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert says in out.stderr
    assert list(tmp_path.glob("x.*")) == []
