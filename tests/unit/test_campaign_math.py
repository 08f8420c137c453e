"""ROI, cost per acquired customer and the rates of a campaign (domain/marketing.py)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.domain import marketing
from crm_desktop.text.money import MAX_RIALS

rials = st.integers(0, MAX_RIALS) | st.sampled_from([0, 1, MAX_RIALS - 1, MAX_RIALS])
#: old databases may hold amounts above today's limit: the arithmetic stays exact
huge = st.integers(0, 2**63 - 1)


def test_roi_examples() -> None:
    assert marketing.roi(3_000_000, 1_000_000) == 2  # earned three times what it cost
    assert marketing.roi(1_000_000, 1_000_000) == 0
    assert marketing.roi(0, 1_000_000) == -1
    assert marketing.roi(1_500_000, 1_000_000) == Fraction(1, 2)
    assert marketing.roi(5_000_000, 0) is None  # nothing spent: no ratio
    assert marketing.roi(0, 0) is None
    with pytest.raises(ValueError):
        marketing.roi(-1, 5)


@given(revenue=rials | huge, cost=rials | huge)
def test_roi_is_exact(revenue: int, cost: int) -> None:
    value = marketing.roi(revenue, cost)
    if cost == 0:
        assert value is None
        return
    assert value is not None
    assert value * cost + cost == revenue  # exact: (revenue - cost) / cost
    assert value >= -1
    assert (value > 0) == (revenue > cost)


def test_cost_per_acquisition_examples() -> None:
    assert marketing.cost_per_acquisition(10_000_000, 4) == 2_500_000
    assert marketing.cost_per_acquisition(10, 3) == 3  # 3.33 -> 3
    assert marketing.cost_per_acquisition(11, 2) == 6  # 5.5 -> 6 (half up)
    assert marketing.cost_per_acquisition(0, 5) == 0
    assert marketing.cost_per_acquisition(10_000_000, 0) is None
    assert marketing.cost_per_acquisition(MAX_RIALS, 1) == MAX_RIALS
    with pytest.raises(ValueError):
        marketing.cost_per_acquisition(5, -1)


@given(cost=rials | huge, acquired=st.integers(0, 10**7))
def test_cost_per_acquisition_rounds_half_up(cost: int, acquired: int) -> None:
    value = marketing.cost_per_acquisition(cost, acquired)
    if acquired == 0:
        assert value is None
        return
    assert isinstance(value, int)
    exact = Fraction(cost, acquired)
    assert abs(value - exact) <= Fraction(1, 2)
    assert value - exact != Fraction(-1, 2)  # a half goes up
    assert value <= max(cost, 1)


@given(part=st.integers(0, 10**6), extra=st.integers(0, 10**6))
def test_ratio(part: int, extra: int) -> None:
    whole = part + extra
    value = marketing.ratio(part, whole)
    assert value is None if whole == 0 else (0 <= value <= 1 and value * whole == part)


def test_percent_text() -> None:
    assert marketing.percent_text(None) is None
    assert marketing.percent_text(Fraction(1, 8)) == "12.5"
    assert marketing.percent_text(Fraction(2)) == "200.0"
    assert marketing.percent_text(Fraction(-1)) == "-100.0"
    assert marketing.percent_text(Fraction(1, 3), 0) == "33"
    assert marketing.percent_text(Fraction(1, 2000)) == "0.1"  # 0.05 -> 0.1 (half up)
    assert marketing.percent_text(Fraction(-1, 3000)) == "0.0"  # no "-0.0"
    assert marketing.percent_text(marketing.roi(MAX_RIALS, 1)) == "999999999999900.0"


@given(num=st.integers(-10**15, 10**15), den=st.integers(1, 10**9))
def test_percent_text_is_the_rounded_percentage(num: int, den: int) -> None:
    value = Fraction(num, den)
    shown = Fraction(marketing.percent_text(value))
    assert abs(shown - value * 100) <= Fraction(1, 20)
