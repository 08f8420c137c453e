"""A report as an A4 PDF (reportlab, no Qt): the company header, the report's title and
period, its chart, and its table with the header row repeated on every page and the total
row at the end; «صفحه ۲ از ۵» at the foot of every page.

Persian reports read right to left: shaped text in visual order (the proforma's `fa` and
`wrap`, cached), rows reversed so that the first column stands at the right, Persian
digits, the chart's categories in reading order (ChartData.in_reading_order). English
reports read left to right with Latin digits (Persian names in them are shaped too).
Landscape when the columns do not fit the width of a portrait page.

Shaping is the expensive part of a long report: every distinct text is shaped once (the
caches of proforma.py and `_cell` below); numbers, dates and codes need no reordering when
they are alone in their cell. The file is written to a temporary file beside the target
and renamed over it at the end: a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from crm_desktop.domain.charts import ChartData
from crm_desktop.export.atomic import atomic_file
from crm_desktop.export.pdf.proforma import (
    FONT,
    FONT_BOLD,
    HEADER_BG,
    LIGHT,
    LINE,
    MARGIN,
    TOTAL_BG,
    _shape,
    fa,
    register_fonts,
    visual,
    wrap,
)
from crm_desktop.export.table import (
    Cancelled,
    ExportCancelled,
    ExportColumn,
    ExportTable,
    Progress,
)
from crm_desktop.text.cell_text import NUMERIC, cell_text
from crm_desktop.text.digits import format_number, to_persian_digits

SIZE = 8
HEAD_SIZE = 7.5
LEADING = 1.35
PAD = 3
#: characters a column gets when its ExportColumn gives no width
KIND_WIDTH = {"text": 18, "code": 12, "integer": 8, "money": 15, "rate": 8, "decimal": 9,
              "date": 10, "datetime": 15}
#: about how many characters of 8-point Vazirmatn fit a portrait page's width
PORTRAIT_CHARS = 120
ZEBRA = colors.HexColor("#F6F8FA")
SERIES_COLORS = [colors.HexColor(c) for c in
                 ("#2F6FB3", "#E08A2E", "#3E9C62", "#C2474F", "#7B5BB5", "#2A9D9A",
                  "#B5893B", "#5C6F84", "#D16BA5", "#8AA23A")]
#: the padding of SimpleDocTemplate's frame, on each side
FRAME_PAD = 6
#: points left free at the foot of a page (rounding)
SLACK = 2
#: rows prepared between two looks at "cancelled"
CHECK_EVERY = 250
_RTL_LETTERS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


class ReportLike(Protocol):
    """What the writer reads of a report (services.reports.Report)."""

    table: ExportTable
    chart: ChartData | None


# -- text ---------------------------------------------------------------------------------
@functools.lru_cache(maxsize=16384)
def _ltr_text(text: str) -> str:
    """Mixed text in a left-to-right layout: Persian words shaped and in visual order."""
    if not _RTL_LETTERS.search(text):
        return text
    return visual(_shape(text), "L")


def _line(text: str, rtl: bool) -> str:
    return fa(text) if rtl else _ltr_text(text)


@functools.lru_cache(maxsize=16384)
def _wrapped(text: str, width: float, rtl: bool, font: str = FONT,
             size: float = SIZE) -> str:
    """`text` wrapped to `width` points, each line in visual order."""
    if rtl:
        return wrap(text, width, font, size)
    if not _RTL_LETTERS.search(text):
        return "\n".join(simpleSplit(text, font, size, width) or [""])
    lines = simpleSplit(_shape(text), font, size, width) or [""]
    return "\n".join(visual(line, "L") for line in lines)


def _cell(value: Any, column: ExportColumn, width: float, rtl: bool, lang: str) -> str:
    text = cell_text(value, column.kind, lang)
    if not text:
        return ""
    if column.kind in ("text", "code") or (rtl and column.kind == "rate"):
        # a rate reads «۵۰٪»: alone in an unshaped cell its sign would stand at the right
        return _cut(_wrapped(text, width, rtl)) if column.kind == "text" else _line(text, rtl)
    return text


# -- layout -------------------------------------------------------------------------------
def _page(columns: Sequence[ExportColumn]) -> tuple[float, float]:
    chars = sum(c.width or KIND_WIDTH.get(c.kind, 12) for c in columns)
    return landscape(A4) if chars > PORTRAIT_CHARS else A4


def _widths(columns: Sequence[ExportColumn], total: float) -> list[float]:
    chars = [c.width or KIND_WIDTH.get(c.kind, 12) for c in columns]
    return [total * n / sum(chars) for n in chars]


#: the most lines a wrapped cell keeps (the rest is cut with an ellipsis): a row stays
#: far smaller than a page
MAX_LINES = 6
BODY_LINE = SIZE * LEADING
HEAD_LINE = HEAD_SIZE * LEADING
TOP_PAD, BOTTOM_PAD = 1.5, 3


def _height(cells: Sequence[str], line: float) -> float:
    return max((c.count("\n") + 1 for c in cells), default=1) * line + TOP_PAD + BOTTOM_PAD


def _cut(text: str) -> str:
    lines = text.split("\n")
    if len(lines) <= MAX_LINES:
        return text
    return "\n".join([*lines[:MAX_LINES - 1], lines[MAX_LINES - 1] + " …"])


class _PageTable(Table):
    """One page's piece of the table; tells `on_drawn` how many data rows it drew."""

    def __init__(self, *args: Any, on_drawn: Any = None, rows: int = 0, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._on_drawn, self._rows = on_drawn, rows

    def draw(self) -> None:
        super().draw()
        if self._on_drawn is not None:
            self._on_drawn(self._rows)


@dataclass
class _Rows:
    """The table's cells as drawn (visual order), with every row's height."""

    header: list[str]
    header_height: float
    body: list[list[str]]
    heights: list[float]
    widths: list[float]
    style: list[tuple]
    #: the last body row is the total row
    has_total: bool


def _rows(table: ExportTable, width: float, rtl: bool, cancelled: Cancelled | None) -> _Rows:
    """Every cell as text in visual order, and the style of the table in visual columns."""
    columns, lang = list(table.columns), table.lang
    widths = _widths(columns, width)
    inner = [w - 2 * PAD for w in widths]
    header = [_wrapped(c.title, inner[i], rtl, FONT_BOLD, HEAD_SIZE)
              for i, c in enumerate(columns)]
    body: list[list[str]] = []
    for n, row in enumerate(table.rows, 1):
        if cancelled is not None and n % CHECK_EVERY == 0 and cancelled():
            raise ExportCancelled()
        body.append([_cell(v, c, inner[i], rtl, lang) for i, (v, c) in
                     enumerate(zip(row, columns, strict=True))])
    has_total = table.total is not None
    if has_total:
        body.append([_cell(v, c, inner[i], rtl, lang) for i, (v, c) in
                     enumerate(zip(table.total or (), columns, strict=True))])
    n = len(columns)

    def col(i: int) -> int:  # logical column -> visual column
        return n - 1 - i if rtl else i

    style: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), SIZE),
        ("LEADING", (0, 0), (-1, -1), BODY_LINE),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT" if rtl else "LEFT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), TOP_PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), BOTTOM_PAD),
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("FONTSIZE", (0, 0), (-1, 0), HEAD_SIZE),
        ("LEADING", (0, 0), (-1, 0), HEAD_LINE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, LINE),
        ("INNERGRID", (0, 0), (-1, -1), 0.25, LIGHT), ("BOX", (0, 0), (-1, -1), 0.8, LINE),
    ]
    for i, c in enumerate(columns):
        if c.kind in NUMERIC:
            style.append(("ALIGN", (col(i), 1), (col(i), -1), "RIGHT"))
        elif c.kind in ("date", "datetime", "code"):
            style.append(("ALIGN", (col(i), 1), (col(i), -1), "CENTER"))
    if rtl:
        header = header[::-1]
        body = [row[::-1] for row in body]
        widths = widths[::-1]
    return _Rows(header, _height(header, HEAD_LINE), body,
                 [_height(r, BODY_LINE) for r in body], widths, style, has_total)


