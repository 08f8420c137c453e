"""RFM scoring: recency, frequency and monetary value turned into scores 1-5 and a named
segment (pure functions, no database, no Qt).

What is measured (services/rfm.py reads it from the database), per contact, over a window
of the last N years (a setting, 2 by default) ending today on the business's clock:

* recency R: days from the last purchase to today (0 = bought today);
* frequency F: how many purchases;
* monetary M: their total in Rials.

A purchase is a won deal (its close date) or an accepted proforma (its issue date) that is
not already counted as its won deal.

Scores: 1-5 by quintile among the contacts who bought in the window, 5 the best (most
recent, most frequent, most money). A buyer's score comes from how many buyers have a
strictly smaller value, so equal values always get equal scores and the result never
depends on the order rows come in (n = buyers):

    F, M:  score = 1 + (5 * below) // n     below = buyers with strictly less
    R:     score = 5 - (5 * below) // n     below = buyers with strictly fewer days

So a run of equal values takes the score of its best place for recency and of its worst
place for frequency and money: someone who bought today is as recent as one can be,
however many others did too, and someone who bought once has bought as little as one
can, however many others did too (in most shops most buyers bought once: they score F 1,
not an "average" 3). With distinct values (n = 5k) each score holds exactly a fifth of
the buyers. A better value never scores lower (monotone). A lone buyer who bought once
scores R 5, F 1, M 1: "new".

Segment: from R and the combined FM score = round-half-up((F + M) / 2), on the usual
R x F grid of RFM marketing (rows R, columns FM):

    R\\FM   1               2                   3                   4          5
    5      new             potential loyalist  potential loyalist  champions  champions
    4      promising       potential loyalist  potential loyalist  loyal      loyal
    3      about to sleep  about to sleep      need attention      loyal      loyal
    2      hibernating     hibernating         at risk             at risk    can't lose
    1      lost            lost                at risk             at risk    can't lose

A contact with no purchase in the window is NO_PURCHASE, so every contact has exactly one
segment.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from crm_desktop.domain.enums import RfmSegment as S

#: the window's default and limits, in years
DEFAULT_WINDOW_YEARS = 2
MIN_WINDOW_YEARS, MAX_WINDOW_YEARS = 1, 10

#: GRID[r - 1][fm - 1]: the segment of scores (r, fm); see the module docstring
GRID: tuple[tuple[S, S, S, S, S], ...] = (
    (S.LOST, S.LOST, S.AT_RISK, S.AT_RISK, S.CANT_LOSE),
    (S.HIBERNATING, S.HIBERNATING, S.AT_RISK, S.AT_RISK, S.CANT_LOSE),
    (S.ABOUT_TO_SLEEP, S.ABOUT_TO_SLEEP, S.NEED_ATTENTION, S.LOYAL, S.LOYAL),
    (S.PROMISING, S.POTENTIAL_LOYALIST, S.POTENTIAL_LOYALIST, S.LOYAL, S.LOYAL),
    (S.NEW, S.POTENTIAL_LOYALIST, S.POTENTIAL_LOYALIST, S.CHAMPIONS, S.CHAMPIONS),
)

#: the segments in the order a table of them reads best (best customers first)
ORDER: tuple[S, ...] = (
    S.CHAMPIONS, S.LOYAL, S.POTENTIAL_LOYALIST, S.NEW, S.PROMISING, S.NEED_ATTENTION,
    S.ABOUT_TO_SLEEP, S.AT_RISK, S.CANT_LOSE, S.HIBERNATING, S.LOST, S.NO_PURCHASE,
)


class Figures(NamedTuple):
    """One buyer's raw figures in the window."""

    recency_days: int
    frequency: int
    monetary_rial: int


class Scored(NamedTuple):
    r: int
    f: int
    m: int
    segment: S


def window_start(today: date, years: int) -> date:
    """The first day of a window of `years` years ending `today` (29 February -> 28)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def score(below: int, buyers: int, *, lower_is_better: bool = False) -> int:
    """The quintile score (1-5) of a value `below` buyers have less of, among `buyers`
    buyers (the one scored included); see the module docstring."""
    if not 0 <= below < buyers:
        raise ValueError(f"inconsistent counts: below={below}, buyers={buyers}")
    step = (5 * below) // buyers
    return 5 - step if lower_is_better else 1 + step


def scores(values: Iterable[int], *, lower_is_better: bool = False) -> dict[int, int]:
    """Value -> score for every distinct value of `values` (one per buyer)."""
    counts = Counter(values)
    n = sum(counts.values())
    out: dict[int, int] = {}
    below = 0
    for value in sorted(counts):
        out[value] = score(below, n, lower_is_better=lower_is_better)
        below += counts[value]
    return out


def fm_score(f: int, m: int) -> int:
    """Frequency and monetary scores combined: their mean, halves rounded up."""
    return (f + m + 1) // 2


def segment(r: int | None, f: int | None, m: int | None) -> S:
    """The segment of a buyer's scores; NO_PURCHASE when there are none."""
    if r is None or f is None or m is None:
        return S.NO_PURCHASE
    if not all(1 <= x <= 5 for x in (r, f, m)):
        raise ValueError(f"scores must be 1-5: {r}, {f}, {m}")
    return GRID[r - 1][fm_score(f, m) - 1]


def score_all(buyers: Mapping[int, Figures]) -> dict[int, Scored]:
    """Scores and segment of every buyer (contact id -> figures), each against all."""
    r = scores((b.recency_days for b in buyers.values()), lower_is_better=True)
    f = scores(b.frequency for b in buyers.values())
    m = scores(b.monetary_rial for b in buyers.values())
    out = {}
    for cid, b in buyers.items():
        rs, fs, ms = r[b.recency_days], f[b.frequency], m[b.monetary_rial]
        out[cid] = Scored(rs, fs, ms, GRID[rs - 1][fm_score(fs, ms) - 1])
    return out
