"""Exact rounding of the key figures (no Qt): a quotient of two integers rounded half up.

The database hands back integer sums and counts; every average and rate is one division,
done here exactly on integers (never through a float), and rounded half away from zero:

* rates: fractions 0..1 with RATE_PLACES (4) decimals, 2/3 -> 0.6667, 1/8 -> 0.1250;
* averages of money: whole Rials, 2.5 -> 3;
* the satisfaction average: 2 decimals, 4.125 -> 4.13;
* hours: 1 decimal, from microseconds, 1 h 3 min -> 1.1.
"""

from __future__ import annotations

from decimal import Decimal

#: decimals of a rate (a fraction between 0 and 1): 0.1234 is 12.34 %
RATE_PLACES = 4
#: decimals of the satisfaction average (scores 1..5)
SCORE_PLACES = 2
#: decimals of an average time in hours
HOUR_PLACES = 1
MICROS_PER_HOUR = 3_600_000_000


def round_half_up(num: int, den: int, places: int = 0) -> Decimal:
    """num / den with `places` decimals, rounded half away from zero; exact for any ints
    (den must not be 0)."""
    if den == 0:
        raise ZeroDivisionError("round_half_up: the denominator is 0")
    negative = (num < 0) != (den < 0)
    n, d = abs(num) * 10**places, abs(den)
    q = (2 * n + d) // (2 * d)
    return Decimal(-q if negative else q).scaleb(-places)


def rate(part: int, whole: int) -> Decimal | None:
    """part / whole as a fraction with RATE_PLACES decimals; None when whole is 0."""
    return round_half_up(part, whole, RATE_PLACES) if whole else None


def average_rial(total: int, count: int) -> int | None:
    """total / count in whole Rials (half up); None when count is 0."""
    return int(round_half_up(total, count)) if count else None


def average_score(total: int, count: int) -> Decimal | None:
    """The average of `count` scores summing to `total`, 2 decimals; None when count is 0."""
    return round_half_up(total, count, SCORE_PLACES) if count else None


def average_hours(micros: int, count: int) -> Decimal | None:
    """The average of `count` durations summing to `micros` microseconds, in hours with
    one decimal; None when count is 0."""
    return round_half_up(micros, count * MICROS_PER_HOUR, HOUR_PLACES) if count else None


def complement(value: Decimal | None) -> Decimal | None:
    """1 - a rate (churn from retention), so that the two always add up to exactly 1."""
    return None if value is None else Decimal(1) - value
