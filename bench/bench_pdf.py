"""Proforma PDF speed (not a test: timings vary on shared machines).

    python bench/bench_pdf.py [--runs 50]

Renders a 20-line and a 60-line Persian proforma into memory `--runs` times each and prints
the first (cold: font registration, empty shaping cache) and the p50/p95 of the rest, in ms,
and the size of the PDF. Goal: a 20-line Persian proforma in under 50 ms.
"""

from __future__ import annotations

import argparse
import io
import time
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from crm_desktop.export.pdf.proforma import render_proforma
from crm_desktop.services.proforma_totals import compute
from crm_desktop.services.proformas import build_document
from crm_desktop.text.money import MoneyUnit

PRODUCTS = [
    ("کتاب آموزش پایتون", "جلد", 2_500_000),
    ("کاغذ A4 بسته ۵۰۰ برگی", "بسته", 1_250_000),
    ("خودکار آبی (بسته ۱۲ عددی)", "بسته", 480_000),
    ("نصب و راه‌اندازی شبکه در محل مشتری با کابل‌کشی کامل و آزمون", "ساعت", 3_000_000),
    ("میز اداری چوبی", "عدد", 18_500_000),
    ("صندلی گردان ارگونومیک", "عدد", 12_750_000),
]

COMPANY = {
    "name": "فروشگاه لوازم اداری پارس", "legal_id": "10101234567",
    "economic_code": "411111111111", "postal_code": "8143715111", "phone": "03132221234",
    "address": "اصفهان، خیابان چهارباغ عباسی، ساختمان نور، طبقه دوم",
    "email": "info@pars.example", "website": "",
}


def proforma(n_lines: int) -> dict[str, Any]:
    lines = []
    for i in range(n_lines):
        name, unit, price = PRODUCTS[i % len(PRODUCTS)]
        lines.append({
            "description": name, "unit": unit, "unit_price_rial": price,
            "quantity": Decimal(i % 4 + 1) if i % 5 else Decimal("2.5"),
            "discount_kind": "percent" if i % 3 == 0 else "amount",
            "discount_value": Decimal(10) if i % 3 == 0 else Decimal(50_000 * (i % 2)),
            "taxable": i % 4 != 1,
        })
    return {
        "number": "1405-0001", "issue_date": date(2026, 5, 1),
        "valid_until": date(2026, 5, 1) + timedelta(days=14), "vat_rate": Decimal(10),
        "notes": "تحویل کالا ظرف سه روز کاری پس از پرداخت؛ هزینه حمل با خریدار است.",
        "buyer": "نرگس موسوی", "lines": lines,
        "buyer_info": {"name": "نرگس موسوی", "national_id": "0012345679",
                       "phone": "09121234567", "postal_code": "1234567890",
                       "address": "تهران، خیابان ولیعصر، کوچه بهار، پلاک ۱۲", "economic_code": ""},
    }


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench(n_lines: int, runs: int) -> None:
    data = proforma(n_lines)
    times, size = [], 0
    for _ in range(runs):
        buf = io.BytesIO()
        started = time.perf_counter()
        totals = compute(data["lines"], data["vat_rate"])
        render_proforma(build_document(data, totals, COMPANY, MoneyUnit.RIAL), buf)
        times.append((time.perf_counter() - started) * 1000)
        size = len(buf.getvalue())
    cold, warm = times[0], times[1:] or times
    print(f"{n_lines:>3} lines: cold {cold:6.1f} ms   p50 {pct(warm, 50):6.1f} ms   "
          f"p95 {pct(warm, 95):6.1f} ms   ({size / 1024:.0f} KiB, {runs} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    bench(20, args.runs)
    bench(60, args.runs)


if __name__ == "__main__":
    main()
