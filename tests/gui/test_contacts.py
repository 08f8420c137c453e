"""The contacts view and dialog, driven through their own methods (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui.dialogs.contact_dialog import ContactDialog
from crm_desktop.ui.qtmodels.contacts_model import contacts_model
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.contacts import ContactsView

NAMES = ["گلناز", "کاوه", "پرهام", "بابک", "آرش", "ژیلا", "زهرا", "یاسر", "چکاوک", "جواد"]


@pytest.fixture
def view(core, ops, ui_lang, qtbot):
    for i, name in enumerate(NAMES):
        core.contacts.create({"first_name": name, "last_name": "احمدی",
                              "mobile": f"0912000{i:04d}", "city": "تهران" if i % 2 else "قم"})
    v = ContactsView(core, ops, UiSettings())
    qtbot.addWidget(v)
    return v


def names_in(view: ContactsView) -> list[str]:
    model = view.model
    return [model.data(model.index(r, 0)).split()[0] for r in range(model.rowCount())]


def test_model_passes_qtmodeltester(view, qtmodeltester) -> None:
    qtmodeltester.check(view.model)


def test_model_over_many_pages(core, qapp, qtmodeltester) -> None:
    for i in range(45):
        core.contacts.create({"first_name": "نفر", "last_name": f"{i:03d}"})
    model = contacts_model(core.contacts)
    model._page_size = 7  # several pages, a bounded cache
    model._max_pages = 3
    model.set_query(ListQuery(sort=Sort("name")))
    ids = [model.id_at(r) for r in range(model.rowCount())]
    assert len(set(ids)) == 45
    assert model.cached_pages() <= 3
    assert [model.id_at(r) for r in (44, 0, 30)] == [ids[44], ids[0], ids[30]]
    qtmodeltester.check(model)


def test_sorting_by_name_follows_persian_order(view) -> None:
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert names_in(view) == ["آرش", "بابک", "پرهام", "جواد", "چکاوک", "زهرا", "ژیلا", "کاوه",
                              "گلناز", "یاسر"]
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names_in(view)[0] == "یاسر"


def test_search_narrows_the_list(view, qtbot) -> None:
    assert view.model.rowCount() == 10
    view.search_box.setText("ژیل")
    view.search_box.searchNow()
    assert names_in(view) == ["ژیلا"]
    view.search_box.setText("۰۹۱۲۰۰۰۰۰۰۳")
    view.search_box.searchNow()
    assert names_in(view) == ["بابک"]
    view.search_box.setText("")
    view.search_box.searchNow()
    assert view.model.rowCount() == 10


def test_filters(view) -> None:
    assert view.count_label.text() == "۱۰ مخاطب"
    view.city_filter.setCurrentIndex(view.city_filter.findData("قم"))
    assert view.model.rowCount() == 5
    assert {view.model.row_data(r)["city"] for r in range(5)} == {"قم"}
    assert view.count_label.text() == "۵ مخاطب"
    view.city_filter.setCurrentIndex(0)
    assert view.model.rowCount() == 10
    assert view.count_label.text() == "۱۰ مخاطب"


def test_persian_layout_and_digits(view, ui_lang) -> None:
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    mobile = view.model.data(view.model.index(0, 1))
    assert "۰۹۱۲" in mobile and "0912" not in mobile
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "نام"


def test_create_contact_through_the_dialog(core, ops, ui_lang, qtbot) -> None:
    dialog = ContactDialog(core, ops)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # no name yet
    dialog.bindings["first_name"].set("نیلوفر")
    dialog.bindings["last_name"].set("سپهری")
    dialog.bindings["mobile"].widget.setText("+98 935 111 2233")
    dialog.bindings["birthday"].widget.lineEdit().setText("۱۳۷۰/۰۱/۱۵")
    dialog.bindings["tags"].set(["VIP"])
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = core.contacts.get(dialog.result_id)
    assert saved["full_name"] == "نیلوفر سپهری"
    assert saved["mobile"] == "09351112233"
    assert saved["birthday"].isoformat() == "1991-04-04"
    assert saved["tags"] == ["VIP"]


def test_bad_mobile_shows_an_error_and_saves_nothing(core, ops, ui_lang, qtbot) -> None:
    dialog = ContactDialog(core, ops)
    qtbot.addWidget(dialog)
    dialog.bindings["first_name"].set("سارا")
    dialog.bindings["mobile"].widget.setText("0912 12")
    assert not dialog.save_button.isEnabled()
    error = dialog.errors["mobile"]
    assert not error.isHidden() and "موبایل" in error.text()
    dialog.save()  # Enter on a disabled Save does nothing either
    assert core.contacts.count() == 0
    dialog.bindings["mobile"].widget.setText("09121234567")
    assert error.isHidden() and dialog.save_button.isEnabled()


def test_edit_and_duplicate_warning(core, ops, ui_lang, qtbot) -> None:
    first = core.contacts.create({"first_name": "رضا", "last_name": "کریمی",
                                  "mobile": "09121112233"})
    dialog = ContactDialog(core, ops)
    qtbot.addWidget(dialog)
    dialog.bindings["last_name"].set("تازه")
    dialog.bindings["mobile"].widget.setText("09121112233")
    assert not dialog.notice.isHidden() and "رضا کریمی" in dialog.notice.text()
    dialog._open_duplicate(f"contact:{first}")
    assert dialog.open_instead == first
    edit = ContactDialog(core, ops, first)
    qtbot.addWidget(edit)
    assert edit.bindings["first_name"].get() == "رضا"
    assert edit.notice.isHidden()  # its own mobile is not a duplicate
    edit.bindings["city"].set("شیراز")
    edit.save()
    assert core.contacts.get(first)["city"] == "شیراز"


def test_delete_moves_to_trash(view, core, monkeypatch) -> None:
    import crm_desktop.ui.views.record_list as module

    monkeypatch.setattr(module, "ask_box", lambda box: QMessageBox.StandardButton.Yes)
    view.table.selectRow(0)
    doomed = view.selected_id()
    view.delete_selected()
    view.refresh()
    assert view.model.rowCount() == 9
    assert core.contacts.list(ListQuery(deleted=True)).rows[0]["id"] == doomed


def test_panel_shows_details_and_history(view, core) -> None:
    view.table.selectRow(0)
    cid = view.selected_id()
    assert view.panel.currentIndex() == 1
    assert view.panel.timeline.rowCount() == 1  # the empty state
    assert not view.panel.timeline.item(0).isEnabled()
    core.activities.create({"kind": "call", "subject": "پیگیری", "contact_id": cid,
                            "done_at": "2026-01-01T10:00:00"})
    view.panel.show_contact(cid)
    assert "پیگیری" in view.panel.timeline.item(0).text()
