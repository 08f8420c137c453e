"""Opens a database in a main window and switches databases (new, open, restore): the
window itself never opens files or talks to the database. The controller owns the window's
life; the window asks through its signals (`open_requested`, `restore_requested`) and never
knows the controller."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer
from PySide6.QtWidgets import QWidget

from crm_desktop import startup_gc, startup_probe
from crm_desktop.core import Core
from crm_desktop.domain.errors import CrmError
from crm_desktop.services import server_access as sa
from crm_desktop.ui.errors import show_message, show_unexpected
from crm_desktop.ui.first_paint import after_first_paint
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.ui_settings import UiSettings

if TYPE_CHECKING:
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.reminders import ReminderWatcher
    from crm_desktop.ui.upgrade_progress import UpgradeProgress

log = logging.getLogger(__name__)
DEMO_CONTACTS = 2000


class Controller(QObject):
    def __init__(self, settings: UiSettings | None = None):
        super().__init__()
        self.settings = settings or UiSettings()
        self.core: Core | None = None
        self.window: MainWindow | None = None
        self.reminders: ReminderWatcher | None = None
        #: the outbox sending that resumed when the database was opened
        self.sender: QThread | None = None
        #: the automation runs at start-up and every 15 minutes (ui/automation_runner.py)
        self.automation: QObject | None = None
        #: the day's automatic backup (ui/backup_runner.py); on exit too, for shown windows
        self.backups: QObject | None = None
        self.automatic_backups = False
        self._restoring = False
        self._server_instead = False
        self.upgrade_progress: UpgradeProgress | None = None

    def open(self, path: Path | str | sa.Location, *, demo: bool = False,
             show: bool = True) -> bool:
        """Open `path` (created if missing; a new demo file gets demo data) in a window;
        a postgresql:// address or Location: the database on that server (open_server)."""
        if sa.is_server(path):
            return self.open_server(path, show=show)
        path = Path(path)  # type: ignore[arg-type]
        if not self._open(path, path.name, demo=demo and not path.exists(),
                          new_file=not demo and not path.exists(), show=show):
            return False
        if self.settings.last_server and self.core is not None and self.core.db.is_sqlite:
            self.settings.last_server = ""  # a file was opened last
        return True

    def open_server(self, target: str | sa.Location, *, show: bool = True) -> bool:
        """Open a database on a PostgreSQL server. The password: the address's, the
        keyring's, PGPASSWORD / ~/.pgpass (libpq); when none works, the dialog asks (and
        says why: a wrong password, a server out of reach)."""
        try:
            location = sa.parse_location(target)
        except CrmError as exc:
            show_message(self.window, QCoreApplication.translate(
                "Controller", "This database cannot be opened:") + f"\n{exc}")
            return False
        location, source = sa.with_known_password(location)
        problem: str | None = None
        try:
            sa.probe(location)
        except sa.ConnectFailed as exc:
            problem = "needed" if exc.reason == "password" and source is None else exc.reason
        if problem is not None:
            from crm_desktop.ui.dialogs.server_dialog import ServerDialog

            asked = ServerDialog.ask(self.window, location, problem)
            if asked is None:
                return False
            location = asked
        if not self._open(location, location.name or "", show=show):
            return False
        self.settings.last_server = location.display()
        return True

    def connect_to_server(self, *, show: bool | None = None) -> bool:
        """File > Connect to a server… (and the first run's choice): the dialog, then the
        database it names."""
        from crm_desktop.ui.dialogs.server_dialog import ServerDialog

        last = self.settings.last_server
        initial = sa.parse_location(last) if last and sa.is_server(last) else None
        location = ServerDialog.ask(self.window, initial)
        if location is None:
            return False
        if show is None:
            show = self.window is None or self.window.isVisible()
        if not self._open(location, location.name or "", show=show):
            return False
        self.settings.last_server = location.display()
        return True

    def _open(self, target: Path | sa.Location, name: str, *, demo: bool = False,
              new_file: bool = False, show: bool = True) -> bool:
        from crm_desktop.ui.main_window import MainWindow
        from crm_desktop.ui.upgrade_progress import UpgradeProgress

        path = target
        new_demo = demo
        #: an older database's upgrade shows its steps
        self.upgrade_progress = progress = UpgradeProgress(self.window)
        try:
            try:
                core = Core.open(target, progress=progress)
            finally:
                progress.close()
            if new_demo:
                from crm_desktop.services.demo import generate

                generate(core.db, DEMO_CONTACTS, seed=1)
            signed_in = self._sign_in(core, name, new_file)
        except CrmError as exc:
            log.warning("cannot open %s: %s", path, exc)
            show_message(
                self.window,
                QCoreApplication.translate("Controller", "This database cannot be opened:")
                + f"\n{exc}",
            )
            return False
        except Exception:
            log.exception("opening %s failed", path)
            show_unexpected(self.window)
            return False
        if signed_in is None:
            core.close()
            if self._server_instead:  # the first run chose a server instead
                self._server_instead = False
                return self.connect_to_server(show=show)
            return False
        startup_probe.mark("database")
        core = signed_in
        old_window, old_core = self.window, self.core
        self._stop_backups()
        self._stop_sender()
        self._stop_automation()
        if self.reminders is not None:
            self.reminders.stop()
        self.core = core
        ops = Ops()
        self.window = MainWindow(core, ops, self.settings)
        self.window.open_requested.connect(self.open)
        self.window.server_requested.connect(self.connect_to_server)
        self.window.restore_requested.connect(self._restore_and_say)
        self.automatic_backups = show
        self.window.closing.connect(lambda core=core: self.backup_on_exit(core))
        self.reminders = None
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_core is not None:
            old_core.close()
        startup_probe.mark("window")
        if show:
            self.window.show()
            startup_probe.mark("shown")
            # the work the first screen does not need waits for its first paint
            after_first_paint(self.window, lambda core=core, ops=ops, window=self.window:
                              self._after_shown(core, ops, window))
        return True

    def _after_shown(self, core: Core, ops: Ops, window: MainWindow) -> None:
        """Once the window is painted and idle, one step per turn of the event loop (so
        that a click or a repaint can come in between): due reminders, the outbox
        (rows a crash left "sending" are marked interrupted, queued messages resume), the
        automation rules and the day's backup. The database work of the last three runs
        in their own threads."""
        def live() -> bool:  # another database opened, or the window closed, since
            return core is self.core and window is self.window

        startup_gc.release()  # the window is usable: the collector runs again

        def reminders() -> None:
            if live():
                self.reminders = self._watch_reminders(core, ops, window)

        def sender() -> None:
            if live():
                from crm_desktop.ui import outbox_sender

                self.sender = outbox_sender.resume_at_start(core, window)

        def automation() -> None:
            if live():
                self._start_automation(core, ops)

        def backups() -> None:
            if live():
                self._start_backups(core)
            startup_probe.mark("started")

        for step in (reminders, sender, automation, backups):
            QTimer.singleShot(0, step)

    def _sign_in(self, core: Core, name: str, new_file: bool) -> Core | None:
        """Who the window acts as: a new database is set up first (an administrator, or
        single-user mode); where people sign in, the login asks. None: they quit."""
        if new_file:
            core.auth.begin_setup()
        if core.auth.needs_setup():
            from crm_desktop.ui.dialogs.first_run_dialog import SERVER, FirstRunDialog

            answer = FirstRunDialog.ask(self.window, core.auth)
            if answer == SERVER:
                self._server_instead = True  # (the set-up left for the server's database)
                return None
            if answer is None:
                return None
        if core.auth.needs_sign_in():
            from crm_desktop.ui.dialogs.login_dialog import LoginDialog

            user_id = LoginDialog.ask(self.window, core.auth, name)
            if user_id is None:
                return None
            return core.as_user(user_id)
        return core

    def _start_backups(self, core: Core) -> None:
        """The day's first backup, in the background (called once the window is up)."""
        from crm_desktop.ui.backup_runner import BackupScheduler

        assert self.window is not None
        scheduler = BackupScheduler(core, self)
        self.backups = scheduler
        scheduler.finished.connect(lambda _r, _p: self.window and
                                   self.window.update_backup_status())
        scheduler.start()

    def _stop_backups(self) -> None:
        scheduler, self.backups = self.backups, None
        if scheduler is not None:
            scheduler.stop()  # type: ignore[attr-defined]
            scheduler.deleteLater()

    def backup_on_exit(self, core: Core) -> None:
        """The backup on exit (when the settings ask for it), before the database closes;
        only for a window the user saw (not for one replaced by a restore)."""
        if not self.automatic_backups or core is not self.core or self._restoring:
            return
        from crm_desktop.ui.backup_runner import backup_on_exit

        self._stop_backups()
        backup_on_exit(core, self.window)

    def _start_automation(self, core: Core, ops: Ops) -> None:
        """The rules run now (once the window is up), then every 15 minutes, in the
        background."""
        from crm_desktop.ui.automation_runner import AutomationScheduler

        scheduler = AutomationScheduler(core, ops, self)
        self.automation = scheduler
        ops.changed.connect(lambda names: self._send_queued(core, names))
        scheduler.start()

    def _send_queued(self, core: Core, names: list[str]) -> None:
        """Messages a rule queued (a timed run, or Run now) go out in the background like
        a campaign's, unless this window's sending is already under way (it takes them)."""
        from crm_desktop.ui import outbox_sender
        from crm_desktop.ui.automation_runner import QUEUED

        if QUEUED not in names or core is not self.core or self.window is None:
            return
        if self.sender is not None and self.sender.isRunning():  # type: ignore[attr-defined]
            return
        self.sender = outbox_sender.send_queued(core, self.window)

    def _stop_automation(self) -> None:
        """No more runs; the one going on (timed or asked for) stops between two rules and
        is waited for, before the database closes."""
        scheduler, self.automation = self.automation, None
        if scheduler is not None:
            scheduler.stop()  # type: ignore[attr-defined]
            scheduler.deleteLater()
        from crm_desktop.ui import automation_runner

        automation_runner.stop_all()

    def _stop_sender(self) -> None:
        """Let the message in flight finish, then stop sending (before the core closes)."""
        sender, self.sender = self.sender, None
        if sender is not None:
            sender.cancel()  # type: ignore[attr-defined]
            sender.wait()

    @staticmethod
    def _watch_reminders(core: Core, ops: Ops, window: QWidget) -> ReminderWatcher:
        """Due reminders pop up while the program is open; the ones that fell due while it
        was closed are shown right after start."""
        from crm_desktop.ui.reminders import ReminderWatcher

        def open_activity(activity_id: int) -> None:
            # the editor is imported when a reminder is first opened, not at start-up
            from crm_desktop.ui.dialogs.appointment_dialog import AppointmentDialog

            AppointmentDialog.edit(window, core, ops, activity_id=activity_id)

        watcher = ReminderWatcher(core, ops, window)
        watcher.open_requested.connect(open_activity)
        watcher.start()
        return watcher

    def restore(self, backup: Path, passphrase: str | None = None) -> bool:
        """Replace the open database with `backup` (File > Restore).

        A restore needs the file to itself, so this window's own connections are closed
        first; the database is opened again afterwards, restored or not (another window or
        program that has it open makes the restore refuse, with Retry)."""
        from crm_desktop.services import maintenance

        assert self.core is not None and self.window is not None
        window, db_path, actor = self.window, self.core.db.path, self.core.actor_id
        self._stop_backups()
        self._stop_automation()
        if self.reminders is not None:
            self.reminders.stop()
        self.core.close()
        # the signed-in user's restore: administrators only (PermissionDenied otherwise)
        result = window.ops.run(window, lambda: maintenance.restore(
            backup, db_path, passphrase, actor_id=actor, by_user=True))
        self._restoring = True  # the replaced window closes without an exit backup
        try:
            if not self.reopen():
                return False
        finally:
            self._restoring = False
        return result.ok

    def _restore_and_say(self, backup: Path, passphrase: str | None = None) -> None:
        if self.restore(backup, passphrase) and self.window is not None:
            self.window.announce_restored()

    def reopen(self) -> bool:
        """Open the same database again (after a restore replaced its content)."""
        assert self.core is not None
        db = self.core.db
        return self.open(db.path if db.is_sqlite else db.location)

    def close(self) -> None:
        self._stop_backups()
        self._stop_sender()
        self._stop_automation()
        if self.reminders is not None:
            self.reminders.stop()
            self.reminders = None
        if self.window is not None:
            self.window.close()
        if self.core is not None:
            self.core.close()
            self.core = None
