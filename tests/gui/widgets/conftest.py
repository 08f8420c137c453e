"""Fixtures for the widget tests: the UI language and key input that is safe for Persian."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

PERSIAN = QLocale(QLocale.Language.Persian, QLocale.Country.Iran)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def _use_locale(locale: QLocale) -> Iterator[QLocale]:
    previous = QLocale()
    QLocale.setDefault(locale)
    try:
        yield locale
    finally:
        QLocale.setDefault(previous)


@pytest.fixture
def persian(qapp: QApplication) -> Iterator[QLocale]:
    """The application runs in Persian (QLocale default), as the app sets it at start-up."""
    yield from _use_locale(PERSIAN)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QLocale]:
    """The application runs in English."""
    yield from _use_locale(ENGLISH)


@pytest.fixture(params=["fa", "en"])
def any_language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Runs the test once in Persian and once in English; yields "fa" or "en"."""
    locale = PERSIAN if request.param == "fa" else ENGLISH
    for _ in _use_locale(locale):
        yield request.param


def _type_text(widget: QWidget, text: str) -> None:
    """Type `text` one key event per character (qtbot.keyClicks aborts on non-ASCII text)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def _focus_out(widget: QWidget) -> None:
    """What the widget receives when the user tabs away (no window needs to be shown)."""
    QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))


@pytest.fixture
def type_text() -> Callable[[QWidget, str], None]:
    return _type_text


@pytest.fixture
def focus_out() -> Callable[[QWidget], None]:
    return _focus_out
