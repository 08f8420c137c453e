"""The login dialog, the first-run set-up, the controller opening a database as the user
who signed in, the users and roles page and the password dialogs (offscreen; Persian
typed with setText)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.ui.dialogs.first_run_dialog import FirstRunDialog
from crm_desktop.ui.dialogs.login_dialog import LoginDialog
from crm_desktop.ui.dialogs.user_dialog import PasswordDialog, UserDialog
from crm_desktop.ui.qtmodels.users_model import PermissionsModel, UsersModel

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


@pytest.fixture
def sara(core: Core) -> int:
    uid = core.users.create({"username": "sara", "display_name": "سارا", "role": "sales"})
    core.users.set_password(uid, "sara-pass-1")
    return uid


def test_login_dialog_signs_in_and_counts_the_wait_down(core: Core, sara: int, ui_lang,
                                                        qtbot) -> None:
    now = [T0]
    core.auth.clock = lambda: now[0]
    dialog = LoginDialog(core.auth, "crm.sqlite3")
    qtbot.addWidget(dialog)
    assert dialog.isRightToLeft()
    assert dialog.username.layoutDirection() == Qt.LayoutDirection.LeftToRight
    dialog.username.setText("sara")
    dialog.password.setText("wrong-pass")
    dialog.sign_in_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text() == "نام کاربری یا گذرواژه درست نیست."
    assert dialog.password.text() == ""
    for _ in range(4):
        dialog.password.setText("wrong-pass")
        dialog.sign_in_button.click()
    assert not dialog.sign_in_button.isEnabled()
    assert "۳۰ ثانیه" in dialog.message.text()
    dialog.tick()
    assert "۲۹ ثانیه" in dialog.message.text()
    for _ in range(29):
        dialog.tick()
    assert dialog.sign_in_button.isEnabled() and not dialog.timer.isActive()
    now[0] += timedelta(seconds=31)
    dialog.password.setText("sara-pass-1")
    dialog.sign_in_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.user_id == sara


def test_first_run_set_up_makes_the_administrator(core: Core, ui_lang, qtbot) -> None:
    core.auth.begin_setup()
    dialog = FirstRunDialog(core.auth)
    qtbot.addWidget(dialog)
    dialog.display_name.setText("مریم رضایی")
    dialog.username.setText("Maryam")
    dialog.password.setText("first-pass")
    dialog.password_again.setText("first-pas")
    dialog.finish()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "یکی نیستند" in dialog.message.text()
    dialog.password_again.setText("first-pass")
    dialog.finish()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert core.auth.needs_sign_in()
    admin = core.users.get(dialog.admin_id)
    assert (admin["display_name"], admin["username"]) == ("مریم رضایی", "maryam")
    assert core.auth.sign_in("maryam", "first-pass") == dialog.admin_id


def test_first_run_offers_single_user_mode(core: Core, ui_lang, qtbot) -> None:
    core.auth.begin_setup()
    dialog = FirstRunDialog(core.auth)
    qtbot.addWidget(dialog)
    dialog.single.setChecked(True)
    assert not dialog.admin_box.isEnabled()
    dialog.finish()
    assert dialog.result() == QDialog.DialogCode.Accepted and core.auth.single_user()


def test_the_window_opens_as_the_user_who_signed_in(core: Core, sara: int, ui_lang,
                                                    monkeypatch, tmp_path: Path) -> None:
    from crm_desktop.ui.controller import Controller

    core.users.set_password(core.actor_id, "admin-pass")
    core.auth.set_single_user(False)
    path = core.db.path
    core.close()
    asked: list[str] = []

    def login(_parent, auth, name):
        asked.append(name)
        return auth.sign_in("sara", "sara-pass-1")

    monkeypatch.setattr(LoginDialog, "ask", staticmethod(login))
    c = Controller()
    assert c.open(path, show=False)
    assert asked == [path.name] and c.core.actor_id == sara
    # not an administrator: no users page; Settings shows what a sales role may change
    assert c.window.view("settings").page_keys() == ["display"]
    c.close()
    monkeypatch.setattr(LoginDialog, "ask", staticmethod(lambda *_a: None))
    again = Controller()
    assert not again.open(path, show=False)  # they quit at the login
    assert again.window is None


def test_a_new_database_asks_for_its_set_up_first(ui_lang, monkeypatch, tmp_path: Path) -> None:
    from crm_desktop.ui.controller import Controller

    seen: list[str] = []

    def set_up(_parent, auth):
        seen.append(auth.mode())
        return auth.complete_setup(single_user=True)

    monkeypatch.setattr(FirstRunDialog, "ask", staticmethod(set_up))
    c = Controller()
    assert c.open(tmp_path / "new.sqlite3", show=False)
    assert seen == ["setup"] and c.core.auth.single_user()
    c.close()
    # the demo opens straight away, in single-user mode
    seen.clear()
    demo = Controller()
    assert demo.open(tmp_path / "demo.sqlite3", demo=True, show=False)
    assert seen == [] and demo.core.auth.single_user()
    demo.close()
    # quitting the set-up opens nothing; the next start asks again
    monkeypatch.setattr(FirstRunDialog, "ask", staticmethod(lambda *_a: None))
    quitter = Controller()
    assert not quitter.open(tmp_path / "other.sqlite3", show=False)
    with Core.open(tmp_path / "other.sqlite3") as other:
        assert other.auth.needs_setup()


def test_users_model_and_permission_model(core: Core, sara: int, qtmodeltester, ui_lang,
                                          ops) -> None:
    core.auth.sign_in("sara", "sara-pass-1")
    users = UsersModel()
    users.set_rows(core.auth.overview())
    qtmodeltester.check(users)
    texts = [users.index(1, c).data() for c in range(users.columnCount())]
    assert texts[0] == "سارا" and texts[2] == "فروش" and texts[3] == "فعال"
    assert "۱۴۰۵" in texts[4] or "/" in texts[4]
    writes: list[tuple[str, list[str]]] = []

    def write(role, perms):
        writes.append((role, perms))
        return ops.run(None, lambda: core.access.set_role_permissions(role, perms)).ok

    permissions = PermissionsModel(core.access.table, write)
    qtmodeltester.check(permissions)
    roles, perms = permissions.roles, permissions.perms
    export = permissions.index(perms.index("export"), roles.index("reception"))
    assert export.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked.value
    assert permissions.setData(export, Qt.CheckState.Checked.value,
                               Qt.ItemDataRole.CheckStateRole)
    assert "export" in core.access.table()["reception"]
    admin_cell = permissions.index(perms.index("export"), roles.index("admin"))
    assert not admin_cell.flags() & Qt.ItemFlag.ItemIsEnabled
    assert not permissions.setData(admin_cell, Qt.CheckState.Unchecked.value,
                                   Qt.ItemDataRole.CheckStateRole)
    users_cell = permissions.index(perms.index("users"), roles.index("manager"))
    assert not permissions.setData(users_cell, Qt.CheckState.Checked.value,
                                   Qt.ItemDataRole.CheckStateRole)
    assert writes == [("reception", sorted({*core.access.table()["reception"]}))]


def test_users_page_adds_deactivates_and_resets(small_window, qapp, boxes, monkeypatch) -> None:
    view = small_window.show_section("settings")
    page = view.show_page("users")
    qapp.processEvents()
    users = view.users
    assert users.isVisible() and users.single_user.isChecked()
    core = small_window.core
    dialog = UserDialog(core, small_window.ops)
    dialog.bindings["display_name"].set("نیما کاظمی")
    dialog.bindings["username"].set("nima.kazemi")
    dialog.bindings["role"].set("reception")
    dialog.bindings["password"].set("nima-pass-1")
    dialog.bindings["password_again"].set("nima-pass-2")
    assert not dialog.save_button.isEnabled()
    dialog.bindings["password_again"].set("nima-pass-1")
    dialog.save()
    assert dialog.result_id is not None
    nima = dialog.result_id
    assert core.auth.sign_in("nima.kazemi", "nima-pass-1") == nima
    users.load()
    users.select_user(nima)
    assert users.active_button.isEnabled()
    users.toggle_active()
    assert core.users.get(nima)["active"] is False
    assert users.active_button.text() == "فعال‌کردن"
    reset = PasswordDialog(core, small_window.ops, nima, "نیما")
    reset.bindings["password"].set("given-pass")
    reset.bindings["password_again"].set("given-pass")
    reset.save()
    with core.db.read() as session:
        assert session.get(m.User, nima).password_hash.startswith("$argon2id$")
    assert page.isVisible() and boxes == []
    # an administrator who is one no more (another administrator changed their role)
    other = core.users.create({"username": "second.admin", "display_name": "مدیر دوم",
                               "role": "admin"})
    assert other
    core.as_user(other).users.update(core.actor_id, {"role": "manager"})
    users.load()
    assert not users.isEnabled() and users.model.rowCount() == 0


def test_own_password_from_the_menu(small_window, qapp, boxes, monkeypatch) -> None:
    core = small_window.core
    core.users.set_password(core.actor_id, "admin-pass")
    dialog = PasswordDialog(core, small_window.ops)
    dialog.bindings["old_password"].set("not-it-at-all")
    dialog.bindings["password"].set("۱۲۳۴۵۶-new")
    dialog.bindings["password_again"].set("۱۲۳۴۵۶-new")
    dialog.save()
    assert dialog.result_id is None
    assert dialog.errors["old_password"].text() == "گذرواژهٔ کنونی: این گذرواژهٔ کنونی شما نیست."
    dialog.bindings["old_password"].set("admin-pass")
    dialog.save()
    assert dialog.result_id is not None
    assert core.auth.sign_in("admin", "۱۲۳۴۵۶-new") == core.actor_id  # the digits as typed
    opened: list[bool] = []
    monkeypatch.setattr(PasswordDialog, "edit", classmethod(
        lambda cls, *a, **k: opened.append(True) or False))
    small_window.findChild(type(small_window.menuBar().actions()[0]),
                           "changePassword").trigger()
    assert opened == [True]
