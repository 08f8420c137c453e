"""The import wizard's columns step as a table model: one row per column of the file, its
header, a few of its values, and the field it is imported as (chosen in a combo box drawn
by ui/widgets/choice_delegate.py). A field chosen for two columns is flagged on both."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
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

from crm_desktop.imports.sheet import SheetData
from crm_desktop.text.messages import field_label
from crm_desktop.ui import display
from crm_desktop.ui.theme import palette
from crm_desktop.ui.widgets.choice_delegate import CHOICES_ROLE
from crm_desktop.ui.widgets.locale_util import ui_lang

translate = QCoreApplication.translate

AnyIndex = QModelIndex | QPersistentModelIndex
HEADER, SAMPLES, FIELD = range(3)
# values shown per column, and how many rows are looked through to find them
SAMPLE_COUNT = 3
SAMPLE_ROWS = 200


def value_text(value: Any) -> str:
    """A cell as the file holds it, as text (9123456789.0 -> "9123456789")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() \
            else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


def samples(sheet: SheetData, count: int = SAMPLE_COUNT) -> list[list[str]]:
    """A few different, non-empty values of each column, from the first rows."""
    found: list[list[str]] = [[] for _ in sheet.headers]
    for row in sheet.rows[:SAMPLE_ROWS]:
        for i, value in enumerate(row.values[:len(found)]):
            text = value_text(value)
            if text and len(found[i]) < count and text not in found[i]:
                found[i].append(text)
        if all(len(f) >= count for f in found):
            break
    return found


def sample_text(value: str) -> str:
    """A value in the UI's digits; an e-mail or web address keeps its own (an address
    with Persian digits is another address)."""
    if "@" in value or "://" in value or value.lower().startswith("www."):
        return display.address(value)
    return display.digits(value)


def column_title(header: str, column: int) -> str:
    """A header as the step shows it; a blank one is named by its place."""
    if header.strip():
        return header
    return display.fill(translate("ImportWizard", "Column {n} (no title)"),
                        n=display.digits(column + 1))


class MappingModel(QAbstractTableModel):
    # the chosen fields changed (a combo box, or a new file)
    mapping_changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.headers: tuple[str, ...] = ()
        self.sample_texts: list[str] = []
        self.fields: list[tuple[str, str]] = []
        self._labels: dict[str, str] = {}
        self._mapping: list[str | None] = []

    def set_sheet(self, headers: Sequence[str], sample_values: Sequence[Sequence[str]],
                  fields: Sequence[str], mapping: Sequence[str | None]) -> None:
        """A file's columns, their values, the kind's import fields (in menu order) and
        the suggested field of each column."""
        lang = ui_lang()
        self.beginResetModel()
        self.headers = tuple(headers)
        self.sample_texts = ["  ·  ".join(display.isolate(sample_text(v)) for v in values)
                             for values in sample_values]
        self.sample_texts += [""] * (len(self.headers) - len(self.sample_texts))
        self.fields = [(key, field_label(key, lang)) for key in fields]
        self._labels = dict(self.fields)
        self._mapping = [m if m in self._labels else None for m in mapping]
        self._mapping += [None] * (len(self.headers) - len(self._mapping))
        self.endResetModel()
        self.mapping_changed.emit()

    # -- the mapping -------------------------------------------------------------------------
    def mapping(self) -> tuple[str | None, ...]:
        return tuple(self._mapping)

    def has_field(self, key: str) -> bool:
        return key in self._labels

    def label(self, key: str) -> str:
        return self._labels.get(key, key)

    def set_field(self, column: int, key: str | None) -> bool:
        if not 0 <= column < len(self._mapping) or (key is not None and key not in self._labels):
            return False
        if self._mapping[column] == key:
            return True
        self._mapping[column] = key
        # a flag may appear or go on other rows too
        self.dataChanged.emit(self.index(0, FIELD), self.index(len(self._mapping) - 1, FIELD))
        self.mapping_changed.emit()
        return True

    def twice(self) -> dict[str, list[int]]:
        """Fields chosen for more than one column -> those columns (in order)."""
        columns: dict[str, list[int]] = {}
        for i, key in enumerate(self._mapping):
            if key is not None:
                columns.setdefault(key, []).append(i)
        return {k: v for k, v in columns.items() if len(v) > 1}

    def imported(self) -> int:
        return sum(1 for key in self._mapping if key is not None)

    # -- the model ---------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Column in your file"), self.tr("Values in it"), self.tr("Import as"))
        return titles[section] if 0 <= section < 3 else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == FIELD else base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.headers):
            return None
        row, column = index.row(), index.column()
        key = self._mapping[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == HEADER:
                return column_title(self.headers[row], row)
            if column == SAMPLES:
                return self.sample_texts[row]
            if column == FIELD:
                return self.label(key) if key is not None else self.tr("Don't import")
        elif role == Qt.ItemDataRole.EditRole and column == FIELD:
            return key
        elif role == CHOICES_ROLE and column == FIELD:
            return [(None, self.tr("Don't import")), *self.fields]
        elif role == Qt.ItemDataRole.ForegroundRole:
            if column == FIELD and key is not None and key in self.twice():
                return palette.token("danger")
            if (column == FIELD and key is None) or column == SAMPLES:
                return palette.token("text_muted")
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == FIELD and key is not None and key in self.twice():
                return self.tr("This field is chosen for another column too: keep it for one.")
            if column == SAMPLES and self.sample_texts[row]:
                return self.sample_texts[row]
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != FIELD or role != Qt.ItemDataRole.EditRole:
            return False
        return self.set_field(index.row(), value or None)
