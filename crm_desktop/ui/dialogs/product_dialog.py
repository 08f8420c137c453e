"""New / edit product: every field of a catalogue entry, the price typed in the display unit
the settings choose (Rial or Toman, any digits) and stored in Rials, inline errors checked
with the core's own rules, Save only when all is valid."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.services.products import ProductService
from crm_desktop.ui import screen_fit
from crm_desktop.ui.dialogs.record_form import (
    CheckBinding,
    MoneyBinding,
    NotesBinding,
    RecordDialog,
    TextBinding,
    run_dialog,
)
from crm_desktop.ui.ops import Ops


class ProductDialog(RecordDialog):
    specs: ClassVar = ProductService.fields
    changes: ClassVar = ("products",)

    def __init__(self, core: Core, ops: Ops, product_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("productDialog")
        self.core = core
        self.ops = ops
        self.product_id = product_id
        self.setWindowTitle(self.tr("New product") if product_id is None
                            else self.tr("Edit product"))
        screen_fit.resize(self, 520, 520)
        self.build_form()
        if product_id is not None:
            self.load()
        else:
            self.check_all()
            self.bindings["name"].widget.setFocus()

    def build_form(self) -> None:
        self.add(self.tr("Name"), TextBinding("name"))
        self.add(self.tr("Product code"), TextBinding("sku", ltr=True))
        self.add(self.tr("Unit"), TextBinding(
            "unit", placeholder=self.tr("e.g. piece, box, hour")))
        self.add(self.tr("Unit price"), MoneyBinding("unit_price_rial",
                                                     self.core.settings.display_unit))
        taxable = self.add(self.tr("Tax"), CheckBinding("taxable",
                                                        self.tr("Subject to VAT")))
        taxable.set(True)
        active = self.add(self.tr("Status"), CheckBinding(
            "active", self.tr("Active")))
        active.set(True)
        self.add(self.tr("Description"), NotesBinding("description"))

    def load(self) -> None:
        assert self.product_id is not None
        self.set_values(self.remember(self.core.products.get(self.product_id)))

    def write(self, values: dict[str, Any]) -> int:
        if self.product_id is None:
            return self.core.products.create(values)
        self.core.products.update(self.product_id, values, version=self.version)
        return self.product_id

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops,
             product_id: int | None = None) -> int | None:
        """The saved product's id, or None when the user cancelled."""
        dialog = cls(core, ops, product_id, parent)
        run_dialog(dialog)
        return dialog.result_id
