"""Settings is a list of categories beside one page per category, each scrolling on its
own: every page is reachable and, at 1366x768, nothing on it overlaps or is squeezed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel

from crm_desktop.ui.views.settings import SettingsPage, SettingsView
from tests.gui.layout_checks import overlapping


@pytest.fixture
def view(small_window, qapp) -> SettingsView:
    """The Settings section of a main window on a 1366x768 screen."""
    v = small_window.show_section("settings")
    qapp.processEvents()
    assert isinstance(v, SettingsView)
    return v


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_every_category_page_is_reachable_and_laid_out(view, qapp) -> None:
    keys = view.page_keys()
    assert keys == ["business", "pipeline", "support", "marketing", "club", "sending", "backups",
                    "audit", "display", "users"]
    assert view.categories.count() == len(keys)
    for row, key in enumerate(keys):
        view.categories.setCurrentRow(row)
        qapp.processEvents()
        page = view.current_page()
        assert isinstance(page, SettingsPage) and page.key == key
        assert page.isVisible()
        # the page's whole content gets its height: the scroll area scrolls, nothing shrinks
        assert page.body.height() >= page.body.minimumSizeHint().height()
        assert overlapping(page.body) == [], key
    # the stage buttons below the table, not over it
    view.show_page("pipeline")
    qapp.processEvents()
    table, add = view.stages.table, view.stages.add_button
    top_of_add = add.mapTo(view.stages, add.rect().topLeft()).y()
    assert table.geometry().bottom() < top_of_add
    # working hours, holidays and targets take room
    view.show_page("support")
    qapp.processEvents()
    sla = view.sla
    assert sla.days["sat"].start.isVisible() and sla.days["sat"].start.height() > 10
    assert sla.targets["urgent"][0].height() > 10
    assert sla.holidays.height() >= 4 * sla.holidays.fontMetrics().lineSpacing()


def test_the_display_page_takes_further_sections(view, qapp) -> None:
    extra = QLabel("theme")
    extra.setObjectName("themeChoice")
    view.add_display_section(extra)
    view.show_page("display")
    qapp.processEvents()
    page = view.page("display")
    assert page.isAncestorOf(extra) and extra.isVisible()
    # below the time zone
    zone = view.time_zone
    assert (extra.mapTo(page.body, extra.rect().topLeft()).y()
            > zone.mapTo(page.body, zone.rect().bottomLeft()).y())
    assert QRect(extra.mapTo(page.body, extra.rect().topLeft()), extra.size()).intersects(
        page.body.rect())


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_percent_sign_follows_the_language(view, ui_lang) -> None:
    text = view.company.text()
    assert ("٪" in text) == (ui_lang == "fa")
    assert ("%" in text) == (ui_lang == "en")


def test_the_language_note_takes_room_only_when_it_speaks(view, qapp) -> None:
    view.show_page("display")
    qapp.processEvents()
    assert not view.language_note.isVisibleTo(view)
    other = 1 - view.language.currentIndex()
    view.language.setCurrentIndex(other)
    qapp.processEvents()
    assert view.language_note.isVisibleTo(view) and view.language_note.text()
    view.language.setCurrentIndex(1 - other)  # the stored choice as it was
