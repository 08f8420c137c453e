"""Every list view has an Export button that writes what it shows: each view's columns are
columns its kind exports; the pipeline's list and board, the activities list, a campaign's
members and a marketing list's members; and the proformas list (a tab of Products)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from crm_desktop.domain import clock
from crm_desktop.services.exports import ExportService
from crm_desktop.ui import errors, export_runner
from crm_desktop.ui.ui_settings import UiSettings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Answer the file dialog with out/NAME and every message box with Close."""
    out = tmp_path / "out"
    out.mkdir()
    boxes: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        boxes.append(box)
        return int(QMessageBox.StandardButton.Close)

    monkeypatch.setattr(errors, "ask_box", answer)
    monkeypatch.setattr(export_runner, "ask_box", answer)

    def choose(name: str) -> Path:
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, **k: (str(out / name), ""))
        return out / name

    choose.boxes = boxes  # type: ignore[attr-defined]
    return choose


def column(path: Path, title: str) -> list[Any]:
    ws = openpyxl.load_workbook(path).active
    titles = [c.value for c in ws[1]]
    i = titles.index(title)
    return [row[i].value for row in ws.iter_rows(min_row=2)]


@pytest.fixture
def world(core) -> dict[str, Any]:
    people = [core.contacts.create({"first_name": name, "last_name": "رضایی",
                                    "mobile": f"0912100000{i}", "city": "تهران"})
              for i, name in enumerate(("سارا", "بابک", "ژیلا"))]
    stages = {s["outcome"]: s["id"] for s in reversed(core.stages.list())}
    soon = clock.today() + timedelta(days=5)
    core.deals.create({"title": "باز یک", "contact_id": people[0], "amount_rial": 3_000_000,
                       "expected_close": soon})
    won = core.deals.create({"title": "بسته", "contact_id": people[1], "amount_rial": 9_000_000})
    core.deals.move(won, stages["won"])
    core.activities.create({"kind": "call", "subject": "تماس اول", "contact_id": people[0]})
    core.activities.create({"kind": "task", "subject": "کار دوم", "contact_id": people[1]})
    core.proformas.create({"contact_id": people[0]}, [{"description": "خدمات", "quantity": 1,
                                                      "unit_price_rial": 2_000_000}])
    core.proformas.create({"contact_id": people[2], "status": "accepted"},
                          [{"description": "کالا", "quantity": 2, "unit_price_rial": 500_000}])
    campaign = core.campaigns.create({"name": "یلدا", "channel": "sms"})
    mlist = core.lists.create({"name": "ویژه"})
    core.lists.add_members(mlist, people[:2])
    core.campaigns.add_target(campaign, list_id=mlist)
    core.campaigns.add_members_from_targets(campaign)
    core.campaigns.set_member_status(campaign, people[1], "responded")
    return {"people": people, "campaign": campaign, "list": mlist}


def test_every_list_column_is_an_exported_column(core, ops, ui_lang, qtbot, world) -> None:
    """A view can only export the columns its kind knows: every key of every list view."""
    from crm_desktop.ui.qtmodels.accounts_model import account_columns
    from crm_desktop.ui.qtmodels.campaigns_model import CampaignMembersModel
    from crm_desktop.ui.qtmodels.club_models import ledger_columns, member_columns
    from crm_desktop.ui.qtmodels.contacts_model import contact_columns
    from crm_desktop.ui.qtmodels.products_model import product_columns
    from crm_desktop.ui.qtmodels.proformas_model import proforma_columns
    from crm_desktop.ui.qtmodels.tickets_model import ticket_columns
    from crm_desktop.ui.views.activities_list import ActivityListView
    from crm_desktop.ui.views.pipeline import PipelineView

    pipeline = PipelineView(core, ops, UiSettings())
    activities = ActivityListView(core, ops)
    qtbot.addWidget(pipeline)
    qtbot.addWidget(activities)
    views = {
        "contacts": contact_columns(), "list_members": contact_columns(),
        "companies": account_columns(), "products": product_columns(),
        "proformas": proforma_columns(), "tickets": ticket_columns(),
        "deals": pipeline.model.columns, "activities": activities.list_columns(),
        "campaign_members": CampaignMembersModel(core.campaigns).columns,
        "club_members": member_columns(), "club_ledger": ledger_columns(),
    }
    views["contacts"] = contact_columns(lambda: {})  # with the club's tier
    service = ExportService(core.db)
    for kind, columns in views.items():
        exported = {c.key for c in service.columns(kind)}
        assert {c.key for c in columns} <= exported, kind


