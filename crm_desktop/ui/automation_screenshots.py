"""Automation's pictures for `crm-desktop screenshots` (ui/screenshots.py calls `render`):
the rules page, a rule editor (the birthday greeting: its SMS template, counter and
conditions), what a dry run would do, and the automation log. A database without any log
rows yet gets one real run first (on the screenshots' copy, never the user's file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget


def render(app: QApplication, core: Any, window: Any, out_dir: Path) -> list[Path]:
    from crm_desktop.services.base import ListQuery
    from crm_desktop.ui.dialogs.rule_dialog import RuleDialog
    from crm_desktop.ui.dialogs.run_preview import RunPreview
    from crm_desktop.ui.screenshots import _save, _settle, _wait

    written: list[Path] = []

    def shoot(widget: QWidget, name: str) -> None:
        widget.show()
        _settle(app)
        written.append(_save(widget, out_dir / f"{name}.png"))

    from crm_desktop.ui import automation_labels

    if not core.automation.rules():  # a database from before automation: one per kind
        kinds = automation_labels.rule_kinds()
        for kind in core.automation.kinds():
            core.automation.create_rule({"kind": kind, "name": kinds.get(kind, kind),
                                         "enabled": False,
                                         "settings": core.automation.defaults(kind),
                                         "conditions": None})
    rules = core.automation.rules()
    if not core.automation_log.count(ListQuery()):
        # a few rules on, three leads who just became customers, and one run, so that
        # the page and the log show what rules do
        for rule in rules:
            if rule["kind"] in ("birthday", "welcome", "follow_up", "lead_assignment"):
                core.automation.set_enabled(rule["id"], True)
        leads = core.contacts.list(ListQuery(filters={"lifecycle_stage": "lead"},
                                             limit=40)).rows
        for lead in [r for r in leads if r.get("mobile")][:3]:
            core.contacts.update(lead["id"], {"lifecycle_stage": "customer"})
        core.automation.run(trigger="manual")
        window.ops.changed.emit(["automation_rules", "automation_log", "contacts"])

    view = window.show_section("campaigns")
    page = view.show_tab("automation")
    page.refresh()
    if page.model.rowCount():
        page.table.selectRow(0)
    shoot(window, "view_campaigns_automation")
    log = view.show_tab("automation_log")
    log.refresh()
    shoot(window, "view_campaigns_automation_log")
    view.show_tab("campaigns")

    birthday = next((r for r in rules if r["kind"] == "birthday"), rules[0] if rules else None)
    if birthday is not None:
        editor = RuleDialog(core, window.ops, birthday["id"], parent=window)
        shoot(editor, "dialog_rule_editor")
        editor.close()
        editor.deleteLater()
    preview = RunPreview(core, window.ops, window)
    preview.show()
    if not _wait(app, lambda: not preview.busy()):
        raise RuntimeError("the automation preview did not end in time")
    shoot(preview, "dialog_run_preview")
    preview.close()
    preview.deleteLater()
    return written
