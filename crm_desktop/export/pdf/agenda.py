"""A day's agenda (برنامه روز) as an A4, right-to-left Persian PDF (reportlab, no Qt).

Same technique as the proforma: shaped text in visual order (see `proforma.fa`/`wrap`),
tables in logical order reversed by `rtl_table`, times and dates alone in their cells in
Persian digits. Long agendas run over several pages with the header row repeated.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer

from crm_desktop.domain.clock import local
from crm_desktop.domain.documents import BIRTHDAY, OVERDUE, AgendaItem
from crm_desktop.export.pdf.proforma import (
    FONT,
    FONT_BOLD,
    HEADER_BG,
    LIGHT,
    LINE,
    MARGIN,
    PAGE_W,
    SMALL,
    WIDTH,
    _inner,
    fa,
    register_fonts,
    rtl_table,
    wrap,
)
from crm_desktop.text.digits import to_persian_digits
from crm_desktop.text.jalali import format_jalali

STATUS_NAMES = {"done": "انجام شد", "open": "باز", "overdue": "عقب افتاده"}
KIND_NAMES = {
    "call": "تماس", "meeting": "جلسه", "task": "کار", "email": "ایمیل", "sms": "پیامک",
    "letter": "نامه", "note": "یادداشت", OVERDUE: "عقب افتاده", BIRTHDAY: "تولد",
}
#: logical order (first = right): ساعت, موضوع, مخاطب, وضعیت
WIDTHS = [30 * mm, 86 * mm, 45 * mm, 25 * mm]
OVERDUE_FG = colors.HexColor("#A3261B")


def _time_cell(item: AgendaItem, day: date) -> str:
    if item.time is None:
        return fa("تمام روز")
    at = local(item.time)
    if item.all_day:  # a date-only task: its day, never a time
        return fa("تمام روز") if at.date() == day else format_jalali(at.date())
    if at.date() == day:
        return to_persian_digits(f"{at:%H:%M}")
    # carried over from an earlier day: the date under the time
    return to_persian_digits(f"{at:%H:%M}") + "\n" + format_jalali(at.date())


def _subject(item: AgendaItem) -> str:
    kind = KIND_NAMES.get(item.kind, item.kind)
    return wrap(f"{kind}: {item.subject}", _inner(WIDTHS[1]))


def render_agenda(
    items: Sequence[AgendaItem],
    day: date,
    company_name: str,
    path: str | Path | IO[bytes],
) -> None:
    """Write the agenda of `day` (items as `services.agenda.agenda` returns them) to
    `path` (a file name or a binary file); `company_name` heads the page."""
    register_fonts()
    title = f"برنامه روز {format_jalali(day)}"
    header = [fa(h) for h in ("ساعت", "موضوع", "مخاطب", "وضعیت")]
    rows: list[list[Any]] = [header]
    style: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"), ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (3, 1), (3, -1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.4, LIGHT), ("BOX", (0, 0), (-1, -1), 0.8, LINE),
    ]
    for i, item in enumerate(items, start=1):
        rows.append([
            _time_cell(item, day),
            _subject(item),
            wrap(item.contact or "", _inner(WIDTHS[2])),
            fa(STATUS_NAMES.get(item.status, item.status)),
        ])
        if item.status == "overdue":
            style.append(("TEXTCOLOR", (3, i), (3, i), OVERDUE_FG))
    if len(rows) == 1:
        rows.append(["", fa("برنامه‌ای برای این روز نیست"), "", ""])
    heading = rtl_table(
        [[wrap(company_name or "", _inner(WIDTH), FONT_BOLD, 11)], [fa(title)]],
        [WIDTH],
        [("ALIGN", (0, 0), (-1, -1), "CENTER"), ("FONTNAME", (0, 0), (-1, -1), FONT_BOLD),
         ("FONTSIZE", (0, 0), (0, 0), 11), ("LEADING", (0, 0), (0, 0), 15),
         ("FONTSIZE", (0, 1), (0, 1), 16), ("LEADING", (0, 1), (0, 1), 24),
         ("LINEBELOW", (0, 1), (-1, 1), 1.2, LINE)],
    )
    story: list[Flowable] = [heading, Spacer(1, 4 * mm),
                             rtl_table(rows, WIDTHS, style, repeatRows=1)]

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, SMALL)
        canvas.setFillColor(LINE)
        page = to_persian_digits(str(doc.page))
        canvas.drawCentredString(PAGE_W / 2, MARGIN / 2, fa(f"{title} - صفحه {page}"))
        canvas.restoreState()

    target: Any = str(path) if isinstance(path, str | Path) else path
    doc = SimpleDocTemplate(
        target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=f"Agenda {day.isoformat()}", author=company_name or "",
        subject=title, creator="crm-desktop",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
