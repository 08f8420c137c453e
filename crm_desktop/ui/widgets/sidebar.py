"""The side bar: one row per section with an icon and a label, a clear selected state, a
count where it helps (overdue activities, open tickets: read from the services and refreshed
when data changes), and a button that collapses it to icons (remembered)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.enums import TicketStatus
from crm_desktop.services.base import ListQuery
from crm_desktop.ui import display
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import icons, palette, tokens
from crm_desktop.ui.ui_settings import UiSettings

#: the icon of each section (Tabler names, resources/icons)
SECTION_ICONS = {
    "dashboard": "layout-dashboard",
    "contacts": "users",
    "companies": "building",
    "pipeline": "layout-kanban",
    "activities": "calendar-event",
    "campaigns": "speakerphone",
    "tickets": "ticket",
    "products": "package",
    "reports": "chart-bar",
    "settings": "settings",
}

KeyRole = int(Qt.ItemDataRole.UserRole)
CountRole = int(Qt.ItemDataRole.UserRole) + 1
_FINISHED = frozenset({TicketStatus.RESOLVED.value, TicketStatus.CLOSED.value})


def overdue_activities(core: Core) -> int:
    return core.activities.count(ListQuery(filters={"state": "overdue"}))


def open_tickets(core: Core) -> int:
    return sum(n for status, n in core.tickets.counts_by_status().items()
               if status not in _FINISHED)


#: the sections that show a count, and how it is read
COUNTS: dict[str, Callable[[Core], int]] = {
    "activities": overdue_activities,
    "tickets": open_tickets,
}


class SidebarDelegate(QStyledItemDelegate):
    """Paints a row: the selected mark, the icon, the label (elided) and the count badge."""

    def __init__(self, sidebar: Sidebar):
        super().__init__(sidebar)
        self.sidebar = sidebar

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        height = max(36, option.fontMetrics.height() + 2 * tokens.SPACING["m"])
        return QSize(option.rect.width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 2, -4, -2)
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            path = QPainterPath()
            path.addRoundedRect(rect, tokens.RADIUS["medium"], tokens.RADIUS["medium"])
            painter.fillPath(path, palette.token("sidebar_selected" if selected else "hover"))
        if selected:
            # the accent mark on the leading edge
            mark = QRect(rect.right() - 3, rect.top() + 6, 3, rect.height() - 12) if rtl \
                else QRect(rect.left(), rect.top() + 6, 3, rect.height() - 12)
            painter.fillRect(mark, palette.token("accent"))

        size = tokens.ICON_SIZES["medium"]
        pad = tokens.SPACING["m"]
        collapsed = self.sidebar.collapsed
        if collapsed:
            icon_rect = QRect(0, 0, size, size)
            icon_rect.moveCenter(rect.center())
        else:
            x = rect.right() - pad - size + 1 if rtl else rect.left() + pad
            icon_rect = QRect(x, rect.center().y() - size // 2, size, size)
        name = index.data(KeyRole)
        icon = icons.icon(SECTION_ICONS.get(name, "layout-dashboard"),
                          "accent" if selected else None)
        icon.paint(painter, icon_rect)

        count = index.data(CountRole) or 0
        badge = QRect()
        font = QFont(option.font)
        if count:
            badge_font = QFont(font)
            badge_font.setPointSizeF(tokens.font_size("caption", "normal") * 0.85 if collapsed
                                     else tokens.font_size("caption",
                                                           palette.current_text_size()))
            badge_font.setBold(True)
            text = display.number(count) if count < 1000 else display.number(999) + "+"
            metrics = QFontMetrics(badge_font)
            w = max(metrics.horizontalAdvance(text) + 10, metrics.height() + 2)
            h = metrics.height() + 2
            if collapsed:
                # on the icon's trailing top corner, covering as little of it as it can
                bx = max(rect.left(), icon_rect.left() - w + 4) if rtl \
                    else min(rect.right() - w + 1, icon_rect.right() - 4)
                badge = QRect(bx, max(rect.top(), icon_rect.top() - h // 2 - 2), w, h)
            else:
                bx = rect.left() + pad if rtl else rect.right() - pad - w + 1
                badge = QRect(bx, rect.center().y() - h // 2, w, h)
            path = QPainterPath()
            path.addRoundedRect(badge, h / 2, h / 2)
            painter.fillPath(path, palette.token("badge"))
            painter.setFont(badge_font)
            painter.setPen(palette.token("text_on_accent"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

        if not collapsed:
            painter.setFont(font)
            painter.setPen(palette.token("text"))
            if rtl:
                text_rect = QRect(rect.left() + pad, rect.top(),
                                  icon_rect.left() - pad - rect.left() - pad, rect.height())
                if count:
                    text_rect.setLeft(badge.right() + tokens.SPACING["s"])
            else:
                text_rect = QRect(icon_rect.right() + pad, rect.top(),
                                  rect.right() - pad - icon_rect.right() - pad, rect.height())
                if count:
                    text_rect.setRight(badge.left() - tokens.SPACING["s"])
            label = option.fontMetrics.elidedText(index.data(Qt.ItemDataRole.DisplayRole),
                                                  Qt.TextElideMode.ElideRight,
                                                  text_rect.width())
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter
                                            | Qt.AlignmentFlag.AlignLeading), label)
        painter.restore()


class Sidebar(QWidget):
    """The list of sections (`list`, one item per section) and the collapse button."""

    def __init__(self, sections: Sequence[tuple[str, str]], core: Core, ops: Ops,
                 settings: UiSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.core = core
        self.settings = settings
        self.collapsed = False
        self.list = QListWidget()
        self.list.setObjectName("navigation")
        self.list.setMouseTracking(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(SidebarDelegate(self))
        for key, title in sections:
            item = QListWidgetItem(title)
            item.setData(KeyRole, key)
            item.setToolTip(title)
            self.list.addItem(item)
        self.toggle = QToolButton()
        self.toggle.setObjectName("sidebarToggle")
        self.toggle.setAutoRaise(True)
        self.toggle.setIconSize(QSize(tokens.ICON_SIZES["medium"], tokens.ICON_SIZES["medium"]))
        self.toggle.clicked.connect(lambda: self.set_collapsed(not self.collapsed))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, tokens.SPACING["s"], 0, tokens.SPACING["s"])
        layout.setSpacing(tokens.SPACING["xs"])
        layout.addWidget(self.list, 1)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignHCenter)
        ops.changed.connect(lambda _tables: self.update_counts())
        self.set_collapsed(settings.sidebar_collapsed)
        self.update_counts()

    def set_collapsed(self, collapsed: bool) -> None:
        """Icons only (True) or icons and labels; remembered in desktop.ini."""
        self.collapsed = collapsed
        self.settings.sidebar_collapsed = collapsed
        self.setFixedWidth(tokens.SIDEBAR_COLLAPSED_WIDTH if collapsed
                           else tokens.SIDEBAR_WIDTH)
        self.toggle.setIcon(icons.icon("layout-sidebar-left-expand" if collapsed
                                       else "layout-sidebar-left-collapse"))
        self.toggle.setToolTip(self.tr("Show the section names") if collapsed
                               else self.tr("Show icons only"))
        self.list.doItemsLayout()
        self.list.viewport().update()

    def count(self, key: str) -> int:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(KeyRole) == key:
                return int(item.data(CountRole) or 0)
        raise KeyError(key)

    def update_counts(self) -> None:
        """Read the counts again (overdue activities, open tickets)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            read = COUNTS.get(item.data(KeyRole))
            if read is not None:
                n = read(self.core)
                item.setData(CountRole, n)
                title = item.text()
                item.setToolTip(title if not n else f"{title} ({display.number(n)})")
