"""Settings > Marketing: how many years of purchases the RFM segments look at (stored in
the database; the figures follow at the next recomputation, started from here at once)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from crm_desktop.core import Core
from crm_desktop.domain import rfm
from crm_desktop.ui.ops import Ops


class RfmSettings(QGroupBox):
    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(self.tr("Customer segments (RFM)"), parent)
        self.setObjectName("rfmSettings")
        self.core = core
        self.ops = ops
        self.years = QSpinBox()
        self.years.setObjectName("rfmWindowYears")
        self.years.setRange(rfm.MIN_WINDOW_YEARS, rfm.MAX_WINDOW_YEARS)
        self.years.setSuffix(self.tr(" year(s)"))
        self.years.setMaximumWidth(140)
        self.years.setValue(core.settings.rfm_window_years)
        self.years.editingFinished.connect(self._changed)
        self.years.valueChanged.connect(self._stepped)
        note = QLabel(self.tr("Segments look at the won deals and accepted proformas of this "
                              "many years; changing it computes them again for every "
                              "contact."))
        note.setObjectName("rfmWindowNote")
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Years of purchases"), self.years)
        form.addRow("", note)

    def refresh(self) -> None:
        self.years.blockSignals(True)
        self.years.setValue(self.core.settings.rfm_window_years)
        self.years.blockSignals(False)

    def _stepped(self) -> None:
        # arrows and wheel change the value without finishing an edit: save those too
        if not self.years.hasFocus() or not self.years.lineEdit().hasFocus():
            self._changed()

    def _changed(self) -> None:
        years = self.years.value()
        if years == self.core.settings.rfm_window_years:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ops.run(self, lambda: self._apply(years),
                         changes=["settings", "contact_rfm"])
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _apply(self, years: int) -> None:
        self.core.settings.set_rfm_window_years(years)
        self.core.rfm.recompute()
