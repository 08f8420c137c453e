"""The pipeline's stages in Settings: rename, reorder, probability, add and remove (the deals
of a removed stage move to a stage the user picks)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.ui import display
from crm_desktop.ui.dialogs import stage_dialog
from crm_desktop.ui.errors import show_message
from crm_desktop.ui.ops import Ops

Index = QModelIndex | QPersistentModelIndex
NAME, PROBABILITY, OUTCOME, DEALS = range(4)


class StageModel(QAbstractTableModel):
    """One row per stage, in pipeline order: name, probability %, outcome, live deals."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.headers = [self.tr("Stage"), self.tr("Probability"), self.tr("Outcome"),
                        self.tr("Deals")]
        self._outcomes: dict[str, str] = {}

    def set_rows(self, rows: list[dict[str, Any]], outcomes: dict[str, str]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._outcomes = outcomes
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == NAME:
                return str(row["name"])
            if col == PROBABILITY:
                return display.percent(row["probability"])
            if col == OUTCOME:
                return self._outcomes.get(row["outcome"], row["outcome"])
            if col == DEALS:
                return display.number(row.get("deals", 0))
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (PROBABILITY, DEALS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None


class StageEditor(QWidget):
    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stageEditor")
        self.core = core
        self.ops = ops
        self.model = StageModel(self)
        self.table = QTableView()
        self.table.setObjectName("stageTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(200)
        self.table.doubleClicked.connect(lambda _index: self.edit_stage())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = self._button("addStage", self.tr("Add…"), self.add_stage)
        self.edit_button = self._button("editStage", self.tr("Edit…"), self.edit_stage)
        self.up_button = self._button("moveStageUp", self.tr("Move up"),
                                      lambda: self.move_selected(-1))
        self.down_button = self._button("moveStageDown", self.tr("Move down"),
                                        lambda: self.move_selected(1))
        self.remove_button = self._button("removeStage", self.tr("Remove…"),
                                          self.remove_stage)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.up_button, self.down_button,
                  self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        ops.changed.connect(self._on_changed)
        self.refresh()

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- reading ---------------------------------------------------------------------------
    def _on_changed(self, tables: list[str]) -> None:
        if not tables or {"stages", "deals"} & set(tables):
            self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        if select_id is None:
            select_id = self.selected_id()
        rows = self.core.stages.list()
        counts = self.core.stages.deal_counts()
        for row in rows:
            row["deals"] = counts.get(row["id"], 0)
        outcomes = {o: stage_dialog.outcome_label(o) for o in ("open", "won", "lost")}
        self.model.set_rows(rows, outcomes)
        # every stage in sight: the table is as tall as its rows (the page scrolls)
        header = self.table.horizontalHeader().sizeHint().height()
        rows_height = self.table.verticalHeader().defaultSectionSize() * len(rows)
        self.table.setMinimumHeight(max(200, header + rows_height + 2 * self.table.frameWidth()
                                        + 2))
        self.select(select_id)

    def select(self, stage_id: int | None) -> None:
        for i, row in enumerate(self.model.rows):
            if row["id"] == stage_id:
                # the selection model directly: selectRow needs a shown, laid-out view
                flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                         | QItemSelectionModel.SelectionFlag.Rows)
                self.table.selectionModel().setCurrentIndex(self.model.index(i, 0), flags)
                break
        else:
            self.table.clearSelection()
        self._update_buttons()

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return None if row is None else int(self.model.rows[row]["id"])

    def _update_buttons(self) -> None:
        row = self.selected_row()
        chosen = row is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < len(self.model.rows) - 1)

    # -- writing ---------------------------------------------------------------------------
    def add_stage(self) -> None:
        stage_id = stage_dialog.StageDialog.edit(self, self.core, self.ops)
        if stage_id is not None:
            self.refresh(stage_id)

    def edit_stage(self) -> None:
        stage_id = self.selected_id()
        if stage_id is None:
            return
        if stage_dialog.StageDialog.edit(self, self.core, self.ops, stage_id) is not None:
            self.refresh(stage_id)

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if row is None or not 0 <= row + step < len(self.model.rows):
            return
        ids = [int(r["id"]) for r in self.model.rows]
        ids[row], ids[row + step] = ids[row + step], ids[row]
        stage_id = ids[row + step]
        outcome = self.ops.run(self, lambda: self.core.stages.reorder(ids),
                               changes=["stages", "deals"])
        if outcome.ok:
            self.refresh(stage_id)

    def remove_stage(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        stage = self.model.rows[row]
        same = [r for r in self.model.rows if r["outcome"] == stage["outcome"]]
        if len(same) <= 1:
            show_message(self, self.tr(
                "The pipeline needs at least one open, one won and one lost stage, so this "
                "stage cannot be removed. Rename it instead."))
            return
        others = [r for r in self.model.rows if r["id"] != stage["id"]]
        # the closest stage of the same kind first: deals keep their open or closed state
        others.sort(key=lambda r: (r["outcome"] != stage["outcome"],
                                   abs(r["position"] - stage["position"])))
        count = self.core.stages.deal_count(stage["id"])
        target = stage_dialog.RemoveStageDialog.ask(self, others, count)
        if target is None:
            return
        outcome = self.ops.run(self, lambda: self.core.stages.remove(stage["id"], target),
                               changes=["stages", "deals"])
        if outcome.ok:
            self.refresh(target)
