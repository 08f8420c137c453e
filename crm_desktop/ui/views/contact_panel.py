"""The selected contact: its fields, its company, its whole history and quick actions."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.services.timeline import TimelineItem
from crm_desktop.ui import display, labels

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class ContactPanel(QStackedWidget):
    # "call", "note", "task", "deal" or "ticket"
    action = Signal(str)
    # a history item was opened: (kind, id) — "activity", "deal", "proforma", "ticket"
    open_item = Signal(str, int)
    open_company = Signal(int)

    def __init__(self, core: Core, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("contactPanel")
        self.core = core
        self.contact_id: int | None = None

        empty = QLabel(self.tr("Choose a contact in the list to see their details and "
                               "history here."))
        empty.setObjectName("contactPanelEmpty")
        empty.setWordWrap(True)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(empty)

        page = QWidget()
        layout = QVBoxLayout(page)
        self.name = QLabel()
        self.name.setObjectName("contactName")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name.setFont(font)
        self.stage = QLabel()
        self.stage.setObjectName("contactStage")
        layout.addWidget(self.name)
        layout.addWidget(self.stage)

        buttons = QGridLayout()
        for i, (key, text) in enumerate((
            ("call", self.tr("Log a call")), ("note", self.tr("Add a note")),
            ("task", self.tr("Add a task")), ("deal", self.tr("New deal")),
            ("proforma", self.tr("New proforma")), ("ticket", self.tr("New ticket")),
        )):
            button = QPushButton(text)
            button.setObjectName(f"quick_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.action.emit(k))
            buttons.addWidget(button, i // 3, i % 3)
        layout.addLayout(buttons)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading)
        self.values: dict[str, QLabel] = {}
        for key, text in (
            ("mobile", self.tr("Mobile")), ("phone", self.tr("Phone")),
            ("email", self.tr("E-mail")), ("national_code", self.tr("National code")),
            ("birthday", self.tr("Birthday")), ("company", self.tr("Company")),
            ("job_title", self.tr("Job title")), ("city", self.tr("City")),
            ("address", self.tr("Address")), ("owner", self.tr("Owner")),
            ("source", self.tr("How they found us")), ("tags", self.tr("Tags")),
            ("notes", self.tr("Notes")),
        ):
            value = QLabel()
            value.setObjectName(f"value_{key}")
            value.setWordWrap(True)
            value.setAlignment(display.value_alignment())
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(text, value)
        display.address_widget(self.values["email"])
        self.values["company"].setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.values["company"].linkActivated.connect(
            lambda href: self.open_company.emit(int(href.split(":")[1])))
        layout.addLayout(self.form)

        history = QLabel(self.tr("History"))
        history.setFont(font)
        layout.addWidget(history)
        self.timeline = QStandardItemModel(self)
        self.timeline_view = QListView()
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.timeline_view.setWordWrap(True)
        self.timeline_view.activated.connect(self._open_item)
        layout.addWidget(self.timeline_view, 1)
        self.addWidget(page)

    def show_contact(self, contact_id: int | None) -> None:
        self.contact_id = contact_id
        if contact_id is None:
            self.setCurrentIndex(0)
            return
        try:
            c = self.core.contacts.get(contact_id)
        except NotFoundError:
            self.contact_id = None
            self.setCurrentIndex(0)
            return
        self.setCurrentIndex(1)
        self.name.setText(c["full_name"])
        self.stage.setText(labels.label(labels.lifecycle_stages(), c["lifecycle_stage"]))
        company = ""
        if c["account_id"]:
            try:
                name = self.core.accounts.get(c["account_id"])["name"]
                company = f'<a href="account:{c["account_id"]}">{name}</a>'
            except NotFoundError:
                company = ""
        owners = dict(self.core.users.options())
        phones = " ، ".join(display.ltr(p) for p in (c["phone"], c["mobile2"]) if p)
        texts = {
            "mobile": display.ltr(c["mobile"]), "phone": phones,
            "email": display.address(c["email"]), "national_code": display.ltr(c["national_code"]),
            "birthday": display.jalali(c["birthday"]), "company": company,
            "job_title": c["job_title"] or "", "city": c["city"] or "",
            "address": c["address"] or "", "owner": owners.get(c["owner_id"], ""),
            "source": labels.label(labels.sources(), c["source"]),
            "tags": "، ".join(c["tags"]) if display.persian() else ", ".join(c["tags"]),
            "notes": c["notes"] or "",
        }
        for key, label in self.values.items():
            label.setText(texts[key] or "—")
        self.values["company"].setTextFormat(Qt.TextFormat.RichText if company
                                             else Qt.TextFormat.PlainText)
        self._fill_timeline(self.core.timeline.for_contact(contact_id))

    def _fill_timeline(self, items: list[TimelineItem]) -> None:
        self.timeline.clear()
        if not items:
            empty = QStandardItem(self.tr("No history yet: calls, notes, deals, proformas "
                                          "and tickets will appear here."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.timeline.appendRow(empty)
            return
        kinds = labels.activity_kinds()
        statuses = labels.ticket_statuses()
        for item in items:
            when = display.jalali_date_only(item.at)
            if item.kind == "activity":
                what = labels.label(kinds, item.state)
                mark = "✓ " if item.done else "○ "
                text = f"{mark}{what}: {item.title}"
            elif item.kind == "deal":
                text = self.tr("Deal") + f": {item.title} ({display.money(item.amount_rial)})"
            elif item.kind == "proforma":
                text = self.tr("Proforma") + f" {display.digits(item.number)}"
            else:
                text = (self.tr("Ticket") + f" {display.digits(item.number)}: {item.title} — "
                        + labels.label(statuses, item.state))
            row = QStandardItem(f"{when}   {text}")
            row.setEditable(False)
            row.setData(item.kind, KIND_ROLE)
            row.setData(item.id, ID_ROLE)
            self.timeline.appendRow(row)

    def _open_item(self, index: QModelIndex) -> None:
        kind = index.data(KIND_ROLE)
        if kind is not None:
            self.open_item.emit(str(kind), int(index.data(ID_ROLE)))
