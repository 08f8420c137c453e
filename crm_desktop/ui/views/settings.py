"""Settings, one page per category (business, pipeline stages, support hours, display):
the company profile and the money unit, the stages, the support hours and targets, the UI
language (applied at the next start) and the business's time zone (the clock of every view,
the agenda, PDFs and the command line), and the automatic backups (settings_backup.py:
where, when, how many are kept, encrypted or not)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.domain.permissions import Perm
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.company_profile_dialog import CompanyProfileDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import icons
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.views.settings_display import DisplaySettings
from crm_desktop.ui.views.settings_rfm import RfmSettings
from crm_desktop.ui.widgets.sla_editor import SlaEditor
from crm_desktop.ui.widgets.stage_editor import StageEditor

#: the width of the list of categories, at the reading edge of the page
CATEGORY_LIST_WIDTH = 210
#: the widest a settings page grows: forms stay readable on a wide window
PAGE_MAX_WIDTH = 900


#: the pages of the business's settings (Perm.SETTINGS)
BUSINESS_PAGES = frozenset({"business", "pipeline", "support", "marketing", "club", "sending",
                            "backups"})

class SettingsPage(QScrollArea):
    """One category of settings: a heading and its sections, scrolling on its own."""

    def __init__(self, key: str, heading: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"settingsPage_{key}")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.body.setObjectName(f"settingsBody_{key}")
        self.body.setMaximumWidth(PAGE_MAX_WIDTH)
        self.content = QVBoxLayout(self.body)
        self.content.setContentsMargins(16, 12, 16, 16)
        self.content.setSpacing(12)
        title = QLabel(heading)
        title.setObjectName("settingsHeading")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        self.content.addWidget(title)
        self.content.addStretch(1)
        self.setWidget(self.body)

    def fill(self, widget: QWidget) -> None:
        """A page one widget fills (a table and its pane): it takes the page's height."""
        self.content.insertWidget(self.content.count() - 1, widget, 1)
        self.content.setStretch(self.content.count() - 1, 0)

    def add(self, item: QWidget | QLayout) -> None:
        at = self.content.count() - 1
        if isinstance(item, QWidget):
            self.content.insertWidget(at, item)
        else:
            self.content.insertLayout(at, item)


