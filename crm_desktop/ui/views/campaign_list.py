"""The campaigns list: name, channel, status, dates, members, responses, cost, revenue and
ROI, with filters and search; the selected campaign's figures beside it. Enter or a double
click opens the campaign's page (targets, members, figures)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.text.money import MoneyUnit, format_money
from crm_desktop.ui import display, labels
from crm_desktop.ui.dialogs.campaign_dialog import CampaignDialog
from crm_desktop.ui.dialogs.campaign_page import CampaignPage
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.campaigns_model import NO_FIGURE, CampaignsModel, percent
from crm_desktop.ui.theme import icons, tokens
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.detail_panel import DetailPanel
from crm_desktop.ui.views.record_list import ListFilter, RecordListView

#: the figures beside the list: wide enough for the longest label and a sum in Rials
PANEL_WIDTH = 270
#: room for the sort indicator beside a header's words
SORT_ARROW = 8


class CampaignPanel(DetailPanel):
    """An empty state until a campaign is chosen, then its figures."""

    def __init__(self, core: Core, parent: QWidget | None = None):
        super().__init__(core, parent, name="campaignPanel", title_name="campaignName",
                         empty_text=self.tr("Choose a campaign in the list to see its "
                                            "figures here."))
        self.open_page: Any = None  # set by the list: opens the campaign's page
        self.edit: Any = None
        buttons = self.add_actions((
            ("openCampaign", self.tr("Open campaign"), lambda: self._call(self.open_page)),
            ("panelEditCampaign", self.tr("Edit"), lambda: self._call(self.edit)),
        ))
        self.open_button = buttons["openCampaign"]
        icons.dress(self.open_button, "speakerphone", primary=True)
        icons.dress(buttons["panelEditCampaign"], "pencil")
        self.add_values((
            ("status", self.tr("Status")), ("channel", self.tr("Channel")),
            ("dates", self.tr("Dates")), ("members", self.tr("Members")),
            ("response_rate", self.tr("Response rate")),
            ("conversion_rate", self.tr("Conversion rate")),
            ("cost", self.tr("Cost")), ("revenue", self.tr("Revenue")),
            ("roi", self.tr("ROI")), ("cpa", self.tr("Cost per customer")),
            ("owner", self.tr("Owner")), ("description", self.tr("Description")),
        ))

    @property
    def campaign_id(self) -> int | None:
        return self.record_id

    def _call(self, action: Any) -> None:
        if action is not None and self.record_id is not None:
            action(self.record_id)

    def show_campaign(self, campaign_id: int | None) -> None:
        c = self.load(campaign_id, self.core.campaigns.figures)
        if c is None:
            return
        unit = self.core.settings.display_unit
        self.title_label.setText(c["name"])
        start, end = display.jalali(c["start_date"]), display.jalali(c["end_date"])
        cpa = c["cost_per_acquisition_rial"]
        self.set_values({
            "status": labels.label(labels.campaign_statuses(), c["status"]),
            "channel": labels.label(labels.campaign_channels(), c["channel"]),
            "dates": (display.fill(self.tr("{start} to {end}"), start=start, end=end)
                      if start and end else start or end),
            "members": display.number(c["members"]),
            "response_rate": percent(c["response_rate"]),
            "conversion_rate": percent(c["conversion_rate"]),
            "cost": display.money(c["actual_cost_rial"], unit),
            "revenue": display.money(c["revenue_rial"], unit),
            "roi": percent(c["roi_exact"]),
            "cpa": NO_FIGURE if cpa is None else display.money(cpa, unit),
            "owner": c["owner"] or "",
            "description": c["description"] or "",
        })


class CampaignListPage(RecordListView):
    """The first tab of the campaigns view."""

    watches = ("campaigns", "campaign_members", "campaign_targets", "deals", "contacts",
               "users", "settings", "pipeline_stages")
    state_key: ClassVar[str] = "campaigns"
    table_name: ClassVar[str] = "campaigns"
    singular: ClassVar[str] = "campaign"
    #: the least each column gets (fit_columns widens one whose header or chip needs more)
    column_widths: ClassVar[tuple[int, ...]] = (120, 60, 60, 80, 40, 40, 40, 90, 90, 50)
    empty_icon: ClassVar[str] = "speakerphone"
    chip_columns: ClassVar[dict[str, tuple[str, str]]] = {
        "status": ("status", "campaign_status"), "channel": ("channel", "campaign_channel")}

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        filters = [
            ListFilter("status", "campaignStatusFilter", self.tr("All statuses"),
                       lambda: list(labels.campaign_statuses().items()), self.tr("Status")),
            ListFilter("channel", "campaignChannelFilter", self.tr("All channels"),
                       lambda: list(labels.campaign_channels().items()), self.tr("Channel")),
        ]
        panel = CampaignPanel(core)
        super().__init__(
            core, ops, settings, service=core.campaigns,
            model=CampaignsModel(core.campaigns, core.settings.display_unit),
            panel=panel, filters=filters, new_text=self.tr("New campaign"),
            search_placeholder=self.tr("Search campaign names (Ctrl+F)"), parent=parent,
        )
        self.model.setParent(self)
        self.status_filter = self.combos["status"]
        self.channel_filter = self.combos["channel"]
        panel.open_page = self.open_page
        self.fit_columns()
        # ten columns of figures: the table takes the width, the panel keeps its own
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([960, PANEL_WIDTH])
        panel.edit = lambda cid: self._edit(cid)

    def fit_columns(self) -> None:
        """Widen a column whose header, chip or sum would be cut: the headers are words of
        the UI language (Persian ones are wider), the chips the longest channel and status,
        the sums up to hundreds of billions of Rials."""
        header = self.table.horizontalHeader()
        heavy = QFont(header.font())
        heavy.setWeight(QFont.Weight.DemiBold)  # the theme's header weight (600)
        head, cell = QFontMetrics(heavy), self.table.fontMetrics()
        pad = tokens.SPACING["s"]  # a header's, a cell's and a chip's inner margin
        head_pad, cell_pad, chip_pad = 2 * pad + 2 + SORT_ARROW, 2 * pad + 2, 4 * pad
        widest_sum = format_money(99_999_999_999, MoneyUnit.RIAL, display.persian(),
                                  with_unit=False)
        samples = {"channel": list(labels.campaign_channels().values()),
                   "status": list(labels.campaign_statuses().values()),
                   "cost": [widest_sum], "revenue": [widest_sum],
                   # a cheap campaign that brought much: thousands of percent
                   "roi": [percent(Fraction(-1)), percent(Fraction(99999, 1000))]}
        model = self.model
        keys = [c.key for c in model.columns]
        for column, width in enumerate(self.column_widths):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            need = head.horizontalAdvance(title) + head_pad
            for text in samples.get(keys[column], ()):
                extra = chip_pad if keys[column] in self.chip_columns else cell_pad
                need = max(need, cell.horizontalAdvance(text) + extra)
            self.table.setColumnWidth(column, max(width, need))

    def restore_state(self) -> None:
        """Widths remembered from an earlier version or language are widened to fit."""
        super().restore_state()
        self.fit_columns()

    def count_text(self, n: int) -> str:
        return self.tr("%Ln campaign(s)", "", n)

    def empty_text(self) -> str:
        return self.tr("No campaigns yet: plan one to see who it reached and what it earned.")

    def show_details(self, record_id: int | None) -> None:
        self.panel.show_campaign(record_id)

    def details_id(self) -> int | None:
        return self.panel.campaign_id

    def open_editor(self, record_id: int | None) -> int | None:
        return CampaignDialog.edit(self, self.core, self.ops, record_id)

    def _edit(self, campaign_id: int) -> None:
        shown = self.open_editor(campaign_id)
        if shown is not None:
            self.show_record(shown)

    def edit_selected(self) -> None:
        """Enter or a double click: the campaign's page (Edit is on the page and panel)."""
        record_id = self.selected_id()
        if record_id is not None:
            self.open_page(record_id)

    def open_page(self, campaign_id: int) -> None:
        CampaignPage.open(self, self.core, self.ops, campaign_id)

    def delete_selected(self) -> None:
        """Campaigns are not deleted (deals keep pointing at the campaign they came from):
        a campaign that will not run is set to cancelled."""

    def refresh(self) -> None:
        assert isinstance(self.model, CampaignsModel)
        self.model.set_unit(self.core.settings.display_unit)
        super().refresh()
