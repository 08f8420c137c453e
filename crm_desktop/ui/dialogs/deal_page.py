"""One deal on a page of its own: its details, its stage history, its activities and its
proformas, with Edit, New proforma and "Mark accepted and won" (accept the selected
proforma and win the deal in one step)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.enums import STAGE_LOST, STAGE_WON, ProformaStatus
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui import display, labels, screen_fit
from crm_desktop.ui.dialogs.appointment_dialog import AppointmentDialog
from crm_desktop.ui.dialogs.deal_dialog import DealDialog
from crm_desktop.ui.dialogs.proforma_dialog import ProformaDialog
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.dialogs.record_page import RecordPage
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import icons
from crm_desktop.ui.views.detail_panel import add_value_rows

#: at most this many activities and proformas are listed
LIST_LIMIT = 200
#: the record id of a list entry (empty-state entries have none)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: a proforma entry's stored status
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2


class DealPage(RecordPage):
    watches = frozenset({"deals", "activities", "proformas", "contacts", "accounts", "users",
                         "pipeline_stages"})

    def __init__(self, core: Core, ops: Ops, deal_id: int, parent: QWidget | None = None):
        super().__init__(core, ops, parent)
        self.setObjectName("dealPage")
        self.deal_id = deal_id
        self.deal: dict[str, Any] | None = None
        screen_fit.resize(self, 720, 760)

        layout = QVBoxLayout(self)
        layout.addWidget(self.make_title("dealTitle"))

        self.form = QFormLayout()
        self.values = add_value_rows(self.form, (
            ("stage", self.tr("Stage")), ("amount", self.tr("Amount")),
            ("contact", self.tr("Contact")), ("company", self.tr("Company")),
            ("expected_close", self.tr("Expected close")), ("owner", self.tr("Owner")),
            ("satisfaction", self.tr("Satisfaction")),
        ))
        layout.addLayout(self.form)

        section_font = QFont(self.font())
        section_font.setBold(True)

        def section(text: str, name: str) -> tuple[QStandardItemModel, QListView]:
            label = QLabel(text)
            label.setFont(section_font)
            layout.addWidget(label)
            model = QStandardItemModel(self)
            view = QListView()
            view.setObjectName(name)
            view.setModel(model)
            view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
            view.setWordWrap(True)
            layout.addWidget(view, 1)
            return model, view

        self.history, self.history_view = section(self.tr("Stage history"), "dealHistory")
        self.activities, self.activities_view = section(self.tr("Activities"),
                                                        "dealActivities")
        self.proformas, self.proformas_view = section(self.tr("Proformas"), "dealProformas")
        self.proformas_view.doubleClicked.connect(self._proforma_double_clicked)
        self.proformas_view.selectionModel().currentChanged.connect(self._update_buttons)

        actions = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("editDeal")
        self.edit_button.clicked.connect(self.edit_deal)
        icons.dress(self.edit_button, "pencil")
        self.new_proforma_button = QPushButton(self.tr("New proforma"))
        self.new_proforma_button.setObjectName("newProforma")
        self.new_proforma_button.clicked.connect(self.new_proforma)
        icons.dress(self.new_proforma_button, "plus")
        self.accept_won_button = QPushButton(self.tr("Mark accepted and won"))
        self.accept_won_button.setObjectName("acceptAndWin")
        self.accept_won_button.setToolTip(self.tr(
            "Accept the selected proforma and move this deal to the won stage"))
        self.accept_won_button.clicked.connect(self.mark_accepted_and_won)
        self.log_activity_button = QPushButton(self.tr("Log activity"))
        self.log_activity_button.setObjectName("dealLogActivity")
        self.log_activity_button.clicked.connect(self.log_activity)
        icons.dress(self.log_activity_button, "plus")
        for button in (self.edit_button, self.new_proforma_button, self.accept_won_button,
                       self.log_activity_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        from crm_desktop.ui.widgets.change_history import ChangeHistory

        self.changes = ChangeHistory(core, "deals", self)
        layout.addWidget(self.changes)
        layout.addWidget(self.close_buttons())
        self.start_watching()

    # -- showing ------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            deal = self.core.deals.get(self.deal_id)
        except NotFoundError:
            self.deal = None
            self.show_gone(self.tr("Deal"), self.tr("This deal no longer exists; someone may "
                                                    "have deleted it."))
            for model in (self.history, self.activities, self.proformas):
                model.clear()
            self._update_buttons()
            return
        self.deal = deal
        self.setWindowTitle(display.fill(self.tr("Deal: {title}"), title=deal["title"]))
        self.title.setText(deal["title"])
        stages = {s["id"]: s for s in self.core.stages.list()}
        stage = stages.get(deal["stage_id"])
        stage_text = stage["name"] if stage else ""
        if stage and stage["outcome"] == STAGE_LOST and deal.get("lost_reason"):
            stage_text = display.join([stage_text, deal["lost_reason"]])
        owners = dict(self.core.users.options())
        texts = {
            "stage": stage_text,
            "amount": display.money(deal["amount_rial"], self.core.settings.display_unit),
            "contact": self._name(self.core.contacts, deal["contact_id"], "full_name"),
            "company": self._name(self.core.accounts, deal["account_id"], "name"),
            "expected_close": display.jalali(deal["expected_close"]),
            "owner": owners.get(deal["owner_id"], ""),
            "satisfaction": ("" if deal.get("satisfaction") is None else display.fill(
                self.tr("{score} of 5"), score=display.number(deal["satisfaction"]))),
        }
        self.show_values(texts)
        # a score is asked after a won deal: other deals have none to show
        self.form.setRowVisible(self.values["satisfaction"],
                                bool(stage and stage["outcome"] == STAGE_WON))
        self._fill_history()
        self._fill_activities()
        self._fill_proformas()
        self.changes.set_record(self.deal_id)
        self._update_buttons()

    @staticmethod
    def _name(service: Any, record_id: int | None, key: str) -> str:
        if record_id is None:
            return ""
        try:
            return str(service.get(record_id)[key])
        except NotFoundError:
            return ""

    def _fill_history(self) -> None:
        self.history.clear()
        rows = self.core.deals.stage_history(self.deal_id)
        if not rows:
            _empty(self.history, self.tr("No stage changes yet."))
            return
        # the arrow points the way the line reads
        arrow = " ← " if display.persian() else " → "
        for row in reversed(rows):  # newest first
            if row["from_stage"] is None:
                what = display.fill(self.tr("Created in {stage}"), stage=row["to_stage"] or "")
            else:
                what = (display.isolate(row["from_stage"]) + arrow
                        + display.isolate(row["to_stage"] or ""))
            parts = [what]
            if row["user"]:
                parts.append(display.isolate(row["user"]))
            parts.append(display.isolate(display.jalali(row["changed_at"])))
            _append(self.history, " — ".join(parts), None)

    def _fill_activities(self) -> None:
        self.activities.clear()
        page = self.core.activities.list(ListQuery(filters={"deal_id": self.deal_id},
                                                   sort=Sort("due", descending=True),
                                                   limit=LIST_LIMIT))
        if not page.rows:
            _empty(self.activities, self.tr("No activities yet: calls, meetings and tasks "
                                            "linked to this deal will appear here."))
            return
        kinds = labels.activity_kinds()
        for row in page.rows:
            mark = "✓ " if row["done_at"] is not None else "○ "
            when = row["done_at"] or row["due_at"] or row["created_at"]
            text = (f"{mark}{display.isolate(labels.label(kinds, row['kind']))}: "
                    f"{display.isolate(row['subject'] or '')}")
            if when is not None and row["done_at"] is None and row.get("due_all_day"):
                # a date-only task: no time
                text += " — " + display.isolate(display.jalali_date_only(when))
            elif when is not None:
                text += " — " + display.isolate(display.jalali(when))
            _append(self.activities, text, row["id"])

    def _fill_proformas(self) -> None:
        self.proformas.clear()
        page = self.core.proformas.list(ListQuery(filters={"deal_id": self.deal_id},
                                                  sort=Sort("number", descending=True),
                                                  limit=LIST_LIMIT))
        if not page.rows:
            _empty(self.proformas, self.tr("No proformas yet: use New proforma to issue "
                                           "one for this deal."))
            return
        statuses = labels.proforma_statuses()
        unit = self.core.settings.display_unit
        for row in page.rows:
            status = row.get("effective_status") or row["status"]
            text = display.join([display.digits(row["number"]),
                                 labels.label(statuses, status),
                                 display.money(row["total_rial"], unit)])
            item = _append(self.proformas, text, row["id"])
            item.setData(row["status"], STATUS_ROLE)

    # -- selection ----------------------------------------------------------------------
    def selected_proforma_id(self) -> int | None:
        index = self.proformas_view.currentIndex()
        if not index.isValid():
            return None
        value = index.data(ID_ROLE)
        return None if value is None else int(value)

    def select_proforma(self, proforma_id: int) -> bool:
        """Make `proforma_id` the current proforma; False when it is not listed."""
        for row in range(self.proformas.rowCount()):
            index = self.proformas.index(row, 0)
            if index.data(ID_ROLE) == proforma_id:
                self.proformas_view.setCurrentIndex(index)
                return True
        return False

    def _update_buttons(self, *_args: Any) -> None:
        live = self.deal is not None
        self.edit_button.setEnabled(live)
        self.new_proforma_button.setEnabled(live)
        self.log_activity_button.setEnabled(live)
        self.accept_won_button.setEnabled(live and self.selected_proforma_id() is not None)

    # -- actions ------------------------------------------------------------------------
    def edit_deal(self) -> None:
        if self.deal is not None:
            DealDialog.edit(self, self.core, self.ops, self.deal_id)
            self.refresh()

    def new_proforma(self) -> None:
        if self.deal is None:
            return
        ProformaDialog.edit(self, self.core, self.ops, deal_id=self.deal_id,
                            contact_id=self.deal["contact_id"],
                            account_id=self.deal["account_id"])
        self.refresh()

    def log_activity(self) -> None:
        if self.deal is None:
            return
        AppointmentDialog.edit(self, self.core, self.ops,
                               contact_id=self.deal["contact_id"], deal_id=self.deal_id)
        self.refresh()

    def open_proforma(self, proforma_id: int) -> None:
        ProformaDialog.edit(self, self.core, self.ops, proforma_id)
        self.refresh()

    def _proforma_double_clicked(self, index: QModelIndex) -> None:
        value = index.data(ID_ROLE)
        if value is not None:
            self.open_proforma(int(value))

    def mark_accepted_and_won(self) -> bool:
        """Accept the selected proforma and, when the deal is still open, win it (one
        transaction); True when it was done."""
        proforma_id = self.selected_proforma_id()
        if proforma_id is None or self.deal is None:
            return False
        outcome = self.ops.run(
            self,
            lambda: self.core.proformas.set_status(proforma_id, ProformaStatus.ACCEPTED.value,
                                                   mark_deal_won=True),
            changes=["proformas", "deals", "contacts"],
        )
        self.refresh()
        if outcome.ok:
            self.select_proforma(proforma_id)
        return outcome.ok

    @classmethod
    def show_for(cls, parent: QWidget | None, core: Core, ops: Ops, deal_id: int) -> None:
        dialog = cls(core, ops, deal_id, parent=parent)
        run_dialog(dialog)


def _append(model: QStandardItemModel, text: str, record_id: int | None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if record_id is not None:
        item.setData(record_id, ID_ROLE)
    model.appendRow(item)
    return item


def _empty(model: QStandardItemModel, text: str) -> None:
    item = QStandardItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    model.appendRow(item)
