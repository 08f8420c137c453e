"""E-mail addresses, web addresses and file paths keep Latin digits in a Persian window:
a copy of "arezoo.bagheri35@gmail.com" must still be a working address."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crm_desktop.ui import display
from crm_desktop.ui.dialogs.account_dialog import AccountDialog
from crm_desktop.ui.dialogs.contact_dialog import ContactDialog
from crm_desktop.ui.views.company_panel import CompanyPanel
from crm_desktop.ui.views.contact_panel import ContactPanel

EMAIL = "arezoo.bagheri35@gmail.com"
WEBSITE = "https://shop24.example/fa/"
PERSIAN_DIGITS = set("۰۱۲۳۴۵۶۷۸۹")
MARKS = set("\u2066\u2067\u2068\u2069\u200e\u200f\u202a\u202b\u202c")


def plain(text: str) -> bool:
    return not (set(text) & (PERSIAN_DIGITS | MARKS))


def test_contact_panel_shows_the_email_as_it_is(core, ui_lang, qtbot) -> None:
    assert ui_lang == "fa" and display.persian()
    cid = core.contacts.create({"first_name": "آرزو", "last_name": "باقری", "email": EMAIL,
                                "mobile": "09121234567"})
    panel = ContactPanel(core)
    qtbot.addWidget(panel)
    panel.show_contact(cid)
    label = panel.values["email"]
    assert label.text() == EMAIL and plain(label.text())
    assert label.layoutDirection() == Qt.LayoutDirection.LeftToRight
    # phones still follow the UI language
    assert "۰۹۱۲" in panel.values["mobile"].text()


def test_company_panel_shows_email_and_website_as_they_are(core, ui_lang, qtbot) -> None:
    aid = core.accounts.create({"name": "فروشگاه ۲۴", "email": "info24@shop24.example",
                                "website": WEBSITE})
    panel = CompanyPanel(core)
    qtbot.addWidget(panel)
    panel.show_account(aid)
    assert panel.values["email"].text() == "info24@shop24.example"
    assert panel.values["website"].text() == WEBSITE


def test_editors_show_addresses_with_latin_digits(core, ops, ui_lang, qtbot) -> None:
    cid = core.contacts.create({"first_name": "آرزو", "email": EMAIL})
    dialog = ContactDialog(core, ops, cid)
    qtbot.addWidget(dialog)
    assert dialog.bindings["email"].widget.text() == EMAIL
    aid = core.accounts.create({"name": "پارس", "website": WEBSITE})
    account = AccountDialog(core, ops, aid)
    qtbot.addWidget(account)
    assert account.bindings["website"].widget.text() == WEBSITE


def test_paths_in_sentences_keep_latin_digits(ui_lang) -> None:
    text = display.address_in_text("/home/u/backup-1405.sqlite3")
    assert "1405" in text and not set(text) & PERSIAN_DIGITS
    assert display.address("۱۲@x.ir") == "12@x.ir"
