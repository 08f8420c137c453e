"""A proforma invoice (پیش‌فاکتور) as an A4, right-to-left Persian PDF (reportlab, no Qt).

Persian text is shaped with arabic_reshaper and put in visual order with the legacy
`bidi.algorithm.get_display` (it mirrors brackets); reportlab's own shaping is not used.
Wrapped text is split into lines on the shaped, logical text first and every line is
reordered on its own (reordering a whole paragraph would reverse its lines). Tables are
built in logical order and each row is reversed, so the first column stands at the right.
Numbers, phones and codes sit in cells of their own, in Persian digits. Shaping is the
expensive part: shaped strings are cached.

The writer prints a `ProformaDocument` as the core made it (amounts, totals and words
included) and never calls back into a service. A line without VAT carries a mark after its
row number, explained under the VAT line.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import IO, Any

import arabic_reshaper
from bidi import get_display as compiled_display
from bidi.algorithm import get_display
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from crm_desktop.domain.documents import ProformaDocument
from crm_desktop.resources import resource_path
from crm_desktop.text.digits import format_number, to_persian_digits
from crm_desktop.text.jalali import format_jalali
from crm_desktop.text.money import MoneyUnit, format_money

FONT = "Vazirmatn"
FONT_BOLD = "Vazirmatn-Bold"
SIZE = 9
SMALL = 8
LEADING = 1.4
PAD = 3  # cell padding, points

PAGE_W, PAGE_H = A4
MARGIN = 12 * mm
WIDTH = PAGE_W - 2 * MARGIN  # 186 mm

UNIT_NAMES = {MoneyUnit.RIAL: "ریال", MoneyUnit.TOMAN: "تومان"}
HEADER_BG = colors.HexColor("#E8EEF5")
TOTAL_BG = colors.HexColor("#D6E2F0")
LINE = colors.HexColor("#5A6B7D")
LIGHT = colors.HexColor("#B8C4D0")

#: lines table, logical order (first = right): ردیف, شرح, تعداد, واحد, مبلغ واحد, تخفیف, مبلغ
LINE_WIDTHS = [10 * mm, 64 * mm, 15 * mm, 15 * mm, 28 * mm, 25 * mm, 29 * mm]


@functools.cache
def register_fonts() -> None:
    """Vazirmatn Regular and Bold (SIL OFL) from the program's resources, once."""
    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "Vazirmatn-Regular.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts", "Vazirmatn-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD)


# -- Persian text --------------------------------------------------------------------------
#: a number joined by hyphens (a phone 021-88776655, a proforma number 1405-0001), maybe with
#: a leading plus: by Unicode rules a hyphen between digits that follow Persian letters
#: splits them ("0001-1405"), so such a run is embedded left-to-right (LRE ... PDF; the
#: bidi step removes the two marks).
_HYPHENATED = re.compile(r"\+?\d+(?:[\-\u2010\u2011\u2013]\d+)+")
LRE, PDF = "‪", "‬"


def ltr(text: str) -> str:
    """`text` kept left-to-right inside Persian text."""
    return f"{LRE}{text}{PDF}"


#: letters join within a word only (no ligature the reshaper applies by default spans a
#: space), so text is reshaped word by word and every word once: names in a long report
#: repeat the same few hundred words
_SPACES = re.compile(r"(\s+)")


class _ReadOnce:
    """The reshaper's settings, each read once: arabic_reshaper asks its ConfigParser for
    six of them at every call, most of the time it takes on a short word."""

    def __init__(self, section: Any):
        self._section = section
        self.getboolean = functools.cache(section.getboolean)
        self.get = functools.cache(section.get)

    def __getitem__(self, key: str) -> Any:
        return self._section[key]


_RESHAPER = arabic_reshaper.ArabicReshaper()
_RESHAPER.configuration = _ReadOnce(_RESHAPER.configuration)


@functools.lru_cache(maxsize=65536)
def _shape_word(word: str) -> str:
    return _RESHAPER.reshape(word)


@functools.lru_cache(maxsize=8192)
def _shape(text: str) -> str:
    parts = _SPACES.split(_HYPHENATED.sub(lambda m: ltr(m.group()), text))
    return "".join(part if i % 2 else _shape_word(part) for i, part in enumerate(parts))


#: the formatting characters (ZWNJ, ZWJ, embeddings, isolates) the legacy algorithm drops
#: from its result and the compiled one keeps
_DROPPED = re.compile("[\u200b-\u200d\u202a-\u202e\u2060-\u2069\ufeff]")


@functools.cache
def _mirrored() -> re.Pattern[str]:
    """Every character the bidi algorithm mirrors (brackets, «», <, ...)."""
    chars = "".join(chr(c) for c in range(0x10000) if unicodedata.mirrored(chr(c)))
    return re.compile(f"[{re.escape(chars)}]")


