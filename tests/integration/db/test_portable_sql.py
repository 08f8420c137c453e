"""The SQL pieces spelled per database (db/sql.py) give the same answers on SQLite and on
PostgreSQL, and `portable` turns SQLite's placeholders into psycopg's and nothing else."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, literal, select, true

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.db.sql import (
    digits_only,
    doc_number,
    json_array_items,
    json_object,
    json_text,
    micros_between,
    month_day,
    portable,
    seconds_between,
    total,
    unindexed,
)
from crm_desktop.db.types import UTCDateTime

START = datetime(2026, 3, 20, 23, 59, 59, 999999, tzinfo=UTC)
END = datetime(2026, 3, 21, 0, 0, 1, 5, tzinfo=UTC)


def _one(core: Core, *columns: Any) -> tuple[Any, ...]:
    with core.db.read() as session:
        return tuple(session.execute(select(*columns)).one())


def test_the_same_answers_on_both(both_backends: Any) -> None:
    with Core.open(both_backends) as core:
        end, start = literal(END, UTCDateTime()), literal(START, UTCDateTime())
        seconds, micros = _one(core, seconds_between(end, start), micros_between(end, start))
        # whole seconds from the texts without fractions, then the fractions apart
        assert (seconds, micros) == (2, 5 - 999999)
        assert seconds * 1_000_000 + micros == (END - START) // (END - START).resolution
        assert _one(core, month_day(literal(date(2026, 2, 9))))[0] == "02-09"
        numbers = _one(core, doc_number("T-", literal(1405), literal(7)),
                       doc_number("", literal(1405), literal(12345)))
        assert numbers == ("T-1405-0007", "1405-12345")
        digits = _one(core, digits_only(literal("09121234567")),
                      digits_only(literal("0912a")), digits_only(literal("۰۹۱۲")))
        assert [bool(d) for d in digits] == [True, False, False]
        made = _one(core, json_object(literal("a"), literal("x"), literal("b"), literal("y")))
        assert json.loads(made[0]) == {"a": "x", "b": "y"}
        with core.db.write() as session:
            session.add(m.Setting(key="club_test", value=json.dumps(
                {"tiers": [{"key": "gold", "name": "طلایی"}, {"key": "s", "name": "نقره"}]},
                ensure_ascii=False)))
        items = json_array_items(m.Setting.value, "tiers")
        with core.db.read() as session:
            names = session.execute(
                select(json_text(items.c.value, "name")).select_from(m.Setting)
                .join(items, true()).where(m.Setting.key == "club_test",
                                           json_text(items.c.value, "key") == "gold")).all()
            assert [tuple(r) for r in names] == [("طلایی",)]
            empty = session.execute(select(total(m.Deal.amount_rial), func.count())
                                    .select_from(m.Deal).where(unindexed(m.Deal.id) > 0)).one()
            assert tuple(empty) == (0.0, 0) and isinstance(empty[0], float)


@pytest.mark.parametrize(("sql", "expected"), [
    ("SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = %s AND b = %s"),
    ("SELECT a % 3 FROM t WHERE b LIKE '09%' AND c = ?",
     "SELECT a %% 3 FROM t WHERE b LIKE '09%' AND c = %s"),
    ("SELECT '?', 'it''s ?' FROM t WHERE x = ?", "SELECT '?', 'it''s ?' FROM t WHERE x = %s"),
])
def test_portable_placeholders(sql: str, expected: str) -> None:
    assert portable(sql, "sqlite") == sql
    assert portable(sql, "postgresql") == expected


@given(st.lists(st.sampled_from(["?", "%", " a ", "'x?%'", "''", ","]), max_size=30))
def test_portable_counts(parts: list[str]) -> None:
    sql = "".join(parts)
    out = portable(sql, "postgresql")
    outside = [p for p in parts if not p.startswith("'")]
    assert portable(sql, "sqlite") == sql
    # every ? outside quotes is a %s, every % outside quotes is doubled; quoted text stays
    assert out.replace("%s", "").replace("%%", "").count("?") == sum(
        p.count("?") for p in parts if p.startswith("'"))
    assert len(out) == len(sql) + sum(p.count("?") + p.count("%") for p in outside)


def test_what_is_part_of_the_sql_is_part_of_the_cache_key() -> None:
    def key(stmt: Any) -> Any:
        return stmt._generate_cache_key().key

    one, two = literal(1405), literal(7)
    assert key(select(doc_number("T-", one, two))) != key(select(doc_number("", one, two)))
    items = json_array_items(m.Setting.value, "tiers")
    assert key(select(json_text(items.c.value, "name"))) != key(
        select(json_text(items.c.value, "key")))
