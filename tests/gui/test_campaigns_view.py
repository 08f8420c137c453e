"""The campaigns view (tabs, the campaigns list and its panel), the campaign dialog, the
campaign page (audience, members, bulk status, figures) and the deal editor's source
campaign (pytest-qt, offscreen). Modal loops never run: `edit`/`ask`/`open` are replaced."""

from __future__ import annotations

import importlib
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui import display, errors
from crm_desktop.ui.dialogs.campaign_dialog import CampaignDialog
from crm_desktop.ui.dialogs.campaign_page import CampaignPage, ChoiceDialog
from crm_desktop.ui.dialogs.deal_dialog import DealDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.campaigns_model import CampaignMembersModel, CampaignsModel
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views import campaigns as campaigns_module
from crm_desktop.ui.views.campaign_list import CampaignListPage
from crm_desktop.ui.views.campaigns import CampaignsView, Tab


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    def refuse(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected message: {box.text()}")
    monkeypatch.setattr(errors, "ask_box", refuse)


def plain(text: str) -> str:
    return display.plain(text)


@pytest.fixture
def world(core: Core) -> dict[str, Any]:
    """Two campaigns with figures, one with none; a list of four people."""
    won = next(s["id"] for s in core.stages.list() if s["outcome"] == "won")
    people = [core.contacts.create({"first_name": "نفر", "last_name": f"شماره {i}",
                                    "mobile": f"0912000000{i}"}) for i in range(4)]
    lid = core.lists.create({"name": "مشتریان تهران"})
    core.lists.add_members(lid, people)
    yalda = core.campaigns.create({"name": "تخفیف یلدا", "channel": "sms",
                                   "status": "completed", "start_date": date(2025, 12, 16),
                                   "end_date": date(2025, 12, 22),
                                   "actual_cost_rial": 2_000_000})
    core.campaigns.add_target(yalda, list_id=lid)
    core.campaigns.add_members_from_targets(yalda)
    core.campaigns.set_members_status(yalda, "responded", people[:2])
    core.campaigns.set_member_status(yalda, people[0], "converted")
    deal = core.deals.create({"title": "خرید", "contact_id": people[0],
                              "amount_rial": 5_000_000, "source_campaign_id": yalda})
    core.deals.move(deal, won)
    expo = core.campaigns.create({"name": "نمایشگاه", "channel": "event", "status": "active",
                                  "actual_cost_rial": 9_000_000})
    free = core.campaigns.create({"name": "Instagram post", "channel": "social"})
    return {"people": people, "list": lid, "yalda": yalda, "expo": expo, "free": free}


@pytest.fixture
def page_list(qtbot: QtBot, core: Core, ops: Ops, settings: UiSettings,
              ui_lang: str) -> CampaignListPage:
    widget = CampaignListPage(core, ops, settings)
    qtbot.addWidget(widget)
    ops.changed.connect(widget.on_changed)
    return widget


def names(view: CampaignListPage) -> list[str]:
    return [view.model.row_data(r)["name"] for r in range(view.model.rowCount())]


# -- the list --------------------------------------------------------------------------------
def test_the_list_shows_figures_and_filters(page_list: CampaignListPage, world: dict,
                                            qtmodeltester) -> None:
    view = page_list
    view.refresh()
    qtmodeltester.check(view.model)
    assert isinstance(view.model, CampaignsModel)
    assert sorted(names(view)) == sorted(["تخفیف یلدا", "نمایشگاه", "Instagram post"])
    row = next(r for r in range(view.model.rowCount())
               if view.model.row_data(r)["id"] == world["yalda"])
    cells = [plain(view.model.index(row, c).data()) for c in range(view.model.columnCount())]
    # name, channel, status, start, members, responded, converted, cost, revenue, ROI
    assert cells[0] == "تخفیف یلدا"
    assert cells[1] == "پیامک"
    assert cells[3] == "۱۴۰۴/۰۹/۲۵"  # both dates are on the panel
    assert cells[4:7] == ["۴", "۲", "۱"]
    # sums without their unit word: the header says it once
    assert cells[7] == "۲٬۰۰۰٬۰۰۰" and cells[8] == "۵٬۰۰۰٬۰۰۰"
    header = [plain(view.model.headerData(c, Qt.Orientation.Horizontal))
              for c in range(view.model.columnCount())]
    assert header[7:9] == ["هزینه (ریال)", "درآمد (ریال)"]
    assert cells[9] == "۱۵۰٫۰٪"
    free = next(r for r in range(view.model.rowCount())
                if view.model.row_data(r)["id"] == world["free"])
    assert plain(view.model.index(free, 9).data()) == "—"  # nothing spent: no ROI
    expo = next(r for r in range(view.model.rowCount())
                if view.model.row_data(r)["id"] == world["expo"])
    assert plain(view.model.index(expo, 9).data()) == "-۱۰۰٫۰٪"
    # a loss reads with its minus first in the right-to-left table (a left-to-right run)
    assert view.model.index(expo, 9).data() == display.ltr("-۱۰۰٫۰٪")

    view.status_filter.setCurrentIndex(view.status_filter.findData("active"))
    assert names(view) == ["نمایشگاه"]
    view.clear_filters()
    view.channel_filter.setCurrentIndex(view.channel_filter.findData("sms"))
    assert names(view) == ["تخفیف یلدا"]
    view.clear_filters()
    view.model.set_text("یلدا")
    assert names(view) == ["تخفیف یلدا"]
    view.model.set_text("")
    # sorted by ROI in the database, the campaign without one last when descending
    view.model.sort(9, Qt.SortOrder.DescendingOrder)
    assert names(view) == ["تخفیف یلدا", "نمایشگاه", "Instagram post"]
    view.model.sort(4, Qt.SortOrder.DescendingOrder)
    assert names(view)[0] == "تخفیف یلدا"


def test_the_panel_shows_the_figures(page_list: CampaignListPage, world: dict) -> None:
    view = page_list
    view.refresh()
    view.show_record(world["yalda"])
    values = {k: plain(v.text()) for k, v in view.panel.values.items()}
    assert values["members"] == "۴"
    assert values["response_rate"] == "۵۰٫۰٪"
    assert values["conversion_rate"] == "۲۵٫۰٪"
    assert values["roi"] == "۱۵۰٫۰٪"
    assert values["cpa"] == "۲٬۰۰۰٬۰۰۰ ریال"  # one customer acquired


def test_empty_list_and_no_delete(page_list: CampaignListPage, core: Core) -> None:
    assert page_list.model.rowCount() == 0
    assert page_list.empty.isVisibleTo(page_list)
    cid = core.campaigns.create({"name": "x", "channel": "sms"})
    page_list.refresh()
    assert not page_list.empty.isVisibleTo(page_list)
    page_list.show_record(cid)
    page_list.delete_selected()  # campaigns are never deleted: nothing happens
    assert core.campaigns.count() == 1


def test_enter_opens_the_page_and_new_uses_the_dialog(page_list: CampaignListPage,
                                                     world: dict, monkeypatch) -> None:
    opened: list[int] = []
    monkeypatch.setattr(CampaignPage, "open", classmethod(
        lambda cls, parent, core, ops, cid: opened.append(cid)))
    page_list.refresh()
    page_list.show_record(world["expo"])
    page_list.edit_selected()
    assert opened == [world["expo"]]
    asked: list[Any] = []
    monkeypatch.setattr(CampaignDialog, "edit", classmethod(
        lambda cls, parent, core, ops, cid=None: asked.append(cid)))
    page_list.new_record()
    assert asked == [None]


# -- the view and its tabs -------------------------------------------------------------------
def test_the_view_builds_tab_pages_when_first_shown(qtbot: QtBot, core: Core, ops: Ops,
                                                   settings: UiSettings, ui_lang: str,
                                                   monkeypatch) -> None:
    imported: list[str] = []
    real = importlib.import_module

    def spy(name: str, *args: Any) -> Any:
        if name.startswith("crm_desktop.ui.views."):  # (Core imports services this way)
            imported.append(name)
        return real(name, *args)

    monkeypatch.setattr(campaigns_module.importlib, "import_module", spy)
    tabs = (*campaigns_module.TABS,
            Tab("products", "Products", "products", "ProductsView"))
    view = CampaignsView(core, ops, settings, tabs=tabs)
    qtbot.addWidget(view)
    assert view.tab_widget.count() == len(campaigns_module.TABS) + 1
    assert view.tab_widget.tabText(0) == "کمپین‌ها"
    assert imported == ["crm_desktop.ui.views.campaign_list"]
    assert set(view.pages) == {"campaigns"}
    view.tab_widget.setCurrentIndex(len(campaigns_module.TABS))
    assert imported[-1] == "crm_desktop.ui.views.products"
    assert set(view.pages) == {"campaigns", "products"}
    cid = core.campaigns.create({"name": "x", "channel": "sms"})
    view.on_changed(["campaigns"])
    view.show_record(cid)
    assert view.tab_widget.currentIndex() == 0
    assert view.pages["campaigns"].details_id() == cid


def test_opening_the_view_recomputes_segments_older_than_a_week(
        qtbot: QtBot, core: Core, ops: Ops, settings: UiSettings, ui_lang: str,
        world: dict) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from crm_desktop.services.rfm import FRESH_DAYS

    core.rfm.recompute()
    fresh = core.rfm.computed_at()
    changes: list[list[str]] = []
    ops.changed.connect(changes.append)
    view = CampaignsView(core, ops, settings)
    qtbot.addWidget(view)
    assert core.rfm.computed_at() == fresh and not changes  # fresh: left alone
    old = datetime.now(UTC) - timedelta(days=FRESH_DAYS + 1)
    with core.db.write() as session:
        session.execute(update(m.ContactRfm).values(computed_at=old))
    again = CampaignsView(core, ops, settings)
    qtbot.addWidget(again)
    assert changes == [["contact_rfm"]]
    assert not core.rfm.stale()
    assert core.rfm.computed_at() > fresh
    assert QApplication.overrideCursor() is None  # the busy cursor is undone


def test_the_main_window_shows_the_campaigns_view(controller) -> None:
    window = controller.window
    view = window.show_section("campaigns")
    assert isinstance(view, CampaignsView)
    assert isinstance(view.current_page(), CampaignListPage)


# -- the dialog ------------------------------------------------------------------------------
def test_new_campaign_dialog(qtbot: QtBot, core: Core, ops: Ops, ui_lang: str) -> None:
    dialog = CampaignDialog(core, ops)
    qtbot.addWidget(dialog)
    b = dialog.bindings
    b["name"].set("جشنواره نوروز")
    b["channel"].set("email")
    b["start_date"].widget.lineEdit().setText("۱۴۰۵/۰۱/۱۰")
    b["end_date"].widget.lineEdit().setText("۱۴۰۵/۰۱/۰۱")
    assert not dialog.save_button.isEnabled()  # ends before it starts
    assert dialog.errors["end_date"].text()
    b["end_date"].widget.lineEdit().setText("۱۴۰۵/۰۱/۳۰")
    b["budget_rial"].widget.setText("۵۰٬۰۰۰٬۰۰۰")
    b["actual_cost_rial"].widget.setText("۴۰٬۰۰۰٬۰۰۰")
    b["expected_revenue_rial"].widget.setText("۲۰۰٬۰۰۰٬۰۰۰")
    assert dialog.save_button.isEnabled(), dialog.save_button.toolTip()
    dialog.save()
    got = core.campaigns.get(dialog.result_id)
    assert (got["name"], got["channel"], got["status"]) == ("جشنواره نوروز", "email",
                                                            "planned")
    assert (got["start_date"], got["end_date"]) == (date(2026, 3, 30), date(2026, 4, 19))
    assert (got["budget_rial"], got["actual_cost_rial"], got["expected_revenue_rial"]) == (
        50_000_000, 40_000_000, 200_000_000)

    edit = CampaignDialog(core, ops, dialog.result_id)
    qtbot.addWidget(edit)
    assert edit.bindings["name"].get() == "جشنواره نوروز"
    edit.bindings["status"].set("active")
    edit.save()
    assert core.campaigns.get(dialog.result_id)["status"] == "active"


# -- the page --------------------------------------------------------------------------------
@pytest.fixture
def page(qtbot: QtBot, core: Core, ops: Ops, ui_lang: str, world: dict) -> CampaignPage:
    widget = CampaignPage(core, ops, world["yalda"])
    qtbot.addWidget(widget)
    return widget


def test_the_page_shows_figures_targets_and_members(page: CampaignPage, world: dict,
                                                    qtmodeltester) -> None:
    values = {k: plain(v.text()) for k, v in page.values.items()}
    assert values["members"] == "۴"
    assert values["responded"] == "۲ (۵۰٫۰٪)"
    assert values["converted"] == "۱ (۲۵٫۰٪)"
    assert values["revenue"] == "۵٬۰۰۰٬۰۰۰ ریال"
    assert values["roi"] == "۱۵۰٫۰٪"
    assert values["cpa"] == "۲٬۰۰۰٬۰۰۰ ریال"
    assert values["acquired"] == "۱"
    assert plain(page.targets.item(0).text()) == "فهرست: مشتریان تهران — ۴ مخاطب"
    qtmodeltester.check(page.members)
    assert page.members.rowCount() == 4
    assert plain(page.members.index(0, 3).data()) == "مشتری شده"
    assert not page.members_empty.isVisibleTo(page)


def test_audience_add_and_remove(page: CampaignPage, core: Core, world: dict,
                                 monkeypatch) -> None:
    offered: list[Any] = []

    def ask(cls, parent, title, prompt, choices):
        offered.append(choices)
        return choices[0][0] if choices else None

    monkeypatch.setattr(ChoiceDialog, "ask", classmethod(ask))
    other = core.lists.create({"name": "سرنخ‌ها"})
    page.add_list()
    assert offered[-1] == [(other, "سرنخ‌ها")]  # the list already targeted is not offered
    page.add_segment()
    assert offered[-1][0] == ("champions", "قهرمانان")
    targets = core.campaigns.targets(world["yalda"])
    assert {(t["list_id"], t["segment"]) for t in targets} == {
        (world["list"], None), (other, None), (None, "champions")}
    assert page.targets.rowCount() == 3
    row = next(r for r in range(3) if "قهرمانان" in page.targets.item(r).text())
    page.targets_view.setCurrentIndex(page.targets.index(row, 0))
    assert page.remove_target_button.isEnabled()
    page.remove_target()
    assert all(t["segment"] is None for t in core.campaigns.targets(world["yalda"]))


def test_members_from_targets_and_bulk_status(page: CampaignPage, core: Core, world: dict,
                                              qtmodeltester) -> None:
    newcomer = core.contacts.create({"last_name": "تازه"})
    core.lists.add_members(world["list"], [newcomer])
    page.add_members()
    assert page.members.rowCount() == 5
    # filter: the targeted ones
    page.status_filter.setCurrentIndex(page.status_filter.findData("targeted"))
    assert page.members.rowCount() == 3
    qtmodeltester.check(page.members)
    # change the selected two to "sent"
    selection = page.members_view.selectionModel()
    for row in (0, 1):
        selection.select(page.members.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    assert page.set_selected_button.isEnabled()
    page.new_status.setCurrentIndex(page.new_status.findData("sent"))
    page.set_selected_status()
    assert core.campaigns.member_stats(world["yalda"])["sent"] == 2
    assert page.members.rowCount() == 1  # the filter still shows the targeted one
    # every member still targeted -> opted out
    page.new_status.setCurrentIndex(page.new_status.findData("opted_out"))
    assert page.set_all_button.isEnabled()
    page.set_shown_status()
    assert core.campaigns.member_stats(world["yalda"]) == {
        "targeted": 0, "sent": 2, "delivered": 0, "failed": 0, "responded": 1,
        "converted": 1, "opted_out": 1}
    assert page.members.rowCount() == 0
    assert page.members_empty.isVisibleTo(page)  # "nothing matches": clear the filter
    assert page.members_empty.clear.isVisibleTo(page)
    page.members_empty.clear.click()
    assert page.members.rowCount() == 5


def test_members_go_on_a_static_list(page: CampaignPage, core: Core, world: dict,
                                     qtbot: QtBot, monkeypatch) -> None:
    """The members shown (or the selected ones) of a campaign become a static list, e.g.
    those who did not answer, for the next campaign."""
    from crm_desktop.ui.dialogs.add_to_list_dialog import NEW_LIST, AddToListDialog

    people = world["people"]
    chosen: list[list[int]] = []

    def to_list(parent, core_, ops_, contact_ids, name="بی‌پاسخ‌های یلدا"):
        chosen.append(list(contact_ids))
        dialog = AddToListDialog(core_, ops_, contact_ids, parent)
        found = dialog.lists.findText(name)
        dialog.lists.setCurrentIndex(found if found >= 0 else dialog.lists.findData(NEW_LIST))
        dialog.name.setText(name)
        dialog.save()
        return dialog.result_id

    monkeypatch.setattr(AddToListDialog, "ask", to_list)
    core.contacts.delete(people[3])  # in the Trash: not a member any more
    page.status_filter.setCurrentIndex(page.status_filter.findData("targeted"))
    assert page.to_list_button.isEnabled()
    page.put_on_list()  # nothing selected: every member shown
    assert chosen[-1] == [people[2]]
    (new,) = [r for r in core.lists.list().rows if r["name"] == "بی‌پاسخ‌های یلدا"]
    assert {r["id"] for r in core.lists.members(new["id"]).rows} == {people[2]}
    # the selected member only, onto the same list
    page.status_filter.setCurrentIndex(0)
    page.members_view.selectionModel().select(
        page.members.index(0, 0), QItemSelectionModel.SelectionFlag.Select
        | QItemSelectionModel.SelectionFlag.Rows)
    page.put_on_list()
    assert chosen[-1] == [people[0]]
    assert {r["id"] for r in core.lists.members(new["id"]).rows} == {people[0], people[2]}
    assert core.campaigns.member_ids(world["yalda"], "responded") == [people[1]]
    assert core.campaigns.member_ids(world["yalda"], "no such status") == []
    # a campaign without members has nothing to put on a list
    empty = CampaignPage(core, page.ops, world["free"])
    qtbot.addWidget(empty)
    assert not empty.to_list_button.isEnabled()


def test_a_page_without_audience_says_so(qtbot: QtBot, core: Core, ops: Ops, ui_lang: str,
                                         world: dict) -> None:
    page = CampaignPage(core, ops, world["free"])
    qtbot.addWidget(page)
    assert page.targets.rowCount() == 0
    assert page.targets_empty.isVisibleTo(page)
    assert page.members_empty.isVisibleTo(page)
    assert plain(page.values["roi"].text()) == "—"
    assert plain(page.values["cpa"].text()) == "—"


def test_members_model_windows_a_large_campaign(core: Core, qtmodeltester,
                                                ui_lang: str) -> None:
    cid = core.campaigns.create({"name": "بزرگ", "channel": "sms"})
    with core.db.write() as session:  # 1,200 members, quickly
        for i in range(1200):
            c = m.Contact(last_name=f"ن {i}", full_name=f"ن {i}", sort_key=f"{i:05d}",
                          search_name="", search_other="")
            session.add(c)
            session.flush()
            session.add(m.CampaignMember(campaign_id=cid, contact_id=c.id))
    model = CampaignMembersModel(core.campaigns, page_size=100, max_pages=3)
    model.show(cid)
    assert model.rowCount() == 1200
    assert model.cached_pages() == 0
    assert model.index(1150, 0).data() == "ن 1150"
    assert model.index(5, 0).data() == "ن 5"
    assert model.cached_pages() == 2
    for row in range(0, 1200, 100):
        model.index(row, 0).data()
    assert model.cached_pages() == 3  # bounded
    qtmodeltester.check(model)


def test_the_page_of_a_campaign_that_is_gone(qtbot: QtBot, core: Core, ops: Ops,
                                             ui_lang: str) -> None:
    page = CampaignPage(core, ops, 999)
    qtbot.addWidget(page)
    assert "دیگر وجود ندارد" in page.title.text()
    assert {label.text() for label in page.values.values()} == {"—"}
    assert page.findChild(QDialogButtonBox).buttons()[0].text() == "بستن"
    assert not page.fill_button.isEnabled()
    assert page.members.rowCount() == 0


# -- the deal editor -------------------------------------------------------------------------
def test_the_deal_source_campaign_is_a_searchable_choice_of_every_campaign(
        qtbot: QtBot, core: Core, ops: Ops, ui_lang: str) -> None:
    made = [core.campaigns.create({"name": f"کمپین {i}", "channel": "sms"})
            for i in range(250)]
    dialog = DealDialog(core, ops)
    qtbot.addWidget(dialog)
    binding = dialog.bindings["source_campaign_id"]
    combo = binding.combo
    assert combo.count() == 251  # "(none)" and every campaign, past the old 200
    assert combo.isEditable()
    binding.set(made[0])
    dialog.bindings["title"].set("فروش")
    dialog.save()
    assert core.deals.get(dialog.result_id)["source_campaign_id"] == made[0]
    combo.setEditText("کمپینی که نیست")
    assert binding.own_error()  # a typed name that matches no campaign is refused
    assert core.campaigns.list(ListQuery(sort=Sort("name"), limit=1)).rows


def test_an_sms_campaign_writes_its_message_from_the_page(page: CampaignPage, core: Core,
                                                          ops: Ops, world: dict, qtbot: QtBot,
                                                          monkeypatch) -> None:
    from crm_desktop.ui.dialogs import message_composer

    opened: list[int] = []
    monkeypatch.setattr(message_composer.MessageComposer, "exec",
                        lambda dialog: opened.append(dialog.campaign_id) or 0)
    assert page.message_button.isVisibleTo(page)
    page.message_button.click()
    assert opened == [world["yalda"]]
    # a phone campaign reaches people by phone: nothing to write here
    call = core.campaigns.create({"name": "تماس", "channel": "call"})
    other = CampaignPage(core, ops, call)
    qtbot.addWidget(other)
    assert not other.message_button.isVisibleTo(other)
