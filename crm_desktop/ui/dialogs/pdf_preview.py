"""A PDF shown inside the program (QtPdf), with Print and Save."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QVBoxLayout, QWidget

from crm_desktop.ui import screen_fit
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.theme import icons


class PdfPreview(QDialog):
    def __init__(self, path: Path, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        screen_fit.resize(self, 820, 900)
        self.path = path
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        print_button.setObjectName("printPdf")
        icons.dress(print_button, "printer")
        print_button.clicked.connect(self.print_document)
        save = buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.setObjectName("savePdf")
        icons.dress(save, "file-type-pdf")
        save.clicked.connect(self.save_copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def page_count(self) -> int:
        return self.document.pageCount()

    def page_drawn(self) -> bool:
        """The view shows a rendered page, not just the blank sheet: QPdfView renders pages
        in a worker thread after it is shown, so a grab right away shows white paper."""
        if self.document.status() != QPdfDocument.Status.Ready or not self.page_count():
            return False
        image = self.view.viewport().grab().toImage()
        colours = set()
        step = max(1, min(image.width(), image.height()) // 60)
        for y in range(0, image.height(), step):
            for x in range(0, image.width(), step):
                colours.add(image.pixel(x, y))
                if len(colours) > 8:  # paper, border and background are three at most
                    return True
        return False

    def save_copy(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self.path.name,
                                                "PDF (*.pdf)")
        if target:
            shutil.copyfile(self.path, target)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Each page rendered at the printer's resolution, one page per sheet."""
        painter = QPainter(printer)
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                rect = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                image = self.document.render(page, rect.size())
                painter.drawImage(QPointF(0, 0), image)
        finally:
            painter.end()

    @classmethod
    def show_file(cls, parent: QWidget | None, path: Path, title: str) -> None:
        run_dialog(cls(path, title, parent))
