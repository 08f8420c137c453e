"""`crm-desktop audit`: the audit log from a real process on a real file (text and JSON,
filters by kind of record, Jalali or ISO day, user); bad arguments exit 2 with one line."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crm_desktop.core import Core
from crm_desktop.services import audit
from tests.integration.cli.test_cli import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("audit") / "crm.sqlite3"
    mp = pytest.MonkeyPatch()
    try:
        with Core.open(path) as core:
            sara = core.users.create({"username": "sara", "display_name": "سارا",
                                      "role": "sales"})
            as_sara = Core(core.db, sara)
            # 2026-11-29 10:00 UTC is 1405/09/08 in Tehran; 2026-11-30 21:00 is 1405/09/10
            mp.setattr(audit, "utcnow", lambda: datetime(2026, 11, 29, 10, 0, tzinfo=UTC))
            contact = as_sara.contacts.create({"first_name": "مهسا", "last_name": "رحیمی"})
            mp.setattr(audit, "utcnow", lambda: datetime(2026, 11, 29, 10, 5, tzinfo=UTC))
            as_sara.contacts.update(contact, {"city": "مشهد", "sms_consent": True})
            mp.setattr(audit, "utcnow", lambda: datetime(2026, 11, 30, 21, 0, tzinfo=UTC))
            core.accounts.create({"name": "شرکت آفتاب"})
    finally:
        mp.undo()
    return path


def run(db: Path, tmp_path: Path, *args: str):
    return cli("audit", "--db", str(db), *args, env_dir=tmp_path)


def test_json_is_the_log_newest_first(db: Path, tmp_path: Path) -> None:
    result = run(db, tmp_path, "--json", "--limit", "0")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    conn = sqlite3.connect(db)
    total = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    conn.close()
    assert out["count"] == total == len(out["rows"])
    ids = [r["id"] for r in out["rows"]]
    assert ids == sorted(ids, reverse=True) or [r["at"] for r in out["rows"]] == sorted(
        (r["at"] for r in out["rows"]), reverse=True)
    consent = next(r for r in out["rows"] if r["field"] == "sms_consent")
    assert (consent["old_value"], consent["new_value"]) == ("False", "True")
    assert (consent["old"], consent["new"]) == ("No", "Yes")
    assert consent["user"] == "سارا" and consent["record"] == "مهسا رحیمی"


def test_filters_entity_since_and_user(db: Path, tmp_path: Path) -> None:
    result = run(db, tmp_path, "--json", "--entity", "contact", "--by", "sara")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["rows"]
    assert rows and {(r["entity"], r["user"]) for r in rows} == {("contacts", "سارا")}
    for since in ("1405/09/10", "۱۴۰۵/۰۹/۱۰", "2026-12-01"):
        result = run(db, tmp_path, "--json", "--since", since, "--entity", "accounts")
        assert result.returncode == 0, result.stderr
        assert [r["record"] for r in json.loads(result.stdout)["rows"]] == ["شرکت آفتاب"]
    result = run(db, tmp_path, "--json", "--since", "1405/09/10", "--entity", "contacts")
    assert json.loads(result.stdout) == {"count": 0, "rows": []}
    result = run(db, tmp_path, "--json", "--until", "1405/09/08", "--entity", "contacts")
    assert len(json.loads(result.stdout)["rows"]) == 3  # create, city, consent


def test_text_lines(db: Path, tmp_path: Path) -> None:
    result = run(db, tmp_path, "--entity", "contacts", "--lang", "fa")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "3 change(s)"
    city = next(line for line in lines if "شهر" in line)
    assert "۱۴۰۵/۰۹/۰۸ ۱۳:۳۵" in city and "سارا" in city and "— -> مشهد" in city
    result = run(db, tmp_path, "--entity", "contacts", "--limit", "1")
    assert result.stdout.splitlines()[-1] == "1 of 3 change(s)"


@pytest.mark.parametrize("args, words", [
    (("--entity", "planets"), "--entity"),
    (("--since", "1405/13/40"), "--since"),
    (("--until", "yesterday"), "--until"),
    (("--by", "nobody"), "--by"),
    (("--limit", "-3"), "--limit"),
    (("--action", "explode"), "--action"),
    (("--id", "5"), "--id needs --entity"),
    (("--text", "x" * 500), "text"),
])
def test_bad_arguments_exit_2_with_one_line(db: Path, tmp_path: Path, args, words) -> None:
    result = run(db, tmp_path, *args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words.lower() in lines[0].lower()
    assert "Traceback" not in result.stderr
