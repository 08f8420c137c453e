"""Backups' pictures for `crm-desktop screenshots` (ui/screenshots.py calls `render`): the
backup settings after a backup was made (to a folder beside the screenshots' copy of the
database, never the user's), the restore preview of that backup, and the status bar's
warning when the last backup is old."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication


def render(app: QApplication, core: Any, window: Any, out_dir: Path) -> list[Path]:
    from crm_desktop.services.backup_files import inspect_backup
    from crm_desktop.ui.dialogs.restore_preview import preview_box
    from crm_desktop.ui.screenshots import _save, _settle

    written: list[Path] = []
    folder = core.db.path.parent / "backups"
    folder.mkdir(exist_ok=True)
    core.backups.set_settings({"folder": str(folder), "keep_daily": 7, "keep_weekly": 4,
                               "keep_monthly": 12, "warn_days": 3})
    result = core.backups.make("manual")
    window.ops.changed.emit(["backups", "settings"])
    view = window.show_section("settings")
    view.show_page("backups")
    view.backups.load()
    _settle(app)
    written.append(_save(window, out_dir / "backup_settings.png"))
    if result.ok:
        box = preview_box(window, inspect_backup(result.path))
        box.show()
        _settle(app)
        written.append(_save(box, out_dir / "dialog_restore_preview.png"))
        box.close()
    # the status bar as it will be five days later, the last backup then old
    window.update_backup_status(datetime.now(UTC) + timedelta(days=5))
    window.show_section("contacts")
    _settle(app)
    written.append(_save(window, out_dir / "backup_warning_status_bar.png"))
    return written
