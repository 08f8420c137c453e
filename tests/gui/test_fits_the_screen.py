"""At 1366x768 (a 40-pixel task bar leaves 1366x728) the main window, every section and
every dialog fit: no window larger than the screen, no widget outside its window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QMessageBox,
    QWidget,
)

from crm_desktop.services.base import ListQuery
from tests.gui.conftest import AVAILABLE
from tests.gui.layout_checks import overlapping


def _inside_scroll_viewport(widget: QWidget) -> QWidget | None:
    """The viewport of the nearest scroll area holding `widget`, if any."""
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return parent
        parent = parent.parentWidget()
    return None


def outside(top: QWidget) -> list[str]:
    """The visible widgets that stick out of `top` (or, inside a scroll area, that are
    clipped by nothing but the window: scrolled contents may run past their viewport)."""
    bad = []
    bounds = top.rect()
    for child in top.findChildren(QWidget):
        if not child.isVisibleTo(top) or child.isWindow() or child.width() <= 0:
            continue
        if _inside_scroll_viewport(child) is not None:
            continue
        rect = QRect(child.mapTo(top, child.rect().topLeft()), child.size())
        if not bounds.contains(rect):
            bad.append(f"{type(child).__name__}#{child.objectName()} {rect} not in {bounds}")
    return bad


def fits(dialog: QWidget) -> list[str]:
    problems = []
    frame = dialog.frameGeometry()
    if dialog.width() > AVAILABLE.width() or dialog.height() > AVAILABLE.height():
        problems.append(f"{dialog.objectName()} is {dialog.size()}, larger than the screen")
    if frame.width() > AVAILABLE.width() or frame.height() > AVAILABLE.height():
        problems.append(f"{dialog.objectName()} frame {frame.size()} larger than the screen")
    return problems + outside(dialog)


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_every_section_fits_at_1366x768(small_window, qapp) -> None:
    window = small_window
    assert window.width() <= AVAILABLE.width() and window.height() <= AVAILABLE.height()
    problems = []
    for key in window.section_keys():
        window.show_section(key)
        qapp.processEvents()
        problems += [f"{key}: {p}" for p in fits(window)]
        problems += [f"{key}: {p}" for p in overlapping(window.current_view())]
    activities = window.show_section("activities")
    for mode in (1, 2):
        activities.set_mode(mode)
        qapp.processEvents()
        problems += [f"activities {mode}: {p}" for p in fits(window)]
    assert problems == []
    # the status bar is on the screen
    bar = window.statusBar()
    assert window.rect().contains(QRect(bar.mapTo(window, bar.rect().topLeft()), bar.size()))


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_every_campaigns_tab_fits_at_1366x768(small_window, qapp) -> None:
    """The marketing pages in the window (the campaigns view's tabs) fit, and the
    campaigns list's ten columns show their headers and chips whole, side by side in the
    table (no column runs past its edge, no header is cut)."""
    from PySide6.QtGui import QFont, QFontMetrics

    from crm_desktop.ui import labels
    from crm_desktop.ui.theme import tokens

    window = small_window
    window.resize(AVAILABLE.size())  # maximized on the small screen
    view = window.show_section("campaigns")
    problems = []
    for tab in ("lists", "segments", "outbox", "automation", "automation_log", "club",
                "campaigns"):
        view.show_tab(tab)
        qapp.processEvents()
        problems += [f"{tab}: {p}" for p in fits(window)]
        problems += [f"{tab}: {p}" for p in overlapping(view)]
    table = view.page("campaigns").table
    header = table.horizontalHeader()
    heavy = QFont(header.font())
    heavy.setWeight(QFont.Weight.DemiBold)  # the style sheet's header weight
    words, cells, pad = QFontMetrics(heavy), table.fontMetrics(), tokens.SPACING["s"]
    model = table.model()
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        if words.horizontalAdvance(title) + 2 * pad > header.sectionSize(column):
            problems.append(f"header {title!r} cut at {header.sectionSize(column)}")
    keys = [c.key for c in model.columns]
    for key, values in (("channel", labels.campaign_channels()),
                        ("status", labels.campaign_statuses())):
        width = header.sectionSize(keys.index(key))
        problems += [f"chip {v!r} cut at {width}" for v in values.values()
                     if cells.horizontalAdvance(v) + 4 * pad > width]
    total = sum(header.sectionSize(c) for c in range(model.columnCount()))
    if total > table.viewport().width():
        problems.append(f"columns {total} wider than the table {table.viewport().width()}")
    assert problems == []


def test_restored_geometry_larger_than_the_screen_is_shrunk(small_window) -> None:
    from crm_desktop.ui.controller import Controller
    from crm_desktop.ui.ui_settings import UiSettings

    window = small_window
    window.setGeometry(QRect(0, 0, 1900, 1040))  # saved on a larger monitor
    path = window.core.db.path
    window.close()  # remembers the geometry
    assert UiSettings().state("window/geometry") is not None
    again = Controller()
    assert again.open(path, show=False)
    try:
        frame = again.window.frameGeometry()
        assert frame.width() <= AVAILABLE.width() and frame.height() <= AVAILABLE.height()
        assert AVAILABLE.contains(frame)
    finally:
        again.close()


def _dialogs(window, tmp: Path) -> list[tuple[str, Callable[[], QWidget]]]:
    from crm_desktop.ui.dialogs.account_dialog import AccountDialog
    from crm_desktop.ui.dialogs.activity_dialog import ActivityDialog
    from crm_desktop.ui.dialogs.appointment_dialog import AppointmentDialog
    from crm_desktop.ui.dialogs.company_profile_dialog import CompanyProfileDialog
    from crm_desktop.ui.dialogs.contact_dialog import ContactDialog
    from crm_desktop.ui.dialogs.deal_dialog import DealDialog, LostReasonDialog
    from crm_desktop.ui.dialogs.deal_page import DealPage
    from crm_desktop.ui.dialogs.pdf_preview import PdfPreview
    from crm_desktop.ui.dialogs.product_dialog import ProductDialog
    from crm_desktop.ui.dialogs.proforma_dialog import ProformaDialog
    from crm_desktop.ui.dialogs.stage_dialog import StageDialog
    from crm_desktop.ui.dialogs.ticket_dialog import TicketDialog
    from crm_desktop.ui.dialogs.trash_dialog import TrashDialog
    from crm_desktop.ui.reminders import ReminderDialog

    core, ops = window.core, window.ops

    def first(service) -> int:
        return service.list(ListQuery(limit=1)).rows[0]["id"]

    contact, deal, product = first(core.contacts), first(core.deals), first(core.products)
    proforma = first(core.proformas)
    pdf = tmp / "proforma.pdf"

    def preview() -> QWidget:
        editor = ProformaDialog(core, ops, proforma, parent=window)
        editor.render_pdf(pdf)
        editor.deleteLater()
        return PdfPreview(pdf, "proforma", window)

    def about() -> QWidget:
        box = QMessageBox(QMessageBox.Icon.Information, window.windowTitle(),
                          window.about_text(), QMessageBox.StandardButton.Ok, window)
        box.setObjectName("aboutBox")
        return box

    from crm_desktop.ui.dialogs.add_to_list_dialog import AddToListDialog
    from crm_desktop.ui.dialogs.campaign_dialog import CampaignDialog
    from crm_desktop.ui.dialogs.campaign_page import CampaignPage
    from crm_desktop.ui.dialogs.club_points_dialog import PointsDialog, ProformaRedeemDialog
    from crm_desktop.ui.dialogs.duplicates_dialog import DuplicatesDialog
    from crm_desktop.ui.dialogs.first_run_dialog import FirstRunDialog
    from crm_desktop.ui.dialogs.list_filter_dialog import ListFilterDialog
    from crm_desktop.ui.dialogs.login_dialog import LoginDialog
    from crm_desktop.ui.dialogs.merge_dialog import MergeDialog
    from crm_desktop.ui.dialogs.message_composer import MessageComposer
    from crm_desktop.ui.dialogs.rule_conditions import ConditionsDialog
    from crm_desktop.ui.dialogs.rule_dialog import RuleDialog
    from crm_desktop.ui.dialogs.run_preview import RunPreview
    from crm_desktop.ui.dialogs.user_dialog import PasswordDialog, UserDialog

    campaign = first(core.campaigns)
    some = [r["id"] for r in core.contacts.list(ListQuery(limit=5)).rows]
    ten = [r["id"] for r in core.contacts.list(ListQuery(limit=10)).rows]
    return [
        ("duplicates", lambda: DuplicatesDialog(core, ops, "contacts", window)),
        ("merge_two", lambda: MergeDialog(core, ops, "contacts", some[:2], window)),
        ("merge_ten", lambda: MergeDialog(core, ops, "contacts", ten, window)),
        ("campaign_new", lambda: CampaignDialog(core, ops, None, window)),
        ("campaign_page", lambda: CampaignPage(core, ops, campaign, window)),
        ("list_filter", lambda: ListFilterDialog(core, ops, None, window)),
        ("add_to_list", lambda: AddToListDialog(core, ops, some, window)),
        ("composer", lambda: MessageComposer(core, ops, campaign, window)),
        *((f"rule_{kind}", lambda k=kind: RuleDialog(core, ops, kind=k, parent=window))
          for kind in core.automation.kinds()),
        ("rule_conditions", lambda: ConditionsDialog(core, ops, None, window)),
        ("run_preview", lambda: RunPreview(core, ops, window)),
        ("contact_new", lambda: ContactDialog(core, ops, None, window)),
        ("contact_edit", lambda: ContactDialog(core, ops, contact, window)),
        ("account_new", lambda: AccountDialog(core, ops, None, window)),
        ("call", lambda: ActivityDialog(core, ops, "call", contact, window)),
        ("appointment", lambda: AppointmentDialog(core, ops, parent=window)),
        ("trash", lambda: TrashDialog(core, ops, window)),
        ("reminder", lambda: ReminderDialog(core, ops, window)),
        ("ticket", lambda: TicketDialog(core, ops, contact_id=contact, parent=window)),
        ("deal", lambda: DealDialog(core, ops, None, contact_id=contact, parent=window)),
        ("lost_reason", lambda: LostReasonDialog(window)),
        ("deal_page", lambda: DealPage(core, ops, deal, window)),
        ("product", lambda: ProductDialog(core, ops, product, window)),
        ("company_profile", lambda: CompanyProfileDialog(core, ops, window)),
        ("stage", lambda: StageDialog(core, ops, None, window)),
        ("proforma", lambda: ProformaDialog(core, ops, proforma, parent=window)),
        ("pdf_preview", preview),
        ("about", about),
        ("adjust_points", lambda: PointsDialog(core, ops, contact, "adjust", window)),
        ("redeem_points", lambda: PointsDialog(core, ops, contact, "redeem", window)),
        ("redeem_on_proforma", lambda: ProformaRedeemDialog(core, ops, proforma, window)),
        ("login", lambda: LoginDialog(core.auth, "crm.sqlite3", window)),
        ("first_run", lambda: FirstRunDialog(core.auth, window)),
        ("user_new", lambda: UserDialog(core, ops, None, window)),
        ("user_edit", lambda: UserDialog(core, ops, core.actor_id, window)),
        ("change_password", lambda: PasswordDialog(core, ops, None, "", window)),
        ("reset_password", lambda: PasswordDialog(core, ops, core.actor_id, "سارا", window)),
    ]


# the offscreen plugin warns that it cannot pass a dialog's size hints to a window manager
@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_every_dialog_fits_at_1366x768(small_window, qapp, tmp_path) -> None:
    window = small_window
    problems = []
    for name, make in _dialogs(window, tmp_path):
        dialog = make()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        dialog.show()
        qapp.processEvents()
        problems += [f"{name}: {p}" for p in fits(dialog)]
        dialog.close()
        dialog.deleteLater()
    assert problems == []
