"""The company profile printed on proformas: details, logo and VAT rate."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from crm_desktop.domain.errors import ValidationError
from crm_desktop.ui.dialogs.company_profile_dialog import CompanyProfileDialog
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.settings import SettingsView


def png_bytes() -> bytes:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_profile_is_saved_with_logo_and_vat(core, ops, ui_lang, qtbot) -> None:
    dialog = CompanyProfileDialog(core, ops)
    qtbot.addWidget(dialog)
    dialog.bindings["name"].set("فروشگاه نمونه")
    dialog.bindings["phone"].widget.setText("۰۲۱-۶۶۷۷۸۸۹۹")
    dialog.bindings["vat_rate"].set("۹")
    dialog.bindings["logo"].set(png_bytes())
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert core.settings.company()["name"] == "فروشگاه نمونه"
    assert core.settings.company()["phone"] == "02166778899"
    assert core.settings.vat_rate == Decimal(9)
    assert core.settings.logo() == png_bytes()


def test_bad_input_is_refused_inline(core, ops, ui_lang, qtbot) -> None:
    dialog = CompanyProfileDialog(core, ops)
    qtbot.addWidget(dialog)
    dialog.bindings["legal_id"].set("12345678901")
    dialog.bindings["vat_rate"].set("۱۵۰")
    dialog.bindings["logo"].set(b"not a picture")
    assert not dialog.save_button.isEnabled()
    for name in ("legal_id", "vat_rate", "logo"):
        assert not dialog.errors[name].isHidden(), name
    assert "PNG" in dialog.errors["logo"].text()
    dialog.save()
    assert core.settings.company()["legal_id"] == ""


def test_logo_rules_in_the_service(core) -> None:
    with pytest.raises(ValidationError):
        core.settings.set_logo(b"GIF89a....")
    with pytest.raises(ValidationError):
        core.settings.set_logo(b"\x89PNG\r\n\x1a\n" + b"0" * (600 * 1024))
    core.settings.set_logo(png_bytes())
    assert core.settings.logo() == png_bytes()
    core.settings.set_logo(None)
    assert core.settings.logo() is None


def test_settings_page_shows_the_profile(core, ops, ui_lang, qtbot) -> None:
    core.settings.set_company({"name": "کلینیک سپید"})
    view = SettingsView(core, ops, UiSettings())
    qtbot.addWidget(view)
    assert "کلینیک سپید" in view.company.text()
    assert "۱۰" in view.company.text()