def _pages(rows: _Rows, first: float, later: float, on_drawn: Any) -> list[Flowable]:
    """The table cut into pages by hand (the rows' heights are known): each piece starts
    with the header row and fills the page, the first within `first` points, the others
    within `later`. Letting reportlab split one long table measures the rest of the
    table again at every page (quadratic in the rows)."""
    pieces: list[list[int]] = []
    current: list[int] = []
    room, used = first, rows.header_height
    for i, h in enumerate(rows.heights):
        if current and used + h > room:
            pieces.append(current)
            current, room, used = [], later, rows.header_height
        current.append(i)
        used += h
    pieces.append(current)
    last_piece = len(pieces) - 1
    out: list[Flowable] = []
    for k, piece in enumerate(pieces):
        data = [rows.header, *(rows.body[i] for i in piece)]
        heights = [rows.header_height, *(rows.heights[i] for i in piece)]
        if len(data) == 1:
            data.append([""] * len(rows.header))
            heights.append(_height([""], BODY_LINE))
        drawn = len(piece) - (1 if k == last_piece and rows.has_total else 0)
        t = _PageTable(data, colWidths=rows.widths, rowHeights=heights, on_drawn=on_drawn,
                       rows=drawn)
        style = rows.style
        if k == last_piece and rows.has_total:
            style = [*style, ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
                     ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
                     ("LINEABOVE", (0, -1), (-1, -1), 0.8, LINE)]
        t.setStyle(TableStyle(style))
        if k:
            out.append(PageBreak())
        out.append(t)
    return out


