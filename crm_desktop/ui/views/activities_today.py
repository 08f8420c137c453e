"""The Today page of the Activities section: overdue, due today, the next 7 days and
today's birthdays, each a bounded list over a TodayModel. Repeating activities show once
per occurrence; the day's agenda is printed from here (reportlab is imported then)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.services.agenda import agenda
from crm_desktop.ui import display, labels
from crm_desktop.ui.dialogs.pdf_preview import PdfPreview
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.today_model import TodayList
from crm_desktop.ui.views.activities_common import ActivityPage, as_due, day_start
from crm_desktop.ui.widgets.week_calendar import local

SECTION_LIMIT = 500
UPCOMING_DAYS = 7


class Section(QWidget):
    """A titled list with an empty state: a list view over a TodayModel, at most
    SECTION_LIMIT rows (the title says when there are more)."""

    def __init__(self, name: str, title: str, empty: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title_text = title
        self.title = QLabel(title)
        self.title.setObjectName(f"{name}Title")
        self.title.setStyleSheet("font-weight: bold;")
        self.list = TodayList()
        self.list.setObjectName(f"{name}List")
        self.model = self.list.today_model
        self.empty = QLabel(empty)
        self.empty.setObjectName(f"{name}Empty")
        self.empty.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

    def set_items(self, items: list[tuple[int, str]], *, more: bool = False) -> None:
        """Show ready-made (id, text) rows (already bounded); `more`: there are more."""
        self.set_rows([{"id": i, "text": t} for i, t in items], lambda r: r["text"],
                      more=more)

    def set_rows(self, rows: list[dict[str, Any]], text: Callable[[dict[str, Any]], str], *,
                 more: bool = False) -> None:
        """Show `rows` (already bounded), each row's `text` made when it is first shown."""
        self.model.set_rows(rows, text)
        count = display.number(len(rows)) + ("+" if more else "")
        self.title.setText(f"{self.title_text} ({count})")
        self.empty.setHidden(bool(rows))
        self.list.setHidden(not rows)

    def ids(self) -> list[int]:
        return self.model.ids()

    def selected_id(self) -> int | None:
        return self.list.selected_id()


