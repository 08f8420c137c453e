"""The selected product: its fields, the price in the display unit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.ui import display
from crm_desktop.ui.qtmodels.products_model import yes_no


class ProductPanel(QStackedWidget):
    """An empty state until a product is chosen, then the product's page."""

    def __init__(self, core: Core, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("productPanel")
        self.core = core
        self.product_id: int | None = None

        empty = QLabel(self.tr("Choose a product in the list to see its details here."))
        empty.setObjectName("productPanelEmpty")
        empty.setWordWrap(True)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(empty)

        page = QWidget()
        layout = QVBoxLayout(page)
        self.name = QLabel()
        self.name.setObjectName("productName")
        self.name.setWordWrap(True)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.name.setFont(title_font)
        layout.addWidget(self.name)

        form_holder = QWidget()
        self.form = QFormLayout(form_holder)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading)
        self.values: dict[str, QLabel] = {}
        for key, text in (
            ("sku", self.tr("Product code")), ("unit", self.tr("Unit")),
            ("unit_price", self.tr("Unit price")), ("taxable", self.tr("Subject to VAT")),
            ("active", self.tr("Active")), ("description", self.tr("Description")),
        ):
            value = QLabel()
            value.setObjectName(f"value_{key}")
            value.setWordWrap(True)
            # a code or "—" alone would align to the left: keep every value at the start
            value.setAlignment(QStyle.visualAlignment(self.layoutDirection(),
                                                      Qt.AlignmentFlag.AlignLeading)
                               | Qt.AlignmentFlag.AlignAbsolute)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(text, value)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form_holder)
        layout.addWidget(scroll, 1)
        self.addWidget(page)

    def show_product(self, product_id: int | None) -> None:
        self.product_id = product_id
        if product_id is None:
            self.setCurrentIndex(0)
            return
        try:
            p = self.core.products.get(product_id)
        except NotFoundError:
            self.product_id = None
            self.setCurrentIndex(0)
            return
        self.setCurrentIndex(1)
        self.name.setText(p["name"])
        texts = {
            "sku": display.ltr(p["sku"]),
            "unit": p["unit"] or "",
            "unit_price": display.money(p["unit_price_rial"], self.core.settings.display_unit),
            "taxable": yes_no(p["taxable"]),
            "active": yes_no(p["active"]),
            "description": p["description"] or "",
        }
        for key, label in self.values.items():
            label.setText(texts[key] or "—")
