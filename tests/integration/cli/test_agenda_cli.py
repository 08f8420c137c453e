"""`crm-desktop agenda`, run as a real process on a real database file."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

LOCAL_TZ = ZoneInfo("Asia/Tehran")

DAY = date(2026, 11, 22)  # 1405/09/01
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DESKTOP_DATA_DIR": str(env_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "crm_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def at(hour: int) -> datetime:
    return datetime.combine(DAY, time(hour), tzinfo=LOCAL_TZ).astimezone(UTC)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from crm_desktop.core import Core

    path = tmp_path_factory.mktemp("agenda-cli") / "crm.sqlite3"
    with Core.open(path) as core:
        core.settings.set_company({"name": "فروشگاه پارس"})
        contact = core.contacts.create({"first_name": "نرگس", "last_name": "موسوی",
                                        "birthday": date(1988, 11, 22)})
        core.activities.create({"kind": "meeting", "subject": "جلسه هفتگی فروش",
                                "due_at": datetime.combine(date(2026, 11, 8), time(9, 30),
                                                           tzinfo=LOCAL_TZ),
                                "recurrence": "weekly", "contact_id": contact})
        core.activities.create({"kind": "call", "subject": "تماس با مشتری",
                                "due_at": at(15)})
    return path


def test_json(db: Path, tmp_path: Path) -> None:
    proc = cli("agenda", "--db", str(db), "--date", DAY.isoformat(), "--json", env_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    items = json.loads(proc.stdout)
    assert [(i["kind"], i["subject"], i["contact"]) for i in items] == [
        ("birthday", "تولد", "نرگس موسوی"),
        ("meeting", "جلسه هفتگی فروش", "نرگس موسوی"),
        ("call", "تماس با مشتری", ""),
    ]
    assert items[0]["time"] is None
    assert datetime.fromisoformat(items[1]["time"]) == datetime.combine(
        DAY, time(9, 30), tzinfo=LOCAL_TZ)
    assert set(items[0]) == {"kind", "time", "all_day", "subject", "contact", "status"}


def test_plain_text(db: Path, tmp_path: Path) -> None:
    proc = cli("agenda", "--db", str(db), "--date", DAY.isoformat(), env_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("all day\tbirthday")
    assert lines[1].startswith("2026-11-22 09:30\tmeeting")


@pytest.mark.parametrize("bad", ["2026-13-01", "tomorrow", "1405/13/01", "1404/12/30"])
def test_bad_date_is_one_line(db: Path, tmp_path: Path, bad: str) -> None:
    proc = cli("agenda", "--db", str(db), "--date", bad, env_dir=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "not a date" in proc.stderr


def test_pdf(db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "agenda.pdf"
    proc = cli("agenda", "--db", str(db), "--date", DAY.isoformat(), "--pdf", str(pdf),
               env_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    raw = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    text = BIDI_MARKS.sub("", unicodedata.normalize("NFKC", raw))
    for phrase in ("برنامه روز", "۱۴۰۵/۰۹/۰۱", "فروشگاه پارس", "جلسه هفتگی فروش",
                   "نرگس موسوی", "تماس با مشتری", "۰۹:۳۰", "۱۵:۰۰", "ساعت", "وضعیت"):
        assert phrase in text, phrase


def test_missing_database_is_refused(tmp_path: Path) -> None:
    proc = cli("agenda", "--db", str(tmp_path / "nope.sqlite3"), env_dir=tmp_path)
    assert proc.returncode == 2 and "does not exist" in proc.stderr
