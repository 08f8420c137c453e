"""`crm-desktop proforma list|pdf`, run as a real process on a real database file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest

from crm_desktop.domain.clock import today as business_today
from crm_desktop.text.jalali import jalali_year


def cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DESKTOP_DATA_DIR": str(env_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "crm_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


TODAY = business_today()
YEAR = jalali_year(TODAY)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from crm_desktop.core import Core

    path = tmp_path_factory.mktemp("proforma-cli") / "crm.sqlite3"
    with Core.open(path) as core:
        core.settings.set_company({"name": "فروشگاه پارس"})
        contact = core.contacts.create({"first_name": "نرگس", "last_name": "موسوی"})
        account = core.accounts.create({"name": "صنایع پارس"})
        core.proformas.create(
            {"contact_id": contact, "issue_date": TODAY, "valid_until": TODAY + timedelta(days=7)},
            [{"description": "کتاب آموزش پایتون", "unit_price_rial": 2_000_000},
             {"description": "دفتر", "quantity": "3", "unit_price_rial": 100_000,
              "taxable": False}],
        )
        old = core.proformas.create(
            {"account_id": account, "issue_date": TODAY, "valid_until": TODAY},
            [{"description": "میز", "unit_price_rial": 1_000_000, "discount_kind": "percent",
              "discount_value": "50"}],
        )
        with core.db.write(None) as session:  # a proforma whose validity has passed
            from crm_desktop.db import models as m

            session.get(m.Proforma, old).valid_until = TODAY - timedelta(days=1)
    return path


def test_list_json(db: Path, tmp_path: Path) -> None:
    result = cli("proforma", "list", "--db", str(db), "--json", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert all(set(r) == {"number", "status", "buyer", "total_rial", "issued"} for r in rows)
    assert rows == [
        {"number": f"{YEAR}-0001", "status": "draft", "buyer": "نرگس موسوی",
         "total_rial": 2_500_000, "issued": TODAY.isoformat()},
        {"number": f"{YEAR}-0002", "status": "expired", "buyer": "صنایع پارس",
         "total_rial": 550_000, "issued": TODAY.isoformat()},
    ]


def test_list_text(db: Path, tmp_path: Path) -> None:
    result = cli("proforma", "list", "--db", str(db), env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert first.startswith(f"{YEAR}-0001\t") and "2,500,000 Rial" in first
    assert "نرگس موسوی" in first
    assert "\texpired\t" in second


@pytest.mark.parametrize("number", [f"{YEAR}-0001", f"{YEAR}-1", "PERSIAN"])
def test_pdf_written(db: Path, tmp_path: Path, number: str) -> None:
    if number == "PERSIAN":
        number = f"{YEAR}-0001".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    out = tmp_path / "p.pdf"
    result = cli("proforma", "pdf", number, str(out), "--db", str(db), env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"proforma {YEAR}-0001 written: {out}"
    assert out.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is missing: the PDF's text is not checked")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "کتاب آموزش پایتون" in unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize(
    ("number", "message"),
    [(f"{YEAR}-0099", "no proforma numbered"), ("abc", "is not a proforma number")],
)
def test_bad_number_is_one_line(db: Path, tmp_path: Path, number: str, message: str) -> None:
    out = tmp_path / "p.pdf"
    result = cli("proforma", "pdf", number, str(out), "--db", str(db), env_dir=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr
    assert not out.exists()


def test_unwritable_file_and_missing_command(db: Path, tmp_path: Path) -> None:
    result = cli("proforma", "pdf", f"{YEAR}-0001", str(tmp_path / "no" / "dir" / "p.pdf"),
                 "--db", str(db), env_dir=tmp_path)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "cannot write" in result.stderr
    result = cli("proforma", env_dir=tmp_path)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    result = cli("proforma", "list", "--db", str(tmp_path / "missing.sqlite3"), env_dir=tmp_path)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
