"""The parts of the rule editor that edit a kind's settings: one field per settings key
(the keys every kind, the editor and the tests agree on), the message template with its
placeholders and SMS part counter, and the per-city / per-source assignee tables. Each
field reads and writes one JSON value; a key the editor does not know is kept as it was."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import ValidationError
from crm_desktop.text import placeholders as ph
from crm_desktop.text.sms import count_sms
from crm_desktop.ui import automation_labels as names
from crm_desktop.ui import display, labels
from crm_desktop.ui.dialogs.list_filter_dialog import MultiChoice
from crm_desktop.ui.dialogs.message_composer import placeholder_labels
from crm_desktop.ui.theme import icons

#: which channels each kind may use (the brief's table; the kind's clean has the last word)
CHANNELS: dict[str, tuple[str, ...]] = {
    "birthday": ("sms", "email", "task"),
    "renewal": ("sms", "email", "task"),
    "welcome": ("sms", "email"),
    "appointment_reminder": ("sms", "email"),
    "appointment_feedback": ("sms", "email"),
    "satisfaction": ("sms", "email"),
    "tier_change": ("sms", "email"),
}
CONTACT_OWNER = "contact_owner"

translate = QCoreApplication.translate


def key_labels() -> dict[str, str]:
    """The label of each settings key in the editor."""
    return {
        "channel": translate("RuleSettings", "Send as"),
        "subject": translate("RuleSettings", "E-mail subject"),
        "body": translate("RuleSettings", "Message"),
        "task_subject": translate("RuleSettings", "Task"),
        "task_owner": translate("RuleSettings", "Task for"),
        "send_hour": translate("RuleSettings", "Send from"),
        "catch_up_days": translate("RuleSettings", "Catch up for"),
        "delay_hours": translate("RuleSettings", "Wait before sending"),
        "hours_before": translate("RuleSettings", "Remind before"),
        "hours_after": translate("RuleSettings", "Ask after"),
        "days_after": translate("RuleSettings", "Ask after"),
        "tickets": translate("RuleSettings", "After tickets"),
        "deals": translate("RuleSettings", "After won deals"),
        "quiet_days": translate("RuleSettings", "Quiet for"),
        "date_source": translate("RuleSettings", "Anniversary of"),
        "days_before": translate("RuleSettings", "Remind before"),
        "method": translate("RuleSettings", "Assign"),
        "users": translate("RuleSettings", "People"),
        "by_city": translate("RuleSettings", "By city"),
        "by_source": translate("RuleSettings", "By source"),
        "fallback_user": translate("RuleSettings", "Otherwise"),
        "only_unowned": translate("RuleSettings", "Only leads without an owner"),
        "only_up": translate("RuleSettings", "Only moves up"),
    }


class Field:
    """One settings key in the editor: a widget, its value in and out, a change signal."""

    def __init__(
        self,
        widget: QWidget,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        changed: Any | None = None,
    ):
        self.widget = widget
        self.get = get
        self.put = put
        self.changed = changed


def spin(low: int, high: int, suffix: str = "", special: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    if suffix:
        box.setSuffix(suffix)
    if special:
        box.setSpecialValueText(special)
    return box


def _spin_field(box: QSpinBox) -> Field:
    return Field(box, box.value, lambda v: box.setValue(int(v or 0)), box.valueChanged)


def _check_field(box: QCheckBox) -> Field:
    return Field(box, box.isChecked, lambda v: box.setChecked(bool(v)), box.toggled)


def combo(choices: Sequence[tuple[Any, str]]) -> QComboBox:
    box = QComboBox()
    for value, text in choices:
        box.addItem(text, value)
    return box


def _combo_field(box: QComboBox) -> Field:
    def put(value: Any) -> None:
        index = box.findData(value)
        if index < 0 and value is not None:  # a value no longer offered: still shown
            box.addItem(str(value), value)
            index = box.count() - 1
        box.setCurrentIndex(max(index, 0))

    return Field(box, box.currentData, put, box.currentIndexChanged)


class TemplateEdit(QWidget):
    """A message template: the text, an "Insert field" menu of the kind's placeholders,
    the SMS character and part counter (as in the message composer) and what is wrong
    with the placeholders, as the user types."""

    changed = Signal()

    def __init__(self, names_: Sequence[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.names = tuple(names_)
        self.extra = tuple(n for n in self.names if n not in ph.PLACEHOLDERS)
        self.body = QPlainTextEdit()
        self.body.setObjectName("ruleBody")
        self.body.setPlaceholderText(translate("RuleSettings", "Hello {first_name}, ..."))
        self.insert = QPushButton(translate("RuleSettings", "Insert field"))
        self.insert.setObjectName("ruleInsertPlaceholder")
        icons.dress(self.insert, "plus")
        self.insert.setAutoDefault(False)
        menu = QMenu(self.insert)
        shown = {**placeholder_labels(), **names.extra_placeholders()}
        for name in self.names:
            action = menu.addAction(f"{shown.get(name, name)}  {{{name}}}")
            action.setData(name)
            action.triggered.connect(lambda _=False, n=name: self.insert_placeholder(n))
        self.insert.setMenu(menu)
        self.counter = QLabel()
        self.counter.setObjectName("ruleSmsCounter")
        self.problem = QLabel()
        self.problem.setObjectName("ruleTemplateProblem")
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "error")
        self.problem.setVisible(False)
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.insert)
        tools.addStretch(1)
        tools.addWidget(self.counter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body, 1)
        layout.addLayout(tools)
        layout.addWidget(self.problem)
        self.sms = True
        self.body.textChanged.connect(self.update_text)
        self.update_text()

    def text(self) -> str:
        return self.body.toPlainText()

    def set_text(self, text: str) -> None:
        self.body.setPlainText(text or "")

    def set_sms(self, sms: bool) -> None:
        """The counter shows for an SMS only."""
        self.sms = sms
        self.counter.setVisible(sms)

    def insert_placeholder(self, name: str) -> None:
        self.body.insertPlainText("{" + name + "}")
        self.body.setFocus()

    def _follow_direction(self, text: str) -> None:
        """The text reads in the direction of its words, not of its placeholders: "{first_name}
        عزیز، ..." is a right-to-left message even though it starts with Latin letters."""
        words = re.sub(r"\{[^{}]*\}", "", text)
        first = next((unicodedata.bidirectional(ch) for ch in words
                      if unicodedata.bidirectional(ch) in ("L", "R", "AL")), None)
        rtl = first in ("R", "AL") if first else display.persian()
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        option = self.body.document().defaultTextOption()
        if option.textDirection() != direction:
            option.setTextDirection(direction)
            option.setAlignment(Qt.AlignmentFlag.AlignAbsolute | (
                Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft))
            self.body.document().setDefaultTextOption(option)

    def update_text(self) -> None:
        text = self.text()
        self._follow_direction(text)
        lang = "fa" if display.persian() else "en"
        try:
            ph.parse(text, "body", self.extra)
            self.problem.setText("")
        except ValidationError as exc:
            self.problem.setText(exc.message(lang))
        self.problem.setVisible(bool(self.problem.text()))
        count = count_sms(text)
        self.counter.setText(
            display.fill(
                translate(
                    "RuleSettings", "{chars} characters, {parts} SMS ({left} left in this part)"
                ),
                chars=display.number(count.chars),
                parts=display.number(count.parts),
                left=display.number(count.remaining),
            )
        )
        self.changed.emit()


