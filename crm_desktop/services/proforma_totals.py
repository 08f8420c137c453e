"""The arithmetic of a proforma: line amounts, discounts, VAT and totals, in whole Rials.

Exact arithmetic only (Decimal inputs turned into Fractions, never floats).

Rounding rule (the one and only): every amount is rounded HALF UP to the nearest whole Rial
(…,5 goes up: 12.5 -> 13), PER LINE, and the document totals are the plain sums of the
rounded line amounts. For each line:

    gross    = round(quantity × unit_price_rial)
    discount = round(gross × percent / 100)           (discount_kind "percent")
             = discount_value, capped at gross         (discount_kind "amount", whole Rials)
    net      = gross - discount                        (never negative)
    vat      = round(net × vat_rate / 100) if taxable else 0
    total    = net + vat

and subtotal = Σ gross, discount = Σ discount, net = Σ net, vat = Σ vat, total = Σ total.
The VAT of the document is therefore the sum of the per-line VAT amounts, which can differ by
a Rial or two from VAT computed once on the summed net; the printed lines always add up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from crm_desktop.domain.documents import LineTotal, Totals

__all__ = ["PERCENT", "LineTotal", "Totals", "compute", "line_total", "round_half_up"]

PERCENT = "percent"


def round_half_up(x: Fraction | Decimal | int) -> int:
    """Nearest integer, halves away from zero (amounts here are never negative)."""
    f = Fraction(x)
    if f < 0:
        return -round_half_up(-f)
    return (2 * f.numerator + f.denominator) // (2 * f.denominator)


def _fraction(value: Any) -> Fraction:
    if isinstance(value, float):
        raise TypeError("floats are not accepted in money arithmetic")
    if isinstance(value, str):
        value = Decimal(value)
    return Fraction(value)


def line_total(line: Mapping[str, Any], vat_rate: Decimal | int | str) -> LineTotal:
    """One line as stored (quantity Decimal, unit_price_rial int, discount_kind,
    discount_value Decimal, taxable bool)."""
    quantity = _fraction(line.get("quantity", 1))
    price = int(line.get("unit_price_rial") or 0)
    gross = round_half_up(quantity * price)
    raw_discount = line.get("discount_value")
    value = _fraction(raw_discount if raw_discount is not None else 0)
    if line.get("discount_kind") == PERCENT:
        discount = round_half_up(gross * value / 100)
    else:
        discount = round_half_up(value)
    discount = max(0, min(discount, gross))
    net = gross - discount
    taxable = bool(line.get("taxable", True))
    vat = round_half_up(net * _fraction(vat_rate) / 100) if taxable else 0
    return LineTotal(gross, discount, net, vat, net + vat)


def compute(lines: Iterable[Mapping[str, Any]], vat_rate: Decimal | int | str) -> Totals:
    """Line totals and their sums (see the module docstring for the rounding rule)."""
    per_line = tuple(line_total(line, vat_rate) for line in lines)
    return Totals(
        lines=per_line,
        subtotal_rial=sum(t.gross_rial for t in per_line),
        discount_rial=sum(t.discount_rial for t in per_line),
        net_rial=sum(t.net_rial for t in per_line),
        vat_rial=sum(t.vat_rial for t in per_line),
        total_rial=sum(t.total_rial for t in per_line),
    )
