"""The deal dialog and page show a won deal's satisfaction score (pytest-qt, offscreen)."""

from __future__ import annotations

from crm_desktop.db import models as m
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.deal_dialog import DealDialog
from crm_desktop.ui.dialogs.deal_page import DealPage


def won(core) -> int:
    did = core.deals.create({"title": "قرارداد کاغذ"})
    core.deals.move(did, next(s["id"] for s in core.stages.list()
                              if s["outcome"] == m.STAGE_WON))
    return did


def test_a_won_deals_dialog_edits_its_score(qtbot, core, ops, ui_lang) -> None:
    did = won(core)
    dialog = DealDialog(core, ops, did)
    qtbot.addWidget(dialog)
    binding = dialog.bindings["satisfaction"]
    assert binding.combo.currentText() == "(پرسیده نشده)"
    assert binding.combo.itemText(1) == display.fill("{score} از ۵", score="۵")
    binding.set(4)
    dialog.save()
    assert core.deals.get(did)["satisfaction"] == 4
    again = DealDialog(core, ops, did)
    qtbot.addWidget(again)
    assert again.bindings["satisfaction"].get() == 4


def test_an_open_deal_has_no_score_to_edit_or_show(qtbot, core, ops, ui_lang) -> None:
    did = core.deals.create({"title": "باز"})
    dialog = DealDialog(core, ops, did)
    qtbot.addWidget(dialog)
    assert "satisfaction" not in dialog.bindings
    page = DealPage(core, ops, did)
    qtbot.addWidget(page)
    assert not page.form.isRowVisible(page.values["satisfaction"])


def test_the_page_shows_a_won_deals_score(qtbot, core, ops, ui_lang) -> None:
    did = won(core)
    core.deals.update(did, {"satisfaction": 3})
    page = DealPage(core, ops, did)
    qtbot.addWidget(page)
    assert page.form.isRowVisible(page.values["satisfaction"])
    assert page.values["satisfaction"].text() == display.fill("{score} از ۵", score="۳")