# -- chart --------------------------------------------------------------------------------
def _axis_number(value: float, persian: bool) -> str:
    return format_number(round(value), persian)


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _chart(chart: ChartData, width: float, rtl: bool) -> Flowable | None:
    """The chart as a reportlab drawing: bars, a line or a pie, with a legend when it has
    more than one series (or slices)."""
    if chart.empty:
        return None
    chart = chart.in_reading_order(rtl)
    persian = chart.lang == "fa"
    height = 62 * mm
    drawing = Drawing(width, height)
    names = [_line(_short(c), rtl) for c in chart.categories]
    if chart.kind == "pie":
        values = [float(v or 0) for v in chart.series[0].values]
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = width / 2 - 40 * mm, 6 * mm, 50 * mm, 50 * mm
        pie.data = values
        pie.labels = None
        pie.slices.strokeColor = colors.white
        for i in range(len(values)):
            pie.slices[i].fillColor = SERIES_COLORS[i % len(SERIES_COLORS)]
        drawing.add(pie)
        total = sum(values) or 1
        pairs = [(SERIES_COLORS[i % len(SERIES_COLORS)],
                  _line(f"{_short(c)} ({_percent(v / total, persian)})", rtl))
                 for i, (c, v) in enumerate(zip(chart.categories, values, strict=True))]
        drawing.add(_legend(pairs, width / 2 + 16 * mm, height - 6 * mm, rtl))
        return drawing
    data = [tuple(float(v or 0) for v in s.values) for s in chart.series]
    plot = VerticalBarChart() if chart.kind == "bar" else HorizontalLineChart()
    plot.x, plot.y = 30 * mm, 16 * mm
    plot.width = width - plot.x - (42 * mm if len(data) > 1 else 6 * mm)
    plot.height = height - plot.y - 4 * mm
    plot.data = data
    plot.categoryAxis.categoryNames = names
    labels = plot.categoryAxis.labels
    labels.fontName, labels.fontSize = FONT, 6.5
    if len(names) > 5:
        labels.angle, labels.boxAnchor, labels.dy = 30, "ne", -2
    plot.valueAxis.valueMin = 0
    plot.valueAxis.labels.fontName, plot.valueAxis.labels.fontSize = FONT, 6.5
    plot.valueAxis.labelTextFormat = lambda v: _axis_number(v, persian)
    if chart.value_kind == "integer":
        top = max((max(d) for d in data), default=0)
        if top < 5:
            plot.valueAxis.valueMax, plot.valueAxis.valueStep = 5, 1
    for i in range(len(data)):
        color = SERIES_COLORS[i % len(SERIES_COLORS)]
        if chart.kind == "bar":
            plot.bars[i].fillColor, plot.bars[i].strokeColor = color, None
        else:
            plot.lines[i].strokeColor, plot.lines[i].strokeWidth = color, 1.5
    drawing.add(plot)
    if len(data) > 1:
        drawing.add(_legend([(SERIES_COLORS[i % len(SERIES_COLORS)], _line(_short(s.name, 40),
                                                                          rtl))
                             for i, s in enumerate(chart.series)],
                            width - 40 * mm, height - 6 * mm, rtl))
    return drawing


def _percent(fraction: float, persian: bool) -> str:
    text = f"{fraction * 100:.1f}"
    return to_persian_digits(text.replace(".", "٫")) + "٪" if persian else text + "%"


def _legend(pairs: list[tuple[Any, str]], x: float, y: float, rtl: bool) -> Legend:
    """Colour swatches with their names; in Persian the swatch stands at the right."""
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = FONT, 7
    legend.alignment = "left" if rtl else "right"
    legend.columnMaximum = 10
    legend.dx, legend.dy, legend.deltay = 7, 7, 10
    legend.colorNamePairs = pairs
    return legend


