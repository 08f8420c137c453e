"""Backups in the window: the day's backup runs once a day, the exit backup before the
database closes, the status bar warns and opens the settings, the restore preview shows
the backup (and takes an encrypted one), the settings page saves."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from crm_desktop.services import backup_files as bf


def _folder(core, tmp_path: Path) -> Path:
    usb = tmp_path / "usb"
    usb.mkdir(exist_ok=True)
    core.backups.set_settings({"folder": str(usb)})
    return usb


def test_the_daily_backup_runs_once_a_day(controller, tmp_path, qtbot) -> None:
    from crm_desktop.ui.backup_runner import BackupScheduler

    core = controller.core
    usb = _folder(core, tmp_path)
    scheduler = BackupScheduler(core)
    with qtbot.waitSignal(scheduler.finished, timeout=30_000) as done:
        assert scheduler.check()
    result, problem = done.args
    assert problem == "" and result.ok
    assert not scheduler.check()  # the day's is made: not again
    assert [r["kind"] for r in core.backups.history()] == ["daily"]
    assert len(list(usb.iterdir())) == 1
    scheduler.stop()


def test_the_exit_backup_runs_when_the_window_closes(controller, tmp_path) -> None:
    core = controller.core
    usb = _folder(core, tmp_path)
    controller.automatic_backups = True  # as for a window the user saw
    controller.window.close()
    [row] = core.backups.history()
    assert row["kind"] == "exit" and row["ok"]
    assert [p.name for p in usb.iterdir()] == [Path(row["path"]).name]


def test_no_exit_backup_when_turned_off(controller, tmp_path) -> None:
    core = controller.core
    _folder(core, tmp_path)
    core.backups.set_settings({"on_exit": False})
    controller.automatic_backups = True
    controller.window.close()
    assert core.backups.history() == []


def test_the_status_bar_warns_and_opens_the_settings(controller, tmp_path) -> None:
    window, core = controller.window, controller.core
    usb = _folder(core, tmp_path)
    window.update_backup_status()
    assert not window.backup_warning.isHidden()  # no backup yet
    assert core.backups.make("manual").ok
    window.ops.changed.emit(["backups"])
    assert window.backup_warning.isHidden()
    with core.db.write() as session:  # the last good backup was 10 days ago
        from crm_desktop.db import models as m

        session.query(m.BackupRecord).update(
            {m.BackupRecord.at: datetime.now(UTC) - timedelta(days=10)})
    window.update_backup_status()
    assert not window.backup_warning.isHidden()
    assert "۱۰" in window.backup_warning.text()
    shutil.rmtree(usb)
    window.update_backup_status()
    assert not window.backup_warning.isHidden()
    window.backup_warning.click()
    view = window.current_view()
    assert view is not None and view.objectName() == "settingsView"
    assert view.current_page().key == "backups"


def test_restore_preview_shows_the_backup(controller, tmp_path, monkeypatch) -> None:
    import crm_desktop.ui.main_window as module

    core = controller.core
    core.contacts.create({"last_name": "در پشتیبان"})
    result = core.backups.make("manual", tmp_path, "رمز", encrypt=True)
    core.contacts.create({"last_name": "بعدی"})
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(result.path), ""))
    from crm_desktop.ui.dialogs import passphrase_dialog

    typed = iter([("غلط", False), ("رمز", False)])
    asked: list[str] = []

    def answer(_parent, **kwargs):
        asked.append(kwargs.get("note", ""))
        return next(typed)

    monkeypatch.setattr(passphrase_dialog.PassphraseDialog, "ask", staticmethod(answer))
    shown: list[QMessageBox] = []

    def look(box: QMessageBox) -> int:
        shown.append(box)
        return QMessageBox.StandardButton.Yes if box.objectName() == "restorePreview" \
            else QMessageBox.StandardButton.Ok

    monkeypatch.setattr(module, "ask_box", look)
    controller.window.restore()
    assert len(asked) == 2 and "نادرست" in asked[1]  # asked again after a wrong one
    preview = shown[0]
    assert preview.objectName() == "restorePreview"
    text = preview.text()
    assert "مخاطبان" in text and "۱" in text and "رمزگذاری" in text
    assert controller.core.contacts.count() == 1  # restored: "بعدی" is gone
    assert len(list(core.db.path.parent.glob("*.before-restore-*"))) == 1


def test_a_foreign_file_is_refused_before_any_question(controller, tmp_path, monkeypatch,
                                                       boxes) -> None:
    import crm_desktop.ui.main_window as module

    other = tmp_path / "notes.sqlite3"
    other.write_text("not a backup", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    asked: list[QMessageBox] = []
    monkeypatch.setattr(module, "ask_box", lambda box: asked.append(box) or 0)
    controller.window.restore()
    assert asked == [] and len(boxes) == 1
    assert "پایگاه داده" in boxes[0].text()


def test_backup_settings_page_saves(controller, tmp_path, monkeypatch) -> None:
    from crm_desktop.ui.dialogs import passphrase_dialog

    view = controller.window.show_section("settings")
    page = view.show_page("backups")
    form = page.findChild(type(view.backups), "backupSettings")
    form.folder.setText(str(tmp_path))
    form.keep_daily.setValue(9)
    form.encrypt.setChecked(True)
    monkeypatch.setattr(passphrase_dialog.PassphraseDialog, "ask",
                        staticmethod(lambda *_a, **_k: ("عبور", False)))
    assert form.save()
    saved = controller.core.backups.settings()
    assert saved["keep_daily"] == 9 and saved["encrypt"] and saved["folder"] == str(tmp_path)
    assert controller.core.backups.keeper.get(controller.core.db.path) == "عبور"
    name = bf.backup_name("x", datetime(2026, 1, 1), True)
    assert name.endswith(".crmbak")
