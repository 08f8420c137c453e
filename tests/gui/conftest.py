"""Fixtures for desktop tests: the whole program in Persian or English, offscreen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from crm_desktop.app import load_fonts, set_language
from crm_desktop.ui.ops import Ops


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
def controller(core, ui_lang: str, qapp: QApplication):
    """A main window on the test database, not shown (offscreen windows log warnings)."""
    from crm_desktop.ui.controller import Controller

    c = Controller()
    db_path = core.db.path
    core.close()
    assert c.open(db_path, show=False)
    yield c
    c.close()
