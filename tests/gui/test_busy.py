"""A database locked by another program: the database-busy message with Retry, never "an
unexpected error", and the window keeps working; File > Restore while another program has
the database open is refused the same way."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from crm_desktop.db import engine as engine_module
from crm_desktop.domain.errors import DatabaseBusy
from crm_desktop.services import maintenance
from crm_desktop.ui import errors
from tests.integration.services.test_restore_concurrency import HOLDER, markers

Retry, Cancel = QMessageBox.StandardButton.Retry, QMessageBox.StandardButton.Cancel


@pytest.fixture
def short_busy(monkeypatch) -> None:
    """Writers give up after 50 ms instead of 10 s (set before the database is opened)."""
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)


@pytest.fixture
def blocker(db_path: Path) -> Iterator[sqlite3.Connection]:
    """Another connection that holds the write lock, as another program would."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()


def boxes(monkeypatch, answer) -> list[tuple[str, str, list[str]]]:
    """Answer every message box with answer(box); returns (name, text, buttons) of each."""
    seen: list[tuple[str, str, list[str]]] = []

    def ask(box: QMessageBox) -> int:
        seen.append((box.objectName(), box.text(), [b.text() for b in box.buttons()]))
        return answer(box)

    monkeypatch.setattr(errors, "ask_box", ask)
    return seen


def test_a_busy_database_asks_to_retry_and_retry_runs_the_write(short_busy, controller,
                                                                blocker, monkeypatch) -> None:
    window = controller.window
    changed: list[list[str]] = []
    window.ops.changed.connect(changed.append)

    def answer(box: QMessageBox) -> int:
        blocker.execute("ROLLBACK")  # the other program finishes while the user reads
        return Retry

    seen = boxes(monkeypatch, answer)
    result = window.ops.run(window, lambda: controller.core.contacts.create(
        {"last_name": "پس از انتظار"}), changes=["contacts"])
    assert [name for name, _text, _buttons in seen] == ["busyBox"]
    _name, text, buttons = seen[0]
    assert "مشغول" in text and "دوباره" in text  # the Persian database-busy message
    assert "تلاش دوباره" in buttons
    assert result.ok and controller.core.contacts.get(result.value)["last_name"] == "پس از انتظار"
    assert changed == [["contacts"]]


def test_cancel_leaves_nothing_written_and_the_window_usable(short_busy, controller, blocker,
                                                             monkeypatch) -> None:
    window = controller.window
    seen = boxes(monkeypatch, lambda box: Cancel)
    result = window.ops.run(window, lambda: controller.core.contacts.create(
        {"last_name": "لغو شده"}), changes=["contacts"])
    assert not result.ok and [s[0] for s in seen] == ["busyBox"]
    blocker.execute("ROLLBACK")
    assert controller.core.contacts.count() == 0
    # the window goes on working: views read, the next write goes through
    contacts = window.show_section("contacts")
    assert window.current_view() is contacts
    again = window.ops.run(window, lambda: controller.core.contacts.create(
        {"last_name": "دوباره"}), changes=["contacts"])
    assert again.ok and controller.core.contacts.count() == 1
    assert [s[0] for s in seen] == ["busyBox"]


def test_a_busy_read_in_a_slot_is_the_busy_message(qapp, monkeypatch, ui_lang) -> None:
    seen = boxes(monkeypatch, lambda box: 0)
    errors.install_excepthook()
    try:
        try:
            raise engine_module.busy_error()
        except DatabaseBusy:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    assert len(seen) == 1 and "مشغول" in seen[0][1]


def test_the_busy_error_comes_from_the_engine(short_busy, db_path) -> None:
    from crm_desktop.core import Core

    with Core.open(db_path) as core:
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(DatabaseBusy, match="busy"):
                core.contacts.create({"last_name": "x"})
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert core.contacts.count() == 0


def test_restore_refused_while_another_program_has_it_open(controller, tmp_path, monkeypatch,
                                                           db_path) -> None:
    import crm_desktop.ui.main_window as module

    controller.core.contacts.create({"last_name": "در پشتیبان"})
    copy = maintenance.backup(db_path, tmp_path / "b.sqlite3")
    controller.core.contacts.create({"last_name": "بعد از پشتیبان"})
    monkeypatch.setattr(maintenance, "RESTORE_WAIT_S", 0.1)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    said: list[str] = []
    monkeypatch.setattr(module, "ask_box",
                        lambda box: said.append(box.objectName()) or QMessageBox.StandardButton.Yes)
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "open"
        seen = boxes(monkeypatch, lambda box: Cancel)
        controller.window.restore()
        assert [s[0] for s in seen] == ["busyBox"]
        assert "پنجره یا برنامهٔ دیگری" in seen[0][1]
        # refused: nothing changed, no copy made, and the reopened window works
        assert list(tmp_path.glob("crm.before-restore-*")) == []
        assert controller.core.contacts.count() == 2
        assert controller.window.ops.run(controller.window, lambda: controller.core.contacts
                                         .create({"last_name": "سوم"})).ok

        def close_the_other_program_and_retry(box: QMessageBox) -> int:
            proc.stdin.write("\n")
            proc.stdin.flush()
            proc.wait(timeout=60)
            return Retry

        seen = boxes(monkeypatch, close_the_other_program_and_retry)
        said.clear()
        controller.window.restore()
    finally:
        if proc.poll() is None:
            proc.stdin.write("\n")
            proc.stdin.close()
            proc.wait(timeout=60)
    assert [s[0] for s in seen] == ["busyBox"]
    assert said == ["restorePreview", "infoBox"]  # the preview, then "restored"
    assert markers(db_path) == {"در پشتیبان"}
    assert controller.core.contacts.count() == 1
    (kept,) = tmp_path.glob("crm.before-restore-*")
    assert markers(kept) == {"در پشتیبان", "بعد از پشتیبان", "سوم"}
