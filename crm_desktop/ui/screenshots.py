"""Render every main view and every dialog to PNG files, offscreen, for review and docs."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, QThread
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui import screen_fit
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
    """Open `db_path` in a window and write one PNG per view and dialog into `out_dir`
    (`theme` "light" or "dark"; None: the user's choice), without the offscreen platform's
    harmless size-hints notice (see ui.qt_messages)."""
    with offscreen_filter():
        return _render_all(out_dir, db_path, lang, theme)


def _render_all(out_dir: Path, db_path: Path, lang: str, theme: str | None = None) -> list[Path]:
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
    settings = UiSettings()
    controller = Controller(settings)
    if not controller.open(db_path, demo=False, show=False):
        raise RuntimeError(f"cannot open {db_path}")
    window = controller.window
    assert window is not None and controller.core is not None
    core = controller.core
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

    window.search.setText("علی" if lang == "fa" else "ali")
    window.search.search_now()
    _settle(app)
    written.append(_save(window.search.popup, out_dir / "global_search.png"))
    window.search.popup.hide()

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

    _marketing_lists(app, core, ops, out_dir, written)
    # pages of the campaigns view, rendered standalone until the view holds them
    from crm_desktop.ui.views.segments import SegmentsPage

    segments = SegmentsPage(core, ops, settings)
    segments.resize(SIZE.width() - 300, 560)
    segments.show()
    _settle(app)
    written.append(_save(segments, out_dir / "page_segments.png"))
    segments.close()
    written += _outbox_screens(app, core, window, out_dir, lang)

    about = QMessageBox(QMessageBox.Icon.Information, window.windowTitle(), window.about_text(),
                        QMessageBox.StandardButton.Ok, window)
    about.show()
    _settle(app)
    written.append(_save(about, out_dir / "dialog_about.png"))
    about.close()
    controller.close()
    return written


def _marketing_lists(app: QApplication, core: Any, ops: Any, out_dir: Path,
                     written: list[Path]) -> None:
    """The lists page (standalone until the campaigns view holds it) and the dynamic-list
    editor with a few criteria chosen (nothing is saved)."""
    from crm_desktop.ui.dialogs.list_filter_dialog import ListFilterDialog
    from crm_desktop.ui.ui_settings import UiSettings
    from crm_desktop.ui.views.marketing_lists import ListsPage

    page = ListsPage(core, ops, UiSettings())
    screen_fit.resize(page, 1200, 700)
    first = (core.lists.list(ListQuery(limit=1, sort=Sort("name"))).rows or [{}])[0].get("id")
    if first is not None:
        page.show_record(first)
    page.show()
    _settle(app)
    written.append(_save(page, out_dir / "view_marketing_lists.png"))
    page.close()
    page.deleteLater()

    editor = ListFilterDialog(core, ops)
    editor.name.setText(QCoreApplication.translate("ListFilterDialog",
                                                    "Customers born in Farvardin"))
    cities = core.contacts.cities()[:2]
    editor.cities.set_values(cities)
    editor.stages.set_values(["customer", "loyal"])
    editor.months.set_values([1])
    editor.sms.setCurrentIndex(1)
    editor.update_count()
    editor.show()
    _settle(app)
    written.append(_save(editor, out_dir / "dialog_list_filter.png"))
    editor.close()
    editor.deleteLater()
def _outbox_screens(app: QApplication, core: Any, window: QWidget, out_dir: Path,
                    lang: str) -> list[Path]:
    """The message composer (part counter, preview, who is left out) and the outbox page,
    standalone, on a copy of the database: the pictures must not write into the user's."""
    import sqlite3

    from crm_desktop.core import Core
    from crm_desktop.ui.dialogs.message_composer import MessageComposer
    from crm_desktop.ui.ops import Ops
    from crm_desktop.ui.ui_settings import UiSettings
    from crm_desktop.ui.views.outbox_page import OutboxPage

    folder = Path(tempfile.mkdtemp(prefix="crm-outbox-shots-"))
    copy = folder / "copy.sqlite3"
    with core.db.raw() as conn:
        target = sqlite3.connect(copy)
        conn.backup(target)
        target.close()
    written: list[Path] = []
    text = ("سلام {first_name} عزیز، به مناسبت یلدا ۲۰٪ تخفیف همه محصولات {company} تا "
            "پایان هفته برای شماست. کد تخفیف: YALDA1405. لغو ۱۱" if lang == "fa" else
            "Hello {first_name}, this week {company} gives you 20% off everything for "
            "Yalda. Code: YALDA1405. Reply STOP to opt out.")
    with Core.open(copy, create=False) as oc:
        campaigns = oc.campaigns.list(ListQuery(limit=50)).rows
        campaign = next((c for c in campaigns if c["members"]), None)
        if campaign is None:
            return written
        ops = Ops()
        composer = MessageComposer(oc, ops, campaign["id"], window)
        composer.body.setPlainText(text)
        composer.check_recipients()
        composer.show()
        _settle(app)
        written.append(_save(composer, out_dir / "dialog_message_composer.png"))
        composer.close()
        composer.deleteLater()
        # some of it went out through a panel file, a few were withdrawn
        if composer.message_id is not None:
            oc.outbox.queue(composer.message_id)
        batch = oc.outbox.export_file(folder / "panel.csv")
        half = len(batch.ids) // 2
        oc.outbox.confirm_file(batch.ids[:half], uploaded=True)
        oc.outbox.confirm_file(batch.ids[half:], uploaded=False)
        oc.outbox.cancel(batch.ids[-3:])
        page = OutboxPage(oc, ops, UiSettings())
        page.setWindowTitle(window.windowTitle())
        screen_fit.resize(page, SIZE.width(), SIZE.height() - 120)
        page.show()
        _settle(app)
        written.append(_save(page, out_dir / "view_outbox.png"))
        page.close()
        page.deleteLater()
        _settle(app)
    return written
