"""Who a rule applies to: the dynamic-list filter editor (the same criteria, live count
and first members), without a list's name, returning the filter document; and the line
the rule editor shows for it."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.services import contact_filter as cf
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.list_filter_dialog import ListFilterDialog
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.ops import Ops


def as_spec(conditions: Any) -> dict[str, Any] | None:
    """A rule's conditions as a filter document (stored as JSON text or given as a dict),
    None for everyone."""
    if conditions in (None, "", {}):
        return None
    if isinstance(conditions, str):
        conditions = json.loads(conditions)
    return dict(conditions) if criteria(dict(conditions)) else None


def criteria(spec: dict[str, Any] | None) -> int:
    """How many criteria a filter document sets (0: everyone)."""
    if not spec:
        return 0
    return sum(1 for k, v in spec.items()
               if k not in ("version", "tags_mode") and v not in (None, [], ""))


class ConditionsDialog(ListFilterDialog):
    """The criteria of a rule's contacts; `result` is the document when OK was pressed."""

    def __init__(self, core: Core, ops: Ops, spec: dict[str, Any] | None,
                 parent: QWidget | None = None):
        super().__init__(core, ops, None, parent)
        self.setObjectName("ruleConditionsDialog")
        self.setWindowTitle(self.tr("Who the rule applies to"))
        self.top_form.setRowVisible(self.name, False)
        self.top_form.setRowVisible(self.description, False)
        self.result: dict[str, Any] | None = None
        if spec:
            self.set_spec(cf.parse(spec).to_dict())
            self.update_count()

    def save(self) -> None:
        """Checked like a list's filter; a problem stays in the dialog."""
        spec = self.spec()
        try:
            cf.parse(spec)
        except ValidationError as exc:
            self.problem.setText(exc.message(self.ops.lang()))
            return
        self.result = spec
        self.accept()

    @classmethod
    def choose(cls, parent: QWidget | None, core: Core, ops: Ops,
               spec: dict[str, Any] | None) -> dict[str, Any] | None:
        """The new conditions, or None when cancelled."""
        dialog = cls(core, ops, spec, parent)
        run_dialog(dialog)
        return dialog.result


def summary(core: Core, spec: dict[str, Any] | None) -> str:
    """"Every contact", or how many criteria and how many contacts they select now."""
    from PySide6.QtCore import QCoreApplication

    n = criteria(spec)
    if n == 0:
        return QCoreApplication.translate("RuleConditions", "Every contact (no conditions)")
    try:
        count = core.lists.filter_count(spec)
    except CrmError:
        count = None
    text = display.fill(QCoreApplication.translate("RuleConditions", "{n} condition(s)"),
                        n=display.number(n))
    if count is not None:
        text += " — " + display.fill(
            QCoreApplication.translate("RuleConditions", "{n} contact(s) match now"),
            n=display.number(count))
    return text
