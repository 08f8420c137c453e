"""Proforma arithmetic: whole Rials, round half up per line, totals are sums of lines."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.services.proforma_totals import LineTotal, compute, line_total, round_half_up
from crm_desktop.services.proformas import effective_status


def line(quantity: str = "1", price: int = 0, kind: str = "amount", value: str = "0",
         taxable: bool = True) -> dict[str, Any]:
    return {"quantity": Decimal(quantity), "unit_price_rial": price, "discount_kind": kind,
            "discount_value": Decimal(value), "taxable": taxable}


def test_worked_example() -> None:
    """Worked by hand:
    1) 2.5 × 1,250,000 = 3,125,000, no discount, not taxable        -> total 3,125,000
    2) 1 × 300,000 = 300,000, 12.5% off = 37,500 -> net 262,500, VAT 10% = 26,250 -> 288,750
    3) 1 × 1,000,000, 200,000 off -> net 800,000, VAT 80,000                      -> 880,000
    """
    totals = compute(
        [line("2.5", 1_250_000, taxable=False),
         line("1", 300_000, "percent", "12.5"),
         line("1", 1_000_000, "amount", "200000")],
        Decimal(10),
    )
    assert totals.lines == (
        LineTotal(3_125_000, 0, 3_125_000, 0, 3_125_000),
        LineTotal(300_000, 37_500, 262_500, 26_250, 288_750),
        LineTotal(1_000_000, 200_000, 800_000, 80_000, 880_000),
    )
    assert totals.subtotal_rial == 4_425_000
    assert totals.discount_rial == 237_500
    assert totals.net_rial == 4_187_500
    assert totals.vat_rial == 106_250
    assert totals.total_rial == 4_293_750


def test_rounding_is_half_up_per_line() -> None:
    # 1.5 × 3 = 4.5 -> 5; 10% of 5 = 0.5 -> 1; net 4; VAT 12.5% of 4 = 0.5 -> 1
    assert line_total(line("1.5", 3, "percent", "10"), Decimal("12.5")) == LineTotal(5, 1, 4, 1, 5)
    # 0.333 × 1,001 = 333.333 -> 333; 9% VAT = 29.97 -> 30
    assert line_total(line("0.333", 1_001), 9) == LineTotal(333, 0, 333, 30, 363)
    # per line, then summed: three lines of 0.5 Rial VAT are 3 Rials, not round(1.5) = 2
    totals = compute([line("1", 5)] * 3, 10)
    assert totals.vat_rial == 3 and totals.total_rial == 18
    assert [round_half_up(Fraction(n, 2)) for n in (-3, -1, 1, 3, 5)] == [-2, -1, 1, 2, 3]


def test_percent_edges() -> None:
    assert line_total(line("3", 1_000, "percent", "0"), 10) == LineTotal(3_000, 0, 3_000, 300,
                                                                          3_300)
    assert line_total(line("3", 1_000, "percent", "100"), 10) == LineTotal(3_000, 3_000, 0, 0, 0)


def test_empty_and_zero_rate() -> None:
    empty = compute([], Decimal(10))
    assert (empty.lines, empty.subtotal_rial, empty.total_rial) == ((), 0, 0)
    assert compute([line("2", 500)], 0).vat_rial == 0


def test_amount_discount_capped_and_floats_refused() -> None:
    # the service refuses it; the arithmetic still never goes below zero
    assert line_total(line("1", 100, "amount", "250"), 10).net_rial == 0
    with pytest.raises(TypeError):
        line_total({**line("1", 100), "quantity": 1.5}, 10)


def test_values_as_strings_and_missing_keys() -> None:
    assert line_total({"quantity": "2", "unit_price_rial": 7}, "10").total_rial == 15
    assert line_total({"unit_price_rial": 7, "discount_value": None}, 10).gross_rial == 7


# -- properties ----------------------------------------------------------------------------
QUANTITIES = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(1_000_000), places=3)
PRICES = st.integers(min_value=0, max_value=10**12)
RATES = st.decimals(min_value=0, max_value=100, places=2)


@st.composite
def lines(draw: st.DrawFn) -> dict[str, Any]:
    quantity, price = draw(QUANTITIES), draw(PRICES)
    if draw(st.booleans()):
        kind = "percent"
        value = draw(st.decimals(min_value=0, max_value=100, places=2))
    else:
        kind = "amount"
        gross = int(quantity * price)  # the service caps amount discounts at the gross
        value = Decimal(draw(st.integers(min_value=0, max_value=gross)))
    return {"quantity": quantity, "unit_price_rial": price, "discount_kind": kind,
            "discount_value": value, "taxable": draw(st.booleans())}


def reference(ln: dict[str, Any], rate: Decimal) -> tuple[int, int, int]:
    """The same rule computed another way: Decimal at high precision, ROUND_HALF_UP."""
    with localcontext() as ctx:
        ctx.prec = 60

        def r(x: Decimal) -> int:
            return int(x.quantize(Decimal(1), rounding=ROUND_HALF_UP))

        gross = r(ln["quantity"] * ln["unit_price_rial"])
        if ln["discount_kind"] == "percent":
            discount = r(gross * ln["discount_value"] / 100)
        else:
            discount = min(int(ln["discount_value"]), gross)
        vat = r((gross - discount) * rate / 100) if ln["taxable"] else 0
    return gross, discount, vat


@given(st.lists(lines(), max_size=20), RATES)
def test_totals_are_sums_of_line_totals(items: list[dict], rate: Decimal) -> None:
    totals = compute(items, rate)
    assert len(totals.lines) == len(items)
    assert totals.subtotal_rial == sum(t.gross_rial for t in totals.lines)
    assert totals.discount_rial == sum(t.discount_rial for t in totals.lines)
    assert totals.net_rial == sum(t.net_rial for t in totals.lines)
    assert totals.vat_rial == sum(t.vat_rial for t in totals.lines)
    assert totals.total_rial == sum(t.total_rial for t in totals.lines)
    assert totals.total_rial == totals.net_rial + totals.vat_rial
    assert totals.net_rial == totals.subtotal_rial - totals.discount_rial


@given(lines(), RATES)
def test_line_rules(ln: dict[str, Any], rate: Decimal) -> None:
    t = line_total(ln, rate)
    for value in (t.gross_rial, t.discount_rial, t.net_rial, t.vat_rial, t.total_rial):
        assert type(value) is int
    assert 0 <= t.discount_rial <= t.gross_rial
    assert t.net_rial == t.gross_rial - t.discount_rial >= 0
    assert t.total_rial == t.net_rial + t.vat_rial
    if not ln["taxable"]:
        assert t.vat_rial == 0
    assert 0 <= t.vat_rial <= t.net_rial
    assert (t.gross_rial, t.discount_rial, t.vat_rial) == reference(ln, rate)


@given(st.lists(lines(), max_size=10), RATES)
def test_vat_only_on_taxable_lines(items: list[dict], rate: Decimal) -> None:
    all_exempt = [{**ln, "taxable": False} for ln in items]
    assert compute(all_exempt, rate).vat_rial == 0
    taxable_only = [ln for ln in items if ln["taxable"]]
    assert compute(items, rate).vat_rial == compute(taxable_only, rate).vat_rial


@given(QUANTITIES, PRICES, RATES)
def test_percent_zero_and_hundred(quantity: Decimal, price: int, rate: Decimal) -> None:
    base = {"quantity": quantity, "unit_price_rial": price, "discount_kind": "percent",
            "taxable": True}
    none = line_total({**base, "discount_value": Decimal(0)}, rate)
    assert none.discount_rial == 0 and none.net_rial == none.gross_rial
    full = line_total({**base, "discount_value": Decimal(100)}, rate)
    assert full.discount_rial == full.gross_rial
    assert (full.net_rial, full.vat_rial, full.total_rial) == (0, 0, 0)


# -- the status shown ----------------------------------------------------------------------
TODAY = date(2026, 5, 1)


@pytest.mark.parametrize(
    ("status", "valid_until", "shown"),
    [
        ("draft", TODAY - timedelta(days=1), "expired"),
        ("sent", TODAY - timedelta(days=30), "expired"),
        ("draft", TODAY, "draft"),  # valid through its last day
        ("sent", TODAY + timedelta(days=1), "sent"),
        ("draft", None, "draft"),
        ("accepted", TODAY - timedelta(days=1), "accepted"),
        ("rejected", TODAY - timedelta(days=1), "rejected"),
        ("expired", TODAY + timedelta(days=5), "expired"),
    ],
)
def test_effective_status(status: str, valid_until: date | None, shown: str) -> None:
    row = {"status": status, "valid_until": valid_until}
    assert effective_status(row, TODAY) == shown
    assert row["status"] == status
