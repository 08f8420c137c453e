"""The import preview's tables as models over an ImportPlan (no database): the rows in
error (the sheet's row number, the field, the message in the interface language), the
duplicate rows (what they match and by what, and what is done with each: a choice per row
edited in place) and the similar names (a warning only)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from crm_desktop.services.imports.model import (
    ImportOptions,
    ImportPlan,
    Match,
    OnDuplicate,
    PlannedRow,
    RowError,
    SimilarName,
)
from crm_desktop.text.messages import field_label
from crm_desktop.ui import display
from crm_desktop.ui.theme import palette
from crm_desktop.ui.widgets.choice_delegate import CHOICES_ROLE
from crm_desktop.ui.widgets.locale_util import ui_lang

translate = QCoreApplication.translate

AnyIndex = QModelIndex | QPersistentModelIndex
CENTER = Qt.AlignmentFlag.AlignCenter


def duplicate_choices() -> list[tuple[OnDuplicate, str]]:
    """What can be done with a duplicate row, as the preview offers it."""
    return [
        (OnDuplicate.SKIP, translate("ImportWizard", "Skip it")),
        (OnDuplicate.UPDATE, translate("ImportWizard", "Fill the empty fields")),
        (OnDuplicate.OVERWRITE, translate("ImportWizard", "Overwrite the fields")),
        (OnDuplicate.CREATE, translate("ImportWizard", "Create a new record anyway")),
    ]


def row_number(n: int | None) -> str:
    """A sheet row's number as the spreadsheet program shows it (no thousands separator)."""
    return "" if n is None else display.digits(n)


def row_name(values: dict[str, Any]) -> str:
    """The name a planned row would be saved with."""
    name = " ".join(str(values[k]) for k in ("first_name", "last_name") if values.get(k))
    return name or str(values.get("name") or values.get("full_name") or "")


def match_text(match: Match) -> str:
    """The record or the earlier row a duplicate matches."""
    if match.existing_id is not None:
        return match.existing_name or display.fill(
            translate("ImportWizard", "Record {id}"), id=display.digits(match.existing_id))
    return display.fill(translate("ImportWizard", "Row {row} of this file"),
                        row=row_number(match.earlier_row))


def by_text(field: str, value: str) -> str:
    """"Mobile: 09121234567": the field both share, the value left to right."""
    shown = display.address_in_text(value) if field == "email" else display.ltr(value)
    return f"{field_label(field, ui_lang())}: {shown}"


class PlanTable(QAbstractTableModel):
    """A read-only table of one list of the plan; subclasses give titles and cells."""

    # the number of columns (their titles: `titles()`)
    columns = 0

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.items: list[Any] = []

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def titles(self) -> tuple[str, ...]:
        raise NotImplementedError

    def cell(self, item: Any, column: int) -> str:
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.columns:
            return self.titles()[section]
        return None

    def valid(self, index: AnyIndex) -> bool:
        return index.isValid() and 0 <= index.row() < len(self.items) \
            and 0 <= index.column() < self.columns

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(self.items[index.row()], index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(CENTER)
        return None


class ErrorsModel(PlanTable):
    """Row, field, message: one line per error."""

    columns = 3

    def titles(self) -> tuple[str, ...]:
        return self.tr("Row"), self.tr("Field"), self.tr("Problem")

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.set_items(plan.errors if plan is not None else [])

    def cell(self, item: RowError, column: int) -> str:
        if column == 0:
            return row_number(item.row)
        label = field_label(item.field, ui_lang()) if item.field else ""
        if column == 1:
            return label or "—"
        # the field has its own column: "Mobile: enter …" says "enter …"
        message = item.message(ui_lang())
        return message[len(label) + 2:] if label and message.startswith(f"{label}: ") \
            else message


class WarningsModel(PlanTable):
    """Similar names in the same city: row, name, the similar one, city, how similar."""

    columns = 5

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Row"), self.tr("Name"), self.tr("Similar to"), self.tr("City"),
                self.tr("Similarity"))

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.set_items(plan.warnings if plan is not None else [])

    def cell(self, item: SimilarName, column: int) -> str:
        if column == 0:
            return row_number(item.row)
        if column == 1:
            return item.name
        if column == 2:
            if item.existing_id is None and item.earlier_row is not None:
                return display.fill(self.tr("{name} (row {row})"), name=item.other_name,
                                    row=row_number(item.earlier_row))
            return item.other_name
        if column == 3:
            return item.city
        return display.percent(item.score)


class DuplicatesModel(PlanTable):
    """Duplicate rows: row, name, what it matches, by what, and what is done with it
    (editable: a choice for this row alone; the choice for all rows is the default)."""

    columns = 5

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Row"), self.tr("Name in the file"), self.tr("Matches"),
                self.tr("Same"), self.tr("What to do"))

    CHOICE = 4
    # a row's choice changed (the counts follow)
    choice_changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.on_duplicate = OnDuplicate.SKIP
        self.per_row: dict[int, OnDuplicate] = {}

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.per_row = {}
        self.set_items([r for r in plan.rows if r.match is not None] if plan else [])

    def set_default(self, choice: OnDuplicate) -> None:
        """The choice for every row not chosen one by one."""
        self.on_duplicate = OnDuplicate(choice)
        # a row given the new default by hand is no longer an exception
        self.per_row = {r: c for r, c in self.per_row.items() if c is not self.on_duplicate}
        if self.items:
            last = len(self.items) - 1
            self.dataChanged.emit(self.index(0, self.CHOICE), self.index(last, self.CHOICE))
        self.choice_changed.emit()

    def options(self, **kwargs: Any) -> ImportOptions:
        return ImportOptions(on_duplicate=self.on_duplicate, per_row=dict(self.per_row),
                             **kwargs)

    def choice(self, item: PlannedRow) -> OnDuplicate:
        return self.per_row.get(item.row, self.on_duplicate)

    def cell(self, item: PlannedRow, column: int) -> str:
        assert item.match is not None
        if column == 0:
            return row_number(item.row)
        if column == 1:
            return row_name(item.values)
        if column == 2:
            return match_text(item.match)
        if column == 3:
            return by_text(item.match.by, item.match.value)
        return dict(duplicate_choices())[self.choice(item)]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not self.valid(index):
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.CHOICE else base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.valid(index) and index.column() == self.CHOICE:
            item = self.items[index.row()]
            if role == Qt.ItemDataRole.EditRole:
                return self.choice(item)
            if role == CHOICES_ROLE:
                return duplicate_choices()
            if role == Qt.ItemDataRole.ForegroundRole and item.row in self.per_row:
                return palette.token("accent")  # chosen for this row alone
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self.valid(index) or index.column() != self.CHOICE \
                or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            choice = OnDuplicate(value)
        except ValueError:
            return False
        row = self.items[index.row()].row
        if choice is self.on_duplicate:
            self.per_row.pop(row, None)
        else:
            self.per_row[row] = choice
        self.dataChanged.emit(index, index)
        self.choice_changed.emit()
        return True
