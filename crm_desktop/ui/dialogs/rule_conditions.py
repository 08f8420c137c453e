"""Who a rule applies to: the dynamic-list filter editor (the same criteria, live count
and first members), without a list's name, returning the filter document; and the line
the rule editor shows for it."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.services.automation import conditions
from crm_desktop.services.base import ListQuery
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.list_filter_dialog import ListFilterDialog, MultiChoice
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.ops import Ops

#: lists offered (more is not a choice someone makes from a menu)
MAX_LISTS_SHOWN = 200


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


def marketing_lists(core: Core) -> list[tuple[int, str]]:
    """The marketing lists a rule may require (static and filter lists), by name."""
    rows = core.lists.list(ListQuery(limit=MAX_LISTS_SHOWN)).rows
    return [(int(r["id"]), str(r["name"])) for r in rows]


class ConditionsDialog(ListFilterDialog):
    """The criteria of a rule's contacts, plus the marketing lists they must be on (any of
    them); `result` is the document when OK was pressed. The live count is the criteria's
    (list membership is checked when the rule runs)."""

    def __init__(self, core: Core, ops: Ops, spec: dict[str, Any] | None,
                 parent: QWidget | None = None):
        self.lists: MultiChoice | None = None  # (the editor counts once while it is built)
        super().__init__(core, ops, None, parent)
        self.lists = MultiChoice(marketing_lists(core))
        self.lists.setObjectName("conditionLists")
        self.setObjectName("ruleConditionsDialog")
        self.setWindowTitle(self.tr("Who the rule applies to"))
        self.top_form.setRowVisible(self.name, False)
        self.top_form.setRowVisible(self.description, False)
        self.top_form.addRow(self.tr("On any of these lists"), self.lists)
        self.lists.changed.connect(self.schedule)
        self.result: dict[str, Any] | None = None
        checked = conditions.parse(spec) if spec else None
        if checked:
            self.set_spec(checked)
            self.update_count()

    def spec(self) -> dict[str, Any]:
        doc = super().spec()
        if self.lists is not None and self.lists.values():
            doc[conditions.LISTS] = self.lists.values()
        return doc

    def set_spec(self, doc: dict[str, Any]) -> None:
        rest = {k: v for k, v in doc.items() if k != conditions.LISTS}
        if self.lists is not None:
            self.lists.set_values(list(doc.get(conditions.LISTS, [])))
        super().set_spec(rest)

    def update_count(self) -> None:
        """The criteria's count and first members (the lists are not counted here)."""
        if self.lists is None:
            super().update_count()
            return
        lists = self.lists.values()
        self.lists.blockSignals(True)
        self.lists.set_values([])
        try:
            super().update_count()
        finally:
            self.lists.set_values(lists)
            self.lists.blockSignals(False)
        if lists and self.problem.text() == "":
            self.count_label.setText(self.count_label.text() + " " + self.tr(
                "(before the lists)"))

    def save(self) -> None:
        """Checked as the rule's conditions; a problem stays in the dialog."""
        spec = self.spec()
        try:
            conditions.parse(spec)
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
    lists = (spec or {}).get(conditions.LISTS) or []
    try:
        count = core.lists.filter_count({k: v for k, v in (spec or {}).items()
                                         if k != conditions.LISTS})
    except CrmError:
        count = None
    text = display.fill(QCoreApplication.translate("RuleConditions", "{n} condition(s)"),
                        n=display.number(n))
    if count is not None:
        text += " — " + display.fill(
            QCoreApplication.translate("RuleConditions", "{n} contact(s) match now"),
            n=display.number(count))
    if lists:
        text += " — " + display.fill(
            QCoreApplication.translate("RuleConditions", "on any of {n} list(s)"),
            n=display.number(len(lists)))
    return text