def visual(text: str, base_dir: str = "R") -> str:
    """Text in visual order, as the legacy `bidi.algorithm.get_display` gives it (it
    mirrors brackets). Text without a character to mirror goes through python-bidi's
    compiled implementation instead, which gives the same order twenty times faster
    (tests/unit/test_report_text.py compares the two)."""
    if _mirrored().search(text):
        return get_display(text, base_dir=base_dir)
    return _DROPPED.sub("", compiled_display(text, base_dir=base_dir))


@functools.lru_cache(maxsize=8192)
def fa(text: str) -> str:
    """One line of Persian (or mixed) text in the visual order reportlab draws."""
    return visual(_shape(text), "R")


@functools.lru_cache(maxsize=4096)
def wrap(text: str, width: float, font: str = FONT, size: float = SIZE) -> str:
    """Text wrapped at `width` points: lines split on the shaped logical text, then each
    line reordered; the lines joined with newlines (a table cell draws them in order)."""
    out: list[str] = []
    for para in text.splitlines() or [""]:
        shaped = _shape(para)
        lines = simpleSplit(shaped, font, size, width) if shaped.strip() else [""]
        out += [visual(line, "R") for line in lines]
    return "\n".join(out)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _digits(value: Any) -> str:
    """A number, phone or code as it stands, in Persian digits (no reordering needed:
    it is the only thing in its cell)."""
    return to_persian_digits(_text(value))


def _money(rials: int, unit: MoneyUnit, with_unit: bool = False) -> str:
    text = format_money(rials, unit, persian=True, with_unit=with_unit)
    return fa(text) if with_unit else text


def _date(value: Any) -> str:
    return format_jalali(value) if isinstance(value, date) else ""


def _percent(value: Decimal | int | str) -> str:
    """"۱۰٪" in logical order, for running Persian text (fa() puts the sign at the left)."""
    return format_number(Decimal(str(value))) + "٪"


def _percent_cell(value: Decimal | int | str) -> str:
    """A percentage alone in a cell, drawn as it shows in Persian text: the sign at the
    left of the digits (a cell with no letters would otherwise put it at the right)."""
    return "٪" + format_number(Decimal(str(value)))


# -- right-to-left tables ------------------------------------------------------------------
BASE_STYLE: list[tuple] = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("FONTSIZE", (0, 0), (-1, -1), SIZE),
    ("LEADING", (0, 0), (-1, -1), SIZE * LEADING),
    ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LEFTPADDING", (0, 0), (-1, -1), PAD),
    ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
]


def rtl_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    style: Sequence[tuple] = (),
    **kwargs: Any,
) -> Table:
    """A Table given in logical order (column 0 is the first, at the right): every row is
    reversed and the style's column numbers are mirrored. SPAN keeps the content of its
    first (right-most) cell. Use GRID/BOX/INNERGRID/LINEABOVE/LINEBELOW, not
    LINEBEFORE/LINEAFTER (they would swap sides)."""
    n = len(widths)
    visual = [list(reversed(row)) for row in rows]
    commands = []
    for name, (c0, r0), (c1, r1), *rest in style:
        a, b = n - 1 - (c0 % n), n - 1 - (c1 % n)
        lo, hi = min(a, b), max(a, b)
        if name == "SPAN" and lo != hi:
            last = len(visual) - 1
            for r in range(r0 % len(visual), min(r1 % len(visual), last) + 1):
                visual[r][lo], visual[r][hi] = visual[r][hi], ""
        commands.append((name, (lo, r0), (hi, r1), *rest))
    table = Table(visual, colWidths=list(reversed(widths)), **kwargs)
    table.setStyle(TableStyle(BASE_STYLE + commands))
    return table


def _inner(width: float) -> float:
    return width - 2 * PAD


# -- blocks --------------------------------------------------------------------------------
def _logo(logo: Path | bytes | None, max_w: float, max_h: float) -> Flowable | str:
    if not logo:
        return ""
    source = BytesIO(logo) if isinstance(logo, bytes) else str(logo)
    w, h = ImageReader(source).getSize()
    if isinstance(source, BytesIO):
        source.seek(0)
    scale = min(max_w / w, max_h / h)
    return Image(source, width=w * scale, height=h * scale)


