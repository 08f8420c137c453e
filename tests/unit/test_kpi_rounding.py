"""The KPIs' arithmetic (domain/rounding.py): exact quotients rounded half up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.domain import rounding as r

BIG = 2**70


def reference(num: int, den: int, places: int) -> Decimal:
    """The same rounding the slow way: an exact fraction, then Decimal's ROUND_HALF_UP
    (half away from zero) with enough precision."""
    exact = Fraction(num, den) * 10**places
    with localcontext() as ctx:
        ctx.prec = 200
        value = Decimal(exact.numerator) / Decimal(exact.denominator)
        return value.quantize(Decimal(1), rounding=ROUND_HALF_UP).scaleb(-places)


@given(st.integers(-BIG, BIG), st.integers(-BIG, BIG).filter(bool), st.integers(0, 6))
def test_round_half_up_is_exact(num: int, den: int, places: int) -> None:
    got = r.round_half_up(num, den, places)
    assert got == reference(num, den, places)
    assert got.as_tuple().exponent == -places


@pytest.mark.parametrize("num, den, places, text", [
    (2, 3, 4, "0.6667"), (1, 8, 4, "0.1250"), (1, 20000, 4, "0.0001"),
    (1, 20001, 4, "0.0000"), (5, 2, 0, "3"), (-5, 2, 0, "-3"), (33, 8, 2, "4.13"),
    (1, 4, 1, "0.3"), (0, 7, 4, "0.0000"), (7, 7, 4, "1.0000"),
])
def test_halves_go_up(num: int, den: int, places: int, text: str) -> None:
    assert str(r.round_half_up(num, den, places)) == text


@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_rates_are_fractions_between_0_and_1(part: int, extra: int) -> None:
    whole = part + extra
    got = r.rate(part, whole)
    if whole == 0:
        assert got is None
        return
    assert got is not None and Decimal(0) <= got <= Decimal(1)
    assert abs(got - Decimal(part) / Decimal(whole)) <= Decimal("0.00005")
    assert got + r.complement(got) == 1  # churn and retention add up exactly


@given(st.lists(st.integers(0, 10**15), min_size=1, max_size=50))
def test_average_rial_is_the_rounded_mean(amounts: list[int]) -> None:
    got = r.average_rial(sum(amounts), len(amounts))
    assert isinstance(got, int)
    assert abs(Fraction(got) - Fraction(sum(amounts), len(amounts))) <= Fraction(1, 2)
    assert min(amounts) <= got <= max(amounts)


@given(st.lists(st.integers(1, 5), min_size=1, max_size=200))
def test_average_score(scores: list[int]) -> None:
    got = r.average_score(sum(scores), len(scores))
    assert got == reference(sum(scores), len(scores), 2)
    assert 1 <= got <= 5


@given(st.lists(st.integers(0, 10**13), min_size=1, max_size=50))
def test_average_hours_from_microseconds(micros: list[int]) -> None:
    got = r.average_hours(sum(micros), len(micros))
    assert got == reference(sum(micros), len(micros) * 3_600_000_000, 1)


def test_nothing_to_average_is_none() -> None:
    assert r.rate(0, 0) is None and r.average_rial(0, 0) is None
    assert r.average_score(0, 0) is None and r.average_hours(0, 0) is None
    assert r.complement(None) is None
    with pytest.raises(ZeroDivisionError):
        r.round_half_up(1, 0)