# -- the document -------------------------------------------------------------------------
class _Header(Flowable):
    """The company name, the report's title and its subtitle lines, drawn straight on the
    canvas (aligned at the right in Persian)."""

    def __init__(self, company: str, title: str, lines: Sequence[str], width: float,
                 rtl: bool):
        super().__init__()
        self.company, self.title, self.lines = company, title, list(lines)
        self.width, self.rtl = width, rtl
        self.height = (8 * mm if company else 0) + 9 * mm + len(self.lines) * 5 * mm + 2 * mm

    def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        y = self.height
        put = c.drawRightString if self.rtl else c.drawString
        x = self.width if self.rtl else 0
        if self.company:
            y -= 6 * mm
            c.setFont(FONT_BOLD, 13)
            c.setFillColor(LINE)
            put(x, y, _line(self.company, self.rtl))
            c.setStrokeColor(LINE)
            c.setLineWidth(0.8)
            c.line(0, y - 2.5 * mm, self.width, y - 2.5 * mm)
            y -= 2 * mm
        y -= 7 * mm
        c.setFillColor(colors.black)
        c.setFont(FONT_BOLD, 15)
        put(x, y, _line(self.title, self.rtl))
        c.setFont(FONT, 9)
        c.setFillColor(LINE)
        for line in self.lines:
            y -= 5 * mm
            put(x, y, _line(line, self.rtl))


def _page_label(page: int, pages: int, persian: bool) -> str:
    if persian:
        return fa(f"صفحه {to_persian_digits(str(page))} از {to_persian_digits(str(pages))}")
    return f"Page {page} of {pages}"


def _canvas_maker(persian: bool, cancelled: Cancelled | None, footer: str) -> type[Canvas]:
    """A canvas that keeps its pages until the end, when it knows how many there are,
    and then writes «صفحه n از N» on each; it stops at a page break when cancelled."""

    class Numbered(Canvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._kept: list[dict[str, Any]] = []

        def showPage(self) -> None:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            self._kept.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._kept)
            for state in self._kept:
                self.__dict__.update(state)
                width = self._pagesize[0]
                self.setFont(FONT, 7.5)
                self.setFillColor(LINE)
                self.drawCentredString(width / 2, MARGIN / 2,
                                       _page_label(self._pageNumber, pages, persian))
                if footer:
                    if persian:
                        self.drawRightString(width - MARGIN, MARGIN / 2, footer)
                    else:
                        self.drawString(MARGIN, MARGIN / 2, footer)
                Canvas.showPage(self)
            Canvas.save(self)

    return Numbered


def write_report_pdf(report: ReportLike, path: str | Path, *,
                     progress: Progress | None = None,
                     cancelled: Cancelled | None = None) -> int:
    """Write `report` (its table, its chart) to `path` as a PDF; returns the number of
    rows written. `progress(rows)` is called as pages are laid out; `cancelled()` is asked
    while rows are prepared and at every page break (ExportCancelled: nothing written).
    The file appears whole or not at all."""
    register_fonts()
    table = report.table
    rtl = table.lang == "fa"
    columns = list(table.columns)
    pagesize = _page(columns)
    width = pagesize[0] - 2 * MARGIN - 2 * FRAME_PAD
    rows = len(table.rows) if isinstance(table.rows, list) else None
    if rows is None:
        table.rows = list(table.rows)
        rows = len(table.rows)
    drawn = [0]

    def on_drawn(n: int) -> None:
        drawn[0] = min(rows, drawn[0] + n)
        if progress is not None:
            progress(drawn[0])

    company = str(getattr(report, "company", "") or "")
    lines = [x for x in table.subtitle_lines if x != company]
    header = _Header(company, table.title or "", lines, width, rtl)
    story: list[Flowable] = [header, Spacer(1, 3 * mm)]
    page_height = pagesize[1] - 2 * MARGIN - 2 * FRAME_PAD - SLACK
    first = page_height - header.height - 3 * mm
    if report.chart is not None:
        drawing = _chart(report.chart, width, rtl)
        if drawing is not None:
            story += [drawing, Spacer(1, 4 * mm)]
            first -= drawing.height + 4 * mm
    story += _pages(_rows(table, width, rtl, cancelled), first, page_height, on_drawn)
    with atomic_file(path) as temp:
        doc = SimpleDocTemplate(
            str(temp), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN, bottomMargin=MARGIN, title=table.title or "", author=company,
            creator="crm-desktop")
        footer = _line(table.title or "", rtl) if table.title else ""
        doc.build(story, canvasmaker=_canvas_maker(rtl, cancelled, footer))
    if progress is not None:
        progress(rows)
    return rows
