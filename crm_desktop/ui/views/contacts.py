"""Contacts: the list with its filters, and the selected contact's details, history and
quick actions beside it."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QWidget

from crm_desktop.core import Core
from crm_desktop.services.base import ListQuery
from crm_desktop.ui import display, labels
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.contacts_model import contacts_model
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.contact_panel import ContactPanel
from crm_desktop.ui.views.record_list import ListFilter, RecordListView, duplicates_button


def editors() -> tuple[Any, Any, Any, Any]:
    """The editors the list opens, imported when first used (not at start-up): activity,
    deal, proforma and ticket dialogs."""
    from crm_desktop.ui.dialogs.activity_dialog import ActivityDialog
    from crm_desktop.ui.dialogs.deal_dialog import DealDialog
    from crm_desktop.ui.dialogs.proforma_dialog import ProformaDialog
    from crm_desktop.ui.dialogs.ticket_dialog import TicketDialog

    return ActivityDialog, DealDialog, ProformaDialog, TicketDialog


class ContactsView(RecordListView):
    watches = ("contacts", "accounts", "activities", "deals", "tickets", "users", "contact_rfm",
               "contact_club")
    state_key: ClassVar[str] = "contacts"
    table_name: ClassVar[str] = "contacts"
    singular: ClassVar[str] = "contact"
    column_widths: ClassVar[tuple[int, ...]] = (150, 110, 140, 75, 95, 90, 85, 80)
    empty_icon: ClassVar[str] = "users"
    export_kind: ClassVar[str | None] = "contacts"
    import_kind: ClassVar[str | None] = "contacts"
    chip_columns: ClassVar[dict[str, tuple[str, str]]] = {
        "lifecycle_stage": ("lifecycle_stage", "lifecycle")}
    # the club's tier stands beside the stage
    moved_columns: ClassVar[dict[str, str]] = {"tier": "lifecycle_stage"}

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        stages = list(labels.lifecycle_stages().items())
        filters = [
            ListFilter("lifecycle_stage", "stageFilter", self.tr("All stages"),
                       lambda: stages, self.tr("Stage")),
            ListFilter("city", "cityFilter", self.tr("All cities"),
                       lambda: [(c, c) for c in core.contacts.cities()], self.tr("City")),
            ListFilter("tag", "tagFilter", self.tr("All tags"),
                       lambda: [(t, t) for t in core.contacts.all_tags()], self.tr("Tag")),
            ListFilter("owner_id", "ownerFilter", self.tr("All owners"), core.users.options,
                       self.tr("Owner")),
            # the RFM segments, and the club's tiers while the club is on: one button (the
            # bar has no room for another at 1366 pixels); a choice names itself
            ListFilter("segment", "segmentFilter", self.tr("All segments"),
                       lambda: self._value_choices()),
        ]
        # a tier's key -> its name, read when the view is first shown (not while it opens)
        tier_names: dict[str, str] = {}
        super().__init__(
            core, ops, settings, service=core.contacts,
            model=contacts_model(core.contacts, tier_names=lambda: tier_names),
            panel=lambda parent: ContactPanel(core, parent), filters=filters,
            new_text=self.tr("New contact"),
            search_placeholder=self.tr("Search name, mobile, e-mail or national code (Ctrl+F)"),
            parent=parent,
        )
        self.model.setParent(self)
        self.stage_filter = self.combos["lifecycle_stage"]
        self.city_filter = self.combos["city"]
        self.tag_filter = self.combos["tag"]
        self.owner_filter = self.combos["owner_id"]
        self.segment_filter = self.combos["segment"]
        self.tier_names = tier_names
        self.club_shown: bool | None = None  # not known until the view is first shown
        self._show_club(False)
        panel: ContactPanel = self.panel
        panel.action.connect(self._quick_action)
        panel.open_item.connect(self._open_history_item)
        panel.open_company.connect(lambda cid: self.open_record.emit("companies", cid))
        panel.open_contact.connect(lambda cid: self.open_record.emit("contacts", cid))
        # several contacts at once, for "Add to list"
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_to_list_button = QPushButton(self.tr("Add to list"), self,
                                               objectName="addToList")
        self.add_to_list_button.clicked.connect(self.add_selected_to_list)
        bar = self.layout().itemAt(0).layout()
        bar.insertWidget(bar.indexOf(self.count_label), self.add_to_list_button)
        self.duplicates_button = duplicates_button(self, self.find_duplicates)
        bar.insertWidget(bar.indexOf(self.count_label), self.duplicates_button)

    # -- the customer club ----------------------------------------------------------------
    def _value_choices(self) -> list[tuple[Any, str]]:
        """The segment filter's choices: the RFM segments, then (club on) the tiers, each
        ("tier", key) named "Tier: name"."""
        choices: list[tuple[Any, str]] = list(labels.rfm_segments().items())
        if self.club_shown:
            choices += [(("tier", key), display.fill(self.tr("Tier: {name}"), name=name))
                        for key, name in self.tier_names.items()]
        return choices

    def filter_values(self) -> dict[str, Any]:
        """The service filters the buttons set ("All ...": None): a tier chosen on the
        segment button is the `tier` filter."""
        values = {key: c.currentData() for key, c in self.combos.items()}
        chosen = values.get("segment")
        tier = chosen[1] if isinstance(chosen, tuple) else None
        return {**values, "segment": None if tier else chosen, "tier": tier}

    @Slot()
    def _filters_changed(self) -> None:
        self.model.set_filters(**self.filter_values())

    def _drill_removed(self) -> None:
        query = self.model.query
        kept = {k: v for k, v in self.filter_values().items() if v is not None}
        self.model.set_query(ListQuery(filters=kept, text=query.text, sort=query.sort))

    def _show_club(self, on: bool) -> None:
        column = [c.key for c in self.model.columns].index("tier")
        self.table.setColumnHidden(column, not on)
        if on and self.table.columnWidth(column) < 40:
            self.table.setColumnWidth(column, 80)
        if not on and isinstance(self.segment_filter.currentData(), tuple):
            self.segment_filter.setCurrentIndex(0)  # no hidden tier keeps rows away

    def show_club(self) -> None:
        """The tier column and the tiers on the segment filter while the club is switched
        on (one settings read, on the first show and after a change of settings)."""
        club = self.core.club.settings()
        self.tier_names.clear()
        self.tier_names.update({t["key"]: t["name"] for t in club["tiers"]})
        self.club_shown = bool(club["enabled"])
        self.segment_filter.mark_stale()
        self._show_club(self.club_shown)

    def showEvent(self, event: QShowEvent) -> None:
        if self.club_shown is None:
            self.show_club()
        super().showEvent(event)

    def on_changed(self, tables: list[str]) -> None:
        if self.club_shown is not None and (not tables or "settings" in tables):
            self.show_club()
        super().on_changed(tables)

    def find_duplicates(self) -> None:
        from crm_desktop.ui.dialogs.duplicates_dialog import DuplicatesDialog

        DuplicatesDialog.show_for(self, self.core, self.ops, "contacts")

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [i for i in (self.model.id_at(r.row()) for r in rows) if i is not None]

    @Slot()
    def add_selected_to_list(self) -> None:
        from crm_desktop.ui.dialogs.add_to_list_dialog import AddToListDialog

        ids = self.selected_ids()
        if ids:
            AddToListDialog.ask(self, self.core, self.ops, ids)

    def export_name(self) -> str:
        return self.tr("Contacts")

    def count_text(self, n: int) -> str:
        return self.tr("%Ln contact(s)", "", n)

    def empty_text(self) -> str:
        return self.tr("No contacts yet: add the first one.")

    def show_details(self, record_id: int | None) -> None:
        self.panel.show_contact(record_id)

    def details_id(self) -> int | None:
        return self.panel.contact_id

    def open_editor(self, record_id: int | None) -> int | None:
        from crm_desktop.ui.dialogs.contact_dialog import ContactDialog

        saved, instead = ContactDialog.edit(self, self.core, self.ops, record_id)
        return instead or saved

    def delete_question(self, record_id: int) -> str:
        name = self.core.contacts.get(record_id)["full_name"]
        return self.tr("Move {name} to the Trash? You can restore it from Edit > "
                       "Trash.").replace("{name}", display.isolate(name))

    @Slot(str)
    def _quick_action(self, action: str) -> None:
        contact_id = self.panel.contact_id
        if contact_id is None:
            return
        if action in ("adjust_points", "redeem_points"):
            from crm_desktop.ui.dialogs.club_points_dialog import PointsDialog

            ask = PointsDialog.adjust if action == "adjust_points" else PointsDialog.redeem
            ask(self, self.core, self.ops, contact_id)
            return
        ActivityDialog, DealDialog, ProformaDialog, TicketDialog = editors()
        if action == "proforma":
            ProformaDialog.edit(self, self.core, self.ops, contact_id=contact_id)
        elif action == "deal":
            DealDialog.edit(self, self.core, self.ops, contact_id=contact_id)
        elif action == "ticket":
            TicketDialog.edit(self, self.core, self.ops, contact_id=contact_id)
        else:
            ActivityDialog.edit(self, self.core, self.ops, kind=action, contact_id=contact_id)

    @Slot(str, int)
    def _open_history_item(self, kind: str, item_id: int) -> None:
        _activity, DealDialog, ProformaDialog, _ticket = editors()
        if kind == "proforma":
            ProformaDialog.edit(self, self.core, self.ops, item_id)
        elif kind == "deal":
            DealDialog.edit(self, self.core, self.ops, item_id)
