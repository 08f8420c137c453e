"""The thin shell: navigation, stacked views, menus, global search and status bar.
It owns no data: views read through services, writes go through Ops."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from crm_desktop import __version__
from crm_desktop.core import Core
from crm_desktop.domain.errors import PermissionDenied
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import maintenance
from crm_desktop.ui import display, screen_fit
from crm_desktop.ui.errors import ask_box
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.widgets.global_search import GlobalSearch
from crm_desktop.ui.widgets.sidebar import Sidebar

#: sections shown only to a role with one of these permissions
SECTION_PERMS: dict[str, frozenset[Perm]] = {
    "dashboard": frozenset({Perm.REPORTS_ALL, Perm.REPORTS_OWN}),
    "reports": frozenset({Perm.REPORTS_ALL, Perm.REPORTS_OWN}),
    "campaigns": frozenset({Perm.CAMPAIGNS}),
}

# (core, ops, settings, parent): a view is made inside the window's stack, not moved into it
# afterwards (a move styles the whole tree of the view once more)
ViewFactory = Callable[[Core, Ops, UiSettings, QWidget], BaseView]


def lazy_view(module: str, name: str) -> ViewFactory:
    """A view class imported the first time its section is shown: start-up does not pay
    for the modules (and dialogs, charts, PDF code) of sections nobody opened."""

    def create(core: Core, ops: Ops, settings: UiSettings, parent: QWidget) -> BaseView:
        view_class = getattr(importlib.import_module(f"crm_desktop.ui.views.{module}"), name)
        return view_class(core, ops, settings, parent)

    return create


class MainWindow(QMainWindow):
    """The window only asks: opening another database or restoring a backup is announced
    by a signal, and the controller (which owns the window's life) does it."""

    #: the user chose a database file to open (or create): Path
    open_requested = Signal(object)
    #: the user chose a backup to restore over this database, and confirmed: Path (and
    #: the passphrase of an encrypted one, else None)
    restore_requested = Signal(object, object)
    #: the window is closing, before the database is: the exit backup runs then
    closing = Signal()
    #: File > Connect to a server…: the controller asks for the server and opens it
    server_requested = Signal()

    def __init__(self, core: Core, ops: Ops, settings: UiSettings):
        super().__init__()
        self.setObjectName("mainWindow")
        self.core = core
        self.ops = ops
        self.settings = settings
        shown = core.db.path.name if core.db.is_sqlite else core.db.name
        self.setWindowTitle(self.tr("crm-desktop") + f" — {shown}")
        # the smallest usable window, unless the screen itself is smaller
        self.setMinimumSize(screen_fit.fitted(self, 960, 600))
        screen_fit.resize(self, 1280, 800)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            screen_fit.install(app)

        # what the acting user may do, read once: sections and menu items it may not use
        # are left out (the services refuse them anyway)
        self.perms = core.access.permissions()
        self._sections = [s for s in self._section_list()
                          if not SECTION_PERMS.get(s[0]) or SECTION_PERMS[s[0]] & self.perms]
        self._views: dict[str, BaseView] = {}
        self.sidebar = Sidebar([(k, t) for k, t, _f in self._sections], core, ops, settings)
        self.nav = self.sidebar.list
        self.stack = QStackedWidget()
        self.stack.setObjectName("views")
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.search = GlobalSearch(core.search)
        self.search.opened.connect(self.open_hit)
        toolbar = QToolBar(self.tr("Search"))
        toolbar.setObjectName("searchBar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

        self._build_menus()
        self.db_label = QLabel()
        self.db_label.setObjectName("databaseLabel")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.backup_warning = QPushButton()
        self.backup_warning.setObjectName("backupWarning")
        self.backup_warning.setFlat(True)
        self.backup_warning.setProperty("chip", "warning")
        self.backup_warning.clicked.connect(self.open_backup_settings)
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.backup_warning)
        self.statusBar().addPermanentWidget(self.counts_label)
        # a file path keeps its own digits, read left to right
        self.db_label.setText(self.tr("Database:") + " "
                              + display.address_in_text(core.db.name))

        self.nav.currentRowChanged.connect(self._show_row)
        ops.changed.connect(self._on_changed)
        self._update_counts()
        self.update_backup_status()
        self._restore()
        # another program's writes to this file refresh the views too
        from crm_desktop.ui.elsewhere import ElsewhereWatcher

        self.elsewhere = ElsewhereWatcher(core, ops, self)

    # -- sections -----------------------------------------------------------------------
    def _section_list(self) -> list[tuple[str, str, ViewFactory]]:
        return [
            ("dashboard", self.tr("Dashboard"), lazy_view("dashboard", "DashboardView")),
            ("contacts", self.tr("Contacts"), lazy_view("contacts", "ContactsView")),
            ("companies", self.tr("Companies"), lazy_view("companies", "CompaniesView")),
            ("pipeline", self.tr("Pipeline"), lazy_view("pipeline", "PipelineView")),
            ("activities", self.tr("Activities"), lazy_view("activities", "ActivitiesView")),
            ("campaigns", self.tr("Campaigns"), lazy_view("campaigns", "CampaignsView")),
            ("tickets", self.tr("Tickets"), lazy_view("tickets", "TicketsView")),
            ("products", self.tr("Products"),
             lazy_view("products_section", "ProductsSectionView")),
            ("reports", self.tr("Reports"), lazy_view("reports", "ReportsView")),
            ("settings", self.tr("Settings"), lazy_view("settings", "SettingsView")),
        ]

    def section_keys(self) -> list[str]:
        return [key for key, _title, _factory in self._sections]

    def view(self, key: str) -> BaseView:
        """The view of a section, created the first time it is needed."""
        if key not in self._views:
            factory = next(f for k, _t, f in self._sections if k == key)
            view = factory(self.core, self.ops, self.settings, self.stack)
            view.setObjectName(f"{key}View")
            view.restore_state()
            view.navigate.connect(self.show_section)
            view.open_record.connect(lambda k, i: self.show_section(k).show_record(i))
            view.open_filtered.connect(
                lambda k, filters, label: self.show_section(k).show_filtered(filters, label))
            self._views[key] = view
            self.stack.addWidget(view)
        return self._views[key]

    def show_section(self, key: str) -> BaseView:
        if key not in self.section_keys():  # a link to a section the role may not open
            raise PermissionDenied(min(SECTION_PERMS.get(key, {Perm.USERS})).value)
        row = self.section_keys().index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return self._views[key]

    def current_view(self) -> BaseView | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, BaseView) else None

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        view = self.view(self.section_keys()[row])
        self.stack.setCurrentWidget(view)

    def open_hit(self, kind: str, record_id: int) -> None:
        """Open a record chosen in the global search."""
        section = {"contact": "contacts", "account": "companies", "deal": "pipeline",
                   "ticket": "tickets"}[kind]
        self.show_section(section).show_record(record_id)

    # -- menus --------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str |
                None = None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("New database…"), self.new_database,
                                         name="newDatabase"))
        file_menu.addAction(self._action(self.tr("Open database…"), self.open_database,
                                         QKeySequence.StandardKey.Open, "openDatabase"))
        file_menu.addAction(self._action(self.tr("Connect to a server…"),
                                         self.server_requested.emit, name="connectServer"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Import from Excel…"), self.import_file,
                                         name="importFile"))
        self.undo_import_action = self._action(self.tr("Undo last import…"), self.undo_import,
                                               name="undoImport")
        file_menu.addAction(self.undo_import_action)
        file_menu.aboutToShow.connect(self._update_undo_import)
        for name in ("importFile", "undoImport"):
            self._allow(file_menu, name, Perm.IMPORT)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Back up…"), self.backup, name="backup"))
        file_menu.addAction(self._action(self.tr("Restore from a backup…"), self.restore,
                                         name="restore"))
        self._allow(file_menu, "restore", Perm.RESTORE_DB)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Change my password…"), self.change_password,
                                         name="changePassword"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Quit"), self.close,
                                         QKeySequence.StandardKey.Quit, "quit"))
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self._action(self.tr("New record"), self._new_record, "Ctrl+N",
                                         "newRecord"))
        edit_menu.addAction(self._action(self.tr("Find in this list"), self._focus_search,
                                         "Ctrl+F", "findInList"))
        edit_menu.addAction(self._action(self.tr("Search everything"), self.search.start,
                                         "Ctrl+K", "searchEverything"))
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(self.tr("Find duplicates…"), self.find_duplicates,
                                         name="findDuplicates"))
        self._allow(edit_menu, "findDuplicates", Perm.IMPORT)  # finding them is for merging
        edit_menu.addAction(self._action(self.tr("Trash…"), self.open_trash, name="trash"))
        view_menu = bar.addMenu(self.tr("&View"))
        for i, (key, title, _factory) in enumerate(self._sections):
            shortcut = f"Ctrl+{(i + 1) % 10}"
            view_menu.addAction(self._action(title, lambda k=key: self.show_section(k),
                                             shortcut, f"show_{key}"))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("About crm-desktop"), self.about,
                                         name="about"))

    def _allow(self, menu: QMenu, name: str, perm: Perm) -> None:
        """Hide the menu's action `name` when the role lacks `perm`."""
        action = next(a for a in menu.actions() if a.objectName() == name)
        action.setVisible(perm in self.perms)

    def _new_record(self) -> None:
        view = self.current_view()
        if view is not None:
            view.new_record()

    def _focus_search(self) -> None:
        view = self.current_view()
        if view is not None:
            view.focus_search()

    # -- file actions -------------------------------------------------------------------
    def _file_filter(self) -> str:
        return self.tr("crm-desktop databases (*.sqlite3 *.db);;All files (*)")

    def _folder(self) -> str:
        """Where the file dialogs start: the open database's folder (a server: home)."""
        db = self.core.db
        return str(db.path.parent) if db.is_sqlite and db.path else str(Path.home())

    def _backup_filter(self) -> str:
        return self.tr("Backups (*.sqlite3 *.db *.crmbak);;All files (*)")

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New database"),
                                              self._folder(), self._file_filter())
        if path:
            if not path.endswith((".sqlite3", ".db")):
                path += ".sqlite3"
            if Path(path).exists():
                self._say(self.tr("A file with this name already exists. Choose another name "
                                  "or use Open database."))
                return
            self.open_requested.emit(Path(path))

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"),
                                              self._folder(), self._file_filter())
        if path:
            self.open_requested.emit(Path(path))

    def backup(self) -> None:
        encrypt = self.core.backups.settings()["encrypt"]
        suffix = ".crmbak" if encrypt else ".sqlite3"
        suggested = self.core.backups.folder() / f"{self.core.backups.stem()}-backup-" \
            f"{maintenance.timestamp()}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Back up the database"),
                                              str(suggested), self._backup_filter())
        if not path:
            return
        passphrase = None
        if encrypt:
            passphrase = self.core.backups.keeper.get(self.core.db.location)
            if passphrase is None:
                from crm_desktop.ui.dialogs.passphrase_dialog import PassphraseDialog

                chosen = PassphraseDialog.ask(self, confirm=True)
                if chosen is None:
                    return
                passphrase = chosen[0]
                self.core.backups.keeper.remember(self.core.db.location, passphrase,
                                                  in_keyring=False)
        result = self.ops.run(self, lambda: self.core.backups.make(
            "manual", Path(path), passphrase, overwrite=True), changes=["backups"])
        if result.ok and result.value is not None:
            if result.value.ok:
                self._say(self.tr("The backup was written and checked:") + "\n"
                          + display.address_in_text(str(result.value.path)),
                          title=self.tr("Backup"))
            else:
                self._say(self.tr("The backup failed its check and was deleted:") + "\n"
                          + result.value.detail, title=self.tr("Backup"))

    def restore(self) -> None:
        from crm_desktop.ui.dialogs.restore_preview import preview_box, read_backup

        if not self.ops.run(self, self.core.backups.require_restore).ok:
            return  # administrators only: said by the runner
        if not self.core.db.is_sqlite:
            # every desk works on it: its administrator restores it with pg_restore
            self._say(self.tr("A database on a server is restored by its administrator, "
                              "while no desk is working on it, with PostgreSQL's own tool "
                              "(pg_restore). Its backups are in:") + "\n"
                      + display.address_in_text(str(self.core.backups.folder())),
                      title=self.tr("Restore from a backup"))
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup"),
                                              str(self.core.backups.folder()),
                                              self._backup_filter())
        if not path:
            return
        read = read_backup(self, self.core, Path(path))
        if read is None:
            return
        info, passphrase = read
        if ask_box(preview_box(self, info)) != QMessageBox.StandardButton.Yes or not info.ok:
            return
        self.restore_requested.emit(Path(path), passphrase)

    def announce_restored(self) -> None:
        self._say(self.tr("The backup was restored."), title=self.tr("Restore"))

    # -- imports (the wizard is imported when first opened) ------------------------------
    def import_file(self, kind: str | None = None) -> None:
        """The import wizard, for the kind of records the current section lists."""
        from crm_desktop.ui.dialogs.import_wizard import SECTIONS, ImportWizard

        view = self.current_view()
        shown = next((k for k, section in SECTIONS.items()
                      if view is not None and self._views.get(section) is view), "contacts")
        section = ImportWizard.start(self, self.core, self.ops, kind or shown)  # type: ignore[arg-type]
        if section is not None:
            self.show_section(section)

    def _update_undo_import(self) -> None:
        self.undo_import_action.setEnabled(self.core.imports.last_batch() is not None)

    def undo_import(self) -> None:
        from crm_desktop.ui.dialogs.import_undo import undo_last_import

        undo_last_import(self, self.core.imports, self.ops)

    def change_password(self) -> None:
        from crm_desktop.ui.dialogs.user_dialog import PasswordDialog

        if PasswordDialog.edit(self, self.core, self.ops):
            self._say(self.tr("Your password was changed."))

    def open_trash(self) -> None:
        from crm_desktop.ui.dialogs.trash_dialog import TrashDialog

        TrashDialog.show_for(self, self.core, self.ops)

    def find_duplicates(self) -> None:
        """Duplicates of the companies when the companies are shown, else of the contacts."""
        from crm_desktop.ui.dialogs.duplicates_dialog import DuplicatesDialog

        kind = "companies" if self.current_view() is self._views.get("companies") else "contacts"
        DuplicatesDialog.show_for(self, self.core, self.ops, kind)

    def about_text(self) -> str:
        text = self.tr("crm-desktop {version}\nAn offline customer relationship manager for "
                       "small businesses.\nFont: Vazirmatn, SIL Open Font License 1.1.")
        return display.in_reading_direction(
            text.replace("{version}", display.isolate(display.digits(__version__))))

    def about(self) -> None:
        self._say(self.about_text(), title=self.tr("About crm-desktop"))

    def _say(self, text: str, *, title: str | None = None) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title or self.tr("crm-desktop"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("infoBox")
        ask_box(box)

    # -- data changes, state ------------------------------------------------------------
    def _on_changed(self, tables: list[str]) -> None:
        for view in self._views.values():
            view.on_changed(tables)
        self._update_counts()
        if {"backups", "settings"} & set(tables):
            self.update_backup_status()

    def update_backup_status(self, now: datetime | None = None) -> None:
        """The status bar's warning: the newest good backup is older than the user's
        threshold, there is none yet, or the backup folder is missing or read-only."""
        from crm_desktop.domain import clock

        now = now or clock.now_utc()
        status = self.core.backups.status(now)
        days = (now - status.last_good).days if status.last_good is not None else 0
        texts = {
            "folder": self.tr("Backup folder missing or read-only"),
            "none": self.tr("No backup yet"),
            "old": self.tr("Last backup {days} days ago").replace("{days}",
                                                                 display.number(days)),
        }
        text = texts.get(status.problem, "")
        self.backup_warning.setText(("⚠ " + text) if text else "")
        self.backup_warning.setToolTip(
            self.tr("Backups go to: {folder}").replace(
                "{folder}", display.address_in_text(str(status.folder))) + "\n"
            + self.tr("Click to open the backup settings."))
        self.backup_warning.setVisible(bool(text))

    def open_backup_settings(self) -> None:
        view = self.show_section("settings")
        view.show_page("backups")  # type: ignore[attr-defined]

    def _update_counts(self) -> None:
        contacts = self.core.contacts.count()
        companies = self.core.accounts.count()
        self.counts_label.setText(
            self.tr("Contacts: {n}").replace("{n}", display.number(contacts)) + "   " +
            self.tr("Companies: {n}").replace("{n}", display.number(companies)))

    def _restore(self) -> None:
        geometry = self.settings.state("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            screen_fit.shrink_to_screen(self)  # saved on a larger screen
        last = str(self.settings.value("window/view", "contacts"))
        keys = self.section_keys()
        self.nav.setCurrentRow(keys.index(last) if last in keys else keys.index("contacts"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        self.settings.set_state("window/geometry", self.saveGeometry())
        view = self.current_view()
        for key, candidate in self._views.items():
            candidate.save_state()
            if candidate is view:
                self.settings.set_value("window/view", key)
        self.settings.sync()
        super().closeEvent(event)
