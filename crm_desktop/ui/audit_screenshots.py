"""The audit log's pictures for `crm-desktop screenshots` (ui/screenshots.py calls
`render`): Settings › Audit log, and a contact's change history opened on its page. The
demo database is written without an audit log (services/demo.py), so a few everyday edits
are made first, on the screenshots' copy (never the user's file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication


def render(app: QApplication, core: Any, window: Any, out_dir: Path) -> list[Path]:
    from crm_desktop.services.base import ListQuery
    from crm_desktop.ui.screenshots import _save, _settle

    written: list[Path] = []
    contact = (core.contacts.list(ListQuery(limit=1)).rows or [{}])[0].get("id")
    if contact is not None:
        current = core.contacts.get(contact)
        core.contacts.update(contact, {"city": "اصفهان" if current["city"] != "اصفهان"
                                       else "شیراز", "job_title": "مدیر خرید"})
        core.contacts.update(contact, {"lifecycle_stage": "customer"})
    ticket = (core.tickets.list(ListQuery(limit=1)).rows or [{}])[0].get("id")
    if ticket is not None:
        core.tickets.update(ticket, {"priority": "urgent"})
    company = (core.accounts.list(ListQuery(limit=1)).rows or [{}])[0].get("id")
    if company is not None:
        core.accounts.update(company, {"phone": "02188776655"})

    settings_view = window.show_section("settings")
    settings_view.show_page("audit")
    settings_view.audit.refresh()
    _settle(app)
    page = settings_view.audit
    if page.model.rowCount():  # a change of the contact: its whole values below the table
        from PySide6.QtCore import QItemSelectionModel

        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        page.table.selectionModel().select(page.model.index(0, 0), flags)
    _settle(app)
    written.append(_save(window, out_dir / "audit_viewer.png"))
    settings_view.show_page(settings_view.page_keys()[0])

    if contact is not None:
        contacts = window.show_section("contacts")
        contacts.show_record(contact)
        history = contacts.panel.history
        history.toggle.setChecked(True)
        _settle(app)
        panel = contacts.panel
        panel.scroll.verticalScrollBar().setValue(panel.scroll.verticalScrollBar().maximum())
        _settle(app)
        written.append(_save(window, out_dir / "contact_history.png"))
        history.toggle.setChecked(False)
    return written