class SettingsView(BaseView):
    """Settings as the desktop programs people know lay them out: the categories in a list
    at the reading edge, the chosen category's page beside it, each page scrolling on its
    own."""

    watches = ("settings", "users")

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        title = QLabel(self.tr("Settings"))
        title.setObjectName("settingsTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)

        self.categories = QListWidget()
        self.categories.setObjectName("settingsCategories")
        self.categories.setFixedWidth(CATEGORY_LIST_WIDTH)
        self.categories.setSpacing(2)
        self.pages = QStackedWidget()
        self.pages.setObjectName("settingsPages")
        self.categories.currentRowChanged.connect(self.pages.setCurrentIndex)
        self._pages: dict[str, SettingsPage] = {}
        #: the business's settings are for roles with SETTINGS; Display (language, theme:
        #: this computer's choices) and one's own pages are for everyone
        self._may_edit = core.access.can(Perm.SETTINGS)

        # -- business: who prints the proformas, and the money unit
        self.company = QLabel()
        self.company.setObjectName("companySummary")
        self.company.setWordWrap(True)
        self.company.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        edit_company = QPushButton(self.tr("Edit the company profile…"))
        edit_company.setObjectName("editCompanyProfile")
        icons.dress(edit_company, "pencil")
        edit_company.clicked.connect(self.edit_company)
        self.unit = QComboBox()
        self.unit.setObjectName("unitChoice")
        self.unit.addItem(self.tr("Rial"), MoneyUnit.RIAL.value)
        self.unit.addItem(self.tr("Toman"), MoneyUnit.TOMAN.value)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        business = self._page("business", self.tr("Business"))
        business_form = QFormLayout()
        business_form.addRow(self.tr("Your business"), self.company)
        edit_row = QHBoxLayout()
        edit_row.addWidget(edit_company)
        edit_row.addStretch(1)
        business_form.addRow("", edit_row)
        business_form.addRow(self.tr("Show amounts in"), self.unit)
        business.add(business_form)

        # -- the sales pipeline's stages
        self.stages = StageEditor(core, ops)
        pipeline = self._page("pipeline", self.tr("Pipeline"), self.tr("Sales pipeline stages"))
        pipeline.add(self.stages)

        # -- support hours and response targets
        self.sla = SlaEditor(core, ops)
        support = self._page("support", self.tr("Support hours"),
                             self.tr("Support hours and response targets"))
        support.add(self.sla)

        # -- marketing: the RFM segments' window
        self.rfm = RfmSettings(core, ops)
        self._page("marketing", self.tr("Marketing")).add(self.rfm)

        # -- the customer club: points, their value, tiers, expiry
        from crm_desktop.ui.views.settings_club import ClubSettings

        self.club = ClubSettings(core, ops)
        self._page("club", self.tr("Customer club")).add(self.club)

        # -- sending: how SMS and e-mail of campaigns leave the program
        from crm_desktop.ui.views.settings_sending import SendingSettings

        self.sending = SendingSettings(core, ops)
        sending_page = self._page("sending", self.tr("Sending"),
                                  self.tr("Sending SMS and e-mail"))
        sending_page.add(self.sending)

        # -- backups: where, when, how many, encrypted or not
        from crm_desktop.ui.views.settings_backup import BackupSettings

        self.backups = BackupSettings(core, ops)
        self._page("backups", self.tr("Backups")).add(self.backups)

        # -- the audit log, for those who may read everyone's work (read when first shown)
        if core.access.can(Perm.REPORTS_ALL):
            from crm_desktop.ui.views.audit_page import AuditLogPage

            self.audit = AuditLogPage(core)
            self._page("audit", self.tr("Audit log"),
                       self.tr("Audit log: who changed what, and when")).fill(self.audit)
            ops.changed.connect(self.audit.on_changed)

        # -- display: language and clock (other display choices join through
        #    add_display_section)
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.addItem("فارسی", "fa")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        self.time_zone = QComboBox()
        self.time_zone.setObjectName("timeZoneChoice")
        for name in clock.zone_names():
            self.time_zone.addItem(name, name)
        self.time_zone.currentIndexChanged.connect(self._time_zone_changed)
        display_page = self._page("display", self.tr("Display"))
        display_form = QFormLayout()
        display_form.addRow(self.tr("Language"), self.language)
        display_form.addRow("", self.language_note)
        # the note's row shows once there is something to say
        self._display_form = display_form
        display_form.setRowVisible(self.language_note, False)
        display_form.addRow(self.tr("Time zone of the business"), self.time_zone)
        self.time_zone.setEnabled(self._may_edit)
        display_page.add(display_form)

        # -- users and roles (administrators only)
        self.users: QWidget | None = None
        if core.access.can(Perm.USERS):
            from crm_desktop.ui.views.settings_users import UsersSettings

            self.users = UsersSettings(core, ops)
            self._page("users", self.tr("Users and roles")).add(self.users)

        side = QVBoxLayout()
        side.addWidget(self.categories)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addLayout(side)
        row.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row, 1)
        self.display = DisplaySettings(settings)
        self.add_display_section(self.display)
        self.categories.setCurrentRow(0)
        self.refresh()

    # -- pages ------------------------------------------------------------------------------
    def _page(self, key: str, name: str, heading: str | None = None) -> SettingsPage:
        """A category: `name` in the list, `heading` (or the name) atop its page. A page of
        the business's settings is made but never listed for a role without SETTINGS."""
        heading = heading or name
        page = SettingsPage(key, heading)
        if key in BUSINESS_PAGES and not self._may_edit:
            page.setParent(self)
            page.hide()
            return page
        self._pages[key] = page
        self.pages.addWidget(page)
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setToolTip(heading)
        item.setSizeHint(QSize(CATEGORY_LIST_WIDTH - 8, 36))
        self.categories.addItem(item)
        return page

    def page_keys(self) -> list[str]:
        return list(self._pages)

    def page(self, key: str) -> SettingsPage:
        return self._pages[key]

    def show_page(self, key: str) -> SettingsPage:
        """Select a category in the list; its page is shown beside it."""
        self.categories.setCurrentRow(self.page_keys().index(key))
        return self._pages[key]

    def current_page(self) -> SettingsPage:
        page = self.pages.currentWidget()
        assert isinstance(page, SettingsPage)
        return page

    def add_display_section(self, widget: QWidget) -> None:
        """Add a section (theme, text size, ...) to the Display page, below the language and
        the time zone."""
        self._pages["display"].add(widget)

    def refresh(self) -> None:
        if self.users is not None:
            self.users.load()  # type: ignore[attr-defined]
        self.rfm.refresh()
        self.sending.load()
        self.club.load()
        self.backups.load()
        self.unit.blockSignals(True)
        self.unit.setCurrentIndex(max(0, self.unit.findData(self.core.settings.display_unit)))
        self.unit.blockSignals(False)
        self.time_zone.blockSignals(True)
        self.time_zone.setCurrentIndex(max(0, self.time_zone.findData(
            self.core.settings.time_zone())))
        self.time_zone.blockSignals(False)
        profile = self.core.settings.company()
        name = profile["name"] or self.tr("(no name yet: it is printed on proformas)")
        vat = display.percent(format(self.core.settings.vat_rate.normalize(), "f"))
        self.company.setText(display.isolate(name) + "\n" + self.tr("VAT rate: {rate}")
                             .replace("{rate}", display.isolate(vat)))

    def edit_company(self) -> None:
        CompanyProfileDialog.edit(self, self.core, self.ops)

    def _language_changed(self) -> None:
        lang = self.language.currentData()
        self.settings.language = lang
        self.language_note.setText(
            self.tr("The new language is used the next time you start the program."))
        self._display_form.setRowVisible(self.language_note, True)

    def _time_zone_changed(self) -> None:
        name = self.time_zone.currentData()
        self.ops.run(self, lambda: self.core.settings.set_time_zone(name),
                     changes=["settings", "activities"])

    def _unit_changed(self) -> None:
        unit = self.unit.currentData()
        self.ops.run(self, lambda: self.core.settings.set_display_unit(unit),
                     changes=["settings"])
