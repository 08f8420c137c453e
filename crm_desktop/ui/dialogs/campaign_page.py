"""One campaign on a page of its own: its status and channel, its figures (members,
response and conversion rates, cost, revenue from the won deals it brought, ROI, cost per
acquired customer), its targets (lists and customer segments) and its members, windowed,
with a status filter and status changes for the selected members or for every member of
the shown status; the selected (or shown) members can be put on a static list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.enums import MessageChannel
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui import display, labels, screen_fit
from crm_desktop.ui.dialogs.campaign_dialog import CampaignDialog
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.dialogs.record_page import RecordPage
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.campaigns_model import NO_FIGURE, CampaignMembersModel, percent
from crm_desktop.ui.theme import icons
from crm_desktop.ui.views.detail_panel import add_value_rows
from crm_desktop.ui.widgets.chip_delegate import chip_label_style, decorate_table, tone
from crm_desktop.ui.widgets.empty_state import EmptyState
from crm_desktop.ui.widgets.export_button import ExportButton

#: a target entry's id
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
#: the lists offered when adding a target
LIST_LIMIT = 1000
#: campaign channels whose message the program sends itself (the outbox's)
MESSAGE_CHANNELS = frozenset(c.value for c in MessageChannel)


def show_chip(chip: QLabel, kind: str, value: str | None, text: str) -> None:
    """A status label drawn as a chip in the tone of its value (design system)."""
    chip.setText(text)
    chip.setStyleSheet(chip_label_style(tone(kind, value) or "neutral"))


class ChoiceDialog(QDialog):
    """Pick one entry of a list (a marketing list, a segment): a searchable combo."""

    def __init__(self, title: str, prompt: str, choices: list[tuple[Any, str]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("campaignChoice")
        self.setWindowTitle(title)
        self.combo = QComboBox()
        self.combo.setObjectName("choice")
        for value, text in choices:
            self.combo.addItem(text, value)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt))
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def value(self) -> Any:
        matched = self.combo.currentText() == self.combo.itemText(self.combo.currentIndex())
        return self.combo.currentData() if matched else None

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str,
            choices: list[tuple[Any, str]]) -> Any:
        """The chosen value, or None when cancelled (tests monkeypatch this)."""
        dialog = cls(title, prompt, choices, parent)
        accepted = run_dialog(dialog) == QDialog.DialogCode.Accepted
        return dialog.value() if accepted else None


class CampaignPage(RecordPage):
    watches = frozenset({"campaigns", "campaign_members", "campaign_targets", "deals",
                         "contacts", "marketing_lists", "users", "pipeline_stages"})

    def __init__(self, core: Core, ops: Ops, campaign_id: int, parent: QWidget | None = None):
        super().__init__(core, ops, parent)
        self.setObjectName("campaignPage")
        self.campaign_id = campaign_id
        self.campaign: dict[str, Any] | None = None
        screen_fit.resize(self, 1100, 760)

        self.make_title("campaignTitle")
        self.status_chip = QLabel()
        self.status_chip.setObjectName("campaignStatusChip")
        self.channel_chip = QLabel()
        self.channel_chip.setObjectName("campaignChannelChip")
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("editCampaign")
        self.edit_button.clicked.connect(self.edit_campaign)
        icons.dress(self.edit_button, "pencil")
        # SMS and e-mail campaigns send their message from here (other channels reach
        # people by phone, at an event or on paper)
        self.message_button = QPushButton(self.tr("Write a message…"))
        self.message_button.setObjectName("composeMessage")
        self.message_button.clicked.connect(self.compose_message)
        icons.dress(self.message_button, "message-plus", primary=True)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status_chip)
        head.addWidget(self.channel_chip)
        head.addWidget(self.message_button)
        head.addWidget(self.edit_button)

        # -- figures (two columns of values) ----------------------------------------------
        figures = QGridLayout()
        left, right = QFormLayout(), QFormLayout()
        self.values = add_value_rows(left, (
            ("dates", self.tr("Dates")), ("members", self.tr("Members")),
            ("responded", self.tr("Responded")), ("converted", self.tr("Converted")),
            ("acquired", self.tr("Customers from won deals")),
        ))
        self.values.update(add_value_rows(right, (
            ("cost", self.tr("Actual cost")), ("budget", self.tr("Budget")),
            ("revenue", self.tr("Revenue from won deals")), ("roi", self.tr("ROI")),
            ("cpa", self.tr("Cost per acquired customer")),
        )))
        self.values["roi"].setToolTip(self.tr("Return on investment: (revenue - cost) / cost"))
        self.values["cpa"].setToolTip(self.tr(
            "Actual cost divided by the customers of the won deals this campaign brought"))
        figures.addLayout(left, 0, 0)
        figures.addLayout(right, 0, 1)

        # -- targets ------------------------------------------------------------------------
        section_font = QFont(self.font())
        section_font.setBold(True)
        targets_title = QLabel(self.tr("Audience"))
        targets_title.setFont(section_font)
        self.targets = QStandardItemModel(self)
        self.targets_view = QListView()
        self.targets_view.setObjectName("campaignTargets")
        self.targets_view.setModel(self.targets)
        self.targets_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.add_list_button = QPushButton(self.tr("Add a list…"))
        self.add_list_button.setObjectName("addTargetList")
        self.add_list_button.clicked.connect(self.add_list)
        icons.dress(self.add_list_button, "plus")
        self.add_segment_button = QPushButton(self.tr("Add a segment…"))
        self.add_segment_button.setObjectName("addTargetSegment")
        self.add_segment_button.clicked.connect(self.add_segment)
        icons.dress(self.add_segment_button, "plus")
        self.remove_target_button = QPushButton(self.tr("Remove"))
        self.remove_target_button.setObjectName("removeTarget")
        self.remove_target_button.clicked.connect(self.remove_target)
        icons.dress(self.remove_target_button, "trash")
        self.fill_button = QPushButton(self.tr("Make the audience members"))
        self.fill_button.setObjectName("addMembersFromTargets")
        self.fill_button.setToolTip(self.tr(
            "Every contact of these lists and segments becomes a member, once"))
        self.fill_button.clicked.connect(self.add_members)
        icons.dress(self.fill_button, "users", primary=True)
        self.targets_view.selectionModel().currentChanged.connect(self._update_buttons)
        target_buttons = QGridLayout()
        target_buttons.addWidget(self.add_list_button, 0, 0)
        target_buttons.addWidget(self.add_segment_button, 0, 1)
        target_buttons.addWidget(self.remove_target_button, 1, 0)
        target_buttons.addWidget(self.fill_button, 1, 1)
        self.targets_empty = EmptyState.over(
            self.targets_view, "speakerphone",
            self.tr("No audience yet: add a list or a customer segment."),
            self.tr("Add a list…"), self.add_list)
        targets_box = QWidget()
        targets_layout = QVBoxLayout(targets_box)
        targets_layout.setContentsMargins(0, 0, 0, 0)
        targets_layout.addWidget(targets_title)
        targets_layout.addWidget(self.targets_view, 1)
        targets_layout.addLayout(target_buttons)

        # -- members ------------------------------------------------------------------------
        members_title = QLabel(self.tr("Members"))
        members_title.setFont(section_font)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("memberStatusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for value, text in labels.member_statuses().items():
            self.status_filter.addItem(text, value)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.member_count = QLabel()
        self.member_count.setObjectName("memberCount")
        self.members = CampaignMembersModel(core.campaigns, parent=self)
        self.members_view = QTableView()
        self.members_view.setObjectName("campaignMembers")
        self.members_view.setModel(self.members)
        self.members_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members_view.verticalHeader().hide()
        header = self.members_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 120, 190, 110)):
            self.members_view.setColumnWidth(column, width)
        decorate_table(self.members_view, {"status": ("status", "member_status")})
        self.members_empty = EmptyState.over(
            self.members_view, "users",
            self.tr("No members yet: add a list or a segment, then make the audience "
                    "members."),
            self.tr("Make the audience members"), self.add_members,
            self._clear_filter, lambda: self.members.status is not None)
        self.new_status = QComboBox()
        self.new_status.setObjectName("newMemberStatus")
        for value, text in labels.member_statuses().items():
            self.new_status.addItem(text, value)
        self.set_selected_button = QPushButton(self.tr("Set for selected"))
        self.set_selected_button.setObjectName("setSelectedStatus")
        self.set_selected_button.clicked.connect(self.set_selected_status)
        self.set_all_button = QPushButton(self.tr("Set for all shown"))
        self.set_all_button.setObjectName("setShownStatus")
        self.set_all_button.setToolTip(self.tr(
            "Every member with the status chosen in the filter"))
        self.set_all_button.clicked.connect(self.set_shown_status)
        # e.g. the responders of this campaign become a list for the next one
        self.to_list_button = QPushButton(self.tr("Put members on a list…"))
        self.to_list_button.setObjectName("membersToList")
        self.to_list_button.setToolTip(self.tr(
            "The selected members, or when none is selected every member shown, go on a "
            "static list"))
        self.to_list_button.clicked.connect(self.put_on_list)
        icons.dress(self.to_list_button, "list")
        self.members_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.export_button = ExportButton(self)
        self.export_button.setVisible(core.access.can(Perm.EXPORT))
        self.export_button.setObjectName("exportMembers")
        self.export_button.requested.connect(self.export_members)
        filter_row = QHBoxLayout()
        filter_row.addWidget(members_title)
        filter_row.addWidget(self.status_filter)
        filter_row.addWidget(self.member_count, 1)
        filter_row.addWidget(self.export_button)
        filter_row.addWidget(self.to_list_button)
        bulk_row = QHBoxLayout()
        bulk_row.addWidget(QLabel(self.tr("Change status to")))
        bulk_row.addWidget(self.new_status)
        bulk_row.addWidget(self.set_selected_button)
        bulk_row.addWidget(self.set_all_button)
        bulk_row.addStretch(1)
        members_box = QWidget()
        members_layout = QVBoxLayout(members_box)
        members_layout.setContentsMargins(0, 0, 0, 0)
        members_layout.addLayout(filter_row)
        members_layout.addWidget(self.members_view, 1)
        members_layout.addLayout(bulk_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("campaignSplitter")
        splitter.addWidget(targets_box)
        splitter.addWidget(members_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 760])

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(figures)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.close_buttons())
        self.start_watching()

    # -- showing ------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            fig = self.core.campaigns.figures(self.campaign_id)
        except NotFoundError:
            self.campaign = None
            self.show_gone(self.tr("Campaign"), self.tr("This campaign no longer exists; "
                                                        "someone may have deleted it."))
            self.targets.clear()
            self.members.show(None)
            self._update_buttons()
            return
        self.campaign = fig
        self.setWindowTitle(display.fill(self.tr("Campaign: {name}"), name=fig["name"]))
        self.title.setText(fig["name"])
        show_chip(self.status_chip, "campaign_status", fig["status"],
                  labels.label(labels.campaign_statuses(), fig["status"]))
        show_chip(self.channel_chip, "campaign_channel", fig["channel"],
                  labels.label(labels.campaign_channels(), fig["channel"]))
        self.message_button.setVisible(fig["channel"] in MESSAGE_CHANNELS)
        unit = self.core.settings.display_unit
        start, end = display.jalali(fig["start_date"]), display.jalali(fig["end_date"])

        def count_and_rate(n: int, rate: Any) -> str:
            if rate is None:
                return display.number(n)
            return display.fill(self.tr("{n} ({rate})"), n=display.number(n), rate=percent(rate))

        cpa = fig["cost_per_acquisition_rial"]
        texts = {
            "dates": (display.fill(self.tr("{start} to {end}"), start=start, end=end)
                      if start and end else start or end),
            "members": display.number(fig["members"]),
            "responded": count_and_rate(fig["responded"], fig["response_rate"]),
            "converted": count_and_rate(fig["converted"], fig["conversion_rate"]),
            "acquired": display.number(fig["acquired"]),
            "cost": display.money(fig["actual_cost_rial"], unit),
            "budget": display.money(fig["budget_rial"], unit),
            "revenue": display.money(fig["revenue_rial"], unit),
            "roi": percent(fig["roi_exact"]),
            "cpa": NO_FIGURE if cpa is None else display.money(cpa, unit),
        }
        self.show_values(texts)
        self._fill_targets()
        self.members.show(self.campaign_id, self.status_filter.currentData())
        self._after_members()

    def _fill_targets(self) -> None:
        self.targets.clear()
        rows = self.core.campaigns.targets(self.campaign_id)
        if not rows:  # the empty state over the list says what to do
            return
        segments = labels.target_segments()
        for row in rows:
            if row["segment"] is not None:
                what = display.fill(self.tr("Segment: {name}"),
                                    name=labels.label(segments, row["segment"]))
            else:
                what = display.fill(self.tr("List: {name}"), name=row["name"] or "")
            size = (self.tr("contacts not counted") if row["contacts"] is None
                    else display.fill(self.tr("{n} contacts"),
                                      n=display.number(row["contacts"])))
            item = QStandardItem(f"{what} — {display.isolate(size)}")
            item.setData(row["id"], TARGET_ROLE)
            self.targets.appendRow(item)

    def _after_members(self) -> None:
        self.member_count.setText(display.fill(self.tr("{n} shown"),
                                               n=display.number(self.members.rowCount())))
        self._update_buttons()

    def _update_buttons(self, *_args: Any) -> None:
        live = self.campaign is not None
        for button in (self.edit_button, self.add_list_button, self.add_segment_button,
                       self.fill_button):
            button.setEnabled(live)
        self.remove_target_button.setEnabled(live and self.selected_target() is not None)
        self.set_selected_button.setEnabled(live and bool(self.selected_members()))
        self.to_list_button.setEnabled(live and self.members.rowCount() > 0)
        self.set_all_button.setEnabled(live and self.members.status is not None
                                       and self.members.rowCount() > 0)

    def export_members(self, fmt: str) -> bool:
        """The members shown (the status filter, the visible columns in their order) to a
        file; True when written."""
        from crm_desktop.ui.export_runner import export_list, visible_keys

        if self.campaign is None:
            return False
        status = self.members.status
        query = ListQuery(filters={"status": status} if status is not None else {})
        keys = visible_keys(self.members_view, [c.key for c in self.members.columns])
        name = display.fill(self.tr("{campaign} members"), campaign=self.campaign["name"])
        return export_list(self, self.core, kind="campaign_members", query=query, columns=keys,
                           fmt=fmt, name=display.plain(name), total=self.members.rowCount(),
                           parent_id=self.campaign_id)

    def _filter_changed(self) -> None:
        self.members.show(self.campaign_id if self.campaign else None,
                          self.status_filter.currentData())
        self._after_members()

    def _clear_filter(self) -> None:
        self.status_filter.setCurrentIndex(0)

    # -- selection ----------------------------------------------------------------------
    def selected_target(self) -> int | None:
        value = self.targets_view.currentIndex().data(TARGET_ROLE)
        return int(value) if value is not None else None

    def selected_members(self) -> list[int]:
        model = self.members_view.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return [i for i in (self.members.id_at(r.row()) for r in rows) if i is not None]

    # -- actions ------------------------------------------------------------------------
    def _run(self, action: Any) -> bool:
        return self.ops.run(self, action, changes=["campaigns", "campaign_members",
                                                   "campaign_targets"]).ok

    def compose_message(self) -> None:
        from crm_desktop.ui.dialogs.message_composer import compose

        compose(self, self.core, self.ops, self.campaign_id)

    def edit_campaign(self) -> None:
        if self.campaign is not None:
            CampaignDialog.edit(self, self.core, self.ops, self.campaign_id)

    def add_list(self) -> None:
        taken = {t["list_id"] for t in self.core.campaigns.targets(self.campaign_id)}
        lists = [(r["id"], r["name"]) for r in self.core.lists.list(
            ListQuery(sort=Sort("name"), limit=LIST_LIMIT)).rows if r["id"] not in taken]
        list_id = ChoiceDialog.ask(self, self.tr("Add a list"),
                                   self.tr("Which list is this campaign for?"), lists)
        if list_id is not None:
            self._run(lambda: self.core.campaigns.add_target(self.campaign_id, list_id=list_id))

    def add_segment(self) -> None:
        taken = {t["segment"] for t in self.core.campaigns.targets(self.campaign_id)}
        segments = [(k, v) for k, v in labels.target_segments().items() if k not in taken]
        segment = ChoiceDialog.ask(self, self.tr("Add a customer segment"),
                                   self.tr("Which customers (by their purchases) is this "
                                           "campaign for?"), segments)
        if segment is not None:
            self._run(lambda: self.core.campaigns.add_target(self.campaign_id,
                                                             segment=segment))

    def remove_target(self) -> None:
        target = self.selected_target()
        if target is not None:
            self._run(lambda: self.core.campaigns.remove_target(self.campaign_id, target))

    def add_members(self) -> None:
        self._run(lambda: self.core.campaigns.add_members_from_targets(self.campaign_id))

    def put_on_list(self) -> None:
        """The selected members (or every member shown) on a static list, new or not."""
        from crm_desktop.ui.dialogs.add_to_list_dialog import AddToListDialog

        ids = self.selected_members() or self.core.campaigns.member_ids(
            self.campaign_id, self.members.status)
        if ids:
            AddToListDialog.ask(self, self.core, self.ops, ids)

    def set_selected_status(self) -> None:
        ids = self.selected_members()
        status = self.new_status.currentData()
        if ids:
            self._run(lambda: self.core.campaigns.set_members_status(
                self.campaign_id, status, ids))

    def set_shown_status(self) -> None:
        shown = self.members.status
        status = self.new_status.currentData()
        if shown is not None:
            self._run(lambda: self.core.campaigns.set_members_status(
                self.campaign_id, status, from_status=shown))

    @classmethod
    def open(cls, parent: QWidget | None, core: Core, ops: Ops, campaign_id: int) -> None:
        """Show the page until it is closed (tests drive the page directly)."""
        run_dialog(cls(core, ops, campaign_id, parent))
