"""The companies view, its detail panel and the company editor."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from crm_desktop.core import Core
from crm_desktop.text.validate import legal_id_check_digit
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.account_dialog import AccountDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.accounts_model import account_columns, accounts_model
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views import record_list
from crm_desktop.ui.views.companies import CompaniesView

LEGAL_BODY = "1010330000"
VALID_LEGAL_ID = LEGAL_BODY + str(legal_id_check_digit(LEGAL_BODY))
BAD_LEGAL_ID = LEGAL_BODY + str((legal_id_check_digit(LEGAL_BODY) + 1) % 10)
#: Persian alphabetical order; code-point order would be ب ت ل پ ک گ
PERSIAN_ORDER = ["بهار", "پارس", "تهران", "کیان", "گلستان", "لاله"]


@pytest.fixture
def persian(qapp) -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    try:
        yield
    finally:
        QLocale.setDefault(previous)


@pytest.fixture
def ops(qapp) -> Ops:
    return Ops()



@pytest.fixture
def view(qtbot: QtBot, core: Core, ops: Ops, settings: UiSettings) -> CompaniesView:
    widget = CompaniesView(core, ops, settings)
    qtbot.addWidget(widget)
    ops.changed.connect(widget.on_changed)  # what the main window does
    return widget


def names(view: CompaniesView) -> list[str]:
    return [view.model.row_data(r)["name"] for r in range(view.model.rowCount())]


def make_dialog(qtbot: QtBot, core: Core, ops: Ops, account_id: int | None = None
                ) -> AccountDialog:
    dialog = AccountDialog(core, ops, account_id)
    qtbot.addWidget(dialog)
    return dialog


# -- the editor ---------------------------------------------------------------------------
def test_create_a_company_through_the_dialog(qtbot, core, ops, persian) -> None:
    dialog = make_dialog(qtbot, core, ops)
    assert dialog.objectName() == "accountDialog"
    assert not dialog.save_button.isEnabled()  # the name is required
    dialog.bindings["name"].set("بازرگانی پارس")
    dialog.bindings["legal_id"].widget.setText(display.digits(VALID_LEGAL_ID))
    dialog.bindings["phone"].widget.setText("۰۲۱-۸۸۷۷۶۶۵۵")
    dialog.bindings["email"].set("info@pars.example")
    dialog.bindings["city"].set("تهران")
    dialog.bindings["industry"].set("پخش")
    dialog.bindings["address"].set("خیابان ولیعصر")
    assert dialog.save_button.isEnabled()
    assert dialog.bindings["owner_id"].get() == core.actor_id

    with qtbot.waitSignal(ops.changed) as changed:
        dialog.save()
    assert changed.args == [["accounts", "contacts"]]
    assert dialog.result() == AccountDialog.DialogCode.Accepted
    saved = core.accounts.get(dialog.result_id)
    assert saved["name"] == "بازرگانی پارس"
    assert saved["legal_id"] == VALID_LEGAL_ID  # Persian digits stored as ASCII
    assert saved["phone"] == "02188776655"
    assert saved["city"] == "تهران"
    assert saved["owner_id"] == core.actor_id


def test_edit_a_company_through_the_dialog(qtbot, core, ops) -> None:
    account_id = core.accounts.create({"name": "کیان", "city": "اصفهان",
                                       "legal_id": VALID_LEGAL_ID})
    dialog = make_dialog(qtbot, core, ops, account_id)
    assert dialog.bindings["name"].get() == "کیان"
    assert dialog.bindings["legal_id"].get() == VALID_LEGAL_ID
    dialog.bindings["city"].set("شیراز")
    dialog.bindings["notes"].set("مشتری قدیمی")
    dialog.save()
    assert dialog.result_id == account_id
    saved = core.accounts.get(account_id)
    assert (saved["city"], saved["notes"]) == ("شیراز", "مشتری قدیمی")
    assert saved["legal_id"] == VALID_LEGAL_ID


def test_edit_classmethod_returns_the_saved_id(qtbot, core, ops, monkeypatch) -> None:
    from crm_desktop.ui.dialogs import account_dialog

    def fake_run(dialog: AccountDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.bindings["name"].set("گلستان")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(account_dialog, "run_dialog", fake_run)
    account_id = AccountDialog.edit(None, core, ops)
    assert account_id is not None
    assert core.accounts.get(account_id)["name"] == "گلستان"
    monkeypatch.setattr(account_dialog, "run_dialog", lambda dialog: dialog.reject())
    assert AccountDialog.edit(None, core, ops, account_id) is None


def test_an_invalid_legal_id_is_shown_and_not_saved(qtbot, core, ops, persian) -> None:
    dialog = make_dialog(qtbot, core, ops)
    dialog.bindings["name"].set("پارس")
    assert dialog.save_button.isEnabled()
    dialog.bindings["legal_id"].widget.setText(BAD_LEGAL_ID)
    error = dialog.errors["legal_id"]
    assert not error.isHidden()
    assert error.text()  # the core's own message, in Persian
    assert not dialog.save_button.isEnabled()
    dialog.save()  # refused without asking the service
    assert dialog.result_id is None
    assert core.accounts.count() == 0

    dialog.bindings["legal_id"].widget.setText("123")
    assert not dialog.errors["legal_id"].isHidden()
    dialog.bindings["legal_id"].widget.setText(VALID_LEGAL_ID)
    assert dialog.errors["legal_id"].isHidden()
    assert dialog.save_button.isEnabled()


def test_a_bad_phone_keeps_save_disabled(qtbot, core, ops) -> None:
    dialog = make_dialog(qtbot, core, ops)
    dialog.bindings["name"].set("پارس")
    dialog.bindings["fax"].widget.setText("12")
    assert not dialog.errors["fax"].isHidden()
    assert not dialog.save_button.isEnabled()


# -- the list -----------------------------------------------------------------------------
def test_the_list_shows_companies_in_persian_order(view, core, qtmodeltester) -> None:
    for name in reversed(PERSIAN_ORDER):
        core.accounts.create({"name": name})
    view.refresh()
    assert names(view) == PERSIAN_ORDER
    assert view.table.objectName() == "companiesTable"
    view.model.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(view) == list(reversed(PERSIAN_ORDER))
    qtmodeltester.check(view.model)


def test_text_search_narrows_the_list(view, core, qtbot) -> None:
    for name in PERSIAN_ORDER:
        core.accounts.create({"name": f"شرکت {name}"})
    view.refresh()
    assert view.model.rowCount() == len(PERSIAN_ORDER)
    assert view.search_box.objectName() == "companySearch"
    view.search_box.setText("پارس")
    view.search_box.searchNow()
    assert names(view) == ["شرکت پارس"]
    view.search_box.setText("")  # cleared: everything again
    assert view.model.rowCount() == len(PERSIAN_ORDER)


def test_columns_show_persian_digits_and_ltr_phones(view, core, persian, ops) -> None:
    account_id = core.accounts.create({"name": "پارس", "phone": "02188776655",
                                       "city": "تهران", "industry": "پخش"})
    for first in ("علی", "سارا"):
        core.contacts.create({"first_name": first, "last_name": "رضایی",
                              "account_id": account_id})
    model = accounts_model(core.accounts)
    model.refresh()
    keys = [c.key for c in model.columns]
    row = {k: model.index(0, i).data() for i, k in enumerate(keys)}
    assert row["name"] == "پارس"
    assert row["phone"] == f"{display.LRI}۰۲۱۸۸۷۷۶۶۵۵{display.PDI}"
    assert row["contacts"] == "۲"
    assert row["city"] == "تهران" and row["industry"] == "پخش"
    assert row["created_at"].startswith("۱۴")  # a Jalali year


def test_columns_sort_like_the_service(core) -> None:
    columns = account_columns()
    sortable = {c.sort for c in columns if c.sort is not None}
    assert sortable == set(core.accounts.sort_columns)
    by_key = {c.key: c for c in columns}
    assert by_key["contacts"].sort is None


def test_a_click_on_an_unsortable_column_keeps_the_sort(view, core) -> None:
    for name in PERSIAN_ORDER:
        core.accounts.create({"name": name})
    view.refresh()
    contacts_column = [c.key for c in view.model.columns].index("contacts")
    view.table.horizontalHeader().setSortIndicator(contacts_column,
                                                   Qt.SortOrder.DescendingOrder)
    assert names(view) == PERSIAN_ORDER
    assert view.table.horizontalHeader().sortIndicatorSection() == 0


# -- the panel ----------------------------------------------------------------------------
def test_the_panel_lists_the_company_contacts_and_deals(view, core, persian) -> None:
    pars = core.accounts.create({"name": "پارس", "legal_id": VALID_LEGAL_ID,
                                 "phone": "02188776655"})
    empty = core.accounts.create({"name": "کیان"})
    core.contacts.create({"first_name": "علی", "last_name": "رضایی", "account_id": pars,
                          "mobile": "09121234567"})
    core.contacts.create({"first_name": "سارا", "last_name": "احمدی", "account_id": pars})
    core.contacts.create({"first_name": "مریم", "last_name": "کریمی"})  # no company
    core.deals.create({"title": "قرارداد سالانه", "account_id": pars,
                       "amount_rial": 12_500_000})
    view.refresh()
    panel = view.panel
    assert panel.currentIndex() == 0  # nothing chosen yet

    view.show_record(pars)
    assert view.selected_id() == pars
    assert panel.currentIndex() == 1
    assert panel.name.text() == "پارس"
    assert panel.values["legal_id"].text() == display.ltr(VALID_LEGAL_ID)
    people = [panel.contacts.item(r).text() for r in range(panel.contacts.rowCount())]
    assert len(people) == 2
    assert people[0].startswith("سارا احمدی")  # Persian order: س before ع
    assert people[1].startswith("علی رضایی") and "۰۹۱۲۱۲۳۴۵۶۷" in people[1]
    assert panel.deals.rowCount() == 1
    deal = panel.deals.item(0).text()
    assert "قرارداد سالانه" in deal and display.money(12_500_000) in deal
    assert "۱۲٬۵۰۰٬۰۰۰" in deal

    view.show_record(empty)
    assert panel.contacts.rowCount() == 1
    placeholder = panel.contacts.item(0)
    assert placeholder.text().startswith("No contacts yet")
    assert placeholder.flags() == Qt.ItemFlag.NoItemFlags
    assert panel.deals.item(0).text().startswith("No deals yet")


def test_a_double_click_on_a_contact_asks_to_open_it(view, core, qtbot) -> None:
    pars = core.accounts.create({"name": "پارس"})
    contact = core.contacts.create({"first_name": "علی", "account_id": pars})
    view.refresh()
    view.show_record(pars)
    with qtbot.waitSignal(view.open_record) as opened:
        view.panel.contacts_view.activated.emit(view.panel.contacts.index(0, 0))
    assert opened.args == ["contacts", contact]


# -- actions ------------------------------------------------------------------------------
def test_new_and_edit_open_the_dialog(view, core, monkeypatch) -> None:
    calls: list[int | None] = []
    created = core.accounts.create({"name": "پارس"})

    def fake_edit(_parent, _core, _ops, account_id=None):
        calls.append(account_id)
        return created

    monkeypatch.setattr(AccountDialog, "edit", staticmethod(fake_edit))
    view.refresh()
    view.new_record()
    assert calls == [None]
    assert view.selected_id() == created  # the new company is shown
    view.edit_selected()
    assert calls == [None, created]


def test_delete_moves_to_the_trash_and_the_trash_restores(view, core, ops, qtbot,
                                                          monkeypatch) -> None:
    from crm_desktop.ui.dialogs.trash_dialog import TrashDialog

    keep = core.accounts.create({"name": "بهار"})
    gone = core.accounts.create({"name": "پارس"})
    view.refresh()
    view.show_record(gone)
    asked: list[QMessageBox] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(record_list, "ask_box", answer)
    view.delete_selected()
    assert len(asked) == 1 and "پارس" in asked[0].text()
    assert core.accounts.count() == 2  # "No": nothing happened

    monkeypatch.setattr(record_list, "ask_box", lambda _box: QMessageBox.StandardButton.Yes)
    view.delete_selected()
    assert [r["id"] for r in core.accounts.list().rows] == [keep]
    assert names(view) == ["بهار"]  # the view refreshed from ops.changed
    assert view.panel.currentIndex() == 0

    trash = TrashDialog(core, ops)
    qtbot.addWidget(trash)
    trash.set_kind("accounts")
    assert trash.model.rowCount() == 1
    trash.table.selectRow(0)
    assert trash.restore_button.isEnabled()
    trash.restore_button.click()
    assert sorted(r["id"] for r in core.accounts.list().rows) == sorted([keep, gone])
    assert names(view) == ["بهار", "پارس"]
    assert trash.model.rowCount() == 0
    assert trash.stack.currentWidget() is trash.empty


def test_delete_without_a_selection_does_nothing(view, core, monkeypatch) -> None:
    ids = [core.accounts.create({"name": name}) for name in PERSIAN_ORDER[:2]]
    view.refresh()
    asked: list[QMessageBox] = []
    edited: list[int | None] = []
    monkeypatch.setattr(record_list, "ask_box",
                        lambda box: asked.append(box) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(AccountDialog, "edit",
                        classmethod(lambda _cls, _parent, _core, _ops, record_id=None:
                                    edited.append(record_id)))
    view.table.clearSelection()
    assert view.model.rowCount() == 2 and view.selected_id() is None
    view.delete_selected()
    view.edit_selected()
    assert asked == [] and edited == []
    assert sorted(r["id"] for r in core.accounts.list().rows) == sorted(ids)
    # the same calls with a row selected do reach the editor and the question
    view.table.selectRow(1)
    view.edit_selected()
    assert edited == [view.model.id_at(1)]
    view.delete_selected()
    assert len(asked) == 1
    assert [r["id"] for r in core.accounts.list().rows] == [view.model.id_at(0)]


def test_state_is_saved_and_restored(qtbot, view, core, ops, settings) -> None:
    view.splitter.setSizes([500, 300])
    view.table.setColumnWidth(1, 177)
    view.save_state()
    assert settings.state("companies/splitter") is not None
    assert settings.state("companies/header") is not None
    again = CompaniesView(core, ops, settings)
    qtbot.addWidget(again)
    again.restore_state()
    assert again.table.columnWidth(1) == 177
    assert again.splitter.saveState() == view.splitter.saveState()


def test_focus_search_and_counts(view, core, persian) -> None:
    for name in PERSIAN_ORDER[:3]:
        core.accounts.create({"name": name})
    view.refresh()
    assert view.count_label.text().startswith("۳")
    view.focus_search()  # no window is shown: it must simply not fail
