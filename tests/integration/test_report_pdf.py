"""Reports as PDF files, read back with poppler's pdftotext: the title, the period, the
header row on every page, the total row, «صفحه ۱ از N», Persian digits, the chart read
right to left; cancelling and failing leave no file behind."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.domain.charts import ChartData, ChartSeries
from crm_desktop.export.pdf.report import write_report_pdf
from crm_desktop.export.table import ExportCancelled, ExportColumn, ExportTable
from crm_desktop.services.reports import ReportService
from tests.integration.services.report_world import MEHR, build
from tests.integration.test_proforma_pdf import needs_poppler, page_count, pdf_text


def flat(text: str) -> str:
    """Without spaces and brackets: pdftotext puts the spaces of a reordered line in odd
    places, and gives the mirrored glyph of a bracket drawn right to left."""
    return re.sub(r"[\s()]+", "", text)


@pytest.fixture
def report(core: Any) -> Any:
    core.settings.set_company({"name": "فروشگاه نمونه پارس"})
    build(core)
    return ReportService(core.db).run("sales-by-owner", MEHR)


def test_a_persian_report(report: Any, tmp_path: Path) -> None:
    path = tmp_path / "فروش.pdf"
    assert write_report_pdf(report, path) == 3
    text = pdf_text(path)
    for phrase in ("فروشگاه نمونه پارس", "فروش به تفکیک مسئول", "دوره: مهر ۱۴۰۵",
                   "سارا", "بدون مسئول", "جمع کل", "۱۰٬۵۰۰٬۰۰۰", "۶٬۵۰۰٬۰۰۰",
                   "۲٬۶۲۵٬۰۰۰", "صفحه ۱ از ۱", "درآمد (ریال)"):
        assert flat(phrase) in flat(text), phrase
    # Persian digits only: no Latin digit anywhere on the page
    assert not re.search("[0-9]", text)
    # the win rate 4/7 as a percentage with one decimal
    assert "۵۷٫۱٪" in text or "٪۵۷٫۱" in text


def test_the_chart_reads_right_to_left(report: Any, tmp_path: Path) -> None:
    """The largest owner (the first row) stands at the right of the chart."""
    needs_poppler()
    path = tmp_path / "r.pdf"
    write_report_pdf(report, path)
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    first: dict[str, float] = {}  # word -> x of its topmost occurrence (the chart's axis)
    tops: dict[str, float] = {}
    for x, y, word in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)<', out):
        # words come in the order they are drawn: a Persian word backwards
        word = unicodedata.normalize("NFKC", word)[::-1]
        if word not in tops or float(y) < tops[word]:
            tops[word], first[word] = float(y), float(x)
    assert first["سارا"] > first["علی"] > first["بدون"]


def _table(rows: int, lang: str = "fa") -> ExportTable:
    columns = [ExportColumn("name", "نام" if lang == "fa" else "Name", "text", 30),
               ExportColumn("mobile", "موبایل" if lang == "fa" else "Mobile", "code", 14),
               ExportColumn("amount", "مبلغ (ریال)" if lang == "fa" else "Amount (Rial)",
                            "money", 18)]
    body = [[f"مشتری شماره {i}", f"0912{i:07d}", i * 1000] for i in range(1, rows + 1)]
    total = ["جمع کل" if lang == "fa" else "Total", None, sum(r[2] for r in body)]
    return ExportTable(columns, body, rows, total, "فهرست آزمایشی" if lang == "fa"
                       else "Test list", ("دوره: مهر ۱۴۰۵" if lang == "fa"
                                          else "Period: Mehr 1405",), lang)


@dataclass
class Plain:
    table: ExportTable
    chart: ChartData | None = None


def test_a_long_report_repeats_its_header_and_numbers_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    seen: list[int] = []
    assert write_report_pdf(Plain(_table(300)), path, progress=seen.append) == 300
    pages = page_count(path)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = pdf_text(path, page)
        assert "نام" in text and "موبایل" in text and "مبلغ" in text, page
        assert f"صفحه{_fa(page)}از{_fa(pages)}" in flat(text), page
        assert ("جمع کل" in text) == (page == pages), page
    assert "۰۹۱۲۰۰۰۰۳۰۰" in pdf_text(path, pages)
    assert "۳۰۰" in pdf_text(path, pages)
    assert "۴۵٬۱۵۰٬۰۰۰" in pdf_text(path, pages)  # 1000 x (1 + ... + 300)
    # progress grows page by page up to every row
    assert seen == sorted(seen) and seen[-1] == 300 and len(seen) >= pages


def _fa(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def test_an_english_report_reads_left_to_right(tmp_path: Path) -> None:
    path = tmp_path / "en.pdf"
    chart = ChartData("bar", ("Ali", "Sara"), (ChartSeries("Amount", (3, 1)),), "integer",
                      lang="en")
    write_report_pdf(Plain(_table(5, "en"), chart), path)
    text = pdf_text(path)
    assert "Test list" in text and "Period: Mehr 1405" in text and "Page 1 of 1" in text
    assert not re.search("[۰-۹]", text)
    assert "15,000" in text and "09120000005" in text


def test_cancelling_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    with pytest.raises(ExportCancelled):
        write_report_pdf(Plain(_table(1000)), path, cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []
    # cancelled at a page break, after rows were prepared: the old file stays as it was
    path.write_bytes(b"old")
    calls = iter(range(10_000))
    with pytest.raises(ExportCancelled):
        write_report_pdf(Plain(_table(1000)), path, cancelled=lambda: next(calls) > 5)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_a_failure_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    bad = _table(10)
    bad.rows = [*bad.rows, ["x"]]  # a row of the wrong length
    with pytest.raises(ValueError):
        write_report_pdf(Plain(bad), path)
    assert list(tmp_path.iterdir()) == []


def test_every_report_prints(core: Any, tmp_path: Path) -> None:
    build(core)
    service = ReportService(core.db)
    from crm_desktop.services.reports import REPORTS

    for definition in REPORTS:
        for lang in ("fa", "en"):
            path = tmp_path / f"{definition.name}-{lang}.pdf"
            r = service.run(definition.name, MEHR, lang=lang)
            assert write_report_pdf(r, path) == len(r.table.rows)
            assert flat(r.table.title.replace("\u200c", "")) in flat(pdf_text(path))