class TodayView(ActivityPage):
    """Today: one selection across the three activity sections, Done for the selected
    one, the day's agenda to print; a birthday opens its contact."""

    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(core, ops, parent)
        self.overdue = Section("overdue", self.tr("Overdue"), self.tr("Nothing overdue."))
        self.due_today = Section("dueToday", self.tr("Due today"),
                                 self.tr("Nothing else is due today."))
        self.upcoming = Section("upcoming", self.tr("Upcoming (next 7 days)"),
                                self.tr("Nothing in the next 7 days."))
        self.birthdays = Section("birthdays", self.tr("Today's birthdays"),
                                 self.tr("No birthdays today."))
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("doneButton")
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.complete_selected)
        self.agenda_button = QPushButton(self.tr("Print / save the day's agenda"))
        self.agenda_button.setObjectName("agendaButton")
        self.agenda_button.clicked.connect(lambda: self.print_agenda())
        for section in self.activity_sections():
            section.list.selectionModel().selectionChanged.connect(
                lambda _new, _old, s=section: self._selection_changed(s))
            section.list.doubleClicked.connect(
                lambda index, s=section: self.edit_activity(s.model.id_at(index.row())))
        self.birthdays.list.doubleClicked.connect(self._open_birthday)
        grid = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.overdue)
        left.addWidget(self.due_today)
        right = QVBoxLayout()
        right.addWidget(self.upcoming)
        right.addWidget(self.birthdays)
        grid.addLayout(left, 1)
        grid.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        buttons.addWidget(self.agenda_button)
        box = QVBoxLayout(self)
        box.addLayout(buttons)
        box.addLayout(grid, 1)

    def activity_sections(self) -> tuple[Section, ...]:
        return (self.overdue, self.due_today, self.upcoming)

    def sections(self) -> tuple[Section, ...]:
        return (*self.activity_sections(), self.birthdays)

    def _open_birthday(self, index: Any) -> None:
        contact_id = self.birthdays.model.id_at(index.row())
        if contact_id is not None:
            self.open_record.emit("contacts", contact_id)

    def _selection_changed(self, chosen: Section) -> None:
        if chosen.selected_id() is not None:
            for section in self.activity_sections():
                if section is not chosen:
                    selection = section.list.selectionModel()
                    selection.blockSignals(True)
                    selection.clear()
                    selection.blockSignals(False)
        self.done_button.setEnabled(self.selected_id() is not None)

    def selected_id(self) -> int | None:
        for section in self.activity_sections():
            selected = section.selected_id()
            if selected is not None:
                return selected
        return None

    def is_empty(self) -> bool:
        return not any(section.ids() for section in self.sections())

    def _item_text(self, row: dict[str, Any], *, with_date: bool = True) -> str:
        due = local(row["due_at"]) if row.get("due_at") else None
        when = ""
        if due is not None and row.get("due_all_day"):  # a date-only task: no time
            when = display.jalali_date_only(due) if with_date else ""
        elif due is not None:
            when = display.jalali(due) if with_date else display.digits(due.strftime("%H:%M"))
        parts = [when, labels.label(self.kinds, row.get("kind")), row.get("subject") or ""]
        if row.get("contact"):
            parts.append(row["contact"])
        return display.join(parts)

    def refresh(self, today: date | None = None) -> None:
        """The four sections of `today` (the business's today by default), each read with
        a bound of SECTION_LIMIT rows (and one more, to know there are more)."""
        today = today or clock.today()
        start, tomorrow = day_start(today), day_start(today + timedelta(days=1))
        later = day_start(today + timedelta(days=1 + UPCOMING_DAYS))
        bound = SECTION_LIMIT + 1
        # one-off activities only: a repeating series is not overdue, its next
        # occurrence shows when it falls
        overdue = self.core.activities.open_due_before(start, limit=bound)
        self._fill(self.overdue, overdue, with_date=True)
        self._fill(self.due_today, as_due(self.core.activities.occurrences_between(
            start, tomorrow, open_only=True, limit=bound)), with_date=False)
        self._fill(self.upcoming, as_due(self.core.activities.occurrences_between(
            tomorrow, later, open_only=True, limit=bound)), with_date=True)
        birthdays = self.core.contacts.birthdays(today)
        self.birthdays.set_rows(
            birthdays[:SECTION_LIMIT],
            lambda r: f"{r['full_name']}  {display.ltr(r.get('mobile'))}".strip(),
            more=len(birthdays) > SECTION_LIMIT)
        self.done_button.setEnabled(self.selected_id() is not None)

    def _fill(self, section: Section, rows: list[dict[str, Any]], *, with_date: bool) -> None:
        section.set_rows(rows[:SECTION_LIMIT],
                         lambda r: self._item_text(r, with_date=with_date),
                         more=len(rows) > SECTION_LIMIT)

    def complete_selected(self) -> bool:
        activity_id = self.selected_id()
        if activity_id is None:
            return False
        return self.ops.run(self, lambda: self.core.activities.complete(activity_id),
                            changes=["activities", "contacts"]).ok

    def print_agenda(self, day: date | None = None) -> Path | None:
        """Render the day's agenda to a temporary PDF and open it in the preview (print or
        save from there); returns the file, None when it failed."""
        day = day or clock.today()
        path = Path(tempfile.mkdtemp(prefix="crm-agenda-")) / "agenda.pdf"

        def render() -> None:
            # reportlab is imported when the first agenda is printed, not at start-up
            from crm_desktop.export.pdf.agenda import render_agenda

            items = agenda(self.core.activities, self.core.contacts, day)
            render_agenda(items, day, self.core.settings.company()["name"], path)

        if not self.ops.run(self, render).ok:
            return None
        PdfPreview.show_file(self, path, self.tr("The day's agenda"))
        return path
