"""The rule editor: a rule's name and switch, its kind's settings (a form built from the
settings keys the kind has), the message template with the kind's placeholders and the
SMS part counter, and who it applies to (the dynamic-list filter editor). Saving goes
through the automation service, which checks everything with the kind's own rules."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import EditConflict, ValidationError
from crm_desktop.ui import automation_labels as names
from crm_desktop.ui import screen_fit
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.dialogs.rule_conditions import ConditionsDialog, as_spec, summary
from crm_desktop.ui.dialogs.rule_settings import Field, TemplateEdit, key_labels, make_field
from crm_desktop.ui.errors import say_saved_elsewhere
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import icons

#: the order of the settings in the form (keys a kind does not have are left out)
ORDER = ("channel", "send_hour", "delay_hours", "hours_before", "hours_after",
         "days_after", "days_before", "quiet_days", "date_source", "tickets", "deals",
         "only_up", "method", "users", "by_city", "by_source", "fallback_user",
         "only_unowned", "task_subject", "task_owner", "catch_up_days")
#: the message's own keys, beside the form
MESSAGE_KEYS = ("subject", "body")
#: keys shown only for some channel or assignment method: key -> (controlling key, values)
SHOWN_WHEN: dict[str, tuple[str, tuple[str, ...]]] = {
    "subject": ("channel", ("email",)),
    "body": ("channel", ("sms", "email")),
    "task_subject": ("channel", ("task",)),
    "task_owner": ("channel", ("task",)),
    "users": ("method", ("round_robin",)),
    "by_city": ("method", ("city",)),
    "by_source": ("method", ("source",)),
}


class RuleDialog(QDialog):
    """New (a kind, no id) or edit (an id) a rule; `result_id` once saved."""

    def __init__(self, core: Core, ops: Ops, rule_id: int | None = None,
                 kind: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.ops, self.rule_id = core, ops, rule_id
        self.result_id: int | None = None
        # the rule's version as the form read it: its save is refused (EditConflict)
        # when someone saved the rule since
        self.version: int | None = None
        self.setObjectName("ruleDialog")
        if rule_id is not None:
            rule = core.automation.rule(rule_id)
            self.version = rule["version"]
            kind = str(rule["kind"])
            settings = {**core.automation.defaults(kind), **dict(rule["settings"] or {})}
            name, enabled = rule["name"], bool(rule["enabled"])
            self.conditions = as_spec(rule.get("conditions"))
        else:
            assert kind is not None
            settings = core.automation.defaults(kind)
            name, enabled = names.rule_kinds().get(kind, kind), False
            self.conditions = None
        self.kind = kind
        self.setWindowTitle(self.tr("New rule") if rule_id is None else self.tr("Edit rule"))
        screen_fit.resize(self, 1040, 640)

        self.name = QLineEdit(name, objectName="ruleName")
        self.enabled = QCheckBox(self.tr("On: the rule runs at start-up and every 15 "
                                         "minutes"), objectName="ruleEnabled")
        self.enabled.setChecked(enabled)
        kind_label = QLabel(names.rule_kinds().get(kind, kind), objectName="ruleKind")
        kind_label.setProperty("role", "title")
        help_label = QLabel(names.rule_kind_help().get(kind, ""), objectName="ruleKindHelp")
        help_label.setWordWrap(True)
        help_label.setProperty("role", "muted")

        # the kind's settings: known keys get a field, the others are kept as they are
        users = core.users.options()
        cities = core.contacts.cities() if "by_city" in settings else []
        template_names = core.automation.placeholders(kind)
        self.fields: dict[str, Field] = {}
        self.kept: dict[str, Any] = {}
        for key in settings:
            made = make_field(key, kind, users, cities, template_names)
            if made is None:
                self.kept[key] = settings[key]
            else:
                made.widget.setObjectName(f"rule_{key}")
                made.put(settings[key])
                self.fields[key] = made
        titles = key_labels()
        form = self.form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.enabled)
        for key in (*ORDER, *(k for k in self.fields if k not in ORDER + MESSAGE_KEYS)):
            if key in self.fields:
                form.addRow(titles.get(key, key), self.fields[key].widget)
        self.message = QGroupBox(self.tr("Message"), objectName="ruleMessage")
        message_form = self.message_form = QFormLayout(self.message)
        message_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if "subject" in self.fields:
            message_form.addRow(titles["subject"], self.fields["subject"].widget)
        if "body" in self.fields:  # under the group's own title
            message_form.addRow(self.fields["body"].widget)
        self.message.setVisible(any(k in self.fields for k in MESSAGE_KEYS))

        self.conditions_label = QLabel(objectName="ruleConditions")
        self.conditions_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose who…"), objectName="ruleChooseConditions")
        icons.dress(choose, "users")
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose_conditions)
        who = QGroupBox(self.tr("Who it applies to"), objectName="ruleWho")
        who_row = QHBoxLayout(who)
        who_row.addWidget(self.conditions_label, 1)
        who_row.addWidget(choose)

        self.problem = QLabel(objectName="ruleProblem")
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(kind_label)
        left.addWidget(help_label)
        left.addLayout(form)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(who)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        for key in ("channel", "method"):
            field = self.fields.get(key)
            if field is not None and field.changed is not None:
                field.changed.connect(self.update_visible)
        self.update_visible()
        self.show_conditions()

    # -- the form ------------------------------------------------------------------------
    def template(self) -> TemplateEdit | None:
        field = self.fields.get("body")
        return field.widget if field is not None else None  # type: ignore[return-value]

    def update_visible(self, *_args: Any) -> None:
        """Fields of another channel or assignment method are hidden (kept as they are)."""
        for key, (control, values) in SHOWN_WHEN.items():
            field, chooser = self.fields.get(key), self.fields.get(control)
            if field is None or chooser is None:
                continue
            shown = chooser.get() in values
            form = self.message_form if key in MESSAGE_KEYS else self.form
            form.setRowVisible(field.widget, shown)
        channel = self.fields.get("channel")
        if channel is not None:
            self.message.setVisible(channel.get() in ("sms", "email"))
        template = self.template()
        if template is not None:
            template.set_sms(channel is None or channel.get() == "sms")

    def settings(self) -> dict[str, Any]:
        return {**self.kept, **{key: field.get() for key, field in self.fields.items()}}

    def values(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name.text(),
                "enabled": self.enabled.isChecked(), "settings": self.settings(),
                "conditions": self.conditions}

    # -- conditions ----------------------------------------------------------------------
    def show_conditions(self) -> None:
        self.conditions_label.setText(summary(self.core, self.conditions))

    def choose_conditions(self) -> None:
        chosen = ConditionsDialog.choose(self, self.core, self.ops, self.conditions)
        if chosen is not None:
            self.conditions = as_spec(chosen)
            self.show_conditions()

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        values = self.values()

        def write() -> int:
            if self.rule_id is None:
                return self.core.automation.create_rule(values)
            changes = {k: v for k, v in values.items() if k != "kind"}
            self.core.automation.update_rule(self.rule_id, changes, version=self.version)
            return self.rule_id

        outcome = self.ops.run(self, write, changes=["automation_rules"],
                               on_invalid=self.show_problem, on_conflict=self.show_conflict)
        if outcome.ok and outcome.value is not None:
            self.result_id = outcome.value
            self.accept()

    def show_problem(self, error: ValidationError) -> None:
        self.problem.setText(error.message(self.ops.lang()))

    def show_conflict(self, error: EditConflict) -> None:
        """Someone saved the rule after the form read it: say so, show their version."""
        text = say_saved_elsewhere(self, error, self.ops.lang())
        self.load()
        self.problem.setText(text)

    def load(self) -> None:
        """The rule as stored now: its name, on/off, settings, conditions and version."""
        assert self.rule_id is not None
        rule = self.core.automation.rule(self.rule_id)
        self.version = rule["version"]
        self.name.setText(rule["name"])
        self.enabled.setChecked(bool(rule["enabled"]))
        settings = {**self.core.automation.defaults(self.kind), **dict(rule["settings"] or {})}
        for key, value in settings.items():
            if key in self.fields:
                self.fields[key].put(value)
            else:
                self.kept[key] = value
        self.conditions = as_spec(rule.get("conditions"))
        self.update_visible()
        self.show_conditions()

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, parent: QWidget | None, core: Core, ops: Ops, kind: str) -> int | None:
        """A new rule of `kind`; its id when saved, None when cancelled."""
        dialog = cls(core, ops, None, kind, parent)
        run_dialog(dialog)
        return dialog.result_id

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops, rule_id: int) -> int | None:
        dialog = cls(core, ops, rule_id, None, parent)
        run_dialog(dialog)
        return dialog.result_id



