"""The customer club in the desktop: Settings › Customer club, the club page (tiers, top
members, members and ledger with their filters and exports), the contact panel's tier and
points with "Adjust points…" and "Redeem…", the contact list's tier column and filter
(only while the club is on), and "Redeem club points…" on a proforma."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from crm_desktop.services.base import ListQuery
from crm_desktop.ui import display, errors, export_runner
from crm_desktop.ui.ui_settings import UiSettings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TIERS = [{"key": "bronze", "name": "برنزی", "min": 0},
         {"key": "silver", "name": "نقره‌ای", "min": 500},
         {"key": "gold", "name": "طلایی", "min": 2000}]


@pytest.fixture
def club(core) -> dict[str, Any]:
    """The club on (points basis, a point worth 1,000 Rials), three members with points."""
    core.club.set_settings({"enabled": True, "basis": "points", "tiers": TIERS,
                            "rial_per_point": 100_000, "point_value_rial": 1_000,
                            "expiry_months": 12})
    people = [core.contacts.create({"first_name": name, "last_name": "رضایی",
                                    "mobile": f"0912100000{i}", "city": "تهران"})
              for i, name in enumerate(("سارا", "بابک", "ژیلا"))]
    core.club.adjust(people[0], 2500, "هدیه افتتاح")
    core.club.adjust(people[1], 600, "جبران تأخیر")
    core.club.adjust(people[2], 100, "خوش‌آمد")
    return {"people": people}


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(errors, "ask_box", lambda box: int(QMessageBox.StandardButton.Close))
    monkeypatch.setattr(export_runner, "ask_box",
                        lambda box: int(QMessageBox.StandardButton.Close))

    def choose(name: str) -> Path:
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, **k: (str(out / name), ""))
        return out / name

    return choose


def column(path: Path, title: str) -> list[Any]:
    ws = openpyxl.load_workbook(path).active
    titles = [c.value for c in ws[1]]
    i = titles.index(title)
    return [row[i].value for row in ws.iter_rows(min_row=2)]


# -- Settings › Customer club ------------------------------------------------------------------
def test_the_settings_page_saves_the_club(core, ops, ui_lang, qtbot, qtmodeltester) -> None:
    from crm_desktop.ui.views.settings import SettingsView

    view = SettingsView(core, ops, UiSettings())
    qtbot.addWidget(view)
    assert "club" in view.page_keys()
    page = view.club
    assert not page.enabled.isChecked()  # off until switched on
    qtmodeltester.check(page.tiers_model)
    page.enabled.setChecked(True)
    page.rial_per_point.setText("۲۰۰٬۰۰۰")
    page.point_value.setText("۵۰۰")
    page.expiry.setValue(6)
    page.birthday.setValue(50)
    page.referral.setValue(40)
    page.add_tier()
    model = page.tiers_model
    row = model.rowCount() - 1
    assert model.setData(model.index(row, 0), "الماسی")
    assert model.setData(model.index(row, 1), "۱۰٬۰۰۰")
    assert not model.setData(model.index(row, 1), "بسیار")  # not a number: kept as it was
    qtmodeltester.check(model)
    page.save()
    saved = core.club.settings()
    assert saved["enabled"] is True
    assert (saved["rial_per_point"], saved["point_value_rial"]) == (200_000, 500)
    assert (saved["expiry_months"], saved["birthday_points"]) == (6, 50)
    assert saved["referral_points"] == 40
    assert saved["tiers"][-1]["name"] == "الماسی" and saved["tiers"][-1]["min"] == 10_000
    assert page.saved.text()
    # a refused entry is said beside the form, and nothing is stored
    page.remove_selected_tier()
    model.setData(model.index(0, 0), "")
    page.save()
    assert page.problem.text()
    assert core.club.settings()["tiers"][0]["name"] == saved["tiers"][0]["name"]
    page.load()
    assert not page.problem.text() and model.rowCount() == len(saved["tiers"])


def test_the_tiers_follow_the_basis(core, ops, ui_lang, qtbot) -> None:
    from crm_desktop.ui.views.settings_club import ClubSettings

    page = ClubSettings(core, ops)
    qtbot.addWidget(page)
    model = page.tiers_model
    horizontal = Qt.Orientation.Horizontal
    by_points = model.headerData(1, horizontal)
    first = model.index(1, 1).data()
    page.basis.setCurrentIndex(page.basis.findData("spend"))
    assert model.basis == "spend"
    assert model.headerData(1, horizontal) != by_points
    assert model.index(1, 1).data() != first  # an amount of money now
    assert model.parse_minimum("۵٬۰۰۰٬۰۰۰") == 5_000_000
    page.save()
    assert core.club.settings()["basis"] == "spend"


# -- the club page ----------------------------------------------------------------------------
def test_the_page_says_where_to_switch_the_club_on(core, ops, ui_lang, qtbot) -> None:
    from crm_desktop.ui.views.club_page import ClubPage

    page = ClubPage(core, ops, UiSettings())
    qtbot.addWidget(page)
    assert page.stack.currentIndex() == 0  # the club is off
    with qtbot.waitSignal(page.navigate) as went:
        page.findChild(type(page.recompute_button), "openClubSettings").click()
    assert went.args == ["settings"]
    core.club.set_settings({"enabled": True})
    page.on_changed(["settings"])
    assert page.stack.currentIndex() == 1


def test_the_page_shows_tiers_top_members_members_and_ledger(core, ops, ui_lang, qtbot,
                                                              qtmodeltester, club) -> None:
    from crm_desktop.ui.views.club_page import ClubPage

    page = ClubPage(core, ops, UiSettings())
    qtbot.addWidget(page)
    assert page.stack.currentIndex() == 1
    for model in (page.tiers_model, page.top_model, page.members.model, page.ledger.model):
        qtmodeltester.check(model)
    sizes = {r["tier"]: r["count"] for r in page.tiers_model.rows}
    assert (sizes["gold"], sizes["silver"], sizes["bronze"]) == (1, 1, 1)
    top = [page.top_model.data(page.top_model.index(r, 1)) for r in range(3)]
    assert top == ["سارا رضایی", "بابک رضایی", "ژیلا رضایی"]
    assert page.members.model.rowCount() == 3
    assert page.members.model.index(0, 4).data() == "۲٬۵۰۰"
    # a tier chosen beside the list shows its members
    gold = next(i for i, r in enumerate(page.tiers_model.rows) if r["tier"] == "gold")
    page._tier_chosen(page.tiers_model.index(gold, 0))
    assert page.members.model.rowCount() == 1
    assert page.members.filter.currentData() == "gold"
    page.members.choose(None)
    assert page.members.model.rowCount() == 3
    # the ledger, by kind
    assert page.ledger.model.rowCount() == 3
    page.ledger.choose("redeemed")
    assert page.ledger.model.rowCount() == 0
    core.club.redeem(club["people"][0], 300, "خرید")
    page.on_changed(["club_ledger"])
    assert page.ledger.model.rowCount() == 1
    points = page.ledger.model.columns.index(
        next(c for c in page.ledger.model.columns if c.key == "points"))
    assert "-۳۰۰" in page.ledger.model.index(0, points).data()
    # a member opens on the contacts view
    with qtbot.waitSignal(page.open_record) as opened:
        page.members.table.doubleClicked.emit(page.members.model.index(0, 0))
    assert opened.args == ["contacts", page.members.model.id_at(0)]


def test_the_club_lists_export_what_they_show(core, ops, ui_lang, qtbot, club,
                                              save_as) -> None:
    from crm_desktop.services.exports import ExportService
    from crm_desktop.ui.views.club_page import ClubPage

    page = ClubPage(core, ops, UiSettings())
    qtbot.addWidget(page)
    service = ExportService(core.db)
    for kind, lst in (("club_members", page.members), ("club_ledger", page.ledger)):
        assert {c.key for c in lst.model.columns} <= {c.key for c in service.columns(kind)}
    page.members.choose("silver")
    path = save_as("members.xlsx")
    page.members.export_button.action("xlsx").trigger()
    assert column(path, "نام") == ["بابک رضایی"]
    assert column(path, "امتیاز") == [600]
    path = save_as("ledger.xlsx")
    assert page.ledger.export("xlsx")
    assert sorted(column(path, "امتیاز")) == [100, 600, 2500]


# -- the contact panel ------------------------------------------------------------------------
def test_the_panel_shows_tier_and_points_only_while_the_club_is_on(core, ops, ui_lang,
                                                                    qtbot, club) -> None:
    from crm_desktop.ui.views.contact_panel import ContactPanel

    panel = ContactPanel(core)
    qtbot.addWidget(panel)
    sara = club["people"][0]
    panel.show_contact(sara)
    assert panel.tier.isVisibleTo(panel) and panel.tier.text() == "طلایی"
    assert "۲٬۵۰۰" in panel.values["club"].text()
    assert panel.club_buttons["redeemPoints"].isVisibleTo(panel)
    with qtbot.waitSignal(panel.action) as asked:
        panel.club_buttons["adjustPoints"].click()
    assert asked.args == ["adjust_points"]
    babak = club["people"][1]
    panel.show_contact(babak)
    assert "۱٬۴۰۰" in panel.values["club"].text()  # 1,400 more to gold
    core.club.set_settings({"enabled": False})
    panel.show_contact(sara)
    assert not panel.tier.isVisibleTo(panel)
    assert not panel.club_buttons["adjustPoints"].isVisibleTo(panel)
    assert not panel.values["club"].isVisibleTo(panel)


def test_adjust_and_redeem_from_the_contacts_view(core, ops, ui_lang, qtbot, club,
                                                  monkeypatch) -> None:
    from crm_desktop.ui.dialogs import club_points_dialog as dialogs
    from crm_desktop.ui.views.contacts import ContactsView

    view = ContactsView(core, ops, UiSettings())
    qtbot.addWidget(view)
    sara = club["people"][0]
    view.show_record(sara)
    asked: list[str] = []
    monkeypatch.setattr(dialogs.PointsDialog, "adjust",
                        classmethod(lambda cls, p, c, o, cid: asked.append(f"adjust {cid}")))
    monkeypatch.setattr(dialogs.PointsDialog, "redeem",
                        classmethod(lambda cls, p, c, o, cid: asked.append(f"redeem {cid}")))
    view.panel.club_buttons["adjustPoints"].click()
    view.panel.club_buttons["redeemPoints"].click()
    assert asked == [f"adjust {sara}", f"redeem {sara}"]


def test_the_points_dialogs_write_the_ledger(core, ops, ui_lang, qtbot, club) -> None:
    from crm_desktop.ui.dialogs.club_points_dialog import PointsDialog

    babak = club["people"][1]
    adjust = PointsDialog(core, ops, babak, "adjust")
    qtbot.addWidget(adjust)
    adjust.save()  # no points: said, nothing written
    assert adjust.problem.text() and core.club.of_contact(babak)["balance"] == 600
    adjust.points.setValue(-100)
    adjust.reason.setText("اصلاح اشتباه")
    assert "۵۰۰" in adjust.worth.text()  # the balance after
    adjust.save()
    assert adjust.result_id is not None
    assert core.club.of_contact(babak)["balance"] == 500
    redeem = PointsDialog(core, ops, babak, "redeem")
    qtbot.addWidget(redeem)
    assert redeem.points.maximum() == 500  # never more than the balance
    redeem.points.setValue(500)
    core.club.adjust(babak, -200, "هم‌زمان")  # spent elsewhere meanwhile
    redeem.save()
    assert redeem.result_id is None and redeem.problem.text()  # the service refused
    assert core.club.of_contact(babak)["balance"] == 300
    redeem.points.setValue(300)
    redeem.save()
    assert core.club.of_contact(babak)["balance"] == 0
    nothing = PointsDialog(core, ops, babak, "redeem")
    qtbot.addWidget(nothing)
    assert nothing.problem.text()
    assert not nothing.buttons.button(nothing.buttons.StandardButton.Ok).isEnabled()


# -- the contact list -------------------------------------------------------------------------
def test_the_tier_column_and_filter_show_while_the_club_is_on(core, ops, ui_lang, qtbot,
                                                              club) -> None:
    from crm_desktop.ui.views.contacts import ContactsView

    core.contacts.create({"first_name": "بی", "last_name": "امتیاز"})
    view = ContactsView(core, ops, UiSettings())
    qtbot.addWidget(view)
    keys = [c.key for c in view.model.columns]
    tier = keys.index("tier")
    assert view.table.isColumnHidden(tier)  # not known until shown
    values = view.segment_filter
    assert values.findData(("tier", "silver")) == -1
    view.show()
    qtbot.waitExposed(view)
    assert not view.table.isColumnHidden(tier)
    names = {view.model.index(r, 0).data(): view.model.index(r, tier).data()
             for r in range(view.model.rowCount())}
    assert names == {"سارا رضایی": "طلایی", "بابک رضایی": "نقره‌ای", "ژیلا رضایی": "برنزی",
                     "بی امتیاز": ""}
    # the tiers are choices of the segment filter (the bar has no room for another button)
    silver = values.findData(("tier", "silver"))
    named = display.fill("سطح: {name}", name="نقره‌ای")  # (the name isolated)
    assert values.itemText(silver) == named
    values.setCurrentIndex(silver)
    assert view.model.rowCount() == 1 and view.model.query.filters == {"tier": "silver"}
    assert values.text() == named
    values.setCurrentIndex(values.findData("no_purchase"))  # a segment instead
    assert "tier" not in view.model.query.filters
    values.setCurrentIndex(silver)
    # switched off: the column and the tiers go, and no tier keeps rows away
    core.club.set_settings({"enabled": False})
    view.on_changed(["settings"])
    assert view.table.isColumnHidden(tier) and values.findData(("tier", "silver")) == -1
    assert view.model.rowCount() == 4 and view.model.query.filters == {}


# -- a proforma ---------------------------------------------------------------------------------
def test_redeem_club_points_on_a_proforma(core, ops, ui_lang, qtbot, club,
                                          monkeypatch) -> None:
    from crm_desktop.services.proforma_totals import compute
    from crm_desktop.ui.dialogs import club_points_dialog as dialogs
    from crm_desktop.ui.dialogs.proforma_dialog import ProformaDialog

    babak = club["people"][1]
    proforma = core.proformas.create({"contact_id": babak}, [
        {"description": "خدمات", "quantity": 1, "unit_price_rial": 200_000},
        {"description": "کالا", "quantity": 1, "unit_price_rial": 900_000}])
    editor = ProformaDialog(core, ops, proforma)
    qtbot.addWidget(editor)
    assert editor.redeem_button is not None and editor.redeem_button.isVisibleTo(editor)

    chosen: list[Any] = []

    def ask(cls: Any, parent: Any, core_: Any, ops_: Any, pid: int) -> int | None:
        d = dialogs.ProformaRedeemDialog(core_, ops_, pid, parent)
        qtbot.addWidget(d)
        chosen.append((d.line.currentText(), d.points.value(), d.discount.text()))
        d.points.setValue(400)
        d.save()
        return d.result_id

    monkeypatch.setattr(dialogs.ProformaRedeemDialog, "ask", classmethod(ask))
    editor.redeem_button.click()
    # the largest line first, and as many points as it takes (at most the balance)
    assert chosen[0][0].startswith("کالا") and chosen[0][1] == 600
    assert core.club.of_contact(babak)["balance"] == 200
    stored = core.proformas.get(proforma)
    totals = compute(stored["lines"], stored["vat_rate"])
    assert totals.discount_rial == 400_000
    assert compute(editor.lines.lines, stored["vat_rate"]).discount_rial == 400_000


def test_no_redeem_button_while_the_club_is_off(core, ops, ui_lang, qtbot) -> None:
    from crm_desktop.ui.dialogs.proforma_dialog import ProformaDialog

    person = core.contacts.create({"first_name": "x", "last_name": "y"})
    proforma = core.proformas.create({"contact_id": person}, [
        {"description": "خدمات", "quantity": 1, "unit_price_rial": 200_000}])
    editor = ProformaDialog(core, ops, proforma)
    qtbot.addWidget(editor)
    assert editor.redeem_button is None


def test_the_contacts_list_opens_with_one_statement(core, ops, ui_lang, qtbot, club) -> None:
    """The tier column costs the list's opening nothing: the club is read on first show."""
    from crm_desktop.ui.views.contacts import ContactsView
    from tests.gui.test_list_open_cost import statements

    holder: list[Any] = []
    ran = statements(core, lambda: holder.append(ContactsView(core, ops, UiSettings())))
    qtbot.addWidget(holder[0])
    selects = [sql for sql, _ in ran if not sql.startswith("BEGIN")]
    assert len(selects) == 1 and selects[0].startswith("SELECT live FROM live_counts"), selects
    assert core.contacts.list(ListQuery(limit=5)).rows


