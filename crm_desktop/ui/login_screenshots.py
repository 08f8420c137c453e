"""Pictures of signing in for `crm-desktop screenshots` (ui/screenshots.py calls `render`):
the login (as it opens, and waiting after too many wrong passwords), the first-run set-up
of a new database, a new user and the password dialog. Nothing is written: the dialogs
are filled in and pictured, never accepted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget


def render(dialog: Callable[..., None], core: Any, ops: Any, window: QWidget) -> None:
    from crm_desktop.ui.dialogs.first_run_dialog import FirstRunDialog
    from crm_desktop.ui.dialogs.login_dialog import LoginDialog
    from crm_desktop.ui.dialogs.user_dialog import PasswordDialog, UserDialog

    name = core.db.path.name
    staff = [u for u in core.auth.overview() if u["role"] != "admin"]
    username = staff[0]["username"] if staff else "sara"

    def typed(d: QDialog) -> None:
        assert isinstance(d, LoginDialog)
        d.username.setText(username)
        d.password.setText("password")

    def waiting(d: QDialog) -> None:
        typed(d)
        assert isinstance(d, LoginDialog)
        d.password.clear()
        d.start_wait(90)
        d.timer.stop()  # the picture, not the countdown

    dialog("dialog_login", lambda: LoginDialog(core.auth, name, window), typed)
    dialog("dialog_login_wait", lambda: LoginDialog(core.auth, name, window), waiting)

    def filled(d: QDialog) -> None:
        assert isinstance(d, FirstRunDialog)
        d.display_name.setText("مریم رضایی")
        d.username.setText("maryam")
        d.password.setText("password")
        d.password_again.setText("password")

    dialog("dialog_first_run", lambda: FirstRunDialog(core.auth, window), filled)
    dialog("dialog_user_new", lambda: UserDialog(core, ops, None, window))
    dialog("dialog_change_password", lambda: PasswordDialog(core, ops, None, "", window))
    _server(dialog, window)


def _server(dialog: Callable[..., None], window: QWidget) -> None:
    """Connect to a server: filled in, and saying the server cannot be reached (pictured,
    never connected)."""
    from crm_desktop.services import server_access as sa
    from crm_desktop.ui.dialogs.server_dialog import ServerDialog

    office = sa.server("192.168.1.10", sa.DEFAULT_PORT, "shop", "reception", "password")

    def filled(d: QDialog) -> None:
        assert isinstance(d, ServerDialog)
        d.remember.setChecked(d.remember.isEnabled())

    dialog("dialog_server", lambda: ServerDialog(office, None, window), filled)
    dialog("dialog_server_unreachable",
           lambda: ServerDialog(office, "unreachable", window))


def open_as_administrator(copy: Path) -> None:
    """The screenshots' copy of a database opens without a login, as its administrator
    (a copy where people sign in would wait for a password nobody types; a missing one
    would ask for its set-up): single-user mode, in the copy only."""
    from crm_desktop.core import Core
    from crm_desktop.services.auth import single_user_without_asking

    with Core.open(copy) as core:
        single_user_without_asking(core.db)
