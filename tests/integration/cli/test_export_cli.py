"""`crm-desktop export KIND FILE`, run as a real process on a real database file: every
kind to XLSX and CSV, filters, bad input exits 2 with one line, the database untouched."""

from __future__ import annotations

import csv
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from crm_desktop.services.exports import CLI_KINDS


def cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DESKTOP_DATA_DIR": str(env_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "crm_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from crm_desktop.core import Core

    path = tmp_path_factory.mktemp("export-cli") / "crm.sqlite3"
    with Core.open(path) as core:
        company = core.accounts.create({"name": "شرکت پارس", "city": "تهران"})
        people = [core.contacts.create({"first_name": "نفر", "last_name": str(i),
                                        "city": "تهران" if i % 2 else "قم",
                                        "mobile": f"0912000000{i}", "account_id": company})
                  for i in range(4)]
        deal = core.deals.create({"title": "=1+1", "contact_id": people[0],
                                  "amount_rial": 9_000_000})
        product = core.products.create({"name": "کاغذ", "unit_price_rial": 1_000})
        core.proformas.create({"contact_id": people[1], "deal_id": deal},
                              [{"product_id": product, "quantity": 3}])
        core.tickets.create({"subject": "خرابی", "contact_id": people[2]})
        core.activities.create({"kind": "task", "subject": "پیگیری", "contact_id": people[3]})
        with core.db.raw() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", CLI_KINDS)
def test_every_kind_to_xlsx_and_csv(db: Path, tmp_path: Path, kind: str) -> None:
    before = digest(db)
    out = cli("export", kind, str(tmp_path / f"{kind}.xlsx"), "--db", str(db),
              env_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    assert f"written to {tmp_path / kind}.xlsx" in out.stdout
    ws = openpyxl.load_workbook(tmp_path / f"{kind}.xlsx").active
    assert ws.sheet_view.rightToLeft is True
    assert ws.max_row >= 2 and ws["A1"].value
    out = cli("export", kind, str(tmp_path / f"{kind}.csv"), "--db", str(db), "--lang", "en",
              env_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    with open(tmp_path / f"{kind}.csv", encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    assert len(lines) == ws.max_row and lines[0][0].isascii()
    assert digest(db) == before  # read only


def test_filters_select_the_rows(db: Path, tmp_path: Path) -> None:
    out = cli("export", "contacts", str(tmp_path / "c.csv"), "--db", str(db),
              "--filter", "city=تهران", env_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("2 contacts written")
    with open(tmp_path / "c.csv", encoding="utf-8-sig", newline="") as fh:
        body = list(csv.reader(fh))[1:]
    assert [r[0] for r in body] == ["نفر 1", "نفر 3"]
    assert [r[1] for r in body] == ["09120000001", "09120000003"]
    out = cli("export", "deals", str(tmp_path / "d.csv"), "--db", str(db), env_dir=tmp_path)
    with open(tmp_path / "d.csv", encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))[1][0] == "'=1+1"


@pytest.mark.parametrize(("args", "says"), [
    (["export", "users", "x.xlsx"], "invalid choice"),
    (["export", "contacts", "x.ods"], "must end in .xlsx or .csv"),
    (["export", "contacts", "x.csv", "--filter", "city"], "KEY=VALUE"),
    (["export", "contacts", "x.csv", "--filter", "colour=red"], "no such filter"),
    (["export", "contacts", "x.csv", "--filter", "owner_id=abc"], "--filter owner_id"),
    (["export", "contacts", "x.csv", "--filter", "lifecycle_stage=vip"], "lifecycle_stage"),
    (["export", "deals", "x.csv", "--filter", "close_from=1405/13/40"], "close_from"),
    (["export", "contacts", "nowhere/x.csv"], "does not exist"),
])
def test_bad_input_exits_2_with_one_line(db: Path, tmp_path: Path, args: list[str],
                                         says: str) -> None:
    args = [a if a not in ("x.csv", "x.xlsx", "x.ods", "nowhere/x.csv") else str(tmp_path / a)
            for a in args]
    out = cli(*args, "--db", str(db), env_dir=tmp_path)
    assert out.returncode == 2
    assert says in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr
    assert not list(tmp_path.glob("x.*")) and not list(tmp_path.glob(".x.*"))


def test_missing_database_exits_2(tmp_path: Path) -> None:
    out = cli("export", "contacts", str(tmp_path / "c.xlsx"), "--db",
              str(tmp_path / "none.sqlite3"), env_dir=tmp_path)
    assert out.returncode == 2 and "does not exist" in out.stderr
    assert not (tmp_path / "c.xlsx").exists()
