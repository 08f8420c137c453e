"""An audit "create" row's text (audit.created_value, written for every imported record)
is the audit encoder's JSON of the row's values as `_text` gives them, byte for byte."""

from __future__ import annotations

from datetime import UTC, date, timedelta, timezone
from decimal import Decimal
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.services import audit
from crm_desktop.services.contacts import ContactService

values = st.one_of(
    st.none(), st.text(), st.booleans(), st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.dates(), st.datetimes(), st.datetimes(timezones=st.just(UTC)),
    st.datetimes(timezones=st.just(timezone(timedelta(hours=3, minutes=30)))),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
)
keys = st.text(min_size=1, max_size=12)


@given(st.dictionaries(keys, values, max_size=12))
def test_created_value_is_the_encoders_json(row: dict) -> None:
    columns = list(row)
    expected = audit._ENCODER.encode(
        {k: audit._text(v) for k in columns if (v := row[k]) is not None})
    assert audit.created_value(row, columns) == expected


def test_created_value_of_a_contact() -> None:
    row = {"first_name": "علی \"ع\"", "birthday": date(1990, 1, 5), "sms_consent": False,
           "owner_id": 1, "city": None, "price": Decimal("1.50")}
    assert audit.created_value(row, list(row)) == (
        '{"first_name":"علی \\"ع\\"","birthday":"1990-01-05","sms_consent":"False",'
        '"owner_id":"1","price":"1.5"}')


@given(st.one_of(st.none(), st.dates()))
def test_birth_md_is_month_and_day(day: date | None) -> None:
    contact = SimpleNamespace(first_name="علی", last_name="", birthday=day, mobile=None,
                              mobile2=None, phone=None, email=None, national_code=None)
    ContactService._derive(None, contact)  # type: ignore[arg-type]
    assert contact.birth_md == (day.strftime("%m-%d") if day else None)
