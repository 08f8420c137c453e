"""Products and services: the catalogue list with its filters, and the selected product's
details beside it. Products are never deleted (proformas keep pointing at them): Delete
deactivates the product instead."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.core import Core
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.product_dialog import ProductDialog
from crm_desktop.ui.errors import ask_box
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.products_model import products_model
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.product_panel import ProductPanel
from crm_desktop.ui.views.record_list import ListFilter, RecordListView


class ProductsView(RecordListView):
    # "settings": the display unit of the prices
    watches = ("products", "settings")
    state_key: ClassVar[str] = "products"
    table_name: ClassVar[str] = "products"
    singular: ClassVar[str] = "product"
    column_widths: ClassVar[tuple[int, ...]] = (220, 110, 80, 150, 80, 70)
    empty_icon: ClassVar[str] = "package"
    export_kind: ClassVar[str | None] = "products"
    import_kind: ClassVar[str | None] = "products"

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        active = [(True, self.tr("Active")), (False, self.tr("Inactive"))]
        taxable = [(True, self.tr("Taxable")), (False, self.tr("Not taxable"))]
        filters = [
            ListFilter("active", "activeFilter", self.tr("Active and inactive"),
                       lambda: active),
            ListFilter("taxable", "taxableFilter", self.tr("Taxable or not"),
                       lambda: taxable),
        ]
        panel = ProductPanel(core)
        super().__init__(
            core, ops, settings, service=core.products,
            model=products_model(core.products, core.settings.display_unit),
            panel=panel, filters=filters, new_text=self.tr("New product"),
            search_placeholder=self.tr("Search name or product code (Ctrl+F)"),
            parent=parent,
        )
        self.model.setParent(self)
        self.active_filter = self.combos["active"]
        self.taxable_filter = self.combos["taxable"]

    def export_name(self) -> str:
        return self.tr("Products")

    def count_text(self, n: int) -> str:
        return self.tr("%Ln product(s)", "", n)

    def empty_text(self) -> str:
        return self.tr("No products yet: add what you sell to use it on proformas.")

    def show_details(self, record_id: int | None) -> None:
        self.panel.show_product(record_id)

    def details_id(self) -> int | None:
        return self.panel.product_id

    def open_editor(self, record_id: int | None) -> int | None:
        return ProductDialog.edit(self, self.core, self.ops, record_id)

    def refresh(self) -> None:
        self.model.set_unit(self.core.settings.display_unit)
        super().refresh()

    # -- Delete: deactivate -------------------------------------------------------------
    def delete_question(self, record_id: int) -> str:
        name = self.core.products.get(record_id)["name"]
        return self.tr("Deactivate {name}? It stays on the proformas that already list it, "
                       "and you can make it active again in its form.").replace("{name}",
                                                                       display.isolate(name))

    def delete_selected(self) -> None:
        """Products are not soft-deleted: Delete asks to deactivate the selected product
        (an inactive one is left as it is)."""
        record_id = self.selected_id()
        if record_id is None:
            return
        try:
            if not self.core.products.get(record_id)["active"]:
                return
            question = self.delete_question(record_id)
        except NotFoundError:
            self.refresh()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Deactivate product"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmDeactivate")
        if ask_box(box) == QMessageBox.StandardButton.Yes:
            self.ops.run(self, lambda: self.core.products.update(record_id, {"active": False}),
                         changes=[self.table_name])
