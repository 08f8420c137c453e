"""The proforma list's columns over the windowed record model: number, buyer, deal, dates,
the status shown (expired past valid_until) and the total in the display unit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt

from crm_desktop.services.proformas import ProformaService
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display, labels
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel


def proforma_columns(unit: Callable[[], MoneyUnit] = lambda: MoneyUnit.RIAL) -> list[Column]:
    """`unit` gives the display unit of the total when a cell is shown."""
    statuses = labels.proforma_statuses()
    center = Qt.AlignmentFlag.AlignCenter
    return [
        Column("number", QCoreApplication.translate("ProformasModel", "Number"), "number",
               text=lambda r: display.ltr(r["number"]), align=center),
        Column("buyer", QCoreApplication.translate("ProformasModel", "Buyer")),
        Column("deal", QCoreApplication.translate("ProformasModel", "Deal")),
        Column("issue_date", QCoreApplication.translate("ProformasModel", "Issue date"),
               "issue_date", text=lambda r: display.jalali(r["issue_date"]), align=center),
        Column("valid_until", QCoreApplication.translate("ProformasModel", "Valid until"),
               text=lambda r: display.jalali(r["valid_until"]), align=center),
        Column("effective_status", QCoreApplication.translate("ProformasModel", "Status"),
               text=lambda r: labels.label(statuses, r["effective_status"]), align=center),
        Column("total_rial", QCoreApplication.translate("ProformasModel", "Total"),
               text=lambda r: display.money(r["total_rial"], unit()),
               align=Qt.AlignmentFlag.AlignTrailing),
    ]


class ProformasModel(RecordTableModel):
    """The proforma rows; `set_unit` changes the unit totals are shown in."""

    def __init__(self, service: ProformaService, unit: MoneyUnit | str = MoneyUnit.RIAL,
                 parent: QObject | None = None):
        self._unit = MoneyUnit(unit)
        super().__init__(service, proforma_columns(lambda: self._unit), parent=parent)

    def set_unit(self, unit: MoneyUnit | str) -> None:
        unit = MoneyUnit(unit)
        if unit is self._unit:
            return
        self._unit = unit
        column = [c.key for c in self.columns].index("total_rial")
        if self.rowCount() > 0:
            self.dataChanged.emit(self.index(0, column),
                                  self.index(self.rowCount() - 1, column),
                                  [Qt.ItemDataRole.DisplayRole])
