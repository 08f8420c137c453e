"""The selected contact: its fields, its company, its whole history and quick actions."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.services.timeline import TimelineItem
from crm_desktop.ui import display, labels
from crm_desktop.ui.views.detail_panel import DetailPanel

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class ContactPanel(DetailPanel):
    # "call", "note", "task", "deal" or "ticket"
    action = Signal(str)
    # a history item was opened: (kind, id) — "activity", "deal", "proforma", "ticket"
    open_item = Signal(str, int)
    open_company = Signal(int)
    # the contact's referrer was clicked
    open_contact = Signal(int)

    def __init__(self, core: Core, parent: QWidget | None = None):
        super().__init__(core, parent, name="contactPanel", title_name="contactName",
                         empty_text=self.tr("Choose a contact in the list to see their "
                                            "details and history here."), lazy=True)

    def build(self) -> None:
        self.name = self.title_label
        self.stage = self.add_chip("contactStage")
        self.segment = self.add_chip("contactSegment")
        self.tier = self.add_chip("contactTier")
        self.add_actions([
            (f"quick_{key}", text, lambda k=key: self.action.emit(k)) for key, text in (
                ("call", self.tr("Log a call")), ("note", self.tr("Add a note")),
                ("task", self.tr("Add a task")), ("deal", self.tr("New deal")),
                ("proforma", self.tr("New proforma")), ("ticket", self.tr("New ticket")),
            )], columns=3)
        # the customer club's points (shown while the club is on)
        self.club_buttons = self.add_actions([
            ("adjustPoints", self.tr("Adjust points…"),
             lambda: self.action.emit("adjust_points")),
            ("redeemPoints", self.tr("Redeem…"), lambda: self.action.emit("redeem_points")),
        ])
        self.add_values((
            ("mobile", self.tr("Mobile")), ("phone", self.tr("Phone")),
            ("email", self.tr("E-mail")), ("national_code", self.tr("National code")),
            ("birthday", self.tr("Birthday")), ("company", self.tr("Company")),
            ("job_title", self.tr("Job title")), ("city", self.tr("City")),
            ("address", self.tr("Address")), ("owner", self.tr("Owner")),
            ("source", self.tr("How they found us")),
            ("referred_by", self.tr("Referred by")), ("referrals", self.tr("Referred")),
            ("tags", self.tr("Tags")),
            ("rfm", self.tr("Purchases (RFM)")), ("club", self.tr("Club points")),
            ("notes", self.tr("Notes")),
        ), scroll=False)
        display.address_widget(self.values["email"])
        self.values["company"].setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.values["company"].linkActivated.connect(
            lambda href: self.open_company.emit(int(href.split(":")[1])))
        self.values["referred_by"].setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.values["referred_by"].linkActivated.connect(
            lambda href: self.open_contact.emit(int(href.split(":")[1])))
        _heading, self.timeline, self.timeline_view = self.add_list(
            "timeline", title=self.tr("History"), word_wrap=True)
        self.timeline_view.activated.connect(self._open_item)
        self.add_history("contacts")

    @property
    def contact_id(self) -> int | None:
        return self.record_id

    def show_contact(self, contact_id: int | None) -> None:
        c = self.load(contact_id, self.core.contacts.get)
        if c is None or contact_id is None:
            return
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
        self.set_values({
            "mobile": display.ltr(c["mobile"]), "phone": phones,
            "email": display.address(c["email"]), "national_code": display.ltr(c["national_code"]),
            "birthday": display.jalali(c["birthday"]), "company": company,
            "job_title": c["job_title"] or "", "city": c["city"] or "",
            "address": c["address"] or "", "owner": owners.get(c["owner_id"], ""),
            "source": labels.label(labels.sources(), c["source"]),
            "tags": "، ".join(c["tags"]) if display.persian() else ", ".join(c["tags"]),
            "notes": c["notes"] or "", "rfm": self._rfm_text(contact_id),
            "club": self._club_text(contact_id),
            **self._referral_texts(c),
        })
        self.values["company"].setTextFormat(Qt.TextFormat.RichText if company
                                             else Qt.TextFormat.PlainText)
        self.values["referred_by"].setTextFormat(
            Qt.TextFormat.RichText if c.get("referred_by_id") else Qt.TextFormat.PlainText)
        self._fill_timeline(self.core.timeline.for_contact(contact_id))
        self.history.set_record(contact_id)

    def _referral_texts(self, c: dict) -> dict[str, str]:
        """Who referred the contact (a link that opens them) and how many people the
        contact referred; the rows are hidden when there is neither."""
        referrer, count = c.get("referred_by_id"), int(c.get("referred_count") or 0)
        assert self.form is not None
        self.form.setRowVisible(self.values["referred_by"], referrer is not None)
        self.form.setRowVisible(self.values["referrals"], count > 0)
        link = ""
        if referrer is not None:
            name = html.escape(c.get("referred_by_name") or "")
            link = f'<a href="contact:{int(referrer)}">{name}</a>'
        return {"referred_by": link,
                "referrals": display.digits(self.tr("%Ln person(s)", "", count))}

    def _rfm_text(self, contact_id: int) -> str:
        """The RFM segment on its chip; the figures behind it as a value."""
        rfm = self.core.rfm.of_contact(contact_id)
        self.segment.setText(labels.label(labels.rfm_segments(), rfm["segment"]))
        self.segment.setToolTip(self.tr("Customer segment (RFM)"))
        if rfm["r_score"] is None:
            return self.tr("No purchase in the last %Ln year(s)", "",
                           self.core.rfm.window_years())
        return display.fill(
            self.tr("{count} purchase(s), {money}, the last {days} day(s) ago — "
                    "R {r} · F {f} · M {m}"),
            count=display.number(rfm["frequency"]),
            money=display.money(rfm["monetary_rial"], self.core.settings.display_unit),
            days=display.number(rfm["days_since_last"]), r=display.digits(rfm["r_score"]),
            f=display.digits(rfm["f_score"]), m=display.digits(rfm["m_score"]))

    def _club_text(self, contact_id: int) -> str:
        """The member's points and what they lead to, the tier on its chip; nothing of
        the club (chip, row, buttons) while it is switched off."""
        on = bool(self.core.club.settings()["enabled"])
        self.tier.setVisible(on)
        for button in self.club_buttons.values():
            button.setVisible(on)
        assert self.form is not None
        self.form.setRowVisible(self.values["club"], on)
        if not on:
            return ""
        member = self.core.club.of_contact(contact_id)
        self.tier.setText(member["tier_name"] or self.tr("No tier"))
        self.tier.setToolTip(self.tr("Customer club tier"))
        self.club_buttons["redeemPoints"].setEnabled(int(member["balance"]) > 0)
        parts = [self.tr("%Ln point(s)", "", int(member["balance"]))]
        if member.get("next_tier_name"):
            parts.append(display.fill(self.tr("{points} more to {tier}"),
                                      points=display.number(int(member["to_next"])),
                                      tier=display.isolate(member["next_tier_name"])))
        expiring = member.get("expiring") or []
        if expiring:
            first = expiring[0]
            parts.append(display.fill(self.tr("{points} expire on {date}"),
                                      points=display.number(int(first["points"])),
                                      date=display.isolate(display.jalali(first["date"]))))
        return display.digits(" · ".join(parts))

    def _fill_timeline(self, items: list[TimelineItem]) -> None:
        self.timeline.clear()
        if not items:
            self.empty_entry(self.timeline, self.tr("No history yet: calls, notes, deals, "
                                                    "proformas and tickets will appear here."))
            return
        kinds = labels.activity_kinds()
        statuses = labels.ticket_statuses()
        iso = display.isolate
        for item in items:
            when = display.jalali_date_only(item.at)
            if item.kind == "activity":
                what = labels.label(kinds, item.state)
                mark = "✓ " if item.done else "○ "
                text = f"{mark}{iso(what)}: {iso(item.title)}"
            elif item.kind == "deal":
                text = (self.tr("Deal") + f": {iso(item.title)} "
                        f"({iso(display.money(item.amount_rial))})")
            elif item.kind == "message":
                text = self._message_text(item)
            elif item.kind == "proforma":
                text = self.tr("Proforma") + f" {iso(display.digits(item.number))}"
            else:
                text = (self.tr("Ticket") + f" {iso(display.digits(item.number))}: "
                        f"{iso(item.title)} — {iso(labels.label(statuses, item.state))}")
            row = QStandardItem(f"{iso(when)}   {text}")
            row.setEditable(False)
            row.setData(item.kind, KIND_ROLE)
            row.setData(item.id, ID_ROLE)
            self.timeline.appendRow(row)

    def _message_text(self, item: TimelineItem) -> str:
        """A message sent or queued for the contact: its channel, first words, status and
        the campaign or automation rule it came from."""
        channels = {"sms": self.tr("SMS"), "email": self.tr("E-mail")}
        statuses = {"queued": self.tr("queued"), "sending": self.tr("sending"),
                    "sent": self.tr("sent"), "failed": self.tr("not sent"),
                    "cancelled": self.tr("cancelled")}
        iso = display.isolate
        channel = channels.get(getattr(item, "channel", None) or "", self.tr("Message"))
        text = (f"{iso(channel)}: {iso(item.title)} — "
                f"{iso(statuses.get(item.state, item.state))}")
        source = getattr(item, "source", None)
        return text + (f" ({iso(source)})" if source else "")

    def _open_item(self, index: QModelIndex) -> None:
        kind = index.data(KIND_ROLE)
        if kind is not None:
            self.open_item.emit(str(kind), int(index.data(ID_ROLE)))
