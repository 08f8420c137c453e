"""RFM on screen: the segments page (sizes, revenue share, the window, Recompute), the
contact panel's segment chip and figures, the contact list's segment filter, Settings >
Marketing."""

from __future__ import annotations

import pytest

from crm_desktop.domain.enums import RfmSegment
from crm_desktop.domain.rfm import ORDER
from crm_desktop.ui import display, labels
from crm_desktop.ui.qtmodels.segments_model import CONTACTS, REVENUE_SHARE, SEGMENT, SegmentsModel
from crm_desktop.ui.views.contact_panel import ContactPanel
from crm_desktop.ui.views.segments import SegmentsPage


def _won(core) -> int:
    return next(s["id"] for s in core.stages.list() if s["outcome"] == "won")


def _buyer(core, name: str, amount: int) -> int:
    cid = core.contacts.create({"last_name": name})
    deal = core.deals.create({"title": "فروش", "contact_id": cid, "amount_rial": amount})
    core.deals.move(deal, _won(core))
    return cid


def test_the_segments_model_passes_the_model_tester(core, ui_lang, qtmodeltester) -> None:
    _buyer(core, "الف", 3_000_000)
    core.contacts.create({"last_name": "ب"})
    core.rfm.recompute()
    model = SegmentsModel()
    model.set_rows(core.rfm.sizes(), "rial")
    qtmodeltester.check(model)
    assert model.rowCount() == len(ORDER)
    model.set_rows([], "toman")
    qtmodeltester.check(model)


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_the_segments_page_shows_sizes_and_recomputes(core, ops, settings, ui_lang,
                                                      qtbot) -> None:
    a = _buyer(core, "الف", 3_000_000)
    b = core.contacts.create({"last_name": "ب"})
    page = SegmentsPage(core, ops, settings)
    qtbot.addWidget(page)
    ops.changed.connect(page.on_changed)  # as the campaigns view passes changes on
    model = page.model
    names = labels.rfm_segments()
    # never computed in full: the refresh after the sale stored the buyer only
    by_segment = {model.segment_at(r): r for r in range(model.rowCount())}
    assert list(by_segment) == [s.value for s in ORDER]
    none_row = by_segment[RfmSegment.NO_PURCHASE]
    assert model.index(none_row, SEGMENT).data() == names[RfmSegment.NO_PURCHASE]
    assert model.index(none_row, CONTACTS).data() == display.number(1)
    seg = core.rfm.of_contact(a)["segment"]
    assert model.index(by_segment[seg], REVENUE_SHARE).data() == display.percent(
        "۱۰۰٫۰" if ui_lang == "fa" else "100.0")
    assert display.number(2) in page.about.text()  # the two-year window
    # a new buyer, then Recompute: the table follows, with the busy cursor undone
    _buyer(core, "پ", 9_000_000)
    mark = core.rfm.computed_at()
    assert core.rfm.of_contact(b)["computed_at"] is None
    with qtbot.waitSignal(ops.changed):
        page.recompute_button.click()
    assert page.recompute_button.isEnabled()
    assert core.rfm.computed_at() > mark
    assert core.rfm.of_contact(b)["computed_at"] is not None  # every contact, this time
    total = sum(int(display.plain(model.index(r, CONTACTS).data())
                    .translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")).replace("٬", "")
                    .replace(",", "")) for r in range(model.rowCount()))
    assert total == 3


def test_the_contact_panel_shows_the_segment_and_figures(core, ui_lang, qtbot) -> None:
    buyer = _buyer(core, "خریدار", 2_500_000)
    idle = core.contacts.create({"last_name": "بی‌خرید"})
    panel = ContactPanel(core)
    qtbot.addWidget(panel)
    panel.show_contact(buyer)
    row = core.rfm.of_contact(buyer)
    assert panel.segment.text() == labels.rfm_segments()[row["segment"]]
    text = display.plain(panel.values["rfm"].text())
    assert display.plain(display.money(2_500_000)) in text
    assert (row["r_score"], row["f_score"], row["m_score"]) == (5, 1, 1)
    assert display.digits(5) in text and display.digits(1) in text
    panel.show_contact(idle)
    assert panel.segment.text() == labels.rfm_segments()[RfmSegment.NO_PURCHASE]
    assert display.digits(2) in panel.values["rfm"].text()


def test_the_contact_list_filters_by_segment(core, ops, settings, ui_lang, qtbot) -> None:
    from crm_desktop.ui.views.contacts import ContactsView

    buyer = _buyer(core, "خریدار", 2_500_000)
    core.contacts.create({"last_name": "دیگری"})
    core.rfm.recompute()
    view = ContactsView(core, ops, settings)
    qtbot.addWidget(view)
    combo = view.segment_filter
    assert combo.objectName() == "segmentFilter"
    seg = core.rfm.of_contact(buyer)["segment"]
    combo.setCurrentIndex(combo.findData(seg))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    combo.setCurrentIndex(combo.findData(RfmSegment.NO_PURCHASE.value))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)


def test_settings_marketing_sets_the_window_and_recomputes(core, ops, settings, ui_lang,
                                                           qtbot) -> None:
    from crm_desktop.ui.views.settings import SettingsView

    _buyer(core, "خریدار", 2_500_000)
    view = SettingsView(core, ops, settings)
    qtbot.addWidget(view)
    view.show_page("marketing")
    spin = view.rfm.years
    assert spin.value() == 2
    spin.setValue(4)
    view.rfm._changed()
    assert core.settings.rfm_window_years == 4
    assert core.rfm.computed_at() is not None and core.rfm.sizes()


def test_the_contact_panel_counts_recency_to_today(core, ui_lang, qtbot) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from crm_desktop.db import models as m

    buyer = _buyer(core, "خریدار", 2_500_000)  # bought today
    with core.db.write() as session:  # figures computed 40 days ago
        session.execute(update(m.ContactRfm).values(
            computed_at=datetime.now(UTC) - timedelta(days=40)))
    panel = ContactPanel(core)
    qtbot.addWidget(panel)
    panel.show_contact(buyer)
    assert display.number(40) in panel.values["rfm"].text()
