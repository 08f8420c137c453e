"""A deal's satisfaction score (1 to 5, or empty): kept by the deal service, refused when
it is anything else, naming the field."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.domain.errors import ValidationError


def test_a_deal_keeps_a_score_from_1_to_5_or_none(core) -> None:
    did = core.deals.create({"title": "قرارداد", "satisfaction": "۴"})
    assert core.deals.get(did)["satisfaction"] == 4
    core.deals.update(did, {"satisfaction": 5})
    assert core.deals.get(did)["satisfaction"] == 5
    core.deals.update(did, {"satisfaction": ""})
    assert core.deals.get(did)["satisfaction"] is None


@pytest.mark.parametrize("value", [0, 6, "6", "۶", -1, "خوب"])
def test_scores_outside_1_to_5_are_refused(core, value) -> None:
    did = core.deals.create({"title": "قرارداد"})
    with pytest.raises(ValidationError) as err:
        core.deals.update(did, {"satisfaction": value})
    assert err.value.fields == ["satisfaction"]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.integers().filter(lambda n: not 1 <= n <= 5), st.floats(),
                 st.text(alphabet="abcxyzابپخوب!?-.", min_size=1),
                 st.booleans(), st.lists(st.integers(), max_size=2)))
def test_anything_else_is_refused_naming_the_field(core, value) -> None:
    did = core.deals.create({"title": "قرارداد"})
    with pytest.raises(ValidationError) as err:
        core.deals.update(did, {"satisfaction": value})
    assert err.value.fields == ["satisfaction"]
    assert core.deals.get(did)["satisfaction"] is None
