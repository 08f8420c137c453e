"""Log a call, add a note or a task for a contact (the quick actions of the contact page)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.domain.errors import FieldError
from crm_desktop.services.activities import ActivityService
from crm_desktop.ui import screen_fit
from crm_desktop.ui.dialogs.record_form import (
    DateBinding,
    NotesBinding,
    RecordDialog,
    TextBinding,
    lang,
    run_dialog,
)
from crm_desktop.ui.ops import Ops


class ActivityDialog(RecordDialog):
    specs: ClassVar = ActivityService.fields
    changes: ClassVar = ("activities", "contacts")

    def __init__(self, core: Core, ops: Ops, kind: str, contact_id: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("activityDialog")
        self.core = core
        self.ops = ops
        self.kind = kind
        self.contact_id = contact_id
        titles = {"call": self.tr("Log a call"), "note": self.tr("Add a note"),
                  "task": self.tr("Add a task")}
        self.setWindowTitle(titles.get(kind, self.tr("Add an activity")))
        screen_fit.resize(self, 460, 320)
        self.add(self.tr("Subject"), TextBinding("subject"))
        if kind == "task":
            self.add(self.tr("Due date"), DateBinding("due_at"))
        else:
            self.add(self.tr("Outcome"), TextBinding("outcome"))
        self.add(self.tr("Notes"), NotesBinding("notes"))
        self.specs = {k: v for k, v in ActivityService.fields.items() if k in self.bindings}
        self.check_all()
        self.bindings["subject"].widget.setFocus()

    def field_error(self, name: str) -> str:
        if name == "due_at":  # a date here; the service takes an instant
            return self.bindings[name].own_error()
        if name == "subject" and not self.bindings[name].get().strip():
            return FieldError("subject", "required").message(lang())
        return super().field_error(name)

    def write(self, values: dict[str, Any]) -> int:
        data = {**values, "kind": self.kind, "contact_id": self.contact_id}
        due = data.pop("due_at", None)
        if due is not None:
            # due on that day, not at a time: overdue once the business's day is over
            data["due_at"], data["due_all_day"] = clock.end_of_day(due), True
        if self.kind == "call":
            data["done_at"] = datetime.now(UTC)
        return self.core.activities.create(data)

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops, *, kind: str,
             contact_id: int) -> int | None:
        dialog = cls(core, ops, kind, contact_id, parent)
        run_dialog(dialog)
        return dialog.result_id
