"""A table column whose cells are chosen from a list (an import's field per column, what
to do with a duplicate row): each cell is drawn as a combo box, without a widget per row,
and a real combo box edits it when the cell is clicked.

The model gives a cell's choices under CHOICES_ROLE as [(value, text), ...], its current
value under EditRole and the text under DisplayRole; setData(index, value, EditRole)
stores a choice. A ForegroundRole colour (a flagged choice) tints the drawn text."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QWidget,
)

AnyIndex = QModelIndex | QPersistentModelIndex
CHOICES_ROLE = int(Qt.ItemDataRole.UserRole) + 40
# the room kept around the drawn combo box inside its cell
INSET = 3


class ChoiceDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        # the cell's own background (selection, alternating rows) first
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is None:
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        box = QStyleOptionComboBox()
        box.initFrom(widget)
        box.rect = option.rect.adjusted(INSET, INSET, -INSET, -INSET)  # type: ignore[attr-defined]
        box.direction = option.direction  # type: ignore[attr-defined]
        box.state = QStyle.StateFlag.State_Enabled | (
            option.state & QStyle.StateFlag.State_MouseOver)  # type: ignore[attr-defined]
        box.currentText = ""
        box.editable = False
        painter.save()
        style.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, box, painter, widget)
        # the text drawn here, not by the style: a flagged choice keeps its colour (the
        # style sheet's colours win over an option's palette)
        field = style.subControlRect(QStyle.ComplexControl.CC_ComboBox, box,
                                     QStyle.SubControl.SC_ComboBoxEditField, widget)
        field = QStyle.visualRect(box.direction, box.rect, field).adjusted(INSET, 0, -INSET, 0)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if isinstance(foreground, QBrush):
            foreground = foreground.color()
        color = foreground if isinstance(foreground, QColor) else \
            option.palette.color(QPalette.ColorRole.Text)  # type: ignore[attr-defined]
        text = option.fontMetrics.elidedText(  # type: ignore[attr-defined]
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""), Qt.TextElideMode.ElideRight,
            field.width())
        painter.setPen(color)
        painter.drawText(field, int(Qt.AlignmentFlag.AlignVCenter | QStyle.visualAlignment(
            box.direction, Qt.AlignmentFlag.AlignLeft)), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 40, max(hint.height(), 30))

    # -- editing ---------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("choiceEditor")
        for value, text in index.data(CHOICES_ROLE) or []:
            combo.addItem(text, value)
        # a choice made is stored at once and the editor closed
        combo.activated.connect(lambda _i, c=combo: self._chosen(c))
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if not isinstance(editor, QComboBox):
            return
        current = index.data(Qt.ItemDataRole.EditRole)
        for i in range(editor.count()):
            if editor.itemData(i) == current:
                editor.setCurrentIndex(i)
                break
        if editor.property("opened") is None:
            # the list drops down at once: one click on the cell chooses
            editor.setProperty("opened", True)
            QTimer.singleShot(0, editor, editor.showPopup)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: AnyIndex) -> None:
        editor.setGeometry(option.rect)  # type: ignore[attr-defined]

