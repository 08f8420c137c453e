"""A database made by an older version is upgraded when opened, and says so step by step:
the window shows a progress window per step (the safety copy, then each migration), the
command line prints a line per step."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.db.migrate import HEAD, inspect_file, pending_migrations
from crm_desktop.ui.upgrade_progress import UpgradeProgress
from tests.integration.db.alembic_steps import upgrade

OLD = "0011"


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite3"
    upgrade(path, OLD)
    assert inspect_file(path)[1] == OLD
    return path


def test_the_window_shows_each_step_of_an_upgrade(old_db: Path, ui_lang: str, qapp,
                                                 monkeypatch) -> None:
    from crm_desktop.ui.controller import Controller

    steps = pending_migrations(OLD)
    assert [r for r, _t in steps][-1] == HEAD and len(steps) >= 3
    texts: list[tuple[str, int, int]] = []
    original = UpgradeProgress.__call__

    def watched(self: UpgradeProgress, step) -> None:  # type: ignore[no-untyped-def]
        original(self, step)
        assert self.dialog is not None and self.dialog.isVisible()
        texts.append((self.dialog.labelText(), self.dialog.value(), self.dialog.maximum()))

    monkeypatch.setattr(UpgradeProgress, "__call__", watched)
    c = Controller()
    try:
        assert c.open(old_db, show=False)
        assert inspect_file(old_db)[1] == HEAD
        assert c.upgrade_progress is not None
        n = len(steps)
        # announced before each ran: the copy, then every migration in order
        assert c.upgrade_progress.shown == [(0, n, None)] + [
            (i, n, rev) for i, (rev, _text) in enumerate(steps, start=1)]
        assert [(value, top) for _label, value, top in texts] == [(i, n) for i in range(n + 1)]
        # in the window's language, with its digits
        assert all("پایگاه داده" in label for label, _v, _t in texts), texts
        assert "۱" in texts[1][0] and "1" not in texts[1][0]
        assert c.upgrade_progress.dialog is None  # closed once the database is open
    finally:
        c.close()


def test_a_database_at_the_current_version_shows_no_progress(core, ui_lang: str,
                                                            qapp) -> None:
    from crm_desktop.ui.controller import Controller

    path = core.db.path
    core.close()
    c = Controller()
    try:
        assert c.open(path, show=False)
        assert c.upgrade_progress is not None and c.upgrade_progress.shown == []
    finally:
        c.close()


def test_the_command_line_prints_each_step(old_db: Path, capsys) -> None:
    from crm_desktop.cli import run

    assert run(["search", "x", "--db", str(old_db)]) == 0
    err = capsys.readouterr().err.splitlines()
    steps = pending_migrations(OLD)
    upgrade_lines = [line for line in err if "upgrading" in line]
    assert len(upgrade_lines) == len(steps) + 1, err
    assert "a copy is kept at" in upgrade_lines[0]
    for i, (line, (rev, _text)) in enumerate(zip(upgrade_lines[1:], steps, strict=True), 1):
        assert f"step {i} of {len(steps)}: {rev}" in line
    assert inspect_file(old_db)[1] == HEAD
