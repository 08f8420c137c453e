"""The shell: sections, global search, menus, remembered state, language, screenshots."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from crm_desktop.core import Core
from crm_desktop.ui import screen_fit
from crm_desktop.ui.ui_settings import UiSettings


@pytest.fixture
def filled(core):
    acc = core.accounts.create({"name": "کلینیک سپید", "city": "تهران"})
    cid = core.contacts.create({"first_name": "علی", "last_name": "رضایی",
                                "mobile": "09121234567", "account_id": acc})
    return {"account": acc, "contact": cid}


def test_every_section_opens(filled, controller) -> None:
    window = controller.window
    assert window.section_keys() == ["dashboard", "contacts", "companies", "pipeline",
                                     "activities", "campaigns", "tickets", "products",
                                     "reports", "settings"]
    for key in window.section_keys():
        view = window.show_section(key)
        assert window.stack.currentWidget() is view
    # no section is a placeholder any more: the last one, Reports, lists its reports
    assert window.view("reports").list.count() == 9


def test_layout_is_right_to_left_in_persian(controller, ui_lang) -> None:
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert controller.window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert controller.window.nav.item(1).text() == "مخاطبان"


@pytest.mark.parametrize("ui_lang", ["en"], indirect=True)
def test_english_is_left_to_right(controller, ui_lang) -> None:
    assert controller.window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert controller.window.nav.item(1).text() == "Contacts"


def test_global_search_opens_the_record(filled, controller) -> None:
    window = controller.window
    window.search.setText("علي")  # Arabic yeh finds the Persian name
    window.search.search_now()
    model = window.search.results
    texts = [model.item(r).text() for r in range(model.rowCount())]
    assert texts[0] == "مخاطبان"  # a group header
    assert any("علی رضایی" in t for t in texts)
    window.search.open_current()
    contacts = window.current_view()
    assert contacts is window.view("contacts")
    assert contacts.panel.contact_id == filled["contact"]
    window.search.setText("سپید")
    window.search.search_now()
    window.search.open_current()
    assert window.current_view() is window.view("companies")


@pytest.fixture
def counted(core):
    """Three contacts and two companies in the lists, one more contact in the Trash."""
    accounts = [core.accounts.create({"name": n}) for n in ("سپید", "پارس")]
    for name in ("علی", "رضا", "مریم"):
        core.contacts.create({"first_name": name, "last_name": "کریمی"})
    core.contacts.delete(core.contacts.create({"last_name": "حذف‌شده"}))
    return accounts


def test_status_bar_counts(counted, controller) -> None:
    window = controller.window
    assert window.counts_label.text() == "مخاطبان: ۳   شرکت‌ها: ۲"
    # every change announced by the write runner updates the counts
    core = controller.core
    window.ops.run(window, lambda: core.contacts.create({"last_name": "تازه"}),
                   changes=["contacts"])
    assert window.counts_label.text() == "مخاطبان: ۴   شرکت‌ها: ۲"
    window.ops.run(window, lambda: core.accounts.delete(counted[0]), changes=["accounts"])
    assert window.counts_label.text() == "مخاطبان: ۴   شرکت‌ها: ۱"


def test_last_view_and_geometry_are_remembered(filled, controller) -> None:
    window = controller.window
    default = window.geometry()
    window.show_section("companies")
    # (the offscreen screen is 800 pixels square: a geometry that fits on it)
    remembered = QRect(0, 37, 784, 640)
    window.setGeometry(remembered)
    assert window.geometry() == remembered != default
    path = controller.core.db.path
    window.close()
    assert UiSettings().state("window/geometry") is not None
    assert controller.open(path, show=False)
    again = controller.window
    assert again is not window
    assert again.current_view() is again.view("companies")
    assert again.geometry() == remembered


def test_first_start_has_the_default_geometry(controller) -> None:
    assert UiSettings().state("window/geometry") is None
    # 1280x800 wished, the offscreen screen (800x800) less the window frame granted
    area = controller.window.screen().availableGeometry()
    assert controller.window.geometry() == QRect(
        0, 0, area.width() - screen_fit.FRAME_MARGIN.width(),
        area.height() - screen_fit.FRAME_MARGIN.height())
    assert controller.window.current_view() is controller.window.view("contacts")


def test_language_switch_applies_on_restart(controller, qapp) -> None:
    settings_view = controller.window.show_section("settings")
    assert UiSettings().language == "fa" and settings_view.language_note.text() == ""
    settings_view.language.setCurrentIndex(settings_view.language.findData("en"))
    assert UiSettings().language == "en"
    # the window stays Persian until the restart, and says so
    assert settings_view.language_note.text() == (
        "زبان جدید از دفعه بعد که برنامه را باز کنید به کار می‌رود.")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    from crm_desktop.app import set_language

    set_language(qapp, UiSettings().language)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_display_unit_setting(controller) -> None:
    settings_view = controller.window.show_section("settings")
    settings_view.unit.setCurrentIndex(settings_view.unit.findData("toman"))
    assert controller.core.settings.display_unit == "toman"


def test_backup_from_the_menu(filled, controller, tmp_path, monkeypatch) -> None:
    import crm_desktop.ui.main_window as module

    target = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    said = []
    monkeypatch.setattr(module, "ask_box", lambda box: said.append(box.text()) or 0)
    controller.window.findChild(type(controller.window.menuBar().actions()[0]),
                                "backup").trigger()
    assert target.exists() and target.stat().st_size > 0
    assert said


def test_restore_from_the_menu_reopens(filled, controller, tmp_path, monkeypatch) -> None:
    import crm_desktop.ui.main_window as module
    from crm_desktop.services import maintenance

    copy = maintenance.backup(controller.core.db.path, tmp_path / "b.sqlite3")
    controller.core.contacts.create({"last_name": "بعدی"})
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    monkeypatch.setattr(module, "ask_box", lambda box: QMessageBox.StandardButton.Yes)
    controller.window.restore()
    assert controller.core.contacts.count() == 1


def test_menus_have_the_actions(controller) -> None:
    names = {a.objectName() for a in controller.window.findChildren(type(
        controller.window.menuBar().actions()[0]))}
    assert {"newDatabase", "openDatabase", "backup", "restore", "quit", "trash", "about",
            "newRecord", "findInList", "searchEverything"} <= names


def test_screenshots_command_writes_every_view(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    env = {**os.environ, "CRM_DESKTOP_DATA_DIR": str(tmp_path / "data"),
           "QT_QPA_PLATFORM": "offscreen"}
    db = tmp_path / "demo.sqlite3"
    subprocess.run([sys.executable, "-m", "crm_desktop", "demo", "--db", str(db),
                    "--contacts", "150"], check=True, env=env, capture_output=True)
    with Core.open(db) as core:  # a database where people sign in is pictured all the same
        core.users.set_password(core.actor_id, "admin-pass")
        core.auth.set_single_user(False)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = subprocess.run([sys.executable, "-m", "crm_desktop", "screenshots", str(out),
                             "--db", str(db), "--lang", "fa"], env=env, capture_output=True,
                            text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    # the pictures compose and queue messages, recompute segments and make a list: on a
    # copy, never in the user's database
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    names = {p.name for p in out.glob("*.png")}
    for tab in ("lists", "segments", "outbox", "club"):
        assert f"view_campaigns_{tab}.png" in names
    # the demo runs a club: its page, a member's tier and points, "Redeem…"
    for name in ("view_settings_club.png", "view_contacts_club.png",
                 "dialog_redeem_points.png"):
        assert name in names
    for name in ("dialog_list_filter.png", "dialog_message_composer.png",
                 "dialog_add_to_list.png", "dialog_campaign_page.png",
                 "view_dashboard_charts.png", "dialog_login.png", "dialog_login_wait.png",
                 "dialog_first_run.png", "view_settings_users.png"):
        assert name in names
    for key in ("dashboard", "contacts", "companies", "pipeline", "activities", "campaigns",
                "tickets", "products", "reports", "settings"):
        assert f"view_{key}.png" in names
    for name in ("dialog_contact_new.png", "dialog_contact_invalid.png",
                 "dialog_company_new.png", "dialog_trash.png", "global_search.png",
                 # a save refused because another user saved the contact first
                 "conflict_message.png", "dialog_conflict.png"):
        assert name in names
    # every step of the import wizard, the preview with errors, duplicates and warnings
    for step in ("1_file", "2_columns", "2_columns_twice", "3_preview_errors",
                 "3_preview_duplicates", "3_preview_similar", "4_summary"):
        assert f"dialog_import_{step}.png" in names
    assert "dialog_import_undo.png" in names
    for png in out.glob("*.png"):
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 2000, png.name
    # the PDF preview shows the rendered page, not blank paper
    from PIL import Image, ImageStat

    with Image.open(out / "dialog_pdf_preview.png") as image:
        w, h = image.size
        page = image.convert("L").crop((w // 5, h // 10, w * 4 // 5, h * 3 // 5))
        assert ImageStat.Stat(page).stddev[0] > 10
    # the offscreen platform's size-hints and raise() notices are not printed
    assert "propagateSizeHints" not in result.stderr
    assert "does not support raise()" not in result.stderr