def _header(doc: ProformaDocument) -> Table:
    proforma, company, logo, number = doc.header, doc.seller, doc.logo, doc.number
    side, middle = 46 * mm, WIDTH - 92 * mm
    title = rtl_table(
        [[fa("پیش‌فاکتور")], [wrap(_text(company.get("name")), _inner(middle), FONT_BOLD, 11)]],
        [middle],
        [("ALIGN", (0, 0), (-1, -1), "CENTER"),
         ("FONTNAME", (0, 0), (-1, -1), FONT_BOLD),
         ("FONTSIZE", (0, 0), (0, 0), 18), ("LEADING", (0, 0), (0, 0), 26),
         ("FONTSIZE", (0, 1), (0, 1), 11), ("LEADING", (0, 1), (0, 1), 15)],
    )
    facts = rtl_table(
        [[fa("شماره:"), _digits(number)],
         [fa("تاریخ:"), _date(proforma.get("issue_date"))],
         [fa("اعتبار تا:"), _date(proforma.get("valid_until")) or "-"]],
        [18 * mm, 26 * mm],
        [("ALIGN", (1, 0), (1, -1), "LEFT"), ("FONTNAME", (1, 0), (1, 0), FONT_BOLD)],
    )
    return rtl_table(
        [[_logo(logo, side - 4, 24 * mm), title, facts]],
        [side, middle, side],
        [("ALIGN", (0, 0), (0, 0), "CENTER"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
         ("RIGHTPADDING", (0, 0), (-1, -1), 0),
         ("LINEBELOW", (0, 0), (-1, 0), 1.2, LINE)],
    )


def _party(title: str, info: Mapping[str, Any], id_label: str, extra: Sequence[str]) -> Table:
    """Seller or buyer: a title bar, then label / value pairs three to a row."""
    label, value = 21 * mm, WIDTH / 3 - 21 * mm
    widths = [label, value] * 3
    address_w = _inner(WIDTH - label)
    rows = [
        [fa(title), "", "", "", "", ""],
        [fa("نام:"), wrap(_text(info.get("name")), _inner(value), FONT_BOLD),
         fa(id_label), _digits(info.get("national_id")),
         fa("کد اقتصادی:"), _digits(info.get("economic_code"))],
        [fa("تلفن:"), _digits(info.get("phone")), fa("کد پستی:"), _digits(info.get("postal_code")),
         *extra],
        [fa("نشانی:"), wrap(_text(info.get("address")), address_w), "", "", "", ""],
    ]
    return rtl_table(
        rows, widths,
        [("SPAN", (0, 0), (-1, 0)), ("SPAN", (1, 3), (-1, 3)),
         ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
         ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
         ("FONTNAME", (1, 1), (1, 1), FONT_BOLD),
         ("TEXTCOLOR", (0, 1), (0, -1), LINE), ("TEXTCOLOR", (2, 1), (2, 2), LINE),
         ("TEXTCOLOR", (4, 1), (4, 2), LINE),
         ("BOX", (0, 0), (-1, -1), 0.8, LINE)],
    )


#: after the row number of a line that carries no VAT; explained under the VAT line
UNTAXED_MARK = "*"
UNTAXED_NOTE = "ردیف‌های با نشان * مشمول مالیات بر ارزش افزوده نیستند."


def _lines_table(doc: ProformaDocument) -> Table:
    totals, unit = doc.totals, doc.unit
    unit_name = UNIT_NAMES[unit]
    header = [fa(h) for h in ("ردیف", "شرح کالا یا خدمات", "تعداد", "واحد",
                              f"مبلغ واحد ({unit_name})", f"تخفیف ({unit_name})",
                              f"مبلغ ({unit_name})")]
    desc_w, unit_w = _inner(LINE_WIDTHS[1]), _inner(LINE_WIDTHS[3])
    rows: list[list[str]] = [header]
    for i, (line, t) in enumerate(zip(doc.lines, totals.lines, strict=True), start=1):
        discount = _money(t.discount_rial, unit) if t.discount_rial else "-"
        if line.get("discount_kind") == "percent" and line.get("discount_value"):
            discount += "\n" + _percent_cell(line["discount_value"])
        rows.append([
            to_persian_digits(str(i)) + ("" if line.get("taxable", True) else UNTAXED_MARK),
            wrap(_text(line.get("description")), desc_w),
            format_number(Decimal(str(line.get("quantity", 1)))),
            wrap(_text(line.get("unit")), unit_w, FONT, SMALL),
            _money(int(line.get("unit_price_rial") or 0), unit),
            discount,
            _money(t.net_rial, unit),
        ])
    if len(rows) == 1:
        rows.append(["", fa("بدون ردیف"), "", "", "", "", ""])
    return rtl_table(
        rows, LINE_WIDTHS,
        [("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("FONTSIZE", (0, 0), (-1, 0), SMALL),
         ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
         ("ALIGN", (0, 0), (-1, 0), "CENTER"),
         ("ALIGN", (0, 1), (0, -1), "CENTER"),
         ("ALIGN", (2, 1), (-1, -1), "CENTER"),
         ("FONTSIZE", (3, 1), (3, -1), SMALL),
         ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F6F8FA")]),
         ("GRID", (0, 0), (-1, -1), 0.4, LIGHT),
         ("BOX", (0, 0), (-1, -1), 0.8, LINE)],
        repeatRows=1,
    )


def _totals_table(doc: ProformaDocument) -> Table:
    totals, unit = doc.totals, doc.unit
    widths = [46 * mm, 44 * mm]
    rows = [
        [fa("جمع کل"), _money(totals.subtotal_rial, unit, True)],
        [fa("تخفیف"), _money(totals.discount_rial, unit, True)],
        [fa("جمع پس از تخفیف"), _money(totals.net_rial, unit, True)],
        [fa(f"مالیات بر ارزش افزوده ({_percent(doc.vat_rate)})"),
         _money(totals.vat_rial, unit, True)],
    ]
    note: list[tuple] = []
    if doc.has_untaxed_lines:
        rows.append([wrap(UNTAXED_NOTE, _inner(sum(widths)), FONT, SMALL), ""])
        note = [("SPAN", (0, 4), (-1, 4)), ("FONTSIZE", (0, 4), (-1, 4), SMALL),
                ("LEADING", (0, 4), (-1, 4), SMALL * LEADING),
                ("TEXTCOLOR", (0, 4), (-1, 4), LINE)]
    rows.append([fa("مبلغ قابل پرداخت"), _money(totals.total_rial, unit, True)])
    return rtl_table(
        rows, widths,
        [*note, ("ALIGN", (1, 0), (1, -1), "CENTER"),
         ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
         ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
         ("GRID", (0, 0), (-1, -1), 0.4, LIGHT),
         ("BOX", (0, 0), (-1, -1), 0.8, LINE)],
        hAlign="LEFT",
    )


def _words_and_notes(doc: ProformaDocument) -> Table:
    proforma, inner = doc.header, _inner(WIDTH)
    rows = [[wrap("مبلغ قابل پرداخت به حروف: " + doc.words, inner, FONT_BOLD)]]
    valid_until = proforma.get("valid_until")
    if isinstance(valid_until, date):
        rows.append([fa(f"این پیش‌فاکتور تا تاریخ {format_jalali(valid_until)} اعتبار دارد.")])
    notes = _text(proforma.get("notes"))
    if notes:
        rows.append([wrap("توضیحات: " + notes, inner)])
    return rtl_table(
        rows, [WIDTH],
        [("FONTNAME", (0, 0), (0, 0), FONT_BOLD), ("BOX", (0, 0), (0, 0), 0.8, LINE),
         ("BACKGROUND", (0, 0), (0, 0), HEADER_BG), ("TOPPADDING", (0, 1), (0, -1), 5)],
    )


def _signatures() -> Table:
    box = (WIDTH - 12 * mm) / 2
    return rtl_table(
        [[fa("مهر و امضای فروشنده"), "", fa("مهر و امضای خریدار")]],
        [box, 12 * mm, box],
        [("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
         ("FONTNAME", (0, 0), (-1, -1), FONT_BOLD), ("TOPPADDING", (0, 0), (-1, -1), 5),
         ("BOX", (0, 0), (0, 0), 0.8, LINE), ("BOX", (2, 0), (2, 0), 0.8, LINE)],
        rowHeights=[30 * mm],
    )


# -- the document --------------------------------------------------------------------------
def render_proforma(doc: ProformaDocument, path: str | Path | IO[bytes]) -> None:
    """Write the proforma document (`ProformaService.document`) to `path` (a file name or
    a binary file): seller, buyer, lines, totals and words as given, amounts in
    `doc.unit` with the unit named, the logo (if any) at the top right."""
    register_fonts()
    number = doc.number
    story: list[Flowable] = [
        _header(doc),
        Spacer(1, 3 * mm),
        _party("مشخصات فروشنده", doc.seller, "شناسه ملی:",
               [fa("ایمیل:"), _text(doc.seller.get("email"))]),
        Spacer(1, 2 * mm),
        _party("مشخصات خریدار", doc.buyer, "شناسه/کد ملی:", ["", ""]),
        Spacer(1, 3 * mm),
        _lines_table(doc),
        Spacer(1, 2 * mm),
        KeepTogether([_totals_table(doc), Spacer(1, 2 * mm), _words_and_notes(doc)]),
        Spacer(1, 5 * mm),
        KeepTogether([_signatures()]),
    ]

    footer_text = f"پیش‌فاکتور {to_persian_digits(number)}"

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, SMALL)
        canvas.setFillColor(LINE)
        page = to_persian_digits(str(doc.page))
        canvas.drawCentredString(PAGE_W / 2, MARGIN / 2, fa(f"{footer_text} - صفحه {page}"))
        canvas.restoreState()

    target: Any = str(path) if isinstance(path, str | Path) else path
    doc = SimpleDocTemplate(
        target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=f"Proforma {number}", author=_text(doc.seller.get("name")),
        subject=f"پیش‌فاکتور {number}", creator="crm-desktop",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
