"""The selected product: its fields, the price in the display unit."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.ui import display
from crm_desktop.ui.qtmodels.products_model import yes_no
from crm_desktop.ui.views.detail_panel import DetailPanel


class ProductPanel(DetailPanel):
    """An empty state until a product is chosen, then the product's page."""

    def __init__(self, core: Core, parent: QWidget | None = None):
        super().__init__(core, parent, name="productPanel", title_name="productName",
                         empty_text=self.tr("Choose a product in the list to see its "
                                            "details here."))
        self.name = self.title_label
        self.add_values((
            ("sku", self.tr("Product code")), ("unit", self.tr("Unit")),
            ("unit_price", self.tr("Unit price")), ("taxable", self.tr("Subject to VAT")),
            ("active", self.tr("Active")), ("description", self.tr("Description")),
        ))

    @property
    def product_id(self) -> int | None:
        return self.record_id

    def show_product(self, product_id: int | None) -> None:
        p = self.load(product_id, self.core.products.get)
        if p is None:
            return
        self.name.setText(p["name"])
        self.set_values({
            "sku": display.ltr(p["sku"]),
            "unit": p["unit"] or "",
            "unit_price": display.money(p["unit_price_rial"], self.core.settings.display_unit),
            "taxable": yes_no(p["taxable"]),
            "active": yes_no(p["active"]),
            "description": p["description"] or "",
        })
