"""Settings: the UI language (applied at the next start), how amounts are shown and the
business's time zone (the clock of every view, the agenda, PDFs and the command line)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.company_profile_dialog import CompanyProfileDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.widgets.sla_editor import SlaEditor
from crm_desktop.ui.widgets.stage_editor import StageEditor


class SettingsView(BaseView):
    watches = ("settings",)

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        title = QLabel(self.tr("Settings"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)

        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.addItem("فارسی", "fa")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)

        self.unit = QComboBox()
        self.unit.setObjectName("unitChoice")
        self.unit.addItem(self.tr("Rial"), MoneyUnit.RIAL.value)
        self.unit.addItem(self.tr("Toman"), MoneyUnit.TOMAN.value)
        self.unit.currentIndexChanged.connect(self._unit_changed)

        self.time_zone = QComboBox()
        self.time_zone.setObjectName("timeZoneChoice")
        for name in clock.zone_names():
            self.time_zone.addItem(name, name)
        self.time_zone.currentIndexChanged.connect(self._time_zone_changed)

        self.company = QLabel()
        self.company.setObjectName("companySummary")
        self.company.setWordWrap(True)
        edit_company = QPushButton(self.tr("Edit the company profile…"))
        edit_company.setObjectName("editCompanyProfile")
        edit_company.clicked.connect(self.edit_company)

        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Show amounts in"), self.unit)
        form.addRow(self.tr("Time zone of the business"), self.time_zone)
        form.addRow(self.tr("Your business"), self.company)
        form.addRow("", edit_company)
        self.stages = StageEditor(core, ops)
        stages_group = QGroupBox(self.tr("Sales pipeline stages"))
        stages_group.setObjectName("stagesGroup")
        QVBoxLayout(stages_group).addWidget(self.stages)
        self.sla = SlaEditor(core, ops)
        sla_group = QGroupBox(self.tr("Support hours and response targets"))
        sla_group.setObjectName("slaGroup")
        QVBoxLayout(sla_group).addWidget(self.sla)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(stages_group)
        layout.addWidget(sla_group)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.refresh()

    def refresh(self) -> None:
        self.unit.blockSignals(True)
        self.unit.setCurrentIndex(max(0, self.unit.findData(self.core.settings.display_unit)))
        self.unit.blockSignals(False)
        self.time_zone.blockSignals(True)
        self.time_zone.setCurrentIndex(max(0, self.time_zone.findData(
            self.core.settings.time_zone())))
        self.time_zone.blockSignals(False)
        profile = self.core.settings.company()
        name = profile["name"] or self.tr("(no name yet: it is printed on proformas)")
        vat = display.digits(format(self.core.settings.vat_rate.normalize(), "f"))
        self.company.setText(name + "\n" + self.tr("VAT rate: {rate}%").replace("{rate}", vat))

    def edit_company(self) -> None:
        CompanyProfileDialog.edit(self, self.core, self.ops)

    def _language_changed(self) -> None:
        lang = self.language.currentData()
        self.settings.language = lang
        self.language_note.setText(
            self.tr("The new language is used the next time you start the program."))

    def _time_zone_changed(self) -> None:
        name = self.time_zone.currentData()
        self.ops.run(self, lambda: self.core.settings.set_time_zone(name),
                     changes=["settings", "activities"])

    def _unit_changed(self) -> None:
        unit = self.unit.currentData()
        self.ops.run(self, lambda: self.core.settings.set_display_unit(unit),
                     changes=["settings"])
