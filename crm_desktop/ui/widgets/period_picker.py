"""A compact Jalali period picker for the dashboard and the reports.

One line: a drop-down chip with the kind of period ("This month", "Last month", "This
quarter", "This year", "Custom range…"), the period itself in words («آذر ۱۴۰۵», Persian
digits in the Persian UI) between buttons stepping to the period before and after, and,
for a custom range, two Jalali date fields and Apply. `periodChanged(Period)` is emitted
whenever the period shown changes. The periods themselves are crm_desktop.domain.periods.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from crm_desktop.domain import periods
from crm_desktop.domain.periods import Period
from crm_desktop.text.validate import InvalidValue
from crm_desktop.ui.theme import icons, tokens
from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from crm_desktop.ui.widgets.locale_util import ui_lang

#: the choices of the drop-down, in order, and the period each gives today
PRESETS: dict[str, Callable[[], Period]] = {
    "this_month": periods.this_month,
    "last_month": periods.last_month,
    "this_quarter": periods.this_quarter,
    "this_year": periods.this_year,
}
CUSTOM = "custom"


def following(period: Period) -> Period:
    """The period of the same kind just after `period` (a custom range: the same number
    of days); InvalidValue after the last year a period may fall in."""
    if period.kind == "year":
        return Period.of_year(period.year + 1)
    if period.kind == "quarter":
        if period.index == 4:
            return Period.of_quarter(period.year + 1, 1)
        return Period.of_quarter(period.year, period.index + 1)
    if period.kind == "month":
        if period.index == 12:
            return Period.of_month(period.year + 1, 1)
        return Period.of_month(period.year, period.index + 1)
    start = period.end + timedelta(days=1)
    return Period.custom(start, start + timedelta(days=period.days - 1))


class _CustomRange(QWidget):
    """From [date] to [date] [Apply], and why a range is refused."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("periodCustom")
        self.hide()
        self.from_label = QLabel(self)
        self.from_edit = JalaliDateEdit(self, field_name="start_date")
        self.from_edit.setObjectName("periodFrom")
        self.to_label = QLabel(self)
        self.to_edit = JalaliDateEdit(self, field_name="end_date")
        self.to_edit.setObjectName("periodTo")
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("periodApply")
        self.apply_button.setProperty("primary", True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("periodError")
        self.error_label.setProperty("role", "error")
        self.error_label.hide()
        for edit in (self.from_edit, self.to_edit):
            edit.setMinimumWidth(120)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(tokens.SPACING["xs"])
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit,
                       self.apply_button, self.error_label):
            layout.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.apply_button.setText(self.tr("Apply"))


