"""A list opened on a filter from elsewhere (the dashboard's figures): only the records it
selects, a chip naming it that takes it away again, a filter the list has a button for
shown on that button."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm_desktop.ui.views.contacts import ContactsView

SINCE = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def contacts(core, ops, settings, ui_lang, qtbot: QtBot) -> ContactsView:
    owner = core.users.options()[0][0]
    for i, source in enumerate(("website", "website", "referral", None)):
        core.contacts.create({"first_name": f"نام{i}", "last_name": "کاظمی",
                              "source": source, "owner_id": owner if i < 3 else None})
    view = ContactsView(core, ops, settings)
    qtbot.addWidget(view)
    return view


def test_a_list_shows_what_the_filter_selects_and_names_it(contacts, core, qtbot) -> None:
    owner = core.users.options()[0][0]
    assert contacts.model.rowCount() == 4
    contacts.show_filtered({"source": "website", "owner_id": owner,
                            "created_since": SINCE}, "منبع: وبسایت")
    assert contacts.model.rowCount() == 2
    assert contacts.count_label.text() == contacts.count_text(2)
    assert contacts.drill_chip.text() == "منبع: وبسایت"
    assert contacts.owner_filter.currentData() == owner  # on its own button too
    assert contacts.is_filtered()
    # another filter chosen on top keeps the chip's
    contacts.stage_filter.setCurrentIndex(contacts.stage_filter.findData("lead"))
    assert contacts.model.query.filters["source"] == "website"
    contacts.stage_filter.setCurrentIndex(0)
    # the chip taken away: the owner stays, the source goes
    contacts.drill_chip.remove_button.click()
    assert contacts.drill_chip.isHidden()
    assert contacts.model.rowCount() == 3
    assert "source" not in contacts.model.query.filters


def test_escape_on_the_chip_and_clearing_the_filters_drop_it(contacts, qtbot) -> None:
    contacts.show_filtered({"source": "referral"}, "معرفی")
    assert contacts.model.rowCount() == 1
    with qtbot.waitSignal(contacts.drill_chip.removed, timeout=1000):
        qtbot.keyClick(contacts.drill_chip, Qt.Key.Key_Escape)
    assert contacts.model.rowCount() == 4
    contacts.show_filtered({"source": "referral"}, "معرفی")
    contacts.clear_filters()
    assert contacts.drill_chip.isHidden() and contacts.model.rowCount() == 4
