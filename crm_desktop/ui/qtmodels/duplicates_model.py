"""The find-duplicates page's two tables: the groups found (DuplicateService.groups), shown
for the reasons the user keeps on, and the members of one group, each with a check box
saying whether it takes part in the merge."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)

from crm_desktop.services.duplicates import DuplicateGroup
from crm_desktop.services.merge import MAX_MERGE
from crm_desktop.ui import display
from crm_desktop.ui.qtmodels.headed import HeadedTableModel

AnyIndex = QModelIndex
REASON, VALUE, CITY, SIZE, NAMES = range(5)
#: names listed in a group's row before "…"
SHOWN_NAMES = 3
#: the chip tone of each reason (ui/widgets/chip_delegate.py tones)
REASON_TONES = {"mobile": "info", "national_code": "special", "email": "info",
                "legal_id": "special", "phone": "neutral", "name": "warning"}


#: the name of each reason, as its chip and the groups' first column show it
REASON_TEXTS = {
    "mobile": QT_TRANSLATE_NOOP("Duplicates", "Same mobile"),
    "national_code": QT_TRANSLATE_NOOP("Duplicates", "Same national code"),
    "email": QT_TRANSLATE_NOOP("Duplicates", "Same e-mail"),
    "legal_id": QT_TRANSLATE_NOOP("Duplicates", "Same national ID"),
    "phone": QT_TRANSLATE_NOOP("Duplicates", "Same phone"),
    "name": QT_TRANSLATE_NOOP("Duplicates", "Similar name"),
}
_HEADERS = {
    "reason": QT_TRANSLATE_NOOP("Duplicates", "Reason"),
    "value": QT_TRANSLATE_NOOP("Duplicates", "Shared value"),
    "city": QT_TRANSLATE_NOOP("Duplicates", "City"),
    "size": QT_TRANSLATE_NOOP("Duplicates", "Records"),
    "names": QT_TRANSLATE_NOOP("Duplicates", "Names"),
    "name": QT_TRANSLATE_NOOP("Duplicates", "Name"),
    "mobile": QT_TRANSLATE_NOOP("Duplicates", "Mobile"),
    "phone": QT_TRANSLATE_NOOP("Duplicates", "Phone"),
    "email": QT_TRANSLATE_NOOP("Duplicates", "E-mail"),
    "national_code": QT_TRANSLATE_NOOP("Duplicates", "National code"),
    "legal_id": QT_TRANSLATE_NOOP("Duplicates", "National ID"),
    "created_at": QT_TRANSLATE_NOOP("Duplicates", "Created"),
    "same_name": QT_TRANSLATE_NOOP("Duplicates", "Same name"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Duplicates", text)


def reason_labels() -> dict[str, str]:
    """The name of each reason, as its chip and filter show it."""
    return {key: _tr(text) for key, text in REASON_TEXTS.items()}


def _shared_value(group: DuplicateGroup) -> str:
    if group.reason == "email":
        return display.address(group.value)
    if group.reason == "name":
        return group.value
    return display.ltr_cell(group.value)


class DuplicateGroupsModel(HeadedTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.groups: list[DuplicateGroup] = []
        self.shown: list[DuplicateGroup] = []
        self.reasons: set[str] | None = None  # None: every reason
        self.labels = reason_labels()
        self.same_name = _tr(_HEADERS["same_name"])
        self.headers = [_tr(_HEADERS[k]) for k in ("reason", "value", "city", "size", "names")]

    def set_groups(self, groups: Sequence[DuplicateGroup]) -> None:
        self.beginResetModel()
        self.groups = list(groups)
        self._filter()
        self.endResetModel()

    def set_reasons(self, reasons: Collection[str] | None) -> None:
        """Show only the groups of these reasons (None: all)."""
        self.beginResetModel()
        self.reasons = None if reasons is None else set(reasons)
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        wanted = self.reasons
        self.shown = [g for g in self.groups if wanted is None or g.reason in wanted]

    def counts(self) -> dict[str, int]:
        """How many groups each reason has (all of them, whatever is shown)."""
        out: dict[str, int] = {}
        for g in self.groups:
            out[g.reason] = out.get(g.reason, 0) + 1
        return out

    def group_at(self, row: int) -> DuplicateGroup | None:
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def forget(self, ids: Collection[int]) -> None:
        """Records merged into another leave every group; a group left with fewer than
        two records goes (the merged group itself, with only its survivor left)."""
        gone = set(ids)
        self.beginResetModel()
        kept: list[DuplicateGroup] = []
        for g in self.groups:
            if gone.isdisjoint(g.ids):
                kept.append(g)
            elif len(left := tuple(i for i in g.ids if i not in gone)) >= 2:
                kept.append(replace(g, ids=left))
        self.groups = kept
        self._filter()
        self.endResetModel()

    def tone(self, index: AnyIndex) -> str | None:
        group = self.group_at(index.row())
        return REASON_TONES.get(group.reason) if group is not None else None

    # -- Qt model interface -----------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        group = self.group_at(index.row()) if index.isValid() else None
        if group is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == REASON:
            if group.reason == "name" and group.score == 100:
                return self.same_name  # equal names, no similar one
            return self.labels.get(group.reason, group.reason)
        if col == VALUE:
            return _shared_value(group)
        if col == CITY:
            return group.city or (group.rows[0]["city"] if group.rows else "") or ""
        if col == SIZE:
            return display.number(group.size)
        if col == NAMES:
            names = [r["name"] or "" for r in group.rows[:SHOWN_NAMES]]
            more = "…" if group.size > SHOWN_NAMES else ""
            return ("، " if display.persian() else ", ").join(names) + more
        return None


class GroupMembersModel(HeadedTableModel):
    """The records of one group; the check box of the first column says which take part
    in the merge (all of them at first, at most MAX_MERGE)."""

    def __init__(self, kind: str, parent: QObject | None = None):
        super().__init__(parent)
        self.kind = kind
        self.rows: list[dict[str, Any]] = []
        self.checked: set[int] = set()
        number = "mobile" if kind == "contacts" else "phone"
        code = "national_code" if kind == "contacts" else "legal_id"
        self.keys = ["name", number, "email", code, "city", "created_at"]
        self.headers = [_tr(_HEADERS[k]) for k in self.keys]

    def set_group(self, group: DuplicateGroup | None) -> None:
        self.beginResetModel()
        self.rows = list(group.rows) if group is not None else []
        self.checked = {r["id"] for r in self.rows[:MAX_MERGE]}
        self.endResetModel()

    def checked_ids(self) -> list[int]:
        """The records ticked for the merge, oldest first."""
        return [r["id"] for r in self.rows if r["id"] in self.checked]

    # -- Qt model interface -----------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, key = self.rows[index.row()], self.keys[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return (Qt.CheckState.Checked if row["id"] in self.checked
                    else Qt.CheckState.Unchecked)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = row.get(key)
        if key == "created_at":
            return display.jalali_date_only(value)
        if key == "email":
            return display.address(value)
        if key in ("mobile", "phone", "national_code", "legal_id"):
            return display.ltr_cell(value)
        return value or ""

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != 0
                or role != Qt.ItemDataRole.CheckStateRole
                or not 0 <= index.row() < len(self.rows)):
            return False
        rid = self.rows[index.row()]["id"]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked and rid not in self.checked and len(self.checked) >= MAX_MERGE:
            return False  # at most MAX_MERGE records merge at once
        (self.checked.add if checked else self.checked.discard)(rid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
