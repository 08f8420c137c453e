"""`crm-desktop automation run`: what the operating system's scheduler runs (a real
process on a database whose welcome rule has three customers to greet)."""

from __future__ import annotations

import json
from pathlib import Path

from crm_desktop.core import Core
from crm_desktop.db import models as m
from tests.integration.cli.test_cli import cli
from tests.integration.services.automation_world import count, person, rule


def _world(path: Path) -> None:
    with Core.open(path) as core:
        rule(core, "welcome", name="خوشامد")
        person(core, name="مینا", lifecycle_stage="customer")
        person(core, name="رضا", lifecycle_stage="customer")
        core.contacts.create({"last_name": "بی‌شماره", "lifecycle_stage": "customer"})


def test_dry_run_then_run_then_nothing_again(tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    _world(path)
    dry = cli("automation", "run", "--db", str(path), "--dry-run", "--json", env_dir=tmp_path)
    assert dry.returncode == 0, dry.stderr
    planned = json.loads(dry.stdout)
    with Core.open(path, create=False) as core:
        assert count(core, m.AutomationLog) == count(core, m.OutboxMessage) == 0
        assert count(core, m.AutomationRun) == 0
    done = cli("automation", "run", "--db", str(path), "--json", env_dir=tmp_path)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    actions = json.loads(done.stdout)
    assert actions == planned
    assert sorted((a["rule"], a["contact"], a["action"]) for a in actions) == sorted([
        ("خوشامد", "مینا رضایی", "sms"), ("خوشامد", "رضا رضایی", "sms"),
        ("خوشامد", "بی‌شماره", "skipped")])
    assert {a["detail"] for a in actions if a["action"] == "skipped"} == {
        "شماره موبایل معتبر ندارد"}
    assert all({"rule", "contact", "action", "detail"} <= set(a) for a in actions)
    with Core.open(path, create=False) as core:
        assert count(core, m.OutboxMessage) == 2 and count(core, m.AutomationLog) == 3
        assert core.automation.last_run()["trigger"] == "cli"
    again = cli("automation", "run", "--db", str(path), "--json", env_dir=tmp_path)
    assert again.returncode == 0 and json.loads(again.stdout) == []


def test_plain_output_in_english(tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    _world(path)
    result = cli("automation", "run", "--db", str(path), "--lang", "en", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "3 action(s) the rules did"
    assert "خوشامد\tبی‌شماره\tSkipped\tno valid mobile number" in lines


def test_bad_arguments_exit_2_with_one_line(tmp_path: Path) -> None:
    for args in (("automation",), ("automation", "run", "--db", str(tmp_path / "none.db")),
                 ("automation", "run", "--db", str(tmp_path / "x.db"), "--lang", "de")):
        result = cli(*args, env_dir=tmp_path)
        assert result.returncode == 2, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
