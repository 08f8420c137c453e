"""The proforma editor: buyer, dates, status, lines from the catalogue or free text, live
totals in exact Rials, and the PDF (preview inside the window, save, print)."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.services import fields as f
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.services.proforma_totals import compute
from crm_desktop.services.proformas import ProformaService
from crm_desktop.ui import display, labels, screen_fit
from crm_desktop.ui.dialogs.record_form import (
    ChoiceBinding,
    DateBinding,
    NotesBinding,
    RecordDialog,
    TextBinding,
    run_dialog,
)
from crm_desktop.ui.errors import ask_box
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.proforma_lines_model import ProformaLinesModel
from crm_desktop.ui.theme import icons

VALID_DAYS = 7


class ProformaDialog(RecordDialog):
    specs: ClassVar = {
        **{k: v for k, v in ProformaService.fields.items()
           if k in ("issue_date", "valid_until", "status", "notes")},
        "vat_rate": f.Field(f.decimal(0, 100), required=True),
    }
    changes: ClassVar = ("proformas", "deals")

    def __init__(self, core: Core, ops: Ops, proforma_id: int | None = None, *,
                 contact_id: int | None = None, account_id: int | None = None,
                 deal_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("proformaDialog")
        self.core = core
        self.ops = ops
        self.proforma_id = proforma_id
        self.buyer = {"contact_id": contact_id, "account_id": account_id, "deal_id": deal_id}
        self.unit = core.settings.display_unit
        screen_fit.resize(self, 900, 720)
        self.setWindowTitle(self.tr("New proforma") if proforma_id is None
                            else self.tr("Edit proforma"))

        self.buyer_label = QLabel()
        self.buyer_label.setObjectName("buyer")
        self.form.addRow(self.tr("Buyer"), self.buyer_label)
        self.add(self.tr("Issue date"), DateBinding("issue_date"))
        self.add(self.tr("Valid until"), DateBinding("valid_until"))
        self.add(self.tr("Status"), ChoiceBinding("status",
                                                  list(labels.proforma_statuses().items())))
        self.add(self.tr("VAT rate (percent)"), TextBinding("vat_rate", ltr=True))
        self.add(self.tr("Notes"), NotesBinding("notes"))

        self.lines = ProformaLinesModel(self.unit, self)
        self.lines.edited.connect(self._update_totals)
        self.table = QTableView()
        self.table.setObjectName("proformaLines")
        self.table.setModel(self.lines)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(220)
        self.products = QComboBox()
        self.products.setObjectName("productChoice")
        self._products = {p["id"]: p for p in core.products.list(
            ListQuery(filters={"active": True}, sort=Sort("name"), limit=1000)).rows}
        for product in self._products.values():
            self.products.addItem(product["name"], product["id"])
        add_product = QPushButton(self.tr("Add product"))
        add_product.setObjectName("addProduct")
        icons.dress(add_product, "plus")
        add_product.clicked.connect(self.add_product_line)
        add_free = QPushButton(self.tr("Add a free line"))
        add_free.setObjectName("addFreeLine")
        icons.dress(add_free, "plus")
        add_free.clicked.connect(lambda: self.lines.add_line({}))
        remove = QPushButton(self.tr("Remove line"))
        remove.setObjectName("removeLine")
        icons.dress(remove, "trash", danger=True)
        remove.clicked.connect(self._remove_selected)
        tools = QHBoxLayout()
        tools.addWidget(self.products, 2)
        tools.addWidget(add_product)
        tools.addWidget(add_free)
        tools.addWidget(remove)
        tools.addStretch(1)
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.totals.setAlignment(display.value_alignment())
        self.form.addRow(self.tr("Lines"), self.table)
        tools_holder = QWidget()
        tools_holder.setLayout(tools)
        self.form.addRow("", tools_holder)
        self.form.addRow(self.tr("Totals"), self.totals)

        self.pdf_button = self.buttons.addButton(self.tr("Save as PDF…"),
                                                 self.buttons.ButtonRole.ActionRole)
        self.pdf_button.setObjectName("savePdf")
        icons.dress(self.pdf_button, "file-type-pdf")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.preview_button = self.buttons.addButton(self.tr("Preview"),
                                                     self.buttons.ButtonRole.ActionRole)
        self.preview_button.setObjectName("preview")
        icons.dress(self.preview_button, "eye")
        self.preview_button.clicked.connect(self.preview)

        if proforma_id is not None:
            self.load()
        else:
            today = clock.today()
            self.set_values({"issue_date": today, "valid_until": today + timedelta(
                days=VALID_DAYS), "status": "draft", "vat_rate": display.digits(
                format(core.settings.vat_rate.normalize(), "f"))})
            self.buyer_label.setText(self._buyer_name())
            self._update_totals()
        self.redeem_button: QPushButton | None = None
        if core.club.settings()["enabled"]:  # the buyer's club points as a discount
            from crm_desktop.ui.dialogs.club_points_dialog import add_redeem_button

            self.redeem_button = add_redeem_button(self)

    def load(self) -> None:
        """The stored proforma, its lines and its version (when the form opens, after a
        save refused because someone saved it first)."""
        assert self.proforma_id is not None
        current = self.remember(self.core.proformas.get(self.proforma_id))
        self.buyer = {k: current.get(k) for k in self.buyer}
        values = dict(current)
        values["vat_rate"] = display.digits(format(current["vat_rate"].normalize(), "f"))
        self.set_values(values)
        self.lines.set_lines(current["lines"])
        self.buyer_label.setText(self._buyer_name())
        self._update_totals()

    def _buyer_name(self) -> str:
        if self.buyer["account_id"]:
            return str(self.core.accounts.get(self.buyer["account_id"])["name"])
        if self.buyer["contact_id"]:
            return str(self.core.contacts.get(self.buyer["contact_id"])["full_name"])
        if self.buyer["deal_id"]:
            return str(self.core.deals.get(self.buyer["deal_id"])["title"])
        return "—"

    # -- lines and totals ---------------------------------------------------------------
    def add_product_line(self) -> None:
        product = self._products.get(self.products.currentData())
        if product is None:
            return
        self.lines.add_line({"product_id": product["id"], "description": product["name"],
                             "unit": product["unit"],
                             "unit_price_rial": product["unit_price_rial"],
                             "taxable": product["taxable"]})

    def _remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.lines.remove_line(rows[0].row())

    def vat_rate(self) -> Any:
        try:
            return f.decimal(0, 100)(self.bindings["vat_rate"].get())
        except f.InvalidValue:
            return None

    def _update_totals(self) -> None:
        rate = self.vat_rate()
        if rate is None:
            self.totals.setText("—")
            return
        t = compute(self.lines.lines, rate)

        def money(rials: int) -> str:
            return display.isolate(display.money(rials, self.unit))

        self.totals.setText("\n".join((
            self.tr("Subtotal: {amount}").replace("{amount}", money(t.subtotal_rial)),
            self.tr("Discount: {amount}").replace("{amount}", money(t.discount_rial)),
            self.tr("VAT: {amount}").replace("{amount}", money(t.vat_rial)),
            self.tr("Total: {amount}").replace("{amount}", money(t.total_rial)),
        )))
        self.update_save()

    def field_changed(self, name: str) -> None:
        if name == "vat_rate":
            self._update_totals()

    # -- saving and the PDF -------------------------------------------------------------
    def write(self, values: dict[str, Any]) -> int:
        header = {**values, **{k: v for k, v in self.buyer.items() if v is not None}}
        lines = [{k: v for k, v in line.items() if k not in ("id", "proforma_id", "position")}
                 for line in self.lines.lines]
        if self.proforma_id is None:
            self.proforma_id = self.core.proformas.create(header, lines)
        else:
            self.core.proformas.update(self.proforma_id, header=values, lines=lines,
                                       version=self.version)
        return self.proforma_id

    def _saved(self) -> bool:
        """Save first (a PDF always shows what is stored); False when refused."""
        outcome = self.ops.run(self, lambda: self.write(self.values()), changes=self.changes,
                               on_invalid=self.show_invalid, on_conflict=self.show_conflict)
        if outcome.ok:
            self.result_id = outcome.value
            # the form stays open: its next save is checked against what was just stored
            self.remember(self.core.proformas.get(self.result_id))
            self.mark_unchanged()  # what is stored now is what Esc would keep
        return outcome.ok

    def snapshot(self) -> Any:
        return (super().snapshot(), [dict(line) for line in self.lines.lines])

    def render_pdf(self, path: Path) -> None:
        from crm_desktop.export.pdf.proforma import render_proforma

        assert self.proforma_id is not None
        render_proforma(self.core.proformas.document(self.proforma_id, self.unit), path)

    def offer_profile(self) -> bool:
        """Before a proforma is printed with no seller on it (the company profile is
        empty): offer to fill the profile in first. False when the user cancels."""
        if self.core.settings.company().get("name", "").strip():
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Company profile"),
                          self.tr("The company profile is empty: the proforma would show no "
                                  "seller. Fill in the profile first?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No |
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("emptyProfileBox")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Fill in the profile"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Continue without it"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        answer = ask_box(box)
        if answer == QMessageBox.StandardButton.Yes:
            from crm_desktop.ui.dialogs.company_profile_dialog import CompanyProfileDialog

            CompanyProfileDialog.edit(self, self.core, self.ops)
            return True  # printed with whatever the profile holds now
        return answer == QMessageBox.StandardButton.No

    def save_pdf(self) -> None:
        if not self.is_valid() or not self._saved() or not self.offer_profile():
            return
        number = self.core.proformas.get(self.proforma_id)["number"]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the proforma as PDF"),
                                              f"proforma-{number}.pdf", "PDF (*.pdf)")
        if path:
            self.ops.run(self, lambda: self.render_pdf(Path(path)))

    def preview(self) -> None:
        if not self.is_valid() or not self._saved() or not self.offer_profile():
            return
        from crm_desktop.ui.dialogs.pdf_preview import PdfPreview

        path = Path(tempfile.mkdtemp(prefix="crm-proforma-")) / "proforma.pdf"
        if self.ops.run(self, lambda: self.render_pdf(path)).ok:
            PdfPreview.show_file(self, path, self.windowTitle())

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops, proforma_id: int | None = None,
             **buyer: int | None) -> int | None:
        dialog = cls(core, ops, proforma_id, parent=parent, **buyer)
        run_dialog(dialog)
        return dialog.result_id

