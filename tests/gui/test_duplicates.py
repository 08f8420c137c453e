"""The find-duplicates page and the merge dialog, on a database with known duplicates."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.ui.dialogs import duplicates_dialog
from crm_desktop.ui.dialogs.duplicates_dialog import DuplicatesDialog
from crm_desktop.ui.dialogs.merge_dialog import MergeDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.duplicates_model import DuplicateGroupsModel, GroupMembersModel


@pytest.fixture
def known(core: Core) -> dict[str, Any]:
    """Three known groups of contacts: a shared mobile (with a deal and a list each), a
    shared e-mail, similar names in one city; one company pair with the same national ID."""
    c = core.contacts.create
    i: dict[str, Any] = {}
    i["old"] = c({"first_name": "علی", "last_name": "رضایی", "mobile": "09121111111",
                  "city": "تهران"})
    i["new"] = c({"first_name": "علي", "last_name": "رضائی کرمانی", "mobile": "09121111111",
                  "email": "ali@example.com", "city": "قم", "job_title": "مدیر"})
    i["mail"] = [c({"last_name": f"نفر {n}", "email": "Sara@Example.com"}) for n in (1, 2)]
    i["names"] = [c({"first_name": "پریسا", "last_name": "موسوی", "city": "یزد"}),
                  c({"first_name": "پرسیا", "last_name": "موسوی", "city": "یزد"})]
    i["deal"] = core.deals.create({"title": "خرید", "contact_id": i["new"]})
    i["list"] = core.lists.create({"name": "نمایشگاه"})
    core.lists.add_members(i["list"], [i["old"], i["new"]])
    i["firms"] = [core.accounts.create({"name": n, "legal_id": "10100387975"})
                  for n in ("فولاد فارس", "فولاد فارس جنوب")]
    return i


def open_page(qtbot: QtBot, core: Core, ops: Ops, kind: str = "contacts") -> DuplicatesDialog:
    page = DuplicatesDialog(core, ops, kind)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    return page


def shown(page: DuplicatesDialog) -> list[tuple[str, tuple[int, ...]]]:
    model = page.groups_model
    return [(g.reason, g.ids) for g in model.shown]


def test_the_page_lists_the_groups_and_their_counts(qtbot, core, known, ui_lang) -> None:
    page = open_page(qtbot, core, Ops())
    assert shown(page) == [("mobile", (known["old"], known["new"])),
                           ("email", tuple(known["mail"])),
                           ("name", tuple(known["names"]))]
    assert page.chips["mobile"].text() == "موبایل یکسان (۱)"
    assert page.kind_chips["companies"]["legal_id"].isHidden()
    assert not page.chips["national_code"].isEnabled()  # nothing to show
    # hiding similar names leaves the exact reasons
    page.chips["name"].setChecked(False)
    assert [r for r, _ids in shown(page)] == ["mobile", "email"]
    # the first group is selected, its records listed with a tick each
    assert page.members_model.checked_ids() == [known["old"], known["new"]]
    assert page.merge_button.isEnabled()
    model = page.groups_model
    assert model.data(model.index(0, 1)) == "09121111111".translate(
        str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def test_companies_and_the_empty_state(qtbot, core, known, ui_lang) -> None:
    page = open_page(qtbot, core, Ops(), "companies")
    assert shown(page) == [("legal_id", tuple(known["firms"]))]
    core.accounts.delete(known["firms"][1])
    page.search()
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert shown(page) == []
    assert page.empty.isVisible() or not page.isVisible()
    assert page.empty.text.text() == "تکراری پیدا نشد."


def test_merge_through_the_dialog(qtbot, core, known, ui_lang, monkeypatch) -> None:
    ops = Ops()
    page = open_page(qtbot, core, ops)  # the first group is selected
    seen: list[MergeDialog] = []

    def run(dialog: MergeDialog) -> int:
        seen.append(dialog)
        # the oldest is kept; its empty e-mail takes the other's; its city stays
        assert dialog.survivor() == known["old"]
        assert dialog.choices()["email"] == known["new"]
        assert dialog.choices()["city"] == known["old"]
        assert "mobile" not in dialog.choices()  # the same in both: not shown
        assert "۱ معامله" in dialog.summary.text()
        dialog.pick("last_name", known["new"])
        dialog.merge_button.click()
        return dialog.result()

    monkeypatch.setattr("crm_desktop.ui.dialogs.merge_dialog.run_dialog", run)
    changed: list[list[str]] = []
    ops.changed.connect(changed.append)
    page.merge_selected()

    assert seen and seen[0].merged_into == known["old"]
    kept = core.contacts.get(known["old"])
    assert (kept["last_name"], kept["email"], kept["city"]) == (
        "رضائی کرمانی", "ali@example.com", "تهران")
    with pytest.raises(NotFoundError):
        core.contacts.get(known["new"])
    with core.db.read() as session:
        assert session.scalar(select(m.Deal.contact_id).where(
            m.Deal.id == known["deal"])) == known["old"]
        members = set(session.scalars(select(m.ListMember.contact_id).where(
            m.ListMember.list_id == known["list"])))
    assert members == {known["old"]}
    # the lists were told, and the group left the page without a new search
    assert changed and "contacts" in changed[0] and "deals" in changed[0]
    assert [r for r, _ids in shown(page)] == ["email", "name"]


def test_a_record_unticked_stays_out_of_the_merge(qtbot, core, known, ui_lang,
                                                  monkeypatch) -> None:
    page = open_page(qtbot, core, Ops())
    members = page.members_model
    members.setData(members.index(1, 0), Qt.CheckState.Unchecked.value,
                    Qt.ItemDataRole.CheckStateRole)
    assert members.checked_ids() == [known["old"]]
    assert not page.merge_button.isEnabled()
    opened: list[Any] = []
    monkeypatch.setattr(MergeDialog, "merge", classmethod(
        lambda cls, *args: opened.append(args)))
    page.merge_selected()
    assert opened == []


def test_choosing_another_record_to_keep(qtbot, core, known, ui_lang) -> None:
    ops = Ops()
    dialog = MergeDialog(core, ops, "contacts", [known["new"], known["old"]])
    qtbot.addWidget(dialog)
    assert dialog.ids == [known["old"], known["new"]]  # oldest first
    dialog.choose_survivor(known["new"])
    assert dialog.choices()["city"] == known["new"]
    assert dialog.choices()["job_title"] == known["new"]
    dialog.merge_now()
    assert dialog.merged_into == known["new"]
    assert core.contacts.get(known["new"])["city"] == "قم"
    with pytest.raises(NotFoundError):
        core.contacts.get(known["old"])


def test_the_models(qtmodeltester, core, known, qapp) -> None:
    groups = DuplicateGroupsModel()
    groups.set_groups(core.duplicates.groups("contacts"))
    qtmodeltester.check(groups)
    members = GroupMembersModel("contacts")
    members.set_group(groups.group_at(0))
    qtmodeltester.check(members)
    groups.forget([known["new"]])
    assert [g.reason for g in groups.shown] == ["email", "name"]


def test_the_page_opens_from_the_contacts_view_and_the_edit_menu(
        qtbot, core, known, controller, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(duplicates_dialog.DuplicatesDialog, "show_for", classmethod(
        lambda cls, parent, core, ops, kind="contacts": opened.append(kind)))
    window = controller.window
    window.show_section("contacts").duplicates_button.click()
    window.show_section("companies").duplicates_button.click()
    window.findChild(type(window.menuBar().actions()[0]), "findDuplicates").trigger()
    assert opened == ["contacts", "companies", "companies"]


def test_each_kind_keeps_its_own_reasons(qtbot, core, known, ui_lang) -> None:
    page = open_page(qtbot, core, Ops())
    page.chips["mobile"].setChecked(False)
    page.tabs.setCurrentIndex(1)  # companies
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert shown(page) == [("legal_id", tuple(known["firms"]))]
    assert [c.objectName() for c in page.chips.values()] == [
        "reason_companies_legal_id", "reason_companies_email", "reason_companies_phone",
        "reason_companies_name"]
    page.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert [r for r, _ids in shown(page)] == ["email", "name"]  # mobile still hidden
