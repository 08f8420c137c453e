"""The deal page, the pipeline opening it and the company panel's quick actions
(pytest-qt, offscreen). Dialogs are built directly; their `edit`/`show_for` classmethods
are replaced so no modal loop ever runs."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.enums import LifecycleStage
from crm_desktop.ui import display, errors
from crm_desktop.ui.dialogs import deal_page
from crm_desktop.ui.dialogs.deal_dialog import DealDialog
from crm_desktop.ui.dialogs.deal_page import ID_ROLE, DealPage
from crm_desktop.ui.dialogs.proforma_dialog import ProformaDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.views.companies import CompaniesView
from crm_desktop.ui.views.pipeline import PipelineView


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """A message box would open a modal loop: fail instead."""
    def refuse(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected message: {box.text()}")
    monkeypatch.setattr(errors, "ask_box", refuse)



@pytest.fixture
def company(core: Core) -> int:
    return core.accounts.create({"name": "بازرگانی پارس"})


@pytest.fixture
def contact(core: Core, company: int) -> int:
    return core.contacts.create({"first_name": "علی", "last_name": "رضایی",
                                 "account_id": company,
                                 "lifecycle_stage": LifecycleStage.LEAD.value})


@pytest.fixture
def deal(core: Core, contact: int, company: int) -> int:
    return core.deals.create({"title": "قرارداد کاغذ", "contact_id": contact,
                              "account_id": company, "amount_rial": 25_000_000})


def won_stage(core: Core) -> dict[str, Any]:
    return next(s for s in core.stages.list() if s["outcome"] == m.STAGE_WON)


def texts(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def selectable(model) -> list[bool]:
    return [bool(model.flags(model.index(r, 0)) & Qt.ItemFlag.ItemIsEnabled)
            for r in range(model.rowCount())]


def make_page(qtbot, core: Core, ops: Ops, deal_id: int) -> DealPage:
    page = DealPage(core, ops, deal_id)
    qtbot.addWidget(page)
    return page


@pytest.fixture
def recorded(monkeypatch) -> dict[str, list]:
    """DealDialog.edit and ProformaDialog.edit record their calls instead of opening."""
    calls: dict[str, list] = {"deal": [], "proforma": []}
    monkeypatch.setattr(DealDialog, "edit", classmethod(
        lambda cls, parent, core, ops, *a, **k: calls["deal"].append((a, k)) or None))
    monkeypatch.setattr(ProformaDialog, "edit", classmethod(
        lambda cls, parent, core, ops, *a, **k: calls["proforma"].append((a, k)) or None))
    return calls


# -- the page -----------------------------------------------------------------------------
def test_a_new_deal_shows_its_details_and_empty_states(qtbot, core, ops, ui_lang,
                                                       deal) -> None:
    page = make_page(qtbot, core, ops, deal)
    assert page.objectName() == "dealPage"
    assert page.title.text() == "قرارداد کاغذ"
    assert page.values["amount"].text() == display.money(25_000_000,
                                                         core.settings.display_unit)
    assert page.values["contact"].text() == "علی رضایی"
    assert page.values["company"].text() == "بازرگانی پارس"
    assert page.values["expected_close"].text() == "—"
    assert page.values["stage"].text() == core.stages.list()[0]["name"]
    assert page.values["owner"].text() != "—"
    # creation is the first history entry
    assert page.history.rowCount() == 1
    assert core.stages.list()[0]["name"] in texts(page.history)[0]
    # no activities, no proformas: one disabled hint each
    assert page.activities.rowCount() == 1 and selectable(page.activities) == [False]
    assert page.proformas.rowCount() == 1 and selectable(page.proformas) == [False]
    assert page.selected_proforma_id() is None
    assert not page.accept_won_button.isEnabled()


def test_the_page_lists_history_activities_and_proformas(qtbot, core, ops, ui_lang,
                                                         deal, contact) -> None:
    stages = core.stages.list()
    core.deals.move(deal, stages[1]["id"])
    core.activities.create({"kind": "call", "subject": "پیگیری قیمت", "deal_id": deal,
                            "contact_id": contact})
    pid = core.proformas.create({"deal_id": deal, "contact_id": contact},
                                [{"description": "کاغذ", "quantity": 2,
                                  "unit_price_rial": 1_000_000}])
    total = core.proformas.totals(pid).total_rial
    number = core.proformas.get(pid)["number"]
    page = make_page(qtbot, core, ops, deal)
    history = texts(page.history)
    assert len(history) == 2
    assert stages[0]["name"] in history[0] and stages[1]["name"] in history[0]  # newest
    assert "پیگیری قیمت" in texts(page.activities)[0]
    assert selectable(page.activities) == [True]
    row = texts(page.proformas)[0]
    assert display.digits(number) in row
    assert display.money(total, core.settings.display_unit) in row
    assert page.proformas.index(0, 0).data(ID_ROLE) == pid


def test_mark_accepted_and_won(qtbot, core, ops, ui_lang, deal, contact) -> None:
    pid = core.proformas.create({"deal_id": deal, "contact_id": contact},
                                [{"description": "کاغذ", "unit_price_rial": 1_000_000}])
    page = make_page(qtbot, core, ops, deal)
    seen: list[list[str]] = []
    ops.changed.connect(seen.append)
    assert page.select_proforma(pid)
    assert page.accept_won_button.isEnabled()
    page.accept_won_button.click()
    assert core.proformas.get(pid)["status"] == "accepted"
    won = won_stage(core)
    assert core.deals.get(deal)["stage_id"] == won["id"]
    assert core.contacts.get(contact)["lifecycle_stage"] == LifecycleStage.CUSTOMER.value
    assert seen == [["proformas", "deals", "contacts"]]
    # the page shows the result
    assert page.values["stage"].text() == won["name"]
    assert won["name"] in texts(page.history)[0]
    assert page.selected_proforma_id() == pid


def test_edit_and_new_proforma_buttons(qtbot, core, ops, ui_lang, deal, contact, company,
                                       recorded) -> None:
    page = make_page(qtbot, core, ops, deal)
    page.edit_button.click()
    assert recorded["deal"] == [((deal,), {})]
    page.new_proforma_button.click()
    assert recorded["proforma"] == [((), {"deal_id": deal, "contact_id": contact,
                                          "account_id": company})]


def test_double_clicking_a_proforma_opens_it(qtbot, core, ops, ui_lang, deal, contact,
                                             recorded) -> None:
    pid = core.proformas.create({"deal_id": deal, "contact_id": contact},
                                [{"description": "کاغذ", "unit_price_rial": 10}])
    page = make_page(qtbot, core, ops, deal)
    page.proformas_view.doubleClicked.emit(page.proformas.index(0, 0))
    assert recorded["proforma"] == [((pid,), {})]


def test_a_deleted_deal_shows_a_notice(qtbot, core, ops, ui_lang, deal) -> None:
    page = make_page(qtbot, core, ops, deal)
    core.deals.delete(deal)
    ops.changed.emit(["deals"])
    assert page.deal is None
    assert page.windowTitle() == "معامله"
    assert "این معامله دیگر وجود ندارد" in page.title.text()
    assert {label.text() for label in page.values.values()} == {"—"}
    assert not page.edit_button.isEnabled()
    assert not page.new_proforma_button.isEnabled()
    assert not page.accept_won_button.isEnabled()


def test_show_for_runs_the_page(qtbot, core, ops, ui_lang, deal, monkeypatch) -> None:
    shown: list[DealPage] = []
    monkeypatch.setattr(deal_page, "run_dialog", lambda d: shown.append(d) or 0)
    DealPage.show_for(None, core, ops, deal)
    assert len(shown) == 1 and shown[0].deal_id == deal
    qtbot.addWidget(shown[0])


# -- the pipeline opens it ----------------------------------------------------------------
def test_pipeline_opens_the_deal_page(qtbot, core, ops, settings, ui_lang, deal,
                                      monkeypatch) -> None:
    opened: list[int] = []
    monkeypatch.setattr(DealPage, "show_for", classmethod(
        lambda cls, parent, core_, ops_, deal_id: opened.append(deal_id)))
    view = PipelineView(core, ops, settings)
    qtbot.addWidget(view)
    view.show_record(deal)
    assert opened == [deal]
    card = next(c for column in view.columns.values() for c in column.cards
                if c.deal_id == deal)
    card.open_requested.emit(deal)  # what a double-click emits
    assert opened == [deal, deal]


# -- the company panel's quick actions ----------------------------------------------------
def test_company_panel_buttons_open_the_dialogs(qtbot, core, ops, settings, ui_lang,
                                                company, recorded) -> None:
    view = CompaniesView(core, ops, settings)
    qtbot.addWidget(view)
    view.show_details(company)
    panel = view.panel
    panel.new_deal_button.click()
    assert recorded["deal"] == [((), {"account_id": company})]
    panel.new_proforma_button.click()
    assert recorded["proforma"] == [((), {"account_id": company})]


def test_company_panel_buttons_do_nothing_without_a_company(qtbot, core, ops, settings,
                                                            ui_lang, recorded) -> None:
    view = CompaniesView(core, ops, settings)
    qtbot.addWidget(view)
    view.show_details(None)
    view.panel.new_deal_button.click()
    view.panel.new_proforma_button.click()
    assert recorded == {"deal": [], "proforma": []}
