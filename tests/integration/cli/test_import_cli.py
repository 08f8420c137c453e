"""`crm-desktop import KIND FILE` and `import undo`, run as a real process on real files: the
JSON the issue asks for, --dry-run writes nothing, tags and a list, bad files exit 2 with
one line, the database is created when missing, and undo puts it back."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

HEADER = ("نام و نام خانوادگی", "موبایل", "شهر", "تاریخ تولد", "ایمیل", "کد ملی")
ROWS = [
    ("مینا نوری", "۰۹۳۵ ۱۱۱ ۲۲۳۳", "قم", "1369/12/14", "mina@x.ir", "0013542419"),
    ("علي رضايي", "+98 912 123 4567", "کرج", "۱۳۶۵-۰۸-۲۱", "", ""),   # already there
    ("مینا نوری", "00989351112233", "قم", "", "", ""),                   # repeats row 4
    ("بی نام", "0912", "تهران", "", "", ""),                              # bad mobile
    ("سارا کریمی", "09127654321", "شیراز", "1370/13/40", "", ""),        # no 13th month
    ("نیما رستمی", 9131234567, "اصفهان", "", "nima@x.ir", "0013542418"),  # bad check digit
    ("=1+1", "09141112233", "تبریز", "", "", ""),
]


def cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DESKTOP_DATA_DIR": str(env_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "crm_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=180, check=False)


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import xlsxwriter

    path = tmp_path_factory.mktemp("import-cli") / "مشتریان.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("یادداشت")  # an empty first sheet: the first with data is read
    ws = book.add_worksheet("مشتریان")
    ws.write_string(0, 0, "فهرست مشتریان ۱۴۰۴")
    ws.write_row(2, 0, HEADER)
    for r, values in enumerate(ROWS, start=3):
        for c, value in enumerate(values):
            if isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write_number(r, c, value)
    book.close()
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    from crm_desktop.core import Core

    path = tmp_path / "crm.sqlite3"
    with Core.open(path) as core:
        core.contacts.create({"last_name": "رضایی", "mobile": "09121234567"})
        core.lists.create({"name": "نمایشگاه"})
        core.lists.create({"name": "تهرانی‌ها", "kind": "filter",
                           "filter_json": '{"version": 1, "cities": ["تهران"]}'})
    return path


def contacts(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT full_name, mobile, city, birthday FROM contacts "
                            "ORDER BY id").fetchall()
    finally:
        conn.close()


def test_dry_run_reports_and_writes_nothing(db: Path, sheet: Path, tmp_path: Path) -> None:
    before = contacts(db)
    out = cli("import", "contacts", str(sheet), "--db", str(db), "--dry-run", "--json",
              "--lang", "en", env_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert list(report) == ["header_row", "valid", "created", "updated", "duplicates",
                            "errors"]
    assert report["header_row"] == 3
    assert (report["created"], report["updated"]) == (0, 0)
    # new: مینا, =1+1; duplicates: row 5 (the database), row 6 (row 4), skipped by default
    assert (report["valid"], report["duplicates"]) == (2, 2)
    errors = {(e["row"], e["field"]) for e in report["errors"]}
    assert errors == {(7, "mobile"), (8, "birthday"), (9, "national_code")}
    assert all(e["message"] and e["message"].isascii() for e in report["errors"])
    assert contacts(db) == before


def test_import_then_undo(db: Path, sheet: Path, tmp_path: Path) -> None:
    before = contacts(db)
    out = cli("import", "contacts", str(sheet), "--db", str(db), "--on-duplicate", "update",
              "--tags", "نمایشگاه ۱۴۰۴،VIP", "--list", "۱", "--json", env_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert (report["valid"], report["created"], report["updated"]) == (4, 2, 2)
    assert any("موبایل" in e["message"] for e in report["errors"])  # Persian by default
    rows = contacts(db)
    assert ("مینا نوری", "09351112233", "قم", "1991-03-05") in rows
    assert ("=1+1", "09141112233", "تبریز", None) in rows
    # its empty fields filled (the first name too)
    assert ("علی رضایی", "09121234567", "کرج", "1986-11-12") in rows
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM list_members WHERE list_id = 1").fetchone() == (3,)
    assert conn.execute("SELECT count(*) FROM contact_tags").fetchone() == (6,)
    conn.close()
    check = cli("check", "--db", str(db), "--json", env_dir=tmp_path)
    assert json.loads(check.stdout)["counts"]["import_batches"] == 1
    undo = cli("import", "undo", "--db", str(db), env_dir=tmp_path)
    assert undo.returncode == 0, undo.stderr
    assert "undone" in undo.stdout and "مشتریان.xlsx" in undo.stdout
    assert contacts(db) == before
    again = cli("import", "undo", "--db", str(db), "--lang", "en", env_dir=tmp_path)
    assert again.returncode == 2
    assert again.stderr.strip().splitlines() == [
        "crm-desktop: Import: no import is left to undo."]


def test_summary_without_json(db: Path, sheet: Path, tmp_path: Path) -> None:
    out = cli("import", "contacts", str(sheet), "--db", str(db), "--lang", "en",
              env_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "header on row 3" in out.stdout
    assert "2 contacts created, 0 updated" in out.stdout
    assert "row 7: Mobile:" in out.stdout


def test_the_database_is_created_when_missing(sheet: Path, tmp_path: Path) -> None:
    path = tmp_path / "new" / "crm.sqlite3"
    path.parent.mkdir()
    out = cli("import", "contacts", str(sheet), "--db", str(path), "--json", env_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["created"] == 3  # nobody was there: row 5 is new too


def test_bad_files_and_arguments_exit_2_with_one_line(db: Path, sheet: Path,
                                                      tmp_path: Path) -> None:
    (tmp_path / "junk.xlsx").write_bytes(b"PK\x03\x04 not really a zip" * 10)
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "numbers.csv").write_text("1,2,3\n4,5,6\n", encoding="utf-8")
    cases = [
        (("contacts", str(tmp_path / "junk.xlsx")), "cannot be read"),
        (("contacts", str(tmp_path / "empty.csv")), "no data"),
        (("contacts", str(tmp_path / "missing.xlsx")), "cannot be read"),
        (("contacts", str(sheet), "--sheet", "فروش"), "«فروش»"),
        (("contacts", str(tmp_path / "numbers.csv")), "header"),
        (("contacts",), "FILE is missing"),
        (("contacts", str(sheet), "--list", "2"), "static list"),
        (("contacts", str(sheet), "--list", "x"), "not a list id"),
        (("products", str(sheet), "--tags", "VIP"), "contacts only"),
        (("undo", str(sheet)), "takes no FILE"),
        (("people", str(sheet)), "invalid choice"),
    ]
    before = contacts(db)
    for args, words in cases:
        out = cli("import", *args, "--db", str(db), "--lang", "en", env_dir=tmp_path)
        assert out.returncode == 2, (args, out.stdout, out.stderr)
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], (args, lines)
        assert "Traceback" not in out.stderr
    assert contacts(db) == before
    persian = cli("import", "contacts", str(tmp_path / "empty.csv"), "--db", str(db),
                  env_dir=tmp_path)
    assert "داده" in persian.stderr
