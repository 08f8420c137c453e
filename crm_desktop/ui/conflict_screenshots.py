"""The pictures of a save refused because someone else saved the record first, for
`crm-desktop screenshots` (ui/screenshots.py calls `render`): a contact's form is open,
another user changes the contact meanwhile (on the screenshots' copy of the database,
never the user's file), and the form's save is refused: the message, then the form
showing the other user's values with the explanation under them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox


def render(app: QApplication, core: Any, window: Any, out_dir: Path) -> list[Path]:
    from crm_desktop.services.base import ListQuery
    from crm_desktop.ui import errors
    from crm_desktop.ui.dialogs.contact_dialog import ContactDialog
    from crm_desktop.ui.screenshots import _save, _settle

    contact = (core.contacts.list(ListQuery(limit=1)).rows or [{}])[0].get("id")
    others = [uid for uid, _name in core.users.options() if uid != core.actor_id]
    if contact is None or not others:
        return []
    written: list[Path] = []
    form = ContactDialog(core, window.ops, contact, window)
    form.show()
    _settle(app)
    form.bindings["city"].set("کرج" if form.bindings["city"].get() != "کرج" else "قم")
    theirs = "تبریز" if core.contacts.get(contact)["city"] != "تبریز" else "اردبیل"
    core.as_user(others[0]).contacts.update(contact, {"city": theirs, "job_title": "حسابدار"})

    def capture(box: QMessageBox) -> int:
        box.show()
        _settle(app)
        written.append(_save(box, out_dir / "conflict_message.png"))
        box.close()
        return int(QMessageBox.StandardButton.Ok)

    answer = errors.ask_box
    errors.ask_box = capture
    try:
        form.save()
    finally:
        errors.ask_box = answer
    _settle(app)
    written.append(_save(form, out_dir / "dialog_conflict.png"))
    form.close()
    form.deleteLater()
    return written
