"""The interface follows the permission table: what a role may not do is hidden or
disabled (looked up once when a view opens), and a refusal that still reaches Ops is a
short, polite message."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

from crm_desktop.core import Core
from crm_desktop.domain.errors import PermissionDenied
from crm_desktop.domain.permissions import Perm


def _as(core: Core, role: str) -> Core:
    uid = core.users.create({"username": f"{role}-1", "display_name": role, "role": role})
    return Core(core.db, uid)


def test_a_reception_users_contacts_view_has_no_delete_export_or_import(
        qtbot, core, ops, settings, ui_lang, monkeypatch, boxes) -> None:
    from crm_desktop.ui.views import record_list
    from crm_desktop.ui.views.contacts import ContactsView

    asked: list[Any] = []
    monkeypatch.setattr(record_list, "ask_box", lambda box: asked.append(box) or int(
        QMessageBox.StandardButton.Yes))
    contact = core.contacts.create({"last_name": "رضایی"})
    reception = _as(core, "reception")
    view = ContactsView(reception, ops, settings)
    qtbot.addWidget(view)
    assert view.export_button is None and view.import_button is None
    assert not view.may_delete
    view.table.selectionModel().select(
        view.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    assert view.selected_id() == contact
    view.delete_selected()
    assert asked == [] and boxes == []  # not even asked, nor refused afterwards
    assert core.contacts.get(contact)["deleted_at"] is None
    admin_view = ContactsView(core, ops, settings)
    qtbot.addWidget(admin_view)
    assert admin_view.export_button is not None and admin_view.import_button is not None
    assert admin_view.may_delete


def test_the_window_leaves_out_what_reception_may_not_open(qtbot, core, ops, settings,
                                                          ui_lang) -> None:
    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(_as(core, "reception"), ops, settings)
    qtbot.addWidget(window)
    assert window.section_keys() == ["contacts", "companies", "pipeline", "activities",
                                     "tickets", "products", "settings"]
    hidden = {a.objectName() for menu in window.menuBar().findChildren(type(
        window.menuBar().actions()[0].menu())) for a in menu.actions() if not a.isVisible()}
    assert {"importFile", "undoImport", "findDuplicates", "restore"} <= hidden
    with pytest.raises(PermissionDenied):
        window.show_section("campaigns")
    # Settings: the display choices of this computer, none of the business's settings
    view = window.show_section("settings")
    assert view.page_keys() == ["display"]
    assert not view.time_zone.isEnabled() and view.language.isEnabled()
    admin = MainWindow(core, ops, settings)
    qtbot.addWidget(admin)
    assert "settings" in admin.section_keys() and "campaigns" in admin.section_keys()


def test_sales_sees_its_own_figures_without_an_owner_to_pick(qtbot, core, ops, settings,
                                                            ui_lang) -> None:
    from crm_desktop.ui.views.dashboard import DashboardView

    sales = DashboardView(_as(core, "sales"), ops, settings)
    qtbot.addWidget(sales)
    assert sales.owner_filter.isHidden()
    admin = DashboardView(core, ops, settings)
    qtbot.addWidget(admin)
    assert not admin.owner_filter.isHidden()


def test_the_trash_offers_restore_as_the_role_allows(qtbot, core, ops, ui_lang) -> None:
    from crm_desktop.ui.dialogs.trash_dialog import TrashDialog

    shown = {}
    for role in ("reception", "sales", "admin"):
        dialog = TrashDialog(core if role == "admin" else _as(core, role), ops)
        qtbot.addWidget(dialog)
        shown[role] = (not dialog.restore_button.isHidden(), dialog.hint.text())
    assert shown["reception"][0] is False
    assert shown["sales"][0] is True and shown["sales"][1] != shown["admin"][1]
    assert shown["admin"][0] is True


def test_a_refusal_reaching_ops_is_a_polite_message(qapp, ops, boxes, ui_lang) -> None:
    def refused() -> None:
        raise PermissionDenied(Perm.EXPORT.value)

    outcome = ops.run(None, refused)
    assert not outcome.ok
    assert [b.text() for b in boxes] == [PermissionDenied("export").message("fa")]
    assert "نقش شما" in boxes[0].text()
