"""RFM scoring (domain/rfm.py): quintile scores, ties, the segment grid."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.domain import rfm
from crm_desktop.domain.enums import RfmSegment

figures = st.builds(rfm.Figures, st.integers(0, 800), st.integers(1, 40),
                    st.integers(0, 10**13))
buyers = st.dictionaries(st.integers(1, 10**6), figures, min_size=1, max_size=60)


@given(buyers)
def test_every_buyer_gets_exactly_one_segment_and_scores_1_to_5(data) -> None:
    scored = rfm.score_all(data)
    assert scored.keys() == data.keys()
    for s in scored.values():
        assert {s.r, s.f, s.m} <= {1, 2, 3, 4, 5}
        assert s.segment == rfm.segment(s.r, s.f, s.m)
        assert s.segment != RfmSegment.NO_PURCHASE


def test_the_grid_names_one_segment_for_every_score_and_no_purchase_for_none() -> None:
    seen = Counter(rfm.segment(r, f, m) for r in range(1, 6) for f in range(1, 6)
                   for m in range(1, 6))
    assert sum(seen.values()) == 125
    assert set(seen) == set(RfmSegment) - {RfmSegment.NO_PURCHASE}
    assert rfm.segment(None, None, None) == RfmSegment.NO_PURCHASE
    assert set(rfm.ORDER) == set(RfmSegment) and len(rfm.ORDER) == len(RfmSegment)
    with pytest.raises(ValueError):
        rfm.segment(6, 1, 1)


@given(buyers)
def test_scores_are_monotone_across_buyers(data) -> None:
    """More recent never scores a lower R, more purchases never a lower F, more money never
    a lower M; equal values get equal scores."""
    scored = rfm.score_all(data)
    items = list(data.items())
    for a, fa in items:
        for b, fb in items:
            sa, sb = scored[a], scored[b]
            if fa.recency_days <= fb.recency_days:
                assert sa.r >= sb.r
            if fa.frequency >= fb.frequency:
                assert sa.f >= sb.f
            if fa.monetary_rial >= fb.monetary_rial:
                assert sa.m >= sb.m


@given(buyers, st.data())
def test_a_better_figure_never_lowers_the_buyers_own_score(data, draw) -> None:
    cid = draw.draw(st.sampled_from(sorted(data)))
    old = data[cid]
    better = rfm.Figures(
        draw.draw(st.integers(0, old.recency_days)),
        draw.draw(st.integers(old.frequency, old.frequency + 50)),
        draw.draw(st.integers(old.monetary_rial, old.monetary_rial + 10**12)))
    before, after = rfm.score_all(data)[cid], rfm.score_all({**data, cid: better})[cid]
    assert after.r >= before.r and after.f >= before.f and after.m >= before.m


@given(st.integers(1, 40))
def test_distinct_values_fill_each_quintile_exactly(k: int) -> None:
    values = list(range(5 * k))
    for lower_is_better in (False, True):
        scores = rfm.scores(values, lower_is_better=lower_is_better)
        assert Counter(scores.values()) == dict.fromkeys(range(1, 6), k)
    # the largest value is the best for F/M, the smallest for R
    assert rfm.scores(values)[max(values)] == 5
    assert rfm.scores(values, lower_is_better=True)[min(values)] == 5


def test_quintile_edges() -> None:
    # ten buyers: two per score; the border sits between the 2nd and 3rd value
    s = rfm.scores(range(10))
    assert [s[v] for v in range(10)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    s = rfm.scores(range(10), lower_is_better=True)
    assert [s[v] for v in range(10)] == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    # six buyers: 5*below//6 -> 0,0,1,2,3,4
    assert list(rfm.scores(range(6)).values()) == [1, 1, 2, 3, 4, 5]


def test_ties_take_equal_scores_worst_place_for_f_and_m_best_for_r() -> None:
    # eight one-time buyers and two repeat buyers
    f = rfm.scores([1] * 8 + [2, 3])
    assert f == {1: 1, 2: 5, 3: 5}
    # everyone bought today: all are as recent as can be
    assert rfm.scores([0] * 7, lower_is_better=True) == {0: 5}
    assert rfm.scores([5_000_000] * 7) == {5_000_000: 1}


def test_a_lone_buyer_is_new() -> None:
    (only,) = rfm.score_all({7: rfm.Figures(0, 1, 1_000_000)}).values()
    assert (only.r, only.f, only.m, only.segment) == (5, 1, 1, RfmSegment.NEW)


def test_score_refuses_inconsistent_counts() -> None:
    with pytest.raises(ValueError):
        rfm.score(3, 3)
    with pytest.raises(ValueError):
        rfm.score(-1, 3)


@pytest.mark.parametrize(("today", "years", "start"), [
    (date(2026, 11, 30), 2, date(2024, 11, 30)),
    (date(2028, 2, 29), 1, date(2027, 2, 28)),
    (date(2028, 2, 29), 4, date(2024, 2, 29)),
])
def test_window_start(today: date, years: int, start: date) -> None:
    assert rfm.window_start(today, years) == start
