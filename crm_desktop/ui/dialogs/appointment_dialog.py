"""The full activity editor (appointments above all): kind, subject, contact, due date and
time on the business's clock (or a whole day, without a time), duration, owner, a reminder
before it, whether and how it repeats, notes. It warns before saving an appointment that
overlaps another one of the same owner."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import QLabel, QMessageBox, QSpinBox, QTimeEdit, QWidget

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.domain.appointments import is_appointment
from crm_desktop.domain.errors import FieldError, NotFoundError
from crm_desktop.services.activities import MAX_DURATION, ActivityService
from crm_desktop.services.recurrence import MAX_EVERY
from crm_desktop.ui import display, errors, labels, screen_fit
from crm_desktop.ui.dialogs.record_form import (
    Binding,
    CheckBinding,
    ChoiceBinding,
    DateBinding,
    NotesBinding,
    RecordDialog,
    TextBinding,
    lang,
    run_dialog,
)
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.widgets.week_calendar import DEFAULT_MINUTES, local

# reminder choices: minutes before the due time (None: no reminder)
REMINDER_MINUTES = (None, 10, 60, 1440)


class TimeBinding(Binding):
    """A wall-clock time (QTimeEdit, 24-hour)."""

    def __init__(self, name: str):
        edit = QTimeEdit()
        edit.setDisplayFormat("HH:mm")
        super().__init__(name, edit)
        self.edit = edit
        edit.timeChanged.connect(self.changed)

    def get(self) -> time:
        t = self.edit.time()
        return time(t.hour(), t.minute())

    def set(self, value: Any) -> None:
        value = value or time(9)
        self.edit.setTime(QTime(value.hour, value.minute))


class MinutesBinding(Binding):
    def __init__(self, name: str, maximum: int = MAX_DURATION):
        spin = QSpinBox()
        spin.setRange(0, maximum)
        spin.setSingleStep(15)
        super().__init__(name, spin)
        self.spin = spin
        spin.valueChanged.connect(self.changed)

    def get(self) -> int:
        return self.spin.value()

    def set(self, value: Any) -> None:
        self.spin.setValue(int(value or 0))


class CountBinding(Binding):
    """A whole number in [minimum, maximum] (the "every N" of a repeating activity)."""

    def __init__(self, name: str, minimum: int = 1, maximum: int = MAX_EVERY):
        spin = QSpinBox()
        spin.setRange(minimum, maximum)
        super().__init__(name, spin)
        self.spin = spin
        spin.valueChanged.connect(self.changed)

    def get(self) -> int:
        return self.spin.value()

    def set(self, value: Any) -> None:
        self.spin.setValue(int(value or self.spin.minimum()))


def overlapping(core: Core, owner_id: int | None, start: datetime, minutes: int,
                exclude_id: int | None = None) -> list[dict[str, Any]]:
    """Open appointments of `owner_id` that overlap [start, start + minutes)."""
    end = start + timedelta(minutes=minutes or DEFAULT_MINUTES)
    rows = core.activities.due_between(start - timedelta(minutes=MAX_DURATION), end,
                                       owner_id=owner_id)
    found = []
    for row in rows:
        if row["id"] == exclude_id or not is_appointment(row) or row.get("done_at"):
            continue
        if owner_id is None and row.get("owner_id") is not None:
            continue
        row_end = row["due_at"] + timedelta(minutes=row.get("duration_minutes")
                                            or DEFAULT_MINUTES)
        if row["due_at"] < end and start < row_end:
            found.append(row)
    return found


def confirm_overlap(parent: QWidget | None, rows: list[dict[str, Any]]) -> bool:
    """Ask whether to go on although the time overlaps `rows`; True when there is none."""
    if not rows:
        return True
    names = "\n".join(f"• {local(r['due_at']).strftime('%H:%M')} {r['subject']}" for r in rows)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _tr("Overlapping appointment"),
        _tr("This time overlaps another appointment of the same person:") + "\n"
        + display.digits(names) + "\n\n" + _tr("Save it anyway?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("overlapWarning")
    return errors.ask_box(box) == QMessageBox.StandardButton.Yes


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppointmentDialog", text)


class AppointmentDialog(RecordDialog):
    specs: ClassVar = ActivityService.fields
    changes: ClassVar = ("activities", "contacts")

    def __init__(self, core: Core, ops: Ops, activity_id: int | None = None,
                 start: datetime | None = None, contact_id: int | None = None,
                 parent: QWidget | None = None, *, deal_id: int | None = None,
                 ticket_id: int | None = None):
        super().__init__(parent)
        self.setObjectName("appointmentDialog")
        self.core = core
        self.ops = ops
        self.activity_id = activity_id
        self.contact_id = contact_id
        self.deal_id = deal_id
        self.ticket_id = ticket_id
        self.setWindowTitle(self.tr("Edit activity") if activity_id else
                            self.tr("New appointment"))
        screen_fit.resize(self, 480, 540)
        current: dict[str, Any] = {}
        if activity_id is not None:
            current = core.activities.get(activity_id)
            self.contact_id = current.get("contact_id")

        self.add(self.tr("Kind"), ChoiceBinding("kind", list(labels.activity_kinds().items())))
        self.add(self.tr("Subject"), TextBinding("subject"))
        self.contact_label = QLabel(self._contact_name())
        self.contact_label.setObjectName("contactName")
        self.form.addRow(self.tr("Person"), self.contact_label)
        self.add(self.tr("Date"), DateBinding("due_date"))
        self.add(self.tr("Time"), TimeBinding("due_time"))
        self.add("", CheckBinding("due_all_day", self.tr("All day (no time)")))
        self.add(self.tr("Duration (minutes)"), MinutesBinding("duration_minutes"))
        self.add(self.tr("Owner"), ChoiceBinding("owner_id", core.users.options(),
                                                 empty=self.tr("Nobody")))
        reminder_texts = {None: self.tr("No reminder"), 10: self.tr("10 minutes before"),
                          60: self.tr("1 hour before"), 1440: self.tr("1 day before")}
        self.add(self.tr("Reminder"), ChoiceBinding(
            "reminder", [(m, reminder_texts[m]) for m in REMINDER_MINUTES if m is not None],
            empty=reminder_texts[None]))
        self.add(self.tr("Repeats"), ChoiceBinding(
            "recurrence", [("daily", self.tr("Daily")), ("weekly", self.tr("Weekly")),
                           ("monthly", self.tr("Monthly")), ("yearly", self.tr("Yearly"))],
            empty=self.tr("Does not repeat")))
        self.add(self.tr("Every"), CountBinding("recur_every"))
        self.add(self.tr("Until (optional)"), DateBinding("recur_until"))
        self.add(self.tr("Outcome"), TextBinding("outcome"))
        self.add(self.tr("Notes"), NotesBinding("notes"))
        self.specs = {k: v for k, v in ActivityService.fields.items() if k in self.bindings}

        if current:
            self._load(current)
        else:
            at = local(start) if start is not None else None
            self.set_values({
                "kind": "meeting",
                "due_date": at.date() if at else clock.today(),
                "due_time": at.time() if at else time(9),
                "duration_minutes": DEFAULT_MINUTES if start is not None else 30,
                "owner_id": core.activities.actor_id,
                "reminder": 10,
                "recurrence": None,
                "recur_every": 1,
                "recur_until": None,
                "due_all_day": False,
            })
        self.check_all()
        self.field_changed("recurrence")
        self.field_changed("due_all_day")
        self.bindings["subject"].widget.setFocus()

    def _contact_name(self) -> str:
        if self.contact_id is None:
            return self.tr("None")
        try:
            return str(self.core.contacts.get(self.contact_id).get("full_name") or "")
        except NotFoundError:
            return self.tr("None")

    def load(self) -> None:
        assert self.activity_id is not None
        self._load(self.core.activities.get(self.activity_id))
        self.field_changed("recurrence")
        self.field_changed("due_all_day")

    def _load(self, row: dict[str, Any]) -> None:
        self.remember(row)
        values: dict[str, Any] = {k: row.get(k) for k in
                                  ("kind", "subject", "duration_minutes", "owner_id", "notes",
                                   "outcome", "recur_every", "recur_until")}
        values["due_all_day"] = bool(row.get("due_all_day"))
        rule = row.get("recurrence")
        values["recurrence"] = str(getattr(rule, "value", rule)) if rule is not None else None
        if row.get("due_at") is not None:
            at = local(row["due_at"])
            values["due_date"] = at.date()
            values["due_time"] = time(9) if values["due_all_day"] else at.time()
            if row.get("reminder_at") is not None:
                before = round((row["due_at"] - row["reminder_at"]).total_seconds() / 60)
                combo = self.bindings["reminder"].combo  # type: ignore[attr-defined]
                if combo.findData(before) < 0:  # a snoozed or custom reminder: keep it
                    combo.addItem(display_minutes(before), before)
                values["reminder"] = before
        else:
            values["due_date"] = None
        self.set_values(values)

    # -- checking -------------------------------------------------------------------------
    def field_changed(self, name: str) -> None:
        if name == "recurrence":
            repeats = self.bindings["recurrence"].get() is not None
            for other in ("recur_every", "recur_until"):
                self.bindings[other].widget.setEnabled(repeats)
        if name == "due_all_day":
            # a whole day has no time, no length and nothing to be reminded "before"
            all_day = bool(self.bindings["due_all_day"].get())
            for other in ("due_time", "duration_minutes", "reminder"):
                self.bindings[other].widget.setEnabled(not all_day)

    def field_error(self, name: str) -> str:
        if name == "subject" and not str(self.bindings[name].get()).strip():
            return FieldError("subject", "required").message(lang())
        if name == "due_date":
            own = self.bindings[name].own_error()
            if own:
                return own
            if self.bindings[name].get() is None and self.bindings["kind"].get() == "meeting":
                return FieldError("due_at", "required").message(lang())
            return ""
        return super().field_error(name)

    def all_day(self) -> bool:
        return bool(self.bindings["due_all_day"].get())

    def due_at(self) -> datetime | None:
        """When it is due, on the business's clock; a whole day is due at its last
        instant."""
        day = self.bindings["due_date"].get()
        if day is None:
            return None
        if self.all_day():
            return clock.local(clock.end_of_day(day))
        return clock.local(clock.at(day, self.bindings["due_time"].get()))

    def values(self) -> dict[str, Any]:
        data = {k: v for k, v in super().values().items()}
        due = self.due_at()
        data["due_at"] = due.astimezone(UTC) if due is not None else None
        reminder = None if self.all_day() else self.bindings["reminder"].get()
        data["reminder_at"] = (due - timedelta(minutes=reminder)).astimezone(UTC) if (
            due is not None and reminder is not None) else None
        data["duration_minutes"] = (None if self.all_day()
                                    else data.get("duration_minutes") or None)
        data["due_all_day"] = self.all_day() and due is not None
        if data.get("recurrence") is None:
            data["recur_every"], data["recur_until"] = 1, None
        return data

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        if not self.is_valid():
            self.check_all()
            return
        due = self.due_at()
        if due is not None and not self.all_day() and (self.bindings["kind"].get() == "meeting"
                                or self.bindings["duration_minutes"].get()):
            rows = overlapping(self.core, self.bindings["owner_id"].get(), due,
                               self.bindings["duration_minutes"].get(), self.activity_id)
            if not confirm_overlap(self, rows):
                return
        super().save()

    def write(self, values: dict[str, Any]) -> int:
        if self.activity_id is not None:
            self.core.activities.update(self.activity_id, values, version=self.version)
            return self.activity_id
        links = {"deal_id": self.deal_id, "ticket_id": self.ticket_id}
        return self.core.activities.create({
            **values, "contact_id": self.contact_id,
            **{k: v for k, v in links.items() if v is not None}})

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops, activity_id: int | None = None,
             start: datetime | None = None, contact_id: int | None = None, *,
             deal_id: int | None = None, ticket_id: int | None = None) -> int | None:
        dialog = cls(core, ops, activity_id, start, contact_id, parent, deal_id=deal_id,
                     ticket_id=ticket_id)
        run_dialog(dialog)
        return dialog.result_id


def display_minutes(minutes: int) -> str:
    return _tr("{n} minutes before").replace("{n}", display.number(minutes))
