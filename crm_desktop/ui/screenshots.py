"""Render every main view and every dialog to PNG files, offscreen, for review and docs."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QSize, QThread
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui import display, screen_fit
from crm_desktop.ui.qt_messages import offscreen_filter

#: the smallest screen the program is made for: every image is rendered on it
SIZE = QSize(1366, 768)


def small_offscreen_screen() -> None:
    """Offscreen, render on a 1366x768 screen (the plugin's own is 800x800), so windows
    and dialogs are sized exactly as on a small laptop."""
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return
    config = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
              "screens": [{"name": "screenshots", "x": 0, "y": 0, "width": SIZE.width(),
                           "height": SIZE.height(), "logicalDpiX": 96, "logicalDpiY": 96,
                           "dpr": 1}]}
    path = Path(tempfile.gettempdir()) / f"crm-desktop-screen-{os.getpid()}.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    atexit.register(path.unlink, missing_ok=True)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _wait(app: QApplication, ready: Callable[[], bool], tries: int = 250) -> bool:
    """Let Qt work until `ready()` (a page rendered in another thread), at most ~5 s."""
    for _ in range(tries):
        app.processEvents()
        if ready():
            return True
        QThread.msleep(20)
    return False


def _save(widget: QWidget, path: Path) -> Path:
    pixmap = widget.grab()
    if pixmap.isNull() or not pixmap.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def _campaign_with_figures(core: Any) -> int | None:
    """The campaign with the most revenue (a page with real figures), else the first."""
    rows = core.campaigns.list(ListQuery(sort=Sort("revenue", descending=True), limit=1)).rows
    return rows[0]["id"] if rows else None


def render_all(out_dir: Path, db_path: Path, lang: str, theme: str | None = None) -> list[Path]:
    """Open a copy of `db_path` in a window and write one PNG per view and dialog into
    `out_dir` (`theme` "light" or "dark"; None: the user's choice), without the offscreen platform's
    harmless size-hints notice (see ui.qt_messages)."""
    folder = Path(tempfile.mkdtemp(prefix="crm-desktop-shots-"))
    try:
        with offscreen_filter():
            return _render_all(out_dir, _copy_database(db_path, folder), lang, theme,
                               shown_path=db_path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy_database(db_path: Path, folder: Path) -> Path:
    """A copy of `db_path` (same file name) in `folder`: the pictures compose messages,
    queue and send them to a file, recompute segments and make a list, and none of it may
    reach the user's database. The original is read only (a missing file: a new, empty
    database in the folder)."""
    copy = folder / db_path.name
    if db_path.exists():
        source = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    return copy


def _render_all(out_dir: Path, db_path: Path, lang: str, theme: str | None = None,
                shown_path: Path | None = None) -> list[Path]:
    from crm_desktop.app import create_application
    from crm_desktop.ui.controller import Controller
    from crm_desktop.ui.dialogs.account_dialog import AccountDialog
    from crm_desktop.ui.dialogs.activity_dialog import ActivityDialog
    from crm_desktop.ui.dialogs.campaign_dialog import CampaignDialog
    from crm_desktop.ui.dialogs.campaign_page import CampaignPage
    from crm_desktop.ui.dialogs.company_profile_dialog import CompanyProfileDialog
    from crm_desktop.ui.dialogs.contact_dialog import ContactDialog
    from crm_desktop.ui.dialogs.deal_dialog import DealDialog, LostReasonDialog
    from crm_desktop.ui.dialogs.deal_page import DealPage
    from crm_desktop.ui.dialogs.pdf_preview import PdfPreview
    from crm_desktop.ui.dialogs.product_dialog import ProductDialog
    from crm_desktop.ui.dialogs.proforma_dialog import ProformaDialog
    from crm_desktop.ui.dialogs.ticket_dialog import TicketDialog
    from crm_desktop.ui.dialogs.trash_dialog import TrashDialog
    from crm_desktop.ui.reminders import ReminderDialog
    from crm_desktop.ui.ui_settings import UiSettings

    app = create_application(lang, theme)
    out_dir.mkdir(parents=True, exist_ok=True)
    # the window as it first opens (no column widths or splitters from the user's own
    # sessions), and what it remembers on closing goes beside the copy, not into the user's
    # settings; the display choices (theme, text size) are the user's
    mine = UiSettings()
    settings = UiSettings(QSettings(str(db_path.parent / "desktop.ini"),
                                    QSettings.Format.IniFormat))
    settings.theme, settings.text_size = mine.theme, mine.text_size
    settings.language = lang
    controller = Controller(settings)
    from crm_desktop.ui import login_screenshots

    login_screenshots.open_as_administrator(db_path)  # the copy: no login to wait for
    if not controller.open(db_path, demo=False, show=False):
        raise RuntimeError(f"cannot open {db_path}")
    window = controller.window
    assert window is not None and controller.core is not None
    core = controller.core
    if shown_path is not None:  # the status bar names the user's file, not the copy
        window.db_label.setText(QCoreApplication.translate("MainWindow", "Database:") + " "
                                + display.address_in_text(str(shown_path)))
    screen_fit.resize(window, SIZE.width(), SIZE.height())
    window.show()
    _settle(app)
    written: list[Path] = []

    first_contact = (core.contacts.list(ListQuery(limit=1)).rows or [{}])[0].get("id")
    for key in window.section_keys():
        view = window.show_section(key)
        if key == "contacts" and first_contact is not None:
            view.show_record(first_contact)
        if key == "tickets":
            first = (core.tickets.list(ListQuery(limit=1)).rows or [{}])[0].get("id")
            if first is not None:
                view.show_record(first)
        if key == "companies":
            first = (core.accounts.list(ListQuery(limit=1)).rows or [{}])[0].get("id")
            if first is not None:
                view.show_record(first)
        if key == "campaigns":
            first = _campaign_with_figures(core)
            if first is not None:
                view.show_record(first)
        _settle(app)
        written.append(_save(window, out_dir / f"view_{key}.png"))

    # the Products section's second tab: the proformas list
    products = window.show_section("products")
    products.show_proformas()
    _settle(app)
    written.append(_save(window, out_dir / "view_products_proformas.png"))
    products.tabs.setCurrentIndex(0)

    settings_view = window.show_section("settings")
    for key in settings_view.page_keys()[1:]:  # the first page is view_settings
        settings_view.show_page(key)
        _settle(app)
        written.append(_save(window, out_dir / f"view_settings_{key}.png"))
    settings_view.show_page(settings_view.page_keys()[0])

    activities = window.show_section("activities")
    for mode, name in ((1, "view_activities_list"), (2, "view_activities_week")):
        activities.set_mode(mode)
        _settle(app)
        written.append(_save(window, out_dir / f"{name}.png"))
    activities.set_mode(0)

    dashboard = window.show_section("dashboard")  # its charts, below the cards
    _settle(app)
    dashboard.scroll_to_charts()
    _settle(app)
    written.append(_save(window, out_dir / "view_dashboard_charts.png"))
    dashboard.scroll.verticalScrollBar().setValue(0)

    written += _reports(app, window, out_dir)

    window.search.setText("علی" if lang == "fa" else "ali")
    window.search.search_now()
    _settle(app)
    written.append(_save(window.search.popup, out_dir / "global_search.png"))
    window.search.popup.hide()
    window.search.setText("")  # the later pictures show the window as it opens

    def dialog(name: str, make: Callable[[], QDialog], prepare: Callable[[QDialog], None]
               | None = None, ready: Callable[[QDialog], bool] | None = None) -> None:
        d = make()
        if prepare is not None:
            prepare(d)
        d.show()
        _settle(app)
        if ready is not None and not _wait(app, lambda: ready(d)):
            raise RuntimeError(f"{name}: the content was not drawn in time")
        written.append(_save(d, out_dir / f"{name}.png"))
        d.close()

    ops = window.ops
    dialog("dialog_contact_new", lambda: ContactDialog(core, ops, None, window))
    if first_contact is not None:
        dialog("dialog_contact_edit", lambda: ContactDialog(core, ops, first_contact, window))

    def bad_mobile(d: QDialog) -> None:
        assert isinstance(d, ContactDialog)
        d.bindings["first_name"].set("سارا")
        d.bindings["mobile"].set(None)
        d.bindings["mobile"].widget.setText("0912 12")  # type: ignore[attr-defined]

    dialog("dialog_contact_invalid", lambda: ContactDialog(core, ops, None, window), bad_mobile)
    dialog("dialog_company_new", lambda: AccountDialog(core, ops, None, window))
    if first_contact is not None:
        dialog("dialog_log_call", lambda: ActivityDialog(core, ops, "call", first_contact, window))
        dialog("dialog_add_task", lambda: ActivityDialog(core, ops, "task", first_contact, window))
    dialog("dialog_trash", lambda: TrashDialog(core, ops, window))
    _duplicates(dialog, core, ops, window)

    def reminders() -> QDialog:
        d = ReminderDialog(core, ops, window)
        d.add_rows(core.activities.list(ListQuery(filters={"state": "open"}, limit=3)).rows)
        return d

    dialog("dialog_reminder", reminders)
    dialog("dialog_ticket_new", lambda: TicketDialog(core, ops, contact_id=first_contact,
                                                     parent=window))
    dialog("dialog_deal_new", lambda: DealDialog(core, ops, None, contact_id=first_contact,
                                                 parent=window))
    dialog("dialog_lost_reason", lambda: LostReasonDialog(window))
    first_deal = (core.deals.list(ListQuery(limit=1)).rows or [{}])[0].get("id")
    if first_deal is not None:
        dialog("dialog_deal_page", lambda: DealPage(core, ops, first_deal, window))
    campaign = _campaign_with_figures(core)
    dialog("dialog_campaign_new", lambda: CampaignDialog(core, ops, None, window))
    if campaign is not None:
        dialog("dialog_campaign_page", lambda: CampaignPage(core, ops, campaign, window))
    first_product = (core.products.list(ListQuery(limit=1)).rows or [{}])[0].get("id")
    if first_product is not None:
        dialog("dialog_product_edit", lambda: ProductDialog(core, ops, first_product, window))
    dialog("dialog_company_profile", lambda: CompanyProfileDialog(core, ops, window))
    from crm_desktop.ui import login_screenshots  # login, first-run set-up, users

    login_screenshots.render(dialog, core, ops, window)
    first_proforma = (core.proformas.list(ListQuery(limit=1)).rows or [{}])[0].get("id")
    if first_proforma is not None:
        dialog("dialog_proforma_edit",
               lambda: ProformaDialog(core, ops, first_proforma, parent=window))
        pdf = out_dir / "proforma.pdf"
        editor = ProformaDialog(core, ops, first_proforma, parent=window)
        editor.render_pdf(pdf)
        editor.deleteLater()
        dialog("dialog_pdf_preview", lambda: PdfPreview(pdf, "proforma", window),
               ready=lambda d: isinstance(d, PdfPreview) and d.page_drawn())

    from crm_desktop.ui.export_runner import ExportProgressDialog, suggested_name

    def export_progress() -> QDialog:
        name = QCoreApplication.translate("ContactsView", "Contacts")
        d = ExportProgressDialog(Path(suggested_name(name) + ".xlsx"),
                                 QCoreApplication.translate("ExportRunner", "Exporting {name}")
                                 .replace("{name}", name), 100_000, window)
        d.set_progress(37_500)
        return d

    dialog("dialog_export_progress", export_progress)

    written += _marketing(app, core, window, out_dir, lang)
    from crm_desktop.ui import import_screenshots  # every step of the import wizard

    written += import_screenshots.render(app, core, window, out_dir)
    from crm_desktop.ui import automation_screenshots  # rules, a rule editor, the log

    written += automation_screenshots.render(app, core, window, out_dir)
    from crm_desktop.ui import backup_screenshots  # settings, restore preview, warning

    written += backup_screenshots.render(app, core, window, out_dir)

    from crm_desktop.ui import audit_screenshots  # the audit log, a record's history

    written += audit_screenshots.render(app, core, window, out_dir)
    from crm_desktop.ui import conflict_screenshots  # a save refused: saved by another

    written += conflict_screenshots.render(app, core, window, out_dir)

    about = QMessageBox(QMessageBox.Icon.Information, window.windowTitle(), window.about_text(),
                        QMessageBox.StandardButton.Ok, window)
    about.show()
    _settle(app)
    written.append(_save(about, out_dir / "dialog_about.png"))
    about.close()
    controller.close()
    return written


def _duplicates(dialog: Callable[..., None], core: Any, ops: Any, window: Any) -> None:
    """The find-duplicates page (its search done) and the merge dialog for a group of the
    demo's (a shared e-mail when there is one: its records differ in several fields)."""
    from crm_desktop.ui.dialogs.duplicates_dialog import DuplicatesDialog
    from crm_desktop.ui.dialogs.merge_dialog import MergeDialog

    dialog("dialog_duplicates", lambda: DuplicatesDialog(core, ops, "contacts", window),
           ready=lambda d: d.loaded)  # type: ignore[attr-defined]
    groups = core.duplicates.groups("contacts")
    group = next((g for g in groups if g.reason == "email"), groups[0] if groups else None)
    if group is not None:
        dialog("dialog_merge", lambda: MergeDialog(core, ops, "contacts", group.ids[:3],
                                                   window))


def _reports(app: QApplication, window: Any, out_dir: Path) -> list[Path]:
    """Every report of the Reports section for this year, one image each."""
    from crm_desktop.domain.periods import this_year
    from crm_desktop.services.reports import REPORTS

    view = window.show_section("reports")
    view.picker.setPeriod(this_year())
    written = []
    for definition in REPORTS:
        view.show_report(definition.name)
        _settle(app)
        written.append(_save(window, out_dir / f"view_reports_{definition.name}.png"))
    view.show_report(REPORTS[0].name)
    return written


def _marketing(app: QApplication, core: Any, window: Any, out_dir: Path,
               lang: str) -> list[Path]:
    """The marketing pages as a user sees them: the message composer (part counter, preview,
    who is left out), then the campaigns view's tabs in the window (a dynamic list chosen,
    the segments just recomputed, the outbox after a panel file went out), the dynamic-list
    editor with its criteria and live count, and "Add to list". All of it writes, which is
    why the window shows a copy of the user's database (render_all)."""
    from crm_desktop.ui.dialogs.add_to_list_dialog import AddToListDialog
    from crm_desktop.ui.dialogs.list_filter_dialog import ListFilterDialog
    from crm_desktop.ui.dialogs.message_composer import MessageComposer

    written: list[Path] = []
    ops = window.ops

    def shoot(widget: QWidget, name: str) -> None:
        widget.show()
        _settle(app)
        written.append(_save(widget, out_dir / f"{name}.png"))

    text = ("سلام {first_name} عزیز، به مناسبت یلدا ۲۰٪ تخفیف همه محصولات {company} تا "
            "پایان هفته برای شماست. کد تخفیف: YALDA1405. لغو ۱۱" if lang == "fa" else
            "Hello {first_name}, this week {company} gives you 20% off everything for "
            "Yalda. Code: YALDA1405. Reply STOP to opt out.")
    campaigns = core.campaigns.list(ListQuery(limit=50)).rows
    campaign = next((c for c in campaigns if c["members"]), None)
    if campaign is not None:
        composer = MessageComposer(core, ops, campaign["id"], window)
        composer.body.setPlainText(text)
        composer.check_recipients()
        shoot(composer, "dialog_message_composer")
        composer.close()
        composer.deleteLater()
        # some of it went out through a panel file, a few were withdrawn
        if composer.message_id is not None:
            core.outbox.queue(composer.message_id)
            # the panel file goes beside the copy, removed with it
            batch = core.outbox.export_file(core.db.path.parent / "panel.csv")
            half = len(batch.ids) // 2
            core.outbox.confirm_file(batch.ids[:half], uploaded=True)
            core.outbox.confirm_file(batch.ids[half:], uploaded=False)
            core.outbox.cancel(batch.ids[-3:])

    # a dynamic list, so the lists tab shows a filter in words
    cities = core.contacts.cities()
    city = "تهران" if "تهران" in cities else (cities[0] if cities else None)
    spec: dict[str, Any] = {"version": 1, "stages": ["customer", "loyal"],
                            "sms_consent": True}
    if city is not None:
        spec["cities"] = [city]
    dynamic = core.lists.create({
        "name": QCoreApplication.translate("ListFilterDialog",
                                            "Customers in {city} who take SMS").replace(
            "{city}", city or ""),
        "kind": "filter", "filter_json": json.dumps(spec, ensure_ascii=False)})
    window.ops.changed.emit(["marketing_lists", "outbox", "campaign_messages"])

    view = window.show_section("campaigns")
    lists = view.show_tab("lists")
    lists.refresh()
    lists.show_record(dynamic)
    shoot(window, "view_campaigns_lists")
    segments = view.show_tab("segments")
    segments.recompute()
    shoot(window, "view_campaigns_segments")
    outbox = view.show_tab("outbox")
    if callable(getattr(outbox, "refresh", None)):
        outbox.refresh()
    shoot(window, "view_campaigns_outbox")
    written += _club(app, core, window, out_dir)
    view.show_tab("campaigns")

    editor = ListFilterDialog(core, ops, dynamic, window)
    editor.months.set_values([1])
    editor.update_count()
    shoot(editor, "dialog_list_filter")
    editor.close()
    editor.deleteLater()

    some = [r["id"] for r in core.contacts.list(ListQuery(limit=12)).rows]
    adder = AddToListDialog(core, ops, some, window)
    shoot(adder, "dialog_add_to_list")
    adder.close()
    adder.deleteLater()
    return written


def _club(app: QApplication, core: Any, window: Any, out_dir: Path) -> list[Path]:
    """The customer club: its page (a tab of the campaigns view), the contact panel of the
    member with the most points (tier and points), and "Redeem…" for that member."""
    from crm_desktop.ui.dialogs.club_points_dialog import PointsDialog

    written: list[Path] = []
    view = window.show_section("campaigns")
    view.show_tab("club")
    _settle(app)
    written.append(_save(window, out_dir / "view_campaigns_club.png"))
    top = core.club_members.list(ListQuery(sort=Sort("balance", descending=True),
                                           limit=1)).rows
    if top and core.club.settings()["enabled"]:
        contacts = window.show_section("contacts")
        contacts.show_record(top[0]["id"])
        _settle(app)
        written.append(_save(window, out_dir / "view_contacts_club.png"))
        dialog = PointsDialog(core, window.ops, top[0]["id"], "redeem", window)
        dialog.show()
        _settle(app)
        written.append(_save(dialog, out_dir / "dialog_redeem_points.png"))
        dialog.close()
        dialog.deleteLater()
        written += _referral(app, core, window, out_dir)
        window.show_section("campaigns")
    return written


def _referral(app: QApplication, core: Any, window: Any, out_dir: Path) -> list[Path]:
    """A referred contact: its panel (Referred by, a link) and its form with the
    Referred by picker filled in and its search results open."""
    from PySide6.QtWidgets import QScrollArea

    from crm_desktop.ui.dialogs.contact_dialog import ContactDialog

    rows = core.club_ledger.list(ListQuery(filters={"kind": "referral"}, limit=1)).rows
    if not rows:
        return []
    referred = rows[0]["source_id"]
    written: list[Path] = []
    window.show_section("contacts").show_record(referred)
    _settle(app)
    written.append(_save(window, out_dir / "view_contacts_referred.png"))
    dialog = ContactDialog(core, window.ops, referred, window)
    dialog.show()
    picker = dialog.bindings["referred_by_id"].picker  # type: ignore[attr-defined]
    dialog.findChild(QScrollArea).ensureWidgetVisible(picker)
    _settle(app)
    written.append(_save(dialog, out_dir / "dialog_contact_referrer.png"))
    dialog.close()
    dialog.deleteLater()
    return written
