"""Instants are stored as naive UTC text and read back aware: the same instant whatever
form the text takes, and in one parse for the text the program writes (a list page reads
hundreds of them)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select
from sqlalchemy.dialects import sqlite

from crm_desktop.db.types import UTCDateTime

PROCESS = UTCDateTime().result_processor(sqlite.dialect(), None)


def before(value: str) -> datetime:
    """How the text was read until now: naive, then told it is UTC."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


FORMS = {
    "stored": lambda m: m.isoformat(sep=" ", timespec="microseconds"),
    "seconds": lambda m: m.isoformat(sep=" ", timespec="seconds"),
    "T": lambda m: m.isoformat(),
    "date": lambda m: m.date().isoformat(),
    "offset": lambda m: m.isoformat(sep=" ", timespec="seconds") + "+03:30",
    "Z": lambda m: m.isoformat(timespec="microseconds") + "Z",
}


@given(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
       st.sampled_from(sorted(FORMS)))
def test_every_form_of_text_reads_as_before(moment: datetime, form: str) -> None:
    text = FORMS[form](moment)
    result = PROCESS(text)
    assert result == before(text) and result.tzinfo is not None
    assert result.utcoffset() == timedelta(0)


def test_none_and_values_that_are_already_datetimes() -> None:
    assert PROCESS(None) is None
    naive = datetime(2026, 4, 4, 6, 46, 58)
    assert PROCESS(naive) == naive.replace(tzinfo=UTC)


@given(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                    timezones=st.sampled_from([UTC, timezone(timedelta(hours=3, minutes=30))])))
def test_an_instant_comes_back_from_the_database_as_it_went_in(moment: datetime) -> None:
    engine = create_engine("sqlite://")
    table = Table("t", MetaData(), Column("id", Integer, primary_key=True),
                  Column("at", UTCDateTime()))
    table.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(table).values(id=1, at=moment))
        back = conn.execute(select(table.c.at)).scalar_one()
    assert back == moment and back.utcoffset() == timedelta(0)


def test_the_programs_own_text_is_read_in_one_parse() -> None:
    """No time zone replaced afterwards: a page of 200 contacts reads 600 instants."""
    texts = [f"2026-04-{day:02d} 06:46:58.000000" for day in range(1, 29)]
    called: list[str] = []

    def profile(_frame: Any, event: str, arg: Any) -> None:
        if event == "c_call":
            called.append(getattr(arg, "__name__", ""))

    sys.setprofile(profile)
    try:
        read = [PROCESS(t) for t in texts]
    finally:
        sys.setprofile(None)
    assert read == [before(t) for t in texts]
    assert called.count("fromisoformat") == len(texts) and "replace" not in called, called
