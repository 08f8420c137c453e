"""Connect to a server: the dialog tries the connection itself and says what is wrong in
the window's language (a wrong password, a server out of reach), never a traceback; the
password is remembered in the keyring only when asked; the controller opens the server
database like a file, asks only when no password works, and remembers it for next time."""

from __future__ import annotations

import pytest

from crm_desktop.services import server_access as sa
from crm_desktop.ui.controller import Controller
from crm_desktop.ui.dialogs.server_dialog import ServerDialog

UNREACHABLE = sa.server("127.0.0.1", 1, "nothing", "crm")


def fill(dialog: ServerDialog, location: sa.Location, password: str = "") -> None:
    dialog.host.setText(location.host or "")
    dialog.port.setValue(location.port)
    dialog.database.setText(location.name or "")
    dialog.user.setText(location.user or "")
    dialog.password.setText(password)


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_a_server_out_of_reach_is_said_in_the_dialog(qtbot, ui_lang: str) -> None:
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    fill(dialog, UNREACHABLE, "x")
    dialog.connect_button.click()
    assert dialog.location is None and dialog.result() == 0
    text = dialog.message.text()
    assert ("دسترس" in text) if ui_lang == "fa" else ("cannot be reached" in text)


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_a_wrong_password_is_said_in_the_dialog(qtbot, ui_lang: str, monkeypatch) -> None:
    def refuse(_location, timeout=8):  # type: ignore[no-untyped-def]
        raise sa.ConnectFailed("password", 'password authentication failed for user "crm"')

    monkeypatch.setattr(sa, "probe", refuse)
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    fill(dialog, UNREACHABLE, "wrong")
    dialog.connect_button.click()
    assert dialog.location is None
    text = dialog.message.text()
    assert ("گذرواژه" in text) if ui_lang == "fa" else ("password" in text)


def test_missing_fields_are_said(qtbot, ui_lang: str) -> None:
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.connect_button.click()
    assert dialog.location is None and dialog.message.isVisibleTo(dialog)


def test_libpq_messages_are_sorted_into_reasons() -> None:
    assert sa._reason('FATAL:  password authentication failed for user "crm"') == "password"
    assert sa._reason("fe_sendauth: no password supplied") == "password"
    assert sa._reason('FATAL:  database "shop" does not exist') == "no_database"
    assert sa._reason('connection to server at "10.0.0.9", port 5432 failed: Connection '
                      "refused") == "unreachable"
    assert sa._reason('could not translate host name "nowhere" to address') == "unreachable"


def test_the_server_lets_us_in_and_the_password_is_remembered_when_asked(
        qtbot, ui_lang: str, pg_server) -> None:  # type: ignore[no-untyped-def]
    location = sa.parse_location(pg_server.url(pg_server.fresh()))
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    fill(dialog, location, "گذرواژه")
    dialog.remember.setChecked(True)
    dialog.connect_button.click()
    assert dialog.location is not None and dialog.location.name == location.name
    assert sa.remembered(dialog.location) == "گذرواژه"
    # not asked: not remembered
    other = ServerDialog()
    qtbot.addWidget(other)
    fill(other, location, "دیگری")
    sa.forget(location)
    other.connect_button.click()
    assert other.location is not None and sa.remembered(location) is None


def test_the_controller_opens_a_server_database_and_remembers_it(
        qtbot, ui_lang: str, pg_server, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.url(pg_server.fresh())
    asked: list[object] = []
    monkeypatch.setattr(ServerDialog, "ask", lambda *a, **k: asked.append(a) or None)
    controller = Controller(settings)
    try:
        assert controller.open(url, show=False)  # the server needs no password: not asked
        assert asked == []
        window = controller.window
        assert window is not None and window.core.db.dialect == "postgresql"
        assert sa.parse_location(url).name in window.windowTitle()
        assert settings.last_server == sa.parse_location(url).display()
        assert ":" not in settings.last_server.split("@")[0].removeprefix("postgresql://")
    finally:
        controller.close()


def test_a_server_that_refuses_asks_and_cancelling_opens_nothing(
        qtbot, ui_lang: str, settings, monkeypatch, boxes) -> None:  # type: ignore[no-untyped-def]
    asked: list[str | None] = []

    def ask(_parent, initial=None, problem=None):  # type: ignore[no-untyped-def]
        asked.append(problem)
        return None

    monkeypatch.setattr(ServerDialog, "ask", ask)
    controller = Controller(settings)
    try:
        assert controller.open(UNREACHABLE.display(), show=False) is False
        assert asked == ["unreachable"] and controller.window is None and boxes == []
    finally:
        controller.close()


def test_started_without_a_database_the_last_server_is_opened_again(
        qapp, ui_lang: str, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from crm_desktop import app
    from crm_desktop.ui.ui_settings import UiSettings

    opened: list[object] = []
    monkeypatch.setattr(app, "create_application", lambda _lang=None: qapp)
    monkeypatch.setattr(Controller, "open",
                        lambda _self, target, **_kw: opened.append(target) or False)
    file = tmp_path / "crm.sqlite3"
    assert app.run_gui(file, use_last=True) == 2
    UiSettings().last_server = "postgresql://crm@192.168.1.10:5432/shop"
    assert app.run_gui(file, use_last=True) == 2
    assert app.run_gui(file, use_last=False) == 2  # --db given: that one
    assert opened == [file, "postgresql://crm@192.168.1.10:5432/shop", file]


def test_restoring_a_server_database_is_left_to_its_administrator(
        qtbot, ui_lang: str, pg_server, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    url = pg_server.url(pg_server.fresh())
    controller = Controller(settings)
    try:
        assert controller.open(url, show=False)
        window = controller.window
        said: list[str] = []
        monkeypatch.setattr(window, "_say", lambda text, title=None: said.append(text))
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *_a, **_k: pytest.fail("no file is chosen"))
        window.restore()
        assert len(said) == 1 and "pg_restore" in said[0]
    finally:
        controller.close()


def test_the_first_run_may_choose_a_server_instead(qtbot, ui_lang: str, pg_server, settings,
                                                   monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from crm_desktop.ui.dialogs import first_run_dialog

    location = sa.parse_location(pg_server.url(pg_server.fresh()))
    monkeypatch.setattr(first_run_dialog.FirstRunDialog, "ask",
                        lambda *_a, **_k: first_run_dialog.SERVER)
    monkeypatch.setattr(ServerDialog, "ask", lambda *_a, **_k: location)
    controller = Controller(settings)
    try:
        assert controller.open(tmp_path / "new.sqlite3", show=False)
        assert controller.window is not None
        assert controller.window.core.db.dialect == "postgresql"
        assert settings.last_server == location.display()
    finally:
        controller.close()


def test_the_first_run_dialog_offers_a_server(qtbot, ui_lang: str, core) -> None:
    from PySide6.QtWidgets import QPushButton

    from crm_desktop.ui.dialogs.first_run_dialog import FirstRunDialog

    dialog = FirstRunDialog(core.auth)
    qtbot.addWidget(dialog)
    button = dialog.findChild(QPushButton, "setupServer")
    assert button is not None
    button.click()
    assert dialog.wants_server and dialog.result() == 0
