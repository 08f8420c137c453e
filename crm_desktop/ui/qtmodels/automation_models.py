"""The automation tables: the rules (a short list, all of it read: a switch per rule, its
last run, next due and counts), what a dry run would do, and the automation log (windowed
over the log service, like every record list)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from crm_desktop.services.base import EntityService
from crm_desktop.text.automation_texts import detail_text
from crm_desktop.ui import automation_labels as names
from crm_desktop.ui import display
from crm_desktop.ui.qtmodels.headed import ColumnRowsModel
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]
CENTER = Qt.AlignmentFlag.AlignCenter
#: the row's record id (rule, contact of a planned action)
IdRole = ColumnRowsModel.IdRole
#: the contact of a planned action or a log row
ContactRole = int(Qt.ItemDataRole.UserRole.value) + 2

translate = QCoreApplication.translate


def _detail(row: Row) -> str:
    """What was done, or why it was not (a skip's reason in words)."""
    return detail_text(row["action"], row.get("detail") or "",
                       "fa" if display.persian() else "en")


def _when(value: Any) -> str:
    return display.jalali(value) if value is not None else "—"


class ListTableModel(ColumnRowsModel):
    """A short list of rows (dicts) held whole, shown through `Column`s."""

    def row_role(self, row: Row, role: int) -> Any:
        return row.get("contact_id") if role == ContactRole else None


def rule_columns() -> list[Column]:
    kinds = names.rule_kinds()
    return [
        Column(
            "enabled",
            translate("AutomationModels", "On"),
            text=lambda r: (
                translate("AutomationModels", "On")
                if r["enabled"]
                else translate("AutomationModels", "Off")
            ),
            align=CENTER,
        ),
        Column("name", translate("AutomationModels", "Rule")),
        Column(
            "kind",
            translate("AutomationModels", "Kind"),
            text=lambda r: kinds.get(r["kind"], r["kind"]),
        ),
        Column(
            "last_run_at",
            translate("AutomationModels", "Last run"),
            text=lambda r: _when(r.get("last_run_at")),
        ),
        Column(
            "next_due_at",
            translate("AutomationModels", "Next due"),
            text=lambda r: _when(r.get("next_due_at")) if r["enabled"] else "—",
        ),
        Column(
            "actions_30d",
            translate("AutomationModels", "Last 30 days"),
            text=lambda r: display.number(r.get("actions_30d") or 0),
            align=CENTER,
        ),
        Column(
            "actions_total",
            translate("AutomationModels", "In all"),
            text=lambda r: display.number(r.get("actions_total") or 0),
            align=CENTER,
        ),
        Column(
            "last_action_at",
            translate("AutomationModels", "Last action"),
            text=lambda r: _when(r.get("last_action_at")),
        ),
    ]


class RulesModel(ListTableModel):
    """Every rule; the first column is its switch (a check box). Switching asks `toggle`
    (rule id, on) to write it, and shows the new state when it was written."""

    def __init__(
        self, toggle: Callable[[int, bool], bool] | None = None, parent: QObject | None = None
    ):
        super().__init__(rule_columns(), parent)
        self.toggle = toggle

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0 and self.toggle is not None:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            on = self.rows[index.row()]["enabled"]
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.column() != 0
            or self.toggle is None
        ):
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        row = self.rows[index.row()]
        if bool(row["enabled"]) == on:
            return True
        if not self.toggle(int(row["id"]), on):
            return False
        row["enabled"] = on
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1)
        )
        return True

    def row_of(self, rule_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r["id"] == rule_id), None)


def planned_columns() -> list[Column]:
    actions = names.actions()
    return [
        Column("due_at", translate("AutomationModels", "Due"), text=lambda r: _when(r["due_at"])),
        Column("rule", translate("AutomationModels", "Rule")),
        Column("contact", translate("AutomationModels", "Contact")),
        Column(
            "action",
            translate("AutomationModels", "Action"),
            text=lambda r: actions.get(r["action"], r["action"]),
            align=CENTER,
        ),
        Column("detail", translate("AutomationModels", "What"), text=_detail),
    ]


class PlannedModel(ListTableModel):
    """What a dry run would do (RunReport.actions), in the order the run would do it."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(planned_columns(), parent)

    def set_actions(self, actions: list[Any]) -> None:
        self.set_rows([{"id": i, **a.as_json(), "due_at": a.due_at} for i, a in enumerate(actions)])


def log_columns() -> list[Column]:
    actions = names.actions()
    return [
        Column("at", translate("AutomationModels", "When"), "at", text=lambda r: _when(r["at"])),
        Column("rule_name", translate("AutomationModels", "Rule"), "rule"),
        Column("contact_name", translate("AutomationModels", "Contact")),
        Column(
            "action",
            translate("AutomationModels", "Action"),
            None,
            text=lambda r: actions.get(r["action"], r["action"]),
            align=CENTER,
        ),
        Column(
            "reply_score",
            translate("AutomationModels", "Score"),
            None,
            text=lambda r: display.number(r.get("reply_score")),
            align=CENTER,
        ),
        Column("detail", translate("AutomationModels", "What"), text=_detail),
    ]


class AutomationLogModel(RecordTableModel):
    """The automation log, newest first, a page at a time."""

    def __init__(self, service: EntityService[Any], parent: QObject | None = None):
        super().__init__(service, log_columns(), parent=parent)

    def contact_at(self, row: int) -> int | None:
        data = self.row_data(row)
        return None if data is None else data.get("contact_id")