def test_pipeline_list_and_board(core, ops, ui_lang, qtbot, world, save_as) -> None:
    from crm_desktop.ui.views.pipeline import PipelineView

    view = PipelineView(core, ops, UiSettings())
    qtbot.addWidget(view)
    # the board shows the open deals only: so does its export
    path = save_as("board.xlsx")
    assert view.export("xlsx")
    assert column(path, "عنوان") == ["باز یک"]
    view.set_list_mode(True)
    view.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # amount, largest first
    view.table.setColumnHidden(1, True)
    path = save_as("list.xlsx")
    view.export_button.action("xlsx").trigger()
    assert column(path, "عنوان") == ["بسته", "باز یک"]
    assert column(path, "مبلغ (ریال)") == [9_000_000, 3_000_000]
    assert "مخاطب" not in [c.value for c in openpyxl.load_workbook(path).active[1]]


def test_activities_list(core, ops, ui_lang, qtbot, world, save_as) -> None:
    from crm_desktop.ui.views.activities_list import ActivityListView

    page = ActivityListView(core, ops)
    qtbot.addWidget(page)
    page.refresh()
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("task"))
    path = save_as("activities.csv")
    page.export_button.action("csv").trigger()
    text = path.read_text(encoding="utf-8-sig")
    assert "کار دوم" in text and "تماس اول" not in text


def test_campaign_members(core, ops, ui_lang, qtbot, world, save_as) -> None:
    from crm_desktop.ui.dialogs.campaign_page import CampaignPage

    page = CampaignPage(core, ops, world["campaign"])
    qtbot.addWidget(page)
    path = save_as("members.xlsx")
    page.export_button.action("xlsx").trigger()
    assert column(path, "نام") == ["سارا رضایی", "بابک رضایی"]
    assert column(path, "وضعیت") == ["هدف‌گیری‌شده", "پاسخ داده"]
    page.status_filter.setCurrentIndex(page.status_filter.findData("responded"))
    path = save_as("responded.xlsx")
    assert page.export_members("xlsx")
    assert column(path, "نام") == ["بابک رضایی"]


def test_marketing_list_members(core, ops, ui_lang, qtbot, world, save_as) -> None:
    from crm_desktop.ui.views.marketing_lists import ListsPage

    page = ListsPage(core, ops, UiSettings())
    qtbot.addWidget(page)
    assert not page.export_button.isEnabled()  # no list chosen yet
    page.show_record(world["list"])
    page.members.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    path = save_as("list.xlsx")
    page.export_button.action("xlsx").trigger()
    assert column(path, "نام") == ["سارا رضایی", "بابک رضایی"]
    assert column(path, "موبایل") == ["09121000000", "09121000001"]


def test_proformas_tab(core, ops, ui_lang, qtbot, qtmodeltester, world, save_as,
                       monkeypatch) -> None:
    from crm_desktop.ui.dialogs.proforma_dialog import ProformaDialog
    from crm_desktop.ui.views.products_section import ProductsSectionView

    section = ProductsSectionView(core, ops, UiSettings())
    qtbot.addWidget(section)
    assert section._proformas is None  # made when its tab is first shown
    view = section.show_proformas()
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 2
    numbers = [view.model.data(view.model.index(r, 0)) for r in range(2)]
    assert numbers[0] > numbers[1]  # the latest first
    view.status_filter.setCurrentIndex(view.status_filter.findData("accepted"))
    assert view.model.rowCount() == 1
    path = save_as("proformas.xlsx")
    view.export_button.action("xlsx").trigger()
    assert column(path, "خریدار") == ["ژیلا رضایی"]
    assert column(path, "جمع کل (ریال)") == [1_100_000]  # with 10% VAT
    opened: list[Any] = []
    monkeypatch.setattr(ProformaDialog, "edit",
                        classmethod(lambda cls, parent, core_, ops_, pid=None, **k:
                                    opened.append(pid)))
    view.table.selectRow(0)
    view.table.doubleClicked.emit(view.model.index(0, 1))
    assert opened == [view.model.id_at(0)]
    section.show_record(0)  # a product from the search: the catalogue tab
    assert section.tabs.currentIndex() == 0


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_exported_names_are_the_names_the_interface_shows(ui_lang) -> None:
    """The core's names of stored codes (text/export_titles.py, used without Qt by the
    command line too) are the interface's own, in both languages."""
    from crm_desktop.text.export_titles import value_label
    from crm_desktop.ui import labels
    from crm_desktop.ui.dialogs.ticket_dialog import ticket_channels
    from crm_desktop.ui.qtmodels.club_models import ledger_kinds

    families = {
        "lifecycle": labels.lifecycle_stages(), "gender": labels.genders(),
        "source": labels.sources(), "activity_kind": labels.activity_kinds(),
        "proforma_status": labels.proforma_statuses(), "ticket_status": labels.ticket_statuses(),
        "ticket_category": labels.ticket_categories(),
        "ticket_priority": labels.ticket_priorities(), "member_status": labels.member_statuses(),
        "ticket_channel": ticket_channels(), "ledger_kind": ledger_kinds(),
    }
    for family, shown in families.items():
        for code, text in shown.items():
            assert value_label(family, code, ui_lang) == text, (family, code)
