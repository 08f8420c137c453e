"""The seller's details printed on proformas: name, IDs, address, phones, logo, VAT rate."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from crm_desktop.core import Core
from crm_desktop.domain.errors import FieldError
from crm_desktop.services import fields as f
from crm_desktop.services.settings import COMPANY_SPECS, LOGO_MAGIC, MAX_LOGO_BYTES
from crm_desktop.ui import display, screen_fit
from crm_desktop.ui.dialogs.record_form import (
    Binding,
    NotesBinding,
    PhoneBinding,
    RecordDialog,
    TextBinding,
    lang,
    run_dialog,
)
from crm_desktop.ui.ops import Ops


class LogoBinding(Binding):
    """A picture chosen from a file, shown small; "Remove" clears it."""

    def __init__(self, name: str, choose: str, remove: str):
        box = QWidget()
        super().__init__(name, box)
        self.data: bytes | None = None
        self.preview = QLabel()
        self.preview.setObjectName("logoPreview")
        self.preview.setFixedSize(120, 60)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        pick = QPushButton(choose)
        pick.setObjectName("chooseLogo")
        pick.clicked.connect(self.choose)
        clear = QPushButton(remove)
        clear.setObjectName("removeLogo")
        clear.clicked.connect(lambda: self.set(None))
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addWidget(pick)
        row.addWidget(clear)
        row.addStretch(1)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.widget, "", "", "PNG, JPEG (*.png *.jpg *.jpeg)")
        if path:
            self.set(Path(path).read_bytes())

    def get(self) -> Any:
        return self.data

    def set(self, value: Any) -> None:
        self.data = value
        pixmap = QPixmap()
        if value and pixmap.loadFromData(value):
            self.preview.setPixmap(pixmap.scaled(self.preview.size(),
                                                 Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.clear()
        self.changed.emit()

    def own_error(self) -> str:
        if self.data is None:
            return ""
        if len(self.data) > MAX_LOGO_BYTES:
            return FieldError("logo", "file.too_big", {"max": MAX_LOGO_BYTES // 1024}).message(
                lang())
        if not self.data.startswith(LOGO_MAGIC):
            return FieldError("logo", "file.image").message(lang())
        return ""


class CompanyProfileDialog(RecordDialog):
    specs: ClassVar = {**COMPANY_SPECS, "vat_rate": f.Field(f.decimal(0, 100), required=True)}
    changes: ClassVar = ("settings",)

    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("companyProfileDialog")
        self.setWindowTitle(self.tr("Company profile"))
        screen_fit.resize(self, 560, 620)
        self.core = core
        self.ops = ops
        self.add(self.tr("Business name"), TextBinding("name"))
        self.add(self.tr("National ID (legal entity)"), TextBinding("legal_id", ltr=True))
        self.add(self.tr("Economic code"), TextBinding("economic_code", ltr=True))
        self.add(self.tr("Address"), NotesBinding("address"))
        self.add(self.tr("Postal code"), TextBinding("postal_code", ltr=True))
        self.add(self.tr("Phone"), PhoneBinding("phone", "phone"))
        self.add(self.tr("E-mail"), TextBinding("email", address=True))
        self.add(self.tr("Website"), TextBinding("website", address=True))
        self.add(self.tr("Logo"), LogoBinding("logo", self.tr("Choose a picture…"),
                                              self.tr("Remove")))
        self.add(self.tr("VAT rate (percent)"), TextBinding("vat_rate", ltr=True))
        values: dict[str, Any] = dict(core.settings.company())
        values["logo"] = core.settings.logo()
        values["vat_rate"] = display.digits(format(core.settings.vat_rate.normalize(), "f"))
        self.set_values(values)

    def write(self, values: dict[str, Any]) -> int:
        vat = values.pop("vat_rate")
        # one transaction: a failure in any part leaves the stored profile as it was
        self.core.settings.set_profile(values, vat, self.bindings["logo"].get())
        return 0

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops) -> bool:
        dialog = cls(core, ops, parent)
        run_dialog(dialog)
        return dialog.result_id is not None