def test_exports_name_the_tiers(core, club) -> None:
    """The contact list's tier column and the members' tier export the tier's name (read
    from the club's settings in SQL), a member below the lowest tier "No tier"."""
    from crm_desktop.services.exports import ExportService

    core.club.set_settings({"tiers": [*TIERS[1:], {"key": "vip", "name": "VIP", "min": 9000}]})
    service = ExportService(core.db)
    rows = list(service.table("contacts", ListQuery(), ["full_name", "tier"], "fa").rows)
    assert sorted(rows) == [["بابک رضایی", "نقره‌ای"], ["سارا رضایی", "طلایی"],
                            ["ژیلا رضایی", None]]
    members = service.table("club_members", ListQuery(filters={"tier": "none"}),
                            ["full_name", "tier"], "en")
    assert list(members.rows) == [["ژیلا رضایی", "No tier"]]
    ledger = service.table("club_ledger", ListQuery(filters={"kind": "adjusted"}),
                           ["contact_name", "kind", "points", "reason"], "fa")
    assert sorted(ledger.rows) == [["بابک رضایی", "اصلاح دستی", 600, "جبران تأخیر"],
                                   ["سارا رضایی", "اصلاح دستی", 2500, "هدیه افتتاح"],
                                   ["ژیلا رضایی", "اصلاح دستی", 100, "خوش‌آمد"]]


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_the_club_fits_at_1366x768(small_window, qapp) -> None:
    """With the club on and members in every tier: the club page, the contact list with
    its tier column, and the contact panel with the tier and the points fit the screen."""
    from tests.gui.conftest import AVAILABLE
    from tests.gui.layout_checks import overlapping
    from tests.gui.test_fits_the_screen import fits

    window = small_window
    window.resize(AVAILABLE.size())
    core = window.core
    core.club.set_settings({"enabled": True, "tiers": TIERS})
    people = core.contacts.list(ListQuery(limit=30)).rows
    for i, person in enumerate(people):
        core.club.adjust(person["id"], 80 * (i + 1), "هدیه")
    window.ops.changed.emit(["settings", "contact_club"])
    view = window.show_section("campaigns")
    page = view.show_tab("club")
    qapp.processEvents()
    assert page.stack.currentIndex() == 1 and page.members.model.rowCount() >= 30
    problems = [f"club: {p}" for p in fits(window) + overlapping(view)]
    contacts = window.show_section("contacts")
    contacts.show_record(people[-1]["id"])
    qapp.processEvents()
    tier = [c.key for c in contacts.model.columns].index("tier")
    assert not contacts.table.isColumnHidden(tier)
    assert contacts.panel.tier.isVisible() and contacts.panel.values["club"].text()
    problems += [f"contacts: {p}" for p in fits(window) + overlapping(contacts)]
    settings = window.show_section("settings")
    settings.show_page("club")
    qapp.processEvents()
    problems += [f"settings: {p}" for p in fits(window) + overlapping(settings.page("club").body)]
    assert problems == []