class AssigneeTable(QScrollArea):
    """Who gets a lead, per value (a city, a source): one row per value, "—" for nobody."""

    def __init__(
        self,
        values: Sequence[tuple[str, str]],
        users: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumHeight(90)
        holder = QWidget()
        self.form = QFormLayout(holder)
        self.users = list(users)
        self.boxes: dict[str, QComboBox] = {}
        for value, text in values:
            self._add(value, text)
        self.setWidget(holder)

    def _add(self, value: str, text: str) -> QComboBox:
        box = combo([(None, "—"), *self.users])
        self.boxes[value] = box
        self.form.addRow(text, box)
        return box

    def value(self) -> dict[str, int]:
        return {
            k: int(b.currentData()) for k, b in self.boxes.items() if b.currentData() is not None
        }

    def set_value(self, mapping: Any) -> None:
        mapping = mapping if isinstance(mapping, dict) else {}
        for key, user in mapping.items():
            box = self.boxes.get(key) or self._add(key, key)
            index = box.findData(user)
            box.setCurrentIndex(max(index, 0))
        for key, box in self.boxes.items():
            if key not in mapping:
                box.setCurrentIndex(0)


def make_field(
    key: str,
    kind: str,
    users: Sequence[tuple[int, str]],
    cities: Sequence[str],
    template_names: Sequence[str],
) -> Field | None:
    """The editor of one settings key of `kind`, or None for a key it does not know."""
    hours, days = translate("RuleSettings", " hour(s)"), translate("RuleSettings", " day(s)")
    if key == "channel":
        chosen = names.channels()
        return _combo_field(combo([(c, chosen[c]) for c in CHANNELS.get(kind, ("sms",))]))
    if key in ("subject", "task_subject"):
        edit = QLineEdit()
        return Field(edit, edit.text, lambda v: edit.setText(str(v or "")), edit.textChanged)
    if key == "body":
        template = TemplateEdit(template_names)
        return Field(template, template.text, template.set_text, template.changed)
    if key == "task_owner":
        return _combo_field(
            combo([(CONTACT_OWNER, translate("RuleSettings", "Their owner")), *users])
        )
    if key == "send_hour":
        return _spin_field(spin(0, 23, ":00"))
    if key == "catch_up_days":
        return _spin_field(spin(0, 30, days, translate("RuleSettings", "Only on the day")))
    if key in ("delay_hours", "hours_after"):
        return _spin_field(spin(0, 720, hours, translate("RuleSettings", "At once")))
    if key == "hours_before":
        return _spin_field(spin(1, 720, hours))
    if key in ("days_after", "days_before"):
        return _spin_field(spin(0, 365, days, translate("RuleSettings", "On the day")))
    if key == "quiet_days":
        return _spin_field(spin(1, 365, days))
    if key in ("tickets", "deals", "only_unowned", "only_up"):
        return _check_field(QCheckBox())
    if key == "date_source":
        return _combo_field(combo(list(names.date_sources().items())))
    if key == "method":
        return _combo_field(combo(list(names.methods().items())))
    if key == "users":
        chooser = MultiChoice(list(users))
        return Field(
            chooser, chooser.values, lambda v: chooser.set_values(list(v or [])), chooser.changed
        )
    if key == "fallback_user":
        return _combo_field(
            combo([(None, translate("RuleSettings", "Nobody: leave it unowned")), *users])
        )
    if key == "by_city":
        table = AssigneeTable([(c, c) for c in cities], users)
        return Field(table, table.value, table.set_value)
    if key == "by_source":
        table = AssigneeTable(list(labels.sources().items()), users)
        return Field(table, table.value, table.set_value)
    return None
