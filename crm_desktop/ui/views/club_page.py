"""The customer club (a page of the campaigns view): how many members each tier holds, the
members with the most points, every member (searched, filtered by tier, sorted by points or
spend) and the points ledger (filtered by kind), each exported like the other lists; while
the club is switched off, a sentence saying where to switch it on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.permissions import Perm
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui import display
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.club_models import (
    LedgerModel,
    MembersModel,
    RowsModel,
    ledger_kinds,
    no_tier,
    tier_columns,
    top_columns,
)
from crm_desktop.ui.qtmodels.record_model import RecordTableModel
from crm_desktop.ui.theme import icons
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.views.record_list import FilterButton, ListFilter
from crm_desktop.ui.widgets.chip_delegate import decorate_table
from crm_desktop.ui.widgets.export_button import ExportButton
from crm_desktop.ui.widgets.search_box import SearchBox

#: tables whose changes the page shows
WATCHES = ("club", "club_ledger", "contact_club", "settings", "contacts", "deals",
           "proformas")
#: how many members the "top members" table shows
TOP = 10
#: the width of the side with the tiers and the top members
SIDE_WIDTH = 330
MEMBER_WIDTHS = (170, 110, 90, 90, 80)
LEDGER_WIDTHS = (90, 160, 80, 70, 220, 90)


def _table(name: str, model: Any, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    decorate_table(table)
    return table


class ClubList(QWidget):
    """A windowed list of the club (members or ledger): search, one filter, the count, the
    Export button, and the table."""

    def __init__(self, core: Core, model: RecordTableModel, *, name: str, kind: str,
                 search: str, filt: ListFilter, count: Callable[[int], str],
                 title: Callable[[], str], sort: Sort | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.core = core
        self.model = model
        self.kind = kind
        self._count = count
        self._title = title
        self.search = SearchBox(self)
        self.search.setObjectName(f"{name}Search")
        self.search.setPlaceholderText(search)
        self.search.searchRequested.connect(self.model.set_text)
        self.filter = FilterButton(filt, self)
        self.filter.currentIndexChanged.connect(self._filtered)
        self.count_label = QLabel(self)
        self.count_label.setObjectName(f"{name}Count")
        self.export_button = ExportButton(self)
        self.export_button.setVisible(core.access.can(Perm.EXPORT))
        self.export_button.setObjectName(f"{name}Export")
        self.export_button.requested.connect(self.export)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.filter)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_button)
        self.table = _table(f"{name}Table", model, self)
        self.table.setSortingEnabled(False)
        self._filter_key = filt.key
        self.model.modelReset.connect(self._counted)
        self.model.set_query(ListQuery(sort=sort))
        if sort is not None and (where := self.model.sort_column_for(sort)) is not None:
            self.table.horizontalHeader().setSortIndicator(*where)
        self.table.setSortingEnabled(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def _filtered(self) -> None:
        self.model.set_filters(**{self._filter_key: self.filter.currentData()})

    def _counted(self) -> None:
        self.count_label.setText(self._count(self.model.rowCount()))

    def choose(self, value: Any) -> None:
        """Show only the rows whose filter value is `value` (None: every row)."""
        index = self.filter.findData(value) if value is not None else 0
        self.filter.setCurrentIndex(max(0, index))

    def refresh(self) -> None:
        self.filter.mark_stale()
        self.model.refresh()

    def export(self, fmt: str) -> bool:
        """The rows as the table shows them (search, filter, sort, visible columns)."""
        from crm_desktop.ui.export_runner import export_list, visible_keys

        keys = visible_keys(self.table, [c.key for c in self.model.columns])
        return export_list(self, self.core, kind=self.kind, query=self.model.query,
                           columns=keys, fmt=fmt, name=self._title(),
                           total=self.model.rowCount())


class ClubPage(BaseView):
    watches = WATCHES

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        self.setObjectName("clubPage")
        title = QLabel(self.tr("Customer club"), self)
        title.setObjectName("clubTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        self.about = QLabel(self)
        self.about.setObjectName("clubAbout")
        self.about.setWordWrap(True)
        self.recompute_button = QPushButton(self.tr("Recompute"), self)
        self.recompute_button.setObjectName("recomputeClub")
        self.recompute_button.setToolTip(self.tr(
            "Compute every member's balance and tier again from the points ledger"))
        icons.dress(self.recompute_button, "refresh")
        self.recompute_button.clicked.connect(self.recompute)
        top = QHBoxLayout()
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(self.about)
        top.addLayout(words, 1)
        top.addWidget(self.recompute_button, 0, Qt.AlignmentFlag.AlignTop)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("clubStack")
        self.stack.addWidget(self._off_page())
        self.stack.addWidget(self._club_page())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.refresh()

    # -- building ---------------------------------------------------------------------------
    def _off_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("clubOff")
        icon = QLabel(page)
        icon.setPixmap(icons.icon("award").pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(self.tr(
            "The customer club is switched off. Switch it on in Settings › Customer club: "
            "customers then earn points on their purchases, climb tiers and spend their "
            "points as a discount."), page)
        text.setObjectName("clubOffText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(self.tr("Open Settings"), page)
        button.setObjectName("openClubSettings")
        icons.dress(button, "settings", primary=True)
        button.clicked.connect(lambda _checked=False: self.navigate.emit("settings"))
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(icon)
        box.addWidget(text)
        box.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        return page

    def _club_page(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("clubSplitter")
        side = QWidget(splitter)
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        self.tiers_model = RowsModel(tier_columns(0), self)
        tiers_heading = QLabel(self.tr("Members by tier"), side)
        tiers_heading.setProperty("role", "heading")
        self.tiers = _table("clubTiers", self.tiers_model, side)
        self.tiers.setToolTip(self.tr("Choose a tier to list its members"))
        self.tiers.clicked.connect(self._tier_chosen)
        self.top_model = RowsModel(top_columns(), self)
        top_heading = QLabel(self.tr("Top members"), side)
        top_heading.setProperty("role", "heading")
        self.top = _table("clubTop", self.top_model, side)
        self.top.doubleClicked.connect(lambda index: self._open_contact(
            self.top_model.data(index, RowsModel.IdRole)))
        for heading in (tiers_heading, top_heading):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
        side_box.addWidget(tiers_heading)
        side_box.addWidget(self.tiers, 2)
        side_box.addWidget(top_heading)
        side_box.addWidget(self.top, 3)

        self.tabs = QTabWidget(splitter)
        self.tabs.setObjectName("clubTabs")
        self.tabs.setDocumentMode(True)
        core = self.core
        self.members = ClubList(
            core, MembersModel(core.club_members, core.settings.display_unit, self),
            name="clubMembers", kind="club_members",
            search=self.tr("Search a member's name or mobile"),
            filt=ListFilter("tier", "clubTierFilter", self.tr("All tiers"), self._tier_choices,
                            self.tr("Tier")),
            count=lambda n: display.digits(self.tr("%Ln member(s)", "", n)),
            title=lambda: self.tr("Club members"), sort=Sort("balance", descending=True),
            parent=self.tabs)
        self.members.table.doubleClicked.connect(
            lambda index: self._open_contact(self.members.model.id_at(index.row())))
        self.ledger = ClubList(
            core, LedgerModel(core.club_ledger, self), name="clubLedger", kind="club_ledger",
            search=self.tr("Search a member"),
            filt=ListFilter("kind", "clubKindFilter", self.tr("All kinds"),
                            lambda: list(ledger_kinds().items()), self.tr("Kind")),
            count=lambda n: display.digits(self.tr("%Ln row(s)", "", n)),
            title=lambda: self.tr("Points ledger"), sort=None, parent=self.tabs)
        self.ledger.table.doubleClicked.connect(self._open_ledger_contact)
        for table, widths in ((self.members.table, MEMBER_WIDTHS),
                              (self.ledger.table, LEDGER_WIDTHS)):
            for column, width in enumerate(widths):
                table.setColumnWidth(column, width)
        self.tabs.addTab(self.members, self.tr("Members"))
        self.tabs.addTab(self.ledger, self.tr("Points ledger"))
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([SIDE_WIDTH, 800])
        self.splitter = splitter
        return splitter

    def _fit_side(self) -> None:
        """The side's tables fit its width: the names take what the figures leave (set
        again after each reset of their rows, which lays the columns out anew)."""
        for table, name_column, widths in ((self.tiers, 0, {1: 70, 2: 70}),
                                           (self.top, 1, {0: 34, 2: 80, 3: 70})):
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(name_column, QHeaderView.ResizeMode.Stretch)
            for column, width in widths.items():
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                table.setColumnWidth(column, width)
            table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _tier_choices(self) -> list[tuple[Any, str]]:
        return [(t["key"], t["name"]) for t in self.core.club.settings()["tiers"]]

    # -- reading ----------------------------------------------------------------------------
    def enabled(self) -> bool:
        return bool(self.core.club.settings()["enabled"])

    def refresh(self) -> None:
        club = self.core.club.settings()
        on = bool(club["enabled"])
        self.stack.setCurrentIndex(1 if on else 0)
        self.recompute_button.setVisible(on)
        unit = self.core.settings.display_unit
        if not on:
            self.about.setText(self.tr("Loyalty points and tiers for your customers."))
            return
        outstanding = self.core.club.outstanding()
        parts = [
            display.fill(self.tr("One point for every {amount} spent"),
                         amount=display.money(club["rial_per_point"], unit)),
            display.fill(self.tr("a point is worth {amount}"),
                         amount=display.money(club["point_value_rial"], unit)),
            display.fill(self.tr("{points} points outstanding"),
                         points=display.number(outstanding)),
        ]
        months = int(club["expiry_months"])
        parts.append(self.tr("points expire after %n month(s)", "", months) if months
                     else self.tr("points never expire"))
        self.about.setText(display.digits(("، " if display.persian() else "; ").join(parts)))
        sizes = self.core.club.tier_sizes()
        total = sum(int(r["count"]) for r in sizes)
        self.tiers_model.columns = tier_columns(total)
        self.tiers_model.set_rows([{**r, "tier_name": r.get("name") or None} for r in sizes
                                   if r.get("tier") is not None or int(r["count"])])
        top = self.core.club_members.list(
            ListQuery(sort=Sort("balance", descending=True), limit=TOP)).rows
        self.top_model.set_rows([{**r, "rank": i} for i, r in enumerate(top, 1)
                                 if int(r["balance"] or 0) > 0])
        self._fit_side()
        self.members.model.set_unit(unit)  # type: ignore[attr-defined]
        self.members.refresh()
        self.ledger.refresh()

    def on_changed(self, tables: list[str]) -> None:
        if not tables or set(tables) & set(self.watches):
            self.refresh()

    def recompute(self) -> None:
        """Every balance and tier computed again (under two seconds at 100,000 contacts),
        with the busy cursor and the button off while it runs."""
        self.recompute_button.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ops.run(self, self.core.club.recompute, changes=["contact_club"])
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.recompute_button.setEnabled(True)

    # -- going elsewhere --------------------------------------------------------------------
    def _tier_chosen(self, index: Any) -> None:
        row = self.tiers_model.row_data(index.row())
        if row is None:
            return
        self.tabs.setCurrentWidget(self.members)
        self.members.choose(row.get("tier"))

    def _open_contact(self, contact_id: Any) -> None:
        if contact_id is not None:
            self.open_record.emit("contacts", int(contact_id))

    def _open_ledger_contact(self, index: Any) -> None:
        row = self.ledger.model.row_data(index.row())
        if row is not None:
            self._open_contact(row.get("contact_id"))

    def focus_search(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, ClubList):
            current.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            current.search.selectAll()

    def save_state(self) -> None:
        self.settings.set_state("club/splitter", self.splitter.saveState())

    def restore_state(self) -> None:
        state = self.settings.state("club/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def tier_name(self, key: str | None) -> str:
        return next((t["name"] for t in self.core.club.settings()["tiers"] if t["key"] == key),
                    no_tier())
