"""The campaign list's columns over the windowed record model, and a campaign's members as
a windowed table (the count first, pages of rows read from the service on demand)."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from crm_desktop.domain.marketing import percent_text
from crm_desktop.services.base import Page
from crm_desktop.services.campaigns import CampaignService
from crm_desktop.text.digits import PERSIAN_DECIMAL_SEPARATOR
from crm_desktop.text.money import MoneyUnit, format_money
from crm_desktop.ui import display, labels
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel, WindowedTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
#: what a figure without a value shows (no cost: no ROI)
NO_FIGURE = "—"


def percent(value: Fraction | None) -> str:
    """A ratio as a percentage with one decimal in the UI language ("۱۲٫۵٪", "12.5%");
    NO_FIGURE when there is none."""
    text = percent_text(value)
    if text is None:
        return NO_FIGURE
    negative = text.startswith("-")
    if display.persian():
        text = text.replace(".", PERSIAN_DECIMAL_SEPARATOR)
    shown = display.percent(text)
    # the minus stands before the number in a right-to-left line too
    return display.ltr(shown) if negative else shown


#: the columns whose figures are sums of money (their unit is said in the header)
MONEY_COLUMNS = ("cost", "revenue")


def unit_name(unit: MoneyUnit) -> str:
    return (QCoreApplication.translate("CampaignsModel", "Toman") if unit is MoneyUnit.TOMAN
            else QCoreApplication.translate("CampaignsModel", "Rial"))


def campaign_columns(unit: Callable[[], MoneyUnit]) -> list[Column]:
    """The list's columns. Ten columns share the width with the campaign's figures beside
    them, so each cell is short: the start date (both dates are on the panel) and sums
    without their unit word (the header says it: "Cost (Rial)")."""
    channels = labels.campaign_channels()
    statuses = labels.campaign_statuses()
    center = Qt.AlignmentFlag.AlignCenter
    numbers = Qt.AlignmentFlag.AlignTrailing

    def amount(rials: int) -> str:
        return format_money(rials, unit(), display.persian(), with_unit=False)

    return [
        Column("name", QCoreApplication.translate("CampaignsModel", "Name"), "name"),
        Column("channel", QCoreApplication.translate("CampaignsModel", "Channel"), "channel",
               text=lambda r: labels.label(channels, r["channel"]), align=center),
        Column("status", QCoreApplication.translate("CampaignsModel", "Status"), "status",
               text=lambda r: labels.label(statuses, r["status"]), align=center),
        Column("start", QCoreApplication.translate("CampaignsModel", "Start"), "start_date",
               text=lambda r: display.jalali(r["start_date"]), align=center),
        Column("members", QCoreApplication.translate("CampaignsModel", "Members"), "members",
               text=lambda r: display.number(r["members"]), align=numbers),
        Column("responded", QCoreApplication.translate("CampaignsModel", "Replied"), "responded",
               text=lambda r: display.number(r["responded"]), align=numbers),
        Column("converted", QCoreApplication.translate("CampaignsModel", "Converted"), "converted",
               text=lambda r: display.number(r["converted"]), align=numbers),
        Column("cost", QCoreApplication.translate("CampaignsModel", "Cost"), "cost",
               text=lambda r: amount(r["actual_cost_rial"]), align=numbers),
        Column("revenue", QCoreApplication.translate("CampaignsModel", "Revenue"), "revenue",
               text=lambda r: amount(r["revenue_rial"]), align=numbers),
        Column("roi", QCoreApplication.translate("CampaignsModel", "ROI"), "roi",
               text=lambda r: percent(r["roi_exact"]), align=numbers),
    ]


class CampaignsModel(RecordTableModel):
    """The campaign rows; `set_unit` changes the unit money is shown in."""

    def __init__(self, service: CampaignService, unit: MoneyUnit | str = MoneyUnit.RIAL,
                 parent: QObject | None = None):
        self._unit = MoneyUnit(unit)
        columns = campaign_columns(lambda: self._unit)
        self._money = [i for i, c in enumerate(columns) if c.key in MONEY_COLUMNS]
        super().__init__(service, columns, parent=parent)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        title = super().headerData(section, orientation, role)
        if title and section in self._money and orientation == Qt.Orientation.Horizontal:
            return display.fill(QCoreApplication.translate("CampaignsModel", "{figure} ({unit})"),
                                figure=title, unit=unit_name(self._unit))
        return title

    def set_unit(self, unit: MoneyUnit | str) -> None:
        unit = MoneyUnit(unit)
        if unit is self._unit:
            return
        self._unit = unit
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount() > 0:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.DisplayRole])


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_ID = int(Qt.ItemDataRole.UserRole.value) + 1


class CampaignMembersModel(WindowedTableModel):
    """One campaign's live members (optionally of one status) in contact order: the count
    is read up front, rows a page at a time, and only a few pages are kept."""

    IdRole = _ID

    def __init__(self, service: CampaignService, *, page_size: int = 200, max_pages: int = 8,
                 parent: QObject | None = None):
        super().__init__(page_size=page_size, max_pages=max_pages, parent=parent)
        self._service = service
        self.campaign_id: int | None = None
        self.status: str | None = None
        self._statuses = labels.member_statuses()
        # the columns' keys (decorate_table draws the status column as chips)
        self.columns = [
            Column("full_name", QCoreApplication.translate("CampaignMembers", "Name")),
            Column("mobile", QCoreApplication.translate("CampaignMembers", "Mobile")),
            Column("email", QCoreApplication.translate("CampaignMembers", "E-mail")),
            Column("status", QCoreApplication.translate("CampaignMembers", "Status")),
            Column("updated_at", QCoreApplication.translate("CampaignMembers", "Changed")),
        ]

    def show(self, campaign_id: int | None, status: str | None = None) -> None:
        """Show a campaign's members (with `status` only, when given)."""
        self.beginResetModel()
        self.campaign_id, self.status = campaign_id, status
        self._pages.clear()
        self._count = (0 if campaign_id is None
                       else self._service.member_count(campaign_id, status))
        self.endResetModel()

    def refresh(self) -> None:
        self.show(self.campaign_id, self.status)

    def _read_page(self, number: int) -> Page:
        assert self.campaign_id is not None
        return Page(self._service.member_window(self.campaign_id, number * self._page_size,
                                                self._page_size, self.status), None)

    # -- Qt model interface -----------------------------------------------------------
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == _ALIGN:
            return int((Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter).value)
        if role not in (_DISPLAY, _ID):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        if role == _ID:
            return int(row["id"])
        key = self.columns[index.column()].key
        value = row.get(key)
        if key == "status":
            return labels.label(self._statuses, value)
        if key == "updated_at":
            return display.jalali(value)
        if key in ("mobile", "email"):
            return display.ltr(value) if value else ""
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return self.columns[section].title
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
