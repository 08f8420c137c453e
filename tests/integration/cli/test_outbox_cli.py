"""`crm-desktop outbox` (counts per status) and `outbox send` (exit 0 only when every
due message was sent) against a local panel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm_desktop.cli import EXIT_NOT_ALL_SENT, EXIT_OK, run
from crm_desktop.core import Core
from crm_desktop.services import secrets
from tests.integration.services.panel_server import GOOD_KEY, Panel

pytestmark = pytest.mark.usefixtures("memory_keyring")


def _database(path: Path, numbers: list[str], url: str) -> None:
    with Core.open(path) as core:
        contacts = [core.contacts.create({"last_name": f"نفر {i}", "mobile": n,
                                          "sms_consent": True}) for i, n in enumerate(numbers)]
        lid = core.lists.create({"name": "همه"})
        core.lists.add_members(lid, contacts)
        cid = core.campaigns.create({"name": "بهار", "channel": "sms"})
        core.campaigns.add_target(cid, list_id=lid)
        core.campaigns.add_members_from_targets(cid)
        core.outbox.queue(core.outbox.save_message(cid, "sms", "سلام {last_name}"))
        core.settings.set_sending({"sms_delivery": "http", "sms_gateway_url": url,
                                   "sms_sender": "3000"})
    secrets.store(secrets.sms_key_name(url), GOOD_KEY)


def test_send_everything_then_counts(db_path: Path, capsys: pytest.CaptureFixture) -> None:
    with Panel() as panel:
        _database(db_path, ["09121234567", "09127654321"], panel.url)
        assert run(["outbox", "--db", str(db_path), "--json"]) == EXIT_OK
        before = json.loads(capsys.readouterr().out)
        assert before == {"queued": 2, "sending": 0, "sent": 0, "failed": 0, "cancelled": 0,
                          "due": 2}
        assert run(["outbox", "send", "--db", str(db_path)]) == EXIT_OK
        assert "sent 2, failed 0" in capsys.readouterr().out
        assert sorted(panel.receptors()) == ["09121234567", "09127654321"]
        # nothing left: a second run sends nothing and still succeeds
        assert run(["outbox", "send", "--db", str(db_path), "--json"]) == EXIT_OK
        assert json.loads(capsys.readouterr().out)["sent"] == 0
        assert len(panel.receptors()) == 2
    assert run(["outbox", "--db", str(db_path)]) == EXIT_OK
    assert "sent\t2" in capsys.readouterr().out


def test_a_failure_gives_another_exit_code(db_path: Path, capsys: pytest.CaptureFixture) -> None:
    with Panel() as panel:
        _database(db_path, ["09121234567", "09120000411"], panel.url)
        assert run(["outbox", "send", "--db", str(db_path), "--json"]) == EXIT_NOT_ALL_SENT
    out = json.loads(capsys.readouterr().out)
    assert (out["sent"], out["failed"]) == (1, 1)
    assert out["errors"][0]["error"].startswith("rejected")


def test_file_delivery_is_not_sent_from_the_command_line(db_path: Path,
                                                         capsys: pytest.CaptureFixture) -> None:
    with Panel() as panel:
        _database(db_path, ["09121234567"], panel.url)
    with Core.open(db_path) as core:
        core.settings.set_sending({"sms_delivery": "file"})
    assert run(["outbox", "send", "--db", str(db_path)]) == EXIT_NOT_ALL_SENT
    assert "file" in capsys.readouterr().out
    assert run(["outbox", "--db", "/nonexistent/x.sqlite3"]) != EXIT_OK
