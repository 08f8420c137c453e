"""The company-profile editor and the Trash save in one transaction: when the last part
fails, nothing of the first parts is left written."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QItemSelectionModel

from crm_desktop.ui.dialogs.company_profile_dialog import CompanyProfileDialog
from crm_desktop.ui.dialogs.trash_dialog import TrashDialog
from tests.gui.test_company_profile import png_bytes
from tests.integration.services.test_atomic_writes import allow_writes, fail_writes


def test_profile_editor_saves_all_or_nothing(core, ops, ui_lang, qtbot, db_path,
                                             monkeypatch) -> None:
    core.settings.set_company({"name": "پیشین"})
    dialog = CompanyProfileDialog(core, ops)
    qtbot.addWidget(dialog)
    dialog.bindings["name"].set("فروشگاه نمونه")
    dialog.bindings["vat_rate"].set("۹")
    dialog.bindings["logo"].set(png_bytes())
    fail_writes(db_path, "settings", "NEW.key = 'company_logo'")  # the logo is saved last
    shown: list[str] = []
    monkeypatch.setattr("crm_desktop.ui.ops.show_unexpected",
                        lambda _parent: shown.append("unexpected"))
    dialog.save()
    assert shown == ["unexpected"] and dialog.result_id is None
    assert core.settings.company()["name"] == "پیشین"
    assert core.settings.vat_rate == Decimal(10)
    assert core.settings.logo() is None
    allow_writes(db_path, "settings")
    dialog.save()
    assert dialog.result_id is not None
    assert core.settings.company()["name"] == "فروشگاه نمونه"
    assert core.settings.vat_rate == Decimal(9) and core.settings.logo() == png_bytes()


def test_trash_restores_the_selection_all_or_nothing(core, ops, qtbot, db_path,
                                                     monkeypatch) -> None:
    ids = [core.contacts.create({"first_name": n, "last_name": "رضایی"})
           for n in ("علی", "سارا")]
    for record_id in ids:
        core.contacts.delete(record_id)
    dialog = TrashDialog(core, ops)
    qtbot.addWidget(dialog)
    dialog.set_kind("contacts")
    dialog.table.selectRow(0)
    dialog.table.selectionModel().select(
        dialog.model.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    selected = dialog.selected_ids()
    assert sorted(selected) == sorted(ids)
    # the record restored last fails
    fail_writes(db_path, "contacts", f"NEW.id = {selected[-1]} AND NEW.deleted_at IS NULL")
    shown: list[str] = []
    monkeypatch.setattr("crm_desktop.ui.ops.show_unexpected",
                        lambda _parent: shown.append("unexpected"))
    dialog.restore_selected()
    assert shown == ["unexpected"]
    assert core.contacts.count() == 0
    assert dialog.model.rowCount() == 2
    allow_writes(db_path, "contacts")
    dialog.restore_selected()
    assert core.contacts.count() == 2 and dialog.model.rowCount() == 0
