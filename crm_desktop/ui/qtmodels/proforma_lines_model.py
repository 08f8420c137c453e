"""The editable lines of one proforma (a few dozen rows held in memory while editing)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal

from crm_desktop.text.digits import parse_decimal
from crm_desktop.text.money import MoneyUnit, parse_money
from crm_desktop.ui import display

AnyIndex = QModelIndex
DESCRIPTION, QUANTITY, UNIT, PRICE, DISCOUNT, TAXABLE = range(6)



class ProformaLinesModel(QAbstractTableModel):
    #: the lines changed (totals must be computed again)
    edited = Signal()

    def __init__(self, unit: MoneyUnit, parent: QObject | None = None):
        super().__init__(parent)
        self.unit = MoneyUnit(unit)
        self.lines: list[dict[str, Any]] = []
        self.headers = [
            QCoreApplication.translate("ProformaLines", "Description"),
            QCoreApplication.translate("ProformaLines", "Quantity"),
            QCoreApplication.translate("ProformaLines", "Unit"),
            QCoreApplication.translate("ProformaLines", "Unit price"),
            QCoreApplication.translate("ProformaLines", "Discount"),
            QCoreApplication.translate("ProformaLines", "Taxable"),
        ]

    # -- editing ------------------------------------------------------------------------
    def set_lines(self, lines: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.lines = [dict(line) for line in lines]
        self.endResetModel()
        self.edited.emit()

    def add_line(self, line: dict[str, Any]) -> None:
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append({"description": "", "quantity": Decimal(1), "unit": "",
                           "unit_price_rial": 0, "discount_kind": "amount",
                           "discount_value": Decimal(0), "taxable": True, **line})
        self.endInsertRows()
        self.edited.emit()

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()
            self.edited.emit()

    # -- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return display.digits(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == TAXABLE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def _money(self, rials: int) -> str:
        return display.money(rials, self.unit).rsplit(" ", 1)[0]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == TAXABLE:
            return Qt.CheckState.Checked if line["taxable"] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (QUANTITY, PRICE, DISCOUNT):
            # amounts line up at the end of the reading direction
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == DESCRIPTION:
            return line["description"]
        if column == QUANTITY:
            return display.digits(format(Decimal(line["quantity"]).normalize(), "f"))
        if column == UNIT:
            return line["unit"]
        if column == PRICE:
            return self._money(int(line["unit_price_rial"]))
        if column == DISCOUNT:
            value = Decimal(line["discount_value"])
            if line["discount_kind"] == "percent":
                return display.percent(format(value.normalize(), "f"))
            return self._money(int(value)) if value else ""
        return None

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        line = self.lines[index.row()]
        column = index.column()
        try:
            if column == TAXABLE and role == Qt.ItemDataRole.CheckStateRole:
                line["taxable"] = Qt.CheckState(value) == Qt.CheckState.Checked
            elif role != Qt.ItemDataRole.EditRole:
                return False
            elif column == DESCRIPTION:
                line["description"] = str(value)
            elif column == QUANTITY:
                line["quantity"] = parse_decimal(str(value))
            elif column == UNIT:
                line["unit"] = str(value)
            elif column == PRICE:
                line["unit_price_rial"] = parse_money(str(value), self.unit)
            elif column == DISCOUNT:
                text = str(value).strip().replace("٪", "%")
                if text.endswith("%"):
                    line["discount_kind"] = "percent"
                    line["discount_value"] = parse_decimal(text[:-1])
                else:
                    line["discount_kind"] = "amount"
                    line["discount_value"] = Decimal(parse_money(text, self.unit) if text else 0)
            else:
                return False
        except (ValueError, InvalidOperation):
            return False  # the cell keeps its value; the delegate shows it again
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True
