"""The product list's columns over the windowed record model. Prices are shown in the
display unit the settings choose (Rial or Toman); the model keeps that unit so a cell never
reads the settings while painting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt

from crm_desktop.services.products import ProductService
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel


def yes_no(value: object) -> str:
    return (QCoreApplication.translate("ProductsModel", "Yes") if value
            else QCoreApplication.translate("ProductsModel", "No"))


def product_columns(unit: Callable[[], MoneyUnit] = lambda: MoneyUnit.RIAL) -> list[Column]:
    """`unit` gives the display unit of the price column when a cell is shown."""
    return [
        Column("name", QCoreApplication.translate("ProductsModel", "Name"), "name"),
        Column(
            "sku",
            QCoreApplication.translate("ProductsModel", "Product code"),
            "sku",
            text=lambda r: display.ltr(r["sku"]),
        ),
        Column("unit", QCoreApplication.translate("ProductsModel", "Unit")),
        Column(
            "unit_price_rial",
            QCoreApplication.translate("ProductsModel", "Unit price"),
            "price",
            text=lambda r: display.money(r["unit_price_rial"], unit()),
            # amounts line up at the end of the reading direction
            align=Qt.AlignmentFlag.AlignTrailing,
        ),
        Column(
            "taxable",
            QCoreApplication.translate("ProductsModel", "Taxable"),
            text=lambda r: yes_no(r["taxable"]),
            align=Qt.AlignmentFlag.AlignCenter,
        ),
        Column(
            "active",
            QCoreApplication.translate("ProductsModel", "Active"),
            text=lambda r: yes_no(r["active"]),
            align=Qt.AlignmentFlag.AlignCenter,
        ),
    ]


class ProductsModel(RecordTableModel):
    """The product rows; `set_unit` changes the unit prices are shown in."""

    def __init__(self, service: ProductService, unit: MoneyUnit | str = MoneyUnit.RIAL,
                 parent: QObject | None = None):
        self._unit = MoneyUnit(unit)
        super().__init__(service, product_columns(lambda: self._unit), parent=parent)

    @property
    def unit(self) -> MoneyUnit:
        return self._unit

    def set_unit(self, unit: MoneyUnit | str) -> None:
        unit = MoneyUnit(unit)
        if unit is self._unit:
            return
        self._unit = unit
        column = [c.key for c in self.columns].index("unit_price_rial")
        if self.rowCount() > 0:
            self.dataChanged.emit(self.index(0, column),
                                  self.index(self.rowCount() - 1, column),
                                  [Qt.ItemDataRole.DisplayRole])


def products_model(service: ProductService, unit: MoneyUnit | str = MoneyUnit.RIAL,
                   parent: QObject | None = None) -> ProductsModel:
    return ProductsModel(service, unit, parent)
