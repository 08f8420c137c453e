"""Settings › Customer club: on or off, how much spend earns a point and what a point is
worth, what the tiers go by (points, or spend in the last 12 months) and the tiers
themselves (name and threshold, edited in a table), when points expire, and the points for
a birthday and for a referral. Saved together; the service checks them and recomputes
every tier when the tiers or their basis change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import ValidationError
from crm_desktop.text.digits import to_ascii_digits
from crm_desktop.text.money import MoneyUnit, parse_money
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.list_filter_dialog import problem_label
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.record_model import AnyIndex
from crm_desktop.ui.theme import icons
from crm_desktop.ui.widgets.money_edit import MoneyEdit

NAME, MINIMUM = range(2)
#: the most tiers a club has (a long ladder helps no one)
MAX_TIERS = 10
#: the largest number of points a setting takes
MAX_POINTS = 100_000_000


class TiersModel(QAbstractTableModel):
    """The tiers, lowest first: a name and the threshold (points, or spend in Rials shown
    in the display unit), both edited in place."""

    edited = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.tiers: list[dict[str, Any]] = []
        self.basis = "points"
        self.unit = MoneyUnit.RIAL

    def set_tiers(self, tiers: list[dict[str, Any]], basis: str, unit: MoneyUnit | str) -> None:
        self.beginResetModel()
        self.tiers = [dict(t) for t in tiers]
        self.basis = basis
        self.unit = MoneyUnit(unit)
        self.endResetModel()

    def set_basis(self, basis: str) -> None:
        self.basis = basis
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, MINIMUM, MINIMUM)
        if self.tiers:
            self.dataChanged.emit(self.index(0, MINIMUM),
                                  self.index(len(self.tiers) - 1, MINIMUM))

    def add_tier(self, name: str) -> int:
        """A new tier above the highest; returns its row."""
        keys = {t["key"] for t in self.tiers}
        n = len(self.tiers) + 1
        while f"tier{n}" in keys:
            n += 1
        top = max((int(t["min"]) for t in self.tiers), default=-1)
        step = 1000 if self.basis == "points" else 10_000_000
        row = len(self.tiers)
        self.beginInsertRows(QModelIndex(), row, row)
        self.tiers.append({"key": f"tier{n}", "name": name, "min": top + step if top >= 0
                           else 0})
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_tier(self, row: int) -> None:
        if 0 <= row < len(self.tiers):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.tiers[row]
            self.endRemoveRows()
            self.edited.emit()

    def minimum_text(self, value: int) -> str:
        return (display.number(value) if self.basis == "points"
                else display.money(value, self.unit))

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.tiers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == NAME:
            return self.tr("Tier")
        if section == MINIMUM:
            return (self.tr("From points") if self.basis == "points"
                    else self.tr("From spend in 12 months"))
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.tiers):
            return None
        tier = self.tiers[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(tier["name"]) if index.column() == NAME
                    else self.minimum_text(int(tier["min"])))
        if role == Qt.ItemDataRole.EditRole:
            if index.column() == NAME:
                return str(tier["name"])
            return self.minimum_text(int(tier["min"]))
        return None

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or not 0 <= index.row() < len(self.tiers)):
            return False
        tier = self.tiers[index.row()]
        if index.column() == NAME:
            tier["name"] = str(value).strip()
        else:
            amount = self.parse_minimum(str(value))
            if amount is None:
                return False
            tier["min"] = amount
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def parse_minimum(self, text: str) -> int | None:
        """A threshold typed in any digits (spend in the display unit); None: not one."""
        try:
            if self.basis == "points":
                digits = to_ascii_digits(text).replace(",", "").replace("٬", "").strip()
                value = int(digits) if digits.isascii() and digits.isdigit() else -1
                return value if 0 <= value <= MAX_POINTS else None
            return parse_money(text, self.unit)
        except (ValueError, ArithmeticError):
            return None


def _points_box(name: str, maximum: int = MAX_POINTS) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(0, maximum)
    box.setMaximumWidth(160)
    box.setGroupSeparatorShown(True)
    return box


class ClubSettings(QWidget):
    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("clubSettings")
        self.core, self.ops = core, ops
        self.enabled = QCheckBox(self.tr("Customers earn points on their purchases and "
                                         "redeem them"))
        self.enabled.setObjectName("clubEnabled")
        self.rial_per_point = MoneyEdit(field_name="rial_per_point")
        self.rial_per_point.setObjectName("clubRialPerPoint")
        self.point_value = MoneyEdit(field_name="point_value_rial")
        self.point_value.setObjectName("clubPointValue")
        for edit in (self.rial_per_point, self.point_value):
            edit.setMaximumWidth(220)
        self.basis = QComboBox()
        self.basis.setObjectName("clubBasis")
        self.basis.addItem(self.tr("Points balance"), "points")
        self.basis.addItem(self.tr("Spend in the last 12 months"), "spend")
        self.basis.setMaximumWidth(320)
        self.basis.currentIndexChanged.connect(
            lambda: self.tiers_model.set_basis(self.basis.currentData()))
        self.tiers_model = TiersModel(self)
        self.tiers = QTableView()
        self.tiers.setObjectName("clubTiers")
        self.tiers.setModel(self.tiers_model)
        self.tiers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tiers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tiers.verticalHeader().hide()
        self.tiers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tiers.setMinimumHeight(150)
        self.tiers.setMaximumHeight(200)
        self.tiers.setMaximumWidth(480)
        add = QPushButton(self.tr("Add a tier"))
        add.setObjectName("addTier")
        icons.dress(add, "plus")
        add.clicked.connect(self.add_tier)
        remove = QPushButton(self.tr("Remove the tier"))
        remove.setObjectName("removeTier")
        icons.dress(remove, "trash", danger=True)
        remove.clicked.connect(self.remove_selected_tier)
        tier_buttons = QHBoxLayout()
        tier_buttons.addWidget(add)
        tier_buttons.addWidget(remove)
        tier_buttons.addStretch(1)
        self.expiry = QSpinBox()
        self.expiry.setObjectName("clubExpiryMonths")
        self.expiry.setRange(0, 120)
        self.expiry.setSuffix(self.tr(" month(s)"))
        self.expiry.setSpecialValueText(self.tr("Never"))
        self.expiry.setMaximumWidth(160)
        self.birthday = _points_box("clubBirthdayPoints")
        self.referral = _points_box("clubReferralPoints")
        self.referral.setToolTip(self.tr(
            "Given to whoever referred a contact (the contact's \"Referred by\") when that "
            "contact's first purchase earns points; taken back with that purchase"))
        note = QLabel(self.tr("Points are earned on won deals and accepted proformas (a "
                              "purchase counted once), and taken back when that stops. "
                              "A member's tier is the highest whose threshold they reach."))
        note.setObjectName("clubNote")
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        self.problem = problem_label("clubProblem")
        self.saved = QLabel()
        self.saved.setObjectName("clubSaved")
        save = QPushButton(self.tr("Save"))
        save.setObjectName("saveClub")
        icons.dress(save, "device-floppy")
        save.clicked.connect(self.save)

        form = QFormLayout()
        form.addRow("", self.enabled)
        form.addRow(self.tr("Spend that earns one point"), self.rial_per_point)
        form.addRow(self.tr("Value of one point"), self.point_value)
        form.addRow(self.tr("Tiers go by"), self.basis)
        form.addRow(self.tr("Tiers"), self.tiers)
        form.addRow("", tier_buttons)
        form.addRow(self.tr("Points expire after"), self.expiry)
        form.addRow(self.tr("Birthday points"), self.birthday)
        form.addRow(self.tr("Points for a referral"), self.referral)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        s = self.core.club.settings()
        unit = self.core.settings.display_unit
        self.enabled.setChecked(bool(s["enabled"]))
        for edit, value in ((self.rial_per_point, s["rial_per_point"]),
                            (self.point_value, s["point_value_rial"])):
            edit.setUnit(unit)
            edit.setValue(int(value))
        self.basis.blockSignals(True)
        self.basis.setCurrentIndex(max(0, self.basis.findData(s["basis"])))
        self.basis.blockSignals(False)
        self.tiers_model.set_tiers(s["tiers"], s["basis"], unit)
        self.expiry.setValue(int(s["expiry_months"]))
        self.birthday.setValue(int(s["birthday_points"]))
        self.referral.setValue(int(s["referral_points"]))
        self.problem.setText("")

    def values(self) -> dict[str, Any]:
        """What the page holds, as ClubService.set_settings takes it."""
        return {
            "enabled": self.enabled.isChecked(),
            "rial_per_point": self.rial_per_point.value(),
            "point_value_rial": self.point_value.value(),
            "basis": self.basis.currentData(),
            "tiers": [dict(t) for t in self.tiers_model.tiers],
            "expiry_months": self.expiry.value(),
            "birthday_points": self.birthday.value(),
            "referral_points": self.referral.value(),
        }

    def add_tier(self) -> None:
        if len(self.tiers_model.tiers) >= MAX_TIERS:
            return
        row = self.tiers_model.add_tier(self.tr("New tier"))
        index = self.tiers_model.index(row, NAME)
        self.tiers.setCurrentIndex(index)
        self.tiers.edit(index)

    def remove_selected_tier(self) -> None:
        rows = self.tiers.selectionModel().selectedRows()
        if rows:
            self.tiers_model.remove_tier(rows[0].row())

    def _refused(self, error: ValidationError) -> None:
        self.saved.setText("")
        self.problem.setText(error.message(self.ops.lang()))

    def save(self) -> None:
        changes = self.values()
        self.problem.setText("")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:  # (new tiers are computed for every member: about a second at 100,000)
            outcome = self.ops.run(self, lambda: self.core.club.set_settings(changes),
                                   changes=["settings", "contact_club"],
                                   on_invalid=self._refused)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if outcome.ok:
            self.saved.setText(self.tr("Saved."))
