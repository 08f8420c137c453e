"""Fixtures for desktop tests: the whole program in Persian or English, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.app import load_fonts, set_language
from crm_desktop.services.demo import generate
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.ui_settings import UiSettings


@pytest.fixture
def ui_lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The program's language (default Persian; parametrize indirectly for English):
    locale, layout direction and translators, exactly as start-up sets them."""
    lang = getattr(request, "param", "fa")
    load_fonts(qapp)
    set_language(qapp, lang)
    yield lang
    set_language(qapp, "en")


@pytest.fixture
def ops(qapp: QApplication) -> Ops:
    return Ops()


@pytest.fixture
def settings(tmp_path: Path) -> UiSettings:
    """The window's own preferences (desktop.ini) in the test's folder."""
    return UiSettings(QSettings(str(tmp_path / "desktop.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def controller(core, ui_lang: str, qapp: QApplication):
    """A main window on the test database, not shown (offscreen windows log warnings)."""
    from crm_desktop.ui.controller import Controller

    c = Controller()
    db = core.db
    target = db.path if db.is_sqlite else db.location  # (a server database with --pg)
    core.close()
    assert c.open(target, show=False)
    yield c
    c.close()


#: a 1366x768 screen less a 40-pixel task bar: the smallest screen the program is made for
AVAILABLE = QRect(0, 0, 1366, 728)


@pytest.fixture
def small_screen(monkeypatch) -> QRect:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(AVAILABLE))
    return AVAILABLE


@pytest.fixture
def demo_core(core):
    generate(core.db, 40, seed=3)
    return core


@pytest.fixture
def small_window(small_screen, demo_core, ui_lang, qapp) -> Iterator:
    from crm_desktop.ui.controller import Controller

    c = Controller()
    db_path = demo_core.db.path
    demo_core.close()
    assert c.open(db_path, show=False)
    w = c.window
    # laid out as when shown, without a window on the (offscreen) screen
    w.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    w.show()
    yield w
    c.close()


@pytest.fixture(autouse=True)
def _no_widgets_left_behind(request: pytest.FixtureRequest) -> Iterator[None]:
    """Windows a test leaves open are deleted after it: each later language switch or
    theme change would otherwise walk every widget of every test before (the run slowed
    down test by test)."""
    yield
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Message boxes of the error dialogs and the export runner are answered (Close) and
    kept, not shown."""
    from crm_desktop.ui import errors, export_runner

    seen: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        seen.append(box)
        return int(QMessageBox.StandardButton.Close)

    monkeypatch.setattr(errors, "ask_box", answer)
    monkeypatch.setattr(export_runner, "ask_box", answer)
    return seen
