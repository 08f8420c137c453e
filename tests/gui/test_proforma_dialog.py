"""The proforma editor: lines from the catalogue or free text, live totals, saving."""

from __future__ import annotations

from decimal import Decimal

from crm_desktop.domain.clock import today as business_today
from crm_desktop.ui.dialogs.proforma_dialog import ProformaDialog
from crm_desktop.ui.qtmodels.proforma_lines_model import DISCOUNT, PRICE, QUANTITY


def test_lines_totals_and_save(core, ops, ui_lang, qtbot, qtmodeltester) -> None:
    cid = core.contacts.create({"first_name": "نگار", "last_name": "پاکزاد"})
    core.products.create({"name": "برنج ایرانی", "unit": "کیلوگرم",
                          "unit_price_rial": 1_500_000, "taxable": False})
    core.products.create({"name": "روغن", "unit": "بطری", "unit_price_rial": 2_000_000})
    dialog = ProformaDialog(core, ops, contact_id=cid)
    qtbot.addWidget(dialog)
    assert dialog.buyer_label.text() == "نگار پاکزاد"
    for row in range(dialog.products.count()):
        dialog.products.setCurrentIndex(row)
        dialog.add_product_line()
    lines = dialog.lines
    qtmodeltester.check(lines)
    names = [line["description"] for line in lines.lines]
    rice = names.index("برنج ایرانی")
    oil = names.index("روغن")
    assert lines.setData(lines.index(rice, QUANTITY), "۲٫۵")
    assert lines.setData(lines.index(oil, DISCOUNT), "۱۰٪")
    assert not lines.setData(lines.index(oil, QUANTITY), "چند")  # refused, value kept
    # rice 2.5 × 1,500,000 = 3,750,000 (no VAT); oil 2,000,000 − 10% = 1,800,000 + 10% VAT
    text = dialog.totals.text()
    assert "۵٬۷۳۰٬۰۰۰" in text  # 3,750,000 + 1,800,000 + 180,000
    dialog.save()
    saved = core.proformas.get(dialog.result_id)
    assert saved["contact_id"] == cid
    assert len(saved["lines"]) == 2
    assert core.proformas.totals(dialog.result_id).total_rial == 5_730_000
    assert saved["issue_date"] == business_today()
    assert saved["vat_rate"] == Decimal(10)


def test_price_typed_in_toman(core, ops, ui_lang, qtbot) -> None:
    core.settings.set_display_unit("toman")
    cid = core.contacts.create({"last_name": "خریدار"})
    dialog = ProformaDialog(core, ops, contact_id=cid)
    qtbot.addWidget(dialog)
    dialog.lines.add_line({"description": "خدمات نصب"})
    assert dialog.lines.setData(dialog.lines.index(0, PRICE), "۱۲۵٬۰۰۰")
    assert dialog.lines.lines[0]["unit_price_rial"] == 1_250_000
    assert "تومان" in dialog.totals.text()


def test_bad_vat_rate_blocks_saving(core, ops, ui_lang, qtbot) -> None:
    cid = core.contacts.create({"last_name": "خریدار"})
    dialog = ProformaDialog(core, ops, contact_id=cid)
    qtbot.addWidget(dialog)
    dialog.bindings["vat_rate"].set("۱۵۰")
    assert not dialog.save_button.isEnabled()
    dialog.save()
    assert core.proformas.list().rows == []


def test_pdf_preview_inside_the_window(core, ops, ui_lang, qtbot, tmp_path) -> None:
    from crm_desktop.ui.dialogs.pdf_preview import PdfPreview

    core.settings.set_company({"name": "فروشگاه نمونه"})
    cid = core.contacts.create({"first_name": "نگار", "last_name": "پاکزاد"})
    dialog = ProformaDialog(core, ops, contact_id=cid)
    qtbot.addWidget(dialog)
    dialog.lines.add_line({"description": "خدمات نصب", "unit_price_rial": 2_500_000})
    assert dialog._saved()
    pdf = tmp_path / "p.pdf"
    dialog.render_pdf(pdf)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    preview = PdfPreview(pdf, "preview")
    qtbot.addWidget(preview)
    assert preview.page_count() == 1
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    preview.print_to(printer)
    assert printed.stat().st_size > 1000


def test_printing_with_an_empty_profile_offers_to_fill_it_in_first(core, ops, ui_lang, qtbot,
                                                                   monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    import crm_desktop.ui.dialogs.proforma_dialog as module
    from crm_desktop.ui.dialogs.company_profile_dialog import CompanyProfileDialog
    from crm_desktop.ui.dialogs.pdf_preview import PdfPreview

    cid = core.contacts.create({"first_name": "نگار", "last_name": "پاکزاد"})
    dialog = ProformaDialog(core, ops, contact_id=cid)
    qtbot.addWidget(dialog)
    dialog.lines.add_line({"description": "خدمات نصب", "unit_price_rial": 2_000_000})
    asked, filled, shown = [], [], []
    answers = [QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(module, "ask_box", lambda box: asked.append(box.text())
                        or answers.pop(0))

    def fill_in(parent, core_, ops_) -> bool:
        filled.append(parent)
        core_.settings.set_company({"name": "فروشگاه نمونه پارس"})
        return True

    monkeypatch.setattr(CompanyProfileDialog, "edit", classmethod(
        lambda cls, parent, core_, ops_: fill_in(parent, core_, ops_)))
    monkeypatch.setattr(PdfPreview, "show_file",
                        classmethod(lambda cls, parent, path, title: shown.append(path)))
    dialog.preview()
    assert len(asked) == 1 and filled == [dialog]
    assert len(shown) == 1 and shown[0].stat().st_size > 0  # then it goes on to the preview
    assert core.proformas.document(dialog.proforma_id).seller["name"] == "فروشگاه نمونه پارس"

    # with a profile, no question; Cancel on the question prints nothing
    dialog.preview()
    assert len(asked) == 1 and len(shown) == 2
    core.settings.set_company({"name": ""})
    answers.append(QMessageBox.StandardButton.Cancel)
    dialog.preview()
    assert len(asked) == 2 and len(shown) == 2 and len(filled) == 1