class PeriodPicker(QWidget):
    """Chooses a reporting period; `period()` is the one shown."""

    #: the period changed: the new Period
    periodChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, period: Period | None = None):
        super().__init__(parent)
        self.setObjectName("periodPicker")
        self._period = period or periods.this_month()

        self.choice = QToolButton(self)
        self.choice.setObjectName("periodChoice")
        self.choice.setProperty("filter", True)
        self.choice.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.choice.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._menu = QMenu(self.choice)
        self._menu.setObjectName("periodMenu")
        self._group = QActionGroup(self._menu)
        self._actions: dict[str, object] = {}
        for key in (*PRESETS, CUSTOM):
            if key == CUSTOM:
                self._menu.addSeparator()
            action = self._menu.addAction("")
            action.setCheckable(True)
            action.setData(key)
            self._group.addAction(action)
            self._actions[key] = action
        self._group.triggered.connect(lambda action: self.choose(action.data()))
        self.choice.setMenu(self._menu)

        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("periodPrevious")
        self.previous_button.setIcon(icons.icon("chevron-left"))  # mirrored right to left
        self.previous_button.clicked.connect(self.step_back)
        self.label = QLabel(self)
        self.label.setObjectName("periodLabel")
        self.label.setProperty("role", "section")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("periodNext")
        self.next_button.setIcon(icons.icon("chevron-right"))
        self.next_button.clicked.connect(self.step_forward)

        self._custom: _CustomRange | None = None  # made when a custom range is chosen

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(tokens.SPACING["xs"])
        layout.addWidget(self.choice)
        layout.addSpacing(tokens.SPACING["s"])
        layout.addWidget(self.previous_button)
        layout.addWidget(self.label)
        layout.addWidget(self.next_button)
        layout.addSpacing(tokens.SPACING["s"])
        self._layout = layout
        self._retranslate()
        self._show()

    # -- the period -----------------------------------------------------------------------
    def period(self) -> Period:
        return self._period

    def setPeriod(self, period: Period) -> None:
        """Show `period` (periodChanged when it differs from the one shown)."""
        if not isinstance(period, Period):
            raise TypeError("a Period is needed")
        changed = period != self._period
        self._period = period
        self._show()
        if changed:
            self.periodChanged.emit(period)

    def preset(self) -> str | None:
        """The drop-down choice that gives the period shown today ("this_month"...), or
        None for any other period."""
        return next((key for key, make in PRESETS.items() if make() == self._period), None)

    def choose(self, key: str) -> None:
        """A choice of the drop-down: a preset shows its period now; "custom" opens the
        two date fields on the period shown."""
        if key == CUSTOM:
            self.from_edit.setDate(self._period.start)
            self.to_edit.setDate(self._period.end)
            self.custom_box.show()
            self._custom_edited()
            self._show_choice(CUSTOM)
            self.from_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if key not in PRESETS:
            raise ValueError(f"unknown period choice: {key!r}")
        self._close_custom()
        self.setPeriod(PRESETS[key]())
        self._show()

    def step_back(self) -> None:
        self._step(lambda p: p.previous())

    def step_forward(self) -> None:
        self._step(following)

    def _step(self, move: Callable[[Period], Period]) -> None:
        try:
            period = move(self._period)
        except InvalidValue:  # past the years a period may fall in: stay
            return
        self._close_custom()
        self.setPeriod(period)

    def apply_custom(self) -> None:
        """The two dates typed, as a custom range (refused with a message when they do
        not make one)."""
        first, last = self.from_edit.date(), self.to_edit.date()
        if first is None or last is None or last < first:
            self._custom_edited()
            return
        try:
            period = Period.custom(first, last)
        except InvalidValue:
            self._say(self.tr("Choose days between the years 1300 and 1499."))
            return
        self._close_custom()
        self.setPeriod(period)
        self._show()

    def state(self) -> str:
        """What to remember: the preset's key (so "this month" follows the calendar), or
        the period's code."""
        return self.preset() or self._period.code()

    def restore(self, state: str) -> None:
        """Put back what `state` gave; anything unreadable leaves the period as it is."""
        if state in PRESETS:
            self.choose(state)
            return
        with contextlib.suppress(InvalidValue):
            self.setPeriod(periods.parse_period(state))

    # -- showing --------------------------------------------------------------------------
    def _custom_edited(self, *_args: object) -> None:
        first, last = self.from_edit.date(), self.to_edit.date()
        self.to_edit.setMinimumDate(first)
        ready = first is not None and last is not None and last >= first
        self.apply_button.setEnabled(ready)
        problem = next((e.errorText() for e in (self.from_edit, self.to_edit)
                        if e.errorText()), "")
        self._say(problem)

    def _say(self, problem: str) -> None:
        self.error_label.setText(problem)
        self.error_label.setVisible(bool(problem))

    # -- the custom range's fields, made the first time they are needed ------------------
    @property
    def custom_box(self) -> _CustomRange:
        if self._custom is None:
            self._custom = _CustomRange(self)
            for edit in (self._custom.from_edit, self._custom.to_edit):
                edit.dateChanged.connect(self._custom_edited)
            self._custom.apply_button.clicked.connect(self.apply_custom)
            self._layout.addWidget(self._custom)
        return self._custom

    from_edit = property(lambda self: self.custom_box.from_edit)
    to_edit = property(lambda self: self.custom_box.to_edit)
    apply_button = property(lambda self: self.custom_box.apply_button)
    error_label = property(lambda self: self.custom_box.error_label)

    def _custom_open(self) -> bool:
        return self._custom is not None and not self._custom.isHidden()

    def _close_custom(self) -> None:
        if self._custom is not None:
            self._custom.hide()

    def _show(self) -> None:
        self.label.setText(self._period.label(ui_lang()))
        if not self._custom_open():
            self._show_choice(self.preset() or self._period.kind)

    def _show_choice(self, key: str) -> None:
        texts = self._choice_texts()
        self.choice.setText(texts.get(key, ""))
        for name, action in self._actions.items():
            action.setChecked(name == key)  # type: ignore[attr-defined]

    def _choice_texts(self) -> dict[str, str]:
        return {
            "this_month": self.tr("This month"),
            "last_month": self.tr("Last month"),
            "this_quarter": self.tr("This quarter"),
            "this_year": self.tr("This year"),
            # a period reached with the arrows or typed: its kind
            CUSTOM: self.tr("Custom range"),
            "month": self.tr("Month"),
            "quarter": self.tr("Quarter"),
            "year": self.tr("Year"),
        }

    def _retranslate(self) -> None:
        texts = self._choice_texts()
        for key, action in self._actions.items():
            text = self.tr("Custom range…") if key == CUSTOM else texts[key]
            action.setText(text)  # type: ignore[attr-defined]
        self.previous_button.setToolTip(self.tr("The period before"))
        self.previous_button.setAccessibleName(self.tr("The period before"))
        self.next_button.setToolTip(self.tr("The period after"))
        self.next_button.setAccessibleName(self.tr("The period after"))
        self.choice.setToolTip(self.tr("Choose the period"))
        if self._custom is not None:
            self._custom.retranslate()
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
