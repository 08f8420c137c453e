"""A proforma from a real database as a Persian PDF, read back with poppler's pdftotext."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.domain.clock import today as business_today
from crm_desktop.export.pdf.proforma import render_proforma
from crm_desktop.services.proforma_totals import compute
from crm_desktop.services.proformas import build_document
from crm_desktop.text.money import MoneyUnit

ISSUED = date(2026, 5, 1)  # 1405/02/11
HEADER = "شرح کالا یا خدمات"
_MARKS = re.compile("[\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def needs_poppler() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("pdftotext/pdfinfo (Debian poppler-utils) are not installed")


def pdf_text(path: Path, page: int | None = None) -> str:
    """pdftotext output in logical order: NFKC folds the presentation forms, the bidi marks
    (and ZWNJ, which pdftotext drops inconsistently) are removed, spaces collapsed."""
    needs_poppler()
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    text = _MARKS.sub("", unicodedata.normalize("NFKC", out))
    return re.sub(r"[ \t]+", " ", text)


def page_count(path: Path) -> int:
    needs_poppler()
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])  # type: ignore[index]


@pytest.fixture
def buyer(core: Any) -> int:
    return core.contacts.create({"first_name": "نرگس", "last_name": "موسوی",
                                 "mobile": "09121234567", "national_code": "0012345679",
                                 "address": "تهران، خیابان ولیعصر، کوچه بهار"})


@pytest.fixture
def company(core: Any) -> dict[str, str]:
    core.settings.set_company({"name": "فروشگاه لوازم اداری پارس", "phone": "02188776655",
                               "address": "تهران، خیابان انقلاب", "postal_code": "1234567890"})
    return core.settings.company()


def make(core: Any, buyer: int, lines: list[dict], **header: Any) -> int:
    return core.proformas.create(
        {"contact_id": buyer, "issue_date": ISSUED, "valid_until": ISSUED + timedelta(days=14),
         "vat_rate": "10", **header},
        lines,
    )


BOOK = {"description": "کتاب آموزش پایتون", "unit": "جلد", "unit_price_rial": 2_000_000}
PAPER = {"description": "دفتر مشق صد برگ", "unit": "عدد", "quantity": "3",
         "unit_price_rial": 100_000, "taxable": False}


def test_persian_proforma(core: Any, buyer: int, company: dict, tmp_path: Path) -> None:
    pid = make(core, buyer, [BOOK, PAPER], notes="تحویل در محل خریدار")
    proforma = core.proformas.get(pid)
    totals = core.proformas.totals(pid)
    # 2,000,000 + 10% VAT = 2,200,000; 3 × 100,000 without VAT = 300,000
    assert (totals.subtotal_rial, totals.vat_rial, totals.total_rial) == (
        2_300_000, 200_000, 2_500_000)
    assert totals == compute(proforma["lines"], proforma["vat_rate"])
    assert proforma["buyer_info"]["national_id"] == "0012345679"
    logo = tmp_path / "logo.png"
    from PIL import Image

    Image.new("RGB", (200, 100), "#1f4e79").save(logo)
    path = tmp_path / "proforma.pdf"
    render_proforma(build_document(proforma, totals, company, MoneyUnit.RIAL, logo=logo), path)

    text = pdf_text(path)
    for phrase in (
        "پیشفاکتور", "۱۴۰۵-۰۰۰۱", "۱۴۰۵/۰۲/۱۱", "۱۴۰۵/۰۲/۲۵",  # number, issued, valid until
        "نرگس موسوی", "۰۹۱۲۱۲۳۴۵۶۷", "۰۰۱۲۳۴۵۶۷۹",  # buyer, mobile, national code
        "فروشگاه لوازم اداری پارس", "۰۲۱۸۸۷۷۶۶۵۵",  # seller, phone
        "کتاب آموزش پایتون", "دفتر مشق صد برگ", HEADER,
        "۲٬۰۰۰٬۰۰۰", "۲٬۳۰۰٬۰۰۰", "۲۰۰٬۰۰۰", "۲٬۵۰۰٬۰۰۰", "ریال",
        "دو میلیون و پانصد هزار ریال", "تحویل در محل خریدار", "مهر و امضای خریدار",
    ):
        assert phrase in text, phrase
    assert page_count(path) == 1


def test_into_a_binary_file(core: Any, buyer: int, company: dict, tmp_path: Path) -> None:
    pid = make(core, buyer, [BOOK, PAPER])
    buf = io.BytesIO()
    render_proforma(build_document(core.proformas.get(pid), core.proformas.totals(pid), company,
                                   "rial"), buf)
    data = buf.getvalue()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    path = tmp_path / "memory.pdf"
    path.write_bytes(data)
    assert "نرگس موسوی" in pdf_text(path)


def test_toman_amounts(core: Any, buyer: int, company: dict, tmp_path: Path) -> None:
    pid = make(core, buyer, [BOOK, PAPER])
    path = tmp_path / "toman.pdf"
    render_proforma(build_document(core.proformas.get(pid), core.proformas.totals(pid), company,
                                   MoneyUnit.TOMAN), path)
    text = pdf_text(path)
    # pdftotext neither keeps the space between a number and its unit nor mirrors the
    # brackets back: the figures and the words are checked on their own
    assert "۲۵۰٬۰۰۰" in text and "۲۰۰٬۰۰۰" in text  # total; 2,000,000 Rials unit price
    assert "۲٬۵۰۰٬۰۰۰" not in text
    assert "دویست و پنجاه هزار تومان" in text
    assert "مبلغ واحد" in text and "تومان" in text and "ریال" not in text


def test_long_proforma_repeats_the_table_header(core: Any, buyer: int, company: dict,
                                                tmp_path: Path) -> None:
    lines = [{"description": f"کالای شماره {i}", "unit": "عدد", "quantity": str(i % 3 + 1),
              "unit_price_rial": 150_000 + 1_000 * i} for i in range(1, 61)]
    pid = make(core, buyer, lines)
    path = tmp_path / "long.pdf"
    render_proforma(build_document(core.proformas.get(pid), core.proformas.totals(pid), company,
                                   MoneyUnit.RIAL), path)
    pages = page_count(path)
    assert pages >= 2
    seen_lines = set()
    for page in range(1, pages + 1):
        text = pdf_text(path, page)
        on_page = {i for i in range(1, 61) if re.search(rf"کالای شماره {i}\b", text)}
        seen_lines |= on_page
        if on_page:
            assert HEADER in text, f"page {page} has lines but no table header"
        assert "صفحه" in text  # the footer
    assert seen_lines == set(range(1, 61))
    assert HEADER in pdf_text(path, 2)


def test_service_totals_in_list_and_status(core: Any, buyer: int) -> None:
    pid = make(core, buyer, [BOOK, PAPER])
    old = make(core, buyer, [PAPER], issue_date=business_today() - timedelta(days=30),
               valid_until=business_today() - timedelta(days=1))
    rows = {r["id"]: r for r in core.proformas.list().rows}
    assert rows[pid]["total_rial"] == 2_500_000
    assert rows[old]["total_rial"] == 300_000
    assert rows[old]["status"] == "draft" and rows[old]["effective_status"] == "expired"
    assert core.proformas.get(old)["effective_status"] == "expired"
    assert core.proformas.get(old)["status"] == "draft"  # the stored status is unchanged
    core.proformas.set_status(old, "accepted")
    assert core.proformas.get(old)["effective_status"] == "accepted"
    assert [r["total_rial"] for r in core.proformas.ids([old, pid])] == [300_000, 2_500_000]


def _tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\x20\x80\x40" * 8 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_stored_proforma_pdf_carries_the_logo_and_seller(core, buyer: int,
                                                        tmp_path: Path) -> None:
    needs_poppler()
    if shutil.which("pdfimages") is None:
        pytest.skip("pdfimages (poppler-utils) is not installed")
    core.settings.set_company({"name": "فروشگاه نمونه پارس"})
    core.settings.set_logo(_tiny_png())
    pid = make(core, buyer, [{"description": "خدمات نصب", "quantity": 1,
                                    "unit_price_rial": 2_500_000}])
    out = tmp_path / "stored.pdf"
    render_proforma(core.proformas.document(pid), out)
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True,
                            check=True).stdout.strip().splitlines()
    assert len(images) >= 3  # two header lines, then at least the logo
    assert "فروشگاه نمونه پارس" in pdf_text(out)


def test_untaxed_lines_are_marked_and_explained_under_vat(core: Any, buyer: int, company: dict,
                                                         tmp_path: Path) -> None:
    pid = make(core, buyer, [BOOK, PAPER])
    path = tmp_path / "untaxed.pdf"
    render_proforma(core.proformas.document(pid), path)
    text = pdf_text(path)
    note = "مشمول مالیات بر ارزش افزوده نیستند"
    assert note in text
    # the note stands right under the VAT line, before the amount payable
    vat_line = text.index("مالیات بر ارزش افزوده")
    assert vat_line < text.index(note) < text.index("مبلغ قابل پرداخت", vat_line)
    rows = [line.strip() for line in text.splitlines()]
    assert any(r.startswith(("۲*", "*۲")) or r.endswith(("۲*", "*۲")) for r in rows), rows
    assert not any(r.startswith(("۱*", "*۱")) or r.endswith(("۱*", "*۱")) for r in rows)

    all_taxed = tmp_path / "taxed.pdf"
    render_proforma(core.proformas.document(make(core, buyer, [BOOK])), all_taxed)
    assert note not in pdf_text(all_taxed) and "*" not in pdf_text(all_taxed)
