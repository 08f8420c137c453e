"""Undo the last import (File › Undo last import…, or the wizard's summary): a question
naming the batch (its file, its date in the Jalali calendar, what it created and updated),
then ImportService.undo_last through the write runner; a refusal (the records were changed
since, nothing to undo) is said in the interface language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.services.imports.model import ImportBatch
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.import_pages import quoted
from crm_desktop.ui.errors import ask_box
from crm_desktop.ui.ops import Ops

translate = QCoreApplication.translate

# the tables an import (and its undo) changes, per kind: the views watching them refresh
CHANGES: dict[str, tuple[str, ...]] = {
    "contacts": ("contacts", "accounts", "marketing_lists", "import_batches"),
    "companies": ("accounts", "import_batches"),
    "products": ("products", "import_batches"),
}


def batch_text(batch: ImportBatch) -> str:
    """"«customers.xlsx», imported 1405/09/12 10:30" and, on a line of its own, "New
    contacts: 120, updated: 8"."""
    if batch.kind == "companies":
        kind = translate("ImportUndo", "companies")
    elif batch.kind == "products":
        kind = translate("ImportUndo", "products")
    else:
        kind = translate("ImportUndo", "contacts")
    text = translate("ImportUndo", "{file}, imported {date}\nNew {kind}: {created}, updated: "
                     "{updated}")
    return display.in_reading_direction(
        text.replace("{file}", quoted(batch.file_name))
        .replace("{date}", display.isolate(display.jalali(batch.created_at)))
        .replace("{kind}", kind)
        .replace("{created}", display.number(batch.created))
        .replace("{updated}", display.number(batch.updated)))


def _say(parent: QWidget | None, text: str, name: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information,
                      translate("ImportUndo", "Undo last import"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    ask_box(box)


def confirm_box(parent: QWidget | None, batch: ImportBatch) -> QMessageBox:
    """The question before an import is undone, naming it."""
    removed = translate("ImportUndo", "The records it created are removed and the fields it "
                        "updated get their earlier values back.")
    question = "\n\n".join((translate("ImportUndo", "Undo this import?"), batch_text(batch),
                             removed))
    box = QMessageBox(QMessageBox.Icon.Question, translate("ImportUndo", "Undo last import"),
                      question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                      parent)
    box.setObjectName("confirmUndoImport")
    box.button(QMessageBox.StandardButton.Yes).setText(translate("ImportUndo", "Undo the import"))
    box.button(QMessageBox.StandardButton.No).setText(translate("ImportUndo", "Keep it"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box


def undo_last_import(parent: QWidget | None, service: Any, ops: Ops) -> bool:
    """Ask, then undo the newest import that is not undone; True when it was undone."""
    batch = service.last_batch()
    if batch is None:
        _say(parent, translate("ImportUndo", "There is no import to undo."), "noImportToUndo")
        return False
    box = confirm_box(parent, batch)
    if ask_box(box) != QMessageBox.StandardButton.Yes:
        return False
    result = ops.run(parent, service.undo_last, changes=CHANGES.get(batch.kind, ()))
    if result.ok:
        _say(parent, translate("ImportUndo", "The import was undone."), "importUndone")
    return result.ok
