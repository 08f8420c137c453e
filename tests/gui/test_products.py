"""The products view, its detail panel and the product editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from crm_desktop.core import Core
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.product_dialog import ProductDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.products_model import product_columns, products_model, yes_no
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views import products as products_module
from crm_desktop.ui.views.products import ProductsView

#: Persian alphabetical order; code-point order would be ب ت ل پ ک گ
PERSIAN_ORDER = ["بخاری", "پارچه", "تلویزیون", "کتاب", "گلدان", "لامپ"]



@pytest.fixture
def view(qtbot: QtBot, core: Core, ops: Ops, settings: UiSettings) -> ProductsView:
    widget = ProductsView(core, ops, settings)
    qtbot.addWidget(widget)
    ops.changed.connect(widget.on_changed)  # what the main window does
    return widget


def names(view: ProductsView) -> list[str]:
    return [view.model.row_data(r)["name"] for r in range(view.model.rowCount())]


def make_dialog(qtbot: QtBot, core: Core, ops: Ops, product_id: int | None = None
                ) -> ProductDialog:
    dialog = ProductDialog(core, ops, product_id)
    qtbot.addWidget(dialog)
    return dialog


def choose(combo, value) -> None:
    index = combo.findData(value)
    assert index > 0
    combo.setCurrentIndex(index)


# -- the editor ---------------------------------------------------------------------------
def test_create_a_product_with_a_toman_price_in_persian_digits(qtbot, core, ops,
                                                               ui_lang) -> None:
    core.settings.set_display_unit("toman")
    dialog = make_dialog(qtbot, core, ops)
    assert dialog.objectName() == "productDialog"
    assert not dialog.save_button.isEnabled()  # the name is required
    assert dialog.bindings["taxable"].get() is True  # new products: taxable and active
    assert dialog.bindings["active"].get() is True
    price = dialog.bindings["unit_price_rial"]
    assert price.widget.unit() is MoneyUnit.TOMAN
    dialog.bindings["name"].set("کتاب آموزش پایتون")
    dialog.bindings["sku"].widget.setText("BK-۱۰۱")
    dialog.bindings["unit"].set("جلد")
    price.widget.setText("۱۲۵٬۰۰۰")  # Toman
    dialog.bindings["description"].set("چاپ دوم")
    assert price.get() == 1_250_000
    assert dialog.errors["unit_price_rial"].isHidden()
    assert dialog.save_button.isEnabled()

    with qtbot.waitSignal(ops.changed) as changed:
        dialog.save()
    assert changed.args == [["products"]]
    assert dialog.result() == ProductDialog.DialogCode.Accepted
    saved = core.products.get(dialog.result_id)
    assert saved["name"] == "کتاب آموزش پایتون"
    assert saved["sku"] == "BK-101"  # Persian digits stored as ASCII
    assert saved["unit"] == "جلد"
    assert saved["unit_price_rial"] == 1_250_000  # stored in Rials
    assert saved["taxable"] is True and saved["active"] is True
    assert saved["description"] == "چاپ دوم"


def test_edit_a_product_through_the_dialog(qtbot, core, ops, ui_lang) -> None:
    core.settings.set_display_unit("toman")
    product_id = core.products.create({"name": "لامپ", "sku": "LP-1",
                                       "unit_price_rial": 450_000})
    dialog = make_dialog(qtbot, core, ops, product_id)
    price = dialog.bindings["unit_price_rial"]
    assert price.get() == 450_000
    assert price.widget.text() == "۴۵٬۰۰۰"  # shown in Toman, Persian digits
    assert dialog.bindings["sku"].get() == "LP-1"
    assert dialog.save_button.isEnabled()
    price.widget.setText("۵۰٬۰۰۰٫۵")  # half a Toman: 5 Rials
    dialog.bindings["taxable"].widget.setChecked(False)
    dialog.bindings["unit"].set("عدد")
    dialog.save()
    assert dialog.result_id == product_id
    saved = core.products.get(product_id)
    assert saved["unit_price_rial"] == 500_005
    assert saved["taxable"] is False and saved["active"] is True
    assert saved["unit"] == "عدد"


def test_a_bad_price_keeps_save_disabled(qtbot, core, ops) -> None:
    dialog = make_dialog(qtbot, core, ops)
    dialog.bindings["name"].set("لامپ")
    dialog.bindings["unit_price_rial"].widget.setText("12x")
    assert not dialog.errors["unit_price_rial"].isHidden()
    assert not dialog.save_button.isEnabled()
    dialog.bindings["unit_price_rial"].widget.setText("")  # empty: a price of 0
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert core.products.get(dialog.result_id)["unit_price_rial"] == 0


def test_a_duplicate_sku_is_shown_next_to_the_field(qtbot, core, ops, ui_lang) -> None:
    core.products.create({"name": "کتاب", "sku": "BK-101"})
    dialog = make_dialog(qtbot, core, ops)
    dialog.bindings["name"].set("کتاب دیگر")
    dialog.bindings["sku"].widget.setText("BK-۱۰۱")
    assert dialog.save_button.isEnabled()  # only the database knows it is taken
    changed: list[list[str]] = []
    ops.changed.connect(changed.append)
    dialog.save()
    error = dialog.errors["sku"]
    assert not error.isHidden()
    assert error.text()  # the core's own message, in Persian
    assert dialog.notice.isHidden()
    assert not dialog.save_button.isEnabled()
    assert dialog.result_id is None
    assert core.products.count() == 1
    assert changed == []

    dialog.bindings["sku"].widget.setText("BK-102")
    assert error.isHidden()
    assert dialog.save_button.isEnabled()


def test_editing_keeps_its_own_sku(qtbot, core, ops) -> None:
    product_id = core.products.create({"name": "کتاب", "sku": "BK-101"})
    dialog = make_dialog(qtbot, core, ops, product_id)
    dialog.bindings["name"].set("کتاب جدید")
    dialog.save()
    assert dialog.result_id == product_id
    assert core.products.get(product_id)["sku"] == "BK-101"


def test_edit_classmethod_returns_the_saved_id(qtbot, core, ops, monkeypatch) -> None:
    from crm_desktop.ui.dialogs import product_dialog

    def fake_run(dialog: ProductDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.bindings["name"].set("گلدان")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(product_dialog, "run_dialog", fake_run)
    product_id = ProductDialog.edit(None, core, ops)
    assert product_id is not None
    assert core.products.get(product_id)["name"] == "گلدان"
    monkeypatch.setattr(product_dialog, "run_dialog", lambda dialog: dialog.reject())
    assert ProductDialog.edit(None, core, ops, product_id) is None


# -- the list -----------------------------------------------------------------------------
def test_the_list_sorts_by_name_in_persian_order(view, core, qtmodeltester) -> None:
    for name in reversed(PERSIAN_ORDER):
        core.products.create({"name": name})
    view.refresh()
    assert names(view) == PERSIAN_ORDER
    assert view.table.objectName() == "productsTable"
    view.model.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(view) == list(reversed(PERSIAN_ORDER))
    qtmodeltester.check(view.model)


def test_the_list_sorts_by_price(view, core) -> None:
    for name, price in (("کتاب", 500_000), ("لامپ", 20_000), ("بخاری", 9_000_000)):
        core.products.create({"name": name, "unit_price_rial": price})
    view.refresh()
    price_column = [c.key for c in view.model.columns].index("unit_price_rial")
    view.table.horizontalHeader().setSortIndicator(price_column, Qt.SortOrder.AscendingOrder)
    assert names(view) == ["لامپ", "کتاب", "بخاری"]
    view.model.sort(price_column, Qt.SortOrder.DescendingOrder)
    assert names(view) == ["بخاری", "کتاب", "لامپ"]
    assert view.table.horizontalHeader().sortIndicatorSection() == price_column


def test_text_search_narrows_the_list(view, core) -> None:
    for i, name in enumerate(PERSIAN_ORDER):
        core.products.create({"name": f"{name} خانگی", "sku": f"HM-{i}"})
    view.refresh()
    assert view.model.rowCount() == len(PERSIAN_ORDER)
    assert view.search_box.objectName() == "productSearch"
    view.search_box.setText("کتاب")
    view.search_box.searchNow()
    assert names(view) == ["کتاب خانگی"]
    view.search_box.setText("HM-4")  # by product code
    view.search_box.searchNow()
    assert names(view) == ["گلدان خانگی"]
    view.search_box.setText("")  # cleared: everything again
    view.search_box.searchNow()
    assert view.model.rowCount() == len(PERSIAN_ORDER)


def test_the_active_and_taxable_filters(view, core, qtmodeltester) -> None:
    core.products.create({"name": "کتاب", "taxable": False})
    core.products.create({"name": "لامپ", "active": False})
    core.products.create({"name": "بخاری"})
    view.refresh()
    assert view.active_filter.objectName() == "activeFilter"
    assert view.taxable_filter.objectName() == "taxableFilter"
    assert names(view) == ["بخاری", "کتاب", "لامپ"]
    choose(view.active_filter, True)
    assert names(view) == ["بخاری", "کتاب"]
    choose(view.active_filter, False)
    assert names(view) == ["لامپ"]
    view.active_filter.setCurrentIndex(0)  # all
    assert view.model.rowCount() == 3
    choose(view.taxable_filter, False)
    assert names(view) == ["کتاب"]
    choose(view.active_filter, True)
    assert names(view) == ["کتاب"]
    view.refresh()  # a refresh keeps what is chosen
    assert view.active_filter.currentData() is True
    assert view.taxable_filter.currentData() is False
    assert names(view) == ["کتاب"]
    qtmodeltester.check(view.model)


def test_columns_show_persian_digits_ltr_codes_and_the_display_unit(core, ui_lang,
                                                                    qtmodeltester) -> None:
    core.products.create({"name": "کتاب", "sku": "BK-101", "unit": "جلد",
                          "unit_price_rial": 1_250_000, "taxable": False})
    model = products_model(core.products, MoneyUnit.TOMAN)
    model.refresh()
    keys = [c.key for c in model.columns]
    row = {k: model.index(0, i).data() for i, k in enumerate(keys)}
    assert row["name"] == "کتاب"
    assert row["sku"] == f"{display.LRI}BK-۱۰۱{display.PDI}"
    assert row["unit"] == "جلد"
    assert row["unit_price_rial"] == "۱۲۵٬۰۰۰ تومان"
    assert row["taxable"] == yes_no(False) and row["active"] == yes_no(True)
    assert yes_no(False) != yes_no(True)
    model.set_unit(MoneyUnit.RIAL)
    assert model.index(0, keys.index("unit_price_rial")).data() == "۱٬۲۵۰٬۰۰۰ ریال"
    qtmodeltester.check(model)


def test_columns_sort_like_the_service(core) -> None:
    columns = product_columns()
    sortable = {c.sort for c in columns if c.sort is not None}
    assert sortable <= set(core.products.sort_columns)
    assert sortable == {"name", "sku", "price"}
    by_key = {c.key: c for c in columns}
    assert by_key["taxable"].sort is None and by_key["active"].sort is None


def test_a_change_of_display_unit_shows_prices_in_it(view, core, ops, ui_lang) -> None:
    product_id = core.products.create({"name": "کتاب", "unit_price_rial": 1_250_000})
    view.refresh()
    view.show_record(product_id)
    price_column = [c.key for c in view.model.columns].index("unit_price_rial")
    assert view.model.index(0, price_column).data() == "۱٬۲۵۰٬۰۰۰ ریال"
    ops.run(None, lambda: core.settings.set_display_unit("toman"), changes=["settings"])
    assert view.model.index(0, price_column).data() == "۱۲۵٬۰۰۰ تومان"
    assert view.panel.values["unit_price"].text() == "۱۲۵٬۰۰۰ تومان"


# -- the panel ----------------------------------------------------------------------------
def test_the_panel_shows_the_product(view, core, ui_lang) -> None:
    product_id = core.products.create({"name": "کتاب", "sku": "BK-101", "unit": "جلد",
                                       "unit_price_rial": 1_250_000,
                                       "description": "چاپ دوم"})
    bare = core.products.create({"name": "لامپ"})
    view.refresh()
    panel = view.panel
    assert panel.objectName() == "productPanel"
    assert panel.currentIndex() == 0  # nothing chosen yet: the empty state
    assert panel.product_id is None

    view.show_record(product_id)
    assert view.selected_id() == product_id
    assert panel.currentIndex() == 1
    assert panel.name.text() == "کتاب"
    assert panel.values["sku"].text() == display.ltr("BK-101")
    assert panel.values["unit"].text() == "جلد"
    assert panel.values["unit_price"].text() == "۱٬۲۵۰٬۰۰۰ ریال"
    assert panel.values["taxable"].text() == yes_no(True)
    assert panel.values["description"].text() == "چاپ دوم"

    view.show_record(bare)
    assert panel.values["sku"].text() == "—"
    assert panel.values["description"].text() == "—"
    panel.show_product(None)
    assert panel.currentIndex() == 0


# -- actions ------------------------------------------------------------------------------
def test_new_and_edit_open_the_dialog(view, core, monkeypatch) -> None:
    calls: list[int | None] = []
    created = core.products.create({"name": "کتاب"})

    def fake_edit(_parent, _core, _ops, product_id=None):
        calls.append(product_id)
        return created

    monkeypatch.setattr(ProductDialog, "edit", staticmethod(fake_edit))
    view.refresh()
    view.new_record()
    assert calls == [None]
    assert view.selected_id() == created  # the new product is shown
    view.edit_selected()
    assert calls == [None, created]


def test_delete_deactivates_the_product(view, core, monkeypatch) -> None:
    keep = core.products.create({"name": "بخاری"})
    product_id = core.products.create({"name": "کتاب"})
    view.refresh()
    view.show_record(product_id)
    asked: list[QMessageBox] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(products_module, "ask_box", answer)
    view.delete_selected()
    assert len(asked) == 1 and "کتاب" in asked[0].text()
    assert asked[0].objectName() == "confirmDeactivate"
    assert core.products.get(product_id)["active"] is True  # "No": nothing happened

    monkeypatch.setattr(products_module, "ask_box",
                        lambda _box: QMessageBox.StandardButton.Yes)
    view.delete_selected()
    assert core.products.get(product_id)["active"] is False
    assert core.products.get(keep)["active"] is True
    assert core.products.count() == 2  # never deleted
    # the view refreshed from ops.changed: the product is still listed and shown
    assert names(view) == ["بخاری", "کتاب"]
    assert view.selected_id() == product_id
    active_column = [c.key for c in view.model.columns].index("active")
    assert view.model.index(1, active_column).data() == yes_no(False)
    assert view.panel.values["active"].text() == yes_no(False)

    choose(view.active_filter, True)
    assert names(view) == ["بخاری"]


def test_an_inactive_product_is_not_asked_about(view, core, monkeypatch) -> None:
    product_id = core.products.create({"name": "کتاب", "active": False})
    view.refresh()
    view.show_record(product_id)
    monkeypatch.setattr(products_module, "ask_box", lambda _box: pytest.fail("asked"))
    view.delete_selected()
    assert core.products.get(product_id)["active"] is False


def test_delete_without_a_selection_does_nothing(view, core, monkeypatch) -> None:
    ids = [core.products.create({"name": name}) for name in ("بخاری", "کتاب")]
    view.refresh()
    asked: list[QMessageBox] = []
    edited: list[int | None] = []
    monkeypatch.setattr(products_module, "ask_box",
                        lambda box: asked.append(box) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(ProductDialog, "edit",
                        classmethod(lambda _cls, _parent, _core, _ops, record_id=None:
                                    edited.append(record_id)))
    view.table.clearSelection()
    assert view.model.rowCount() == 2 and view.selected_id() is None
    view.delete_selected()
    view.edit_selected()
    assert asked == [] and edited == []
    assert [core.products.get(i)["active"] for i in ids] == [True, True]
    # the same calls with a row selected do reach the editor and the question
    view.table.selectRow(1)
    view.edit_selected()
    assert edited == [ids[1]]
    view.delete_selected()
    assert len(asked) == 1
    assert [core.products.get(i)["active"] for i in ids] == [True, False]


def test_state_is_saved_and_restored(qtbot, view, core, ops, settings) -> None:
    view.splitter.setSizes([500, 300])
    view.table.setColumnWidth(1, 177)
    view.save_state()
    assert settings.state("products/splitter") is not None
    assert settings.state("products/header") is not None
    again = ProductsView(core, ops, settings)
    qtbot.addWidget(again)
    again.restore_state()
    assert again.table.columnWidth(1) == 177


def test_counts_in_persian_digits(view, core, ui_lang) -> None:
    for name in PERSIAN_ORDER[:3]:
        core.products.create({"name": name})
    view.refresh()
    assert view.count_label.text().startswith("۳")
