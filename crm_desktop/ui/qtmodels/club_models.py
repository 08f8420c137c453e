"""The customer club's tables: its members and its points ledger (windowed record models
over core.club_members and core.club_ledger), and small tables of rows already read (the
members of each tier, the top members)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display
from crm_desktop.ui.qtmodels.headed import ColumnRowsModel
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel

Row = dict[str, Any]




def ledger_kinds() -> dict[str, str]:
    """The kinds of a ledger row, as the club page names them."""
    return {
        LedgerKind.EARNED.value: QCoreApplication.translate("ClubModels", "Earned"),
        LedgerKind.BIRTHDAY.value: QCoreApplication.translate("ClubModels", "Birthday"),
        LedgerKind.REFERRAL.value: QCoreApplication.translate("ClubModels", "Referral"),
        LedgerKind.REDEEMED.value: QCoreApplication.translate("ClubModels", "Redeemed"),
        LedgerKind.EXPIRED.value: QCoreApplication.translate("ClubModels", "Expired"),
        LedgerKind.ADJUSTED.value: QCoreApplication.translate("ClubModels", "Adjusted"),
    }


def no_tier() -> str:
    """What a member below the lowest tier shows."""
    return QCoreApplication.translate("ClubModels", "No tier")


def tier_text(row: Row) -> str:
    return row.get("tier_name") or (no_tier() if row.get("tier") is None else str(row["tier"]))


def signed_points(points: int | None) -> str:
    """A change of points with its sign ("+120", "-40"), digits in the UI language; the
    sign stays before the number in either direction."""
    if points is None:
        return ""
    sign = "+" if points > 0 else ("-" if points < 0 else "")
    return display.ltr(sign + display.number(abs(points)))


def _figure_side() -> int:
    """Figures on the trailing side of their cells, whatever their characters make of it."""
    side = (Qt.AlignmentFlag.AlignLeft if QGuiApplication.isRightToLeft()
            else Qt.AlignmentFlag.AlignRight)
    return side | Qt.AlignmentFlag.AlignAbsolute


def member_columns(unit: Callable[[], MoneyUnit] = lambda: MoneyUnit.RIAL) -> list[Column]:
    """`unit` gives the display unit of the spend when a cell is shown."""
    figure = Qt.AlignmentFlag(_figure_side())
    return [
        Column("full_name", QCoreApplication.translate("ClubModels", "Name"), "name"),
        Column("mobile", QCoreApplication.translate("ClubModels", "Mobile"), None,
               text=lambda r: display.ltr_cell(r["mobile"])),
        Column("city", QCoreApplication.translate("ClubModels", "City")),
        Column("tier", QCoreApplication.translate("ClubModels", "Tier"), None, text=tier_text),
        Column("balance", QCoreApplication.translate("ClubModels", "Points"), "balance",
               text=lambda r: display.number(r["balance"]), align=figure),
        Column("spend_12m", QCoreApplication.translate("ClubModels", "Spent in 12 months"), "spend",
               text=lambda r: display.money(r["spend_12m"], unit()), align=figure),
    ]


def ledger_columns() -> list[Column]:
    kinds = ledger_kinds()
    figure = Qt.AlignmentFlag(_figure_side())
    return [
        Column("at", QCoreApplication.translate("ClubModels", "When"), None,
               text=lambda r: display.jalali_date_only(r["at"])),
        Column("contact_name", QCoreApplication.translate("ClubModels", "Member")),
        Column("kind", QCoreApplication.translate("ClubModels", "Kind"), None,
               text=lambda r: kinds.get(r["kind"], r["kind"])),
        Column("points", QCoreApplication.translate("ClubModels", "Points"), None,
               text=lambda r: signed_points(r["points"]), align=figure),
        Column("reason", QCoreApplication.translate("ClubModels", "Reason"), None,
               text=lambda r: r.get("reason") or r.get("source_label") or ""),
        Column("expires_at", QCoreApplication.translate("ClubModels", "Expires"), None,
               text=lambda r: display.jalali_date_only(r["expires_at"])),
        Column("user_name", QCoreApplication.translate("ClubModels", "By")),
    ]


class MembersModel(RecordTableModel):
    """The members; `set_unit` changes the unit their spend is shown in."""

    def __init__(self, service: Any, unit: MoneyUnit | str = MoneyUnit.RIAL,
                 parent: QObject | None = None):
        self._unit = MoneyUnit(unit)
        super().__init__(service, member_columns(lambda: self._unit), parent=parent)

    def set_unit(self, unit: MoneyUnit | str) -> None:
        """Spend shown in `unit` from the next paint (the rows are not read again)."""
        self._unit = MoneyUnit(unit)


class LedgerModel(RecordTableModel):
    def __init__(self, service: Any, parent: QObject | None = None):
        super().__init__(service, ledger_columns(), parent=parent)


class RowsModel(ColumnRowsModel):
    """A few rows read at once (the tiers, the top members), shown through columns."""


def tier_columns(total: int) -> list[Column]:
    """The members of each tier: its name, how many, their share of every member."""
    figure = Qt.AlignmentFlag(_figure_side())

    def share(row: Row) -> str:
        part = int(row["count"]) / total if total else 0
        text = f"{part * 100:.1f}"
        return display.percent(text.replace(".", "٫") if display.persian() else text)

    return [
        Column("name", QCoreApplication.translate("ClubModels", "Tier"), None, text=tier_text),
        Column("count", QCoreApplication.translate("ClubModels", "Members"), None,
               text=lambda r: display.number(r["count"]), align=figure),
        Column("share", QCoreApplication.translate("ClubModels", "Share"), None, text=share,
               align=figure),
    ]


def top_columns() -> list[Column]:
    """The members with the most points: rank, name, tier, points."""
    figure = Qt.AlignmentFlag(_figure_side())
    return [
        Column("rank", "#", None, text=lambda r: display.number(r["rank"]), align=figure),
        Column("full_name", QCoreApplication.translate("ClubModels", "Name")),
        Column("tier", QCoreApplication.translate("ClubModels", "Tier"), None, text=tier_text),
        Column("balance", QCoreApplication.translate("ClubModels", "Points"), None,
               text=lambda r: display.number(r["balance"]), align=figure),
    ]
