"""The data of a chart, without any toolkit (no Qt, no reportlab): what a report or the
dashboard hands to whoever draws it (QtCharts in the window, reportlab.graphics in a PDF).

Order: `categories` are in LOGICAL order, the order a reader meets them: the order of the
table's rows for a report (largest first, or chronological, oldest first, for time), and
each series holds one value per category in that same order. A left-to-right axis draws
the first category at the left; in a right-to-left (Persian) layout the first category must
stand at the right, where a Persian reader starts, and the latest month at the left, where
she ends. Qt's category axis and reportlab's charts are not mirrored, so the one who draws
asks `in_reading_order(rtl)`, which reverses categories and values for a right-to-left
layout (a pie keeps its order: its slices go round from the top either way).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

ChartKind = Literal["bar", "line", "pie"]
#: what the values are, for the axis labels: integer Rials, counts, averages or fractions
ValueKind = Literal["money", "integer", "decimal", "rate"]
Number = int | float | Decimal


@dataclass(frozen=True)
class ChartSeries:
    name: str
    #: one value per category, in the categories' order (None: no value)
    values: tuple[Number | None, ...]


@dataclass(frozen=True)
class ChartData:
    kind: ChartKind
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    value_kind: ValueKind = "integer"
    title: str = ""
    #: the interface language the texts are in ("fa" draws right to left)
    lang: str = "fa"
    #: how many categories were folded into the last one ("others"), 0 when none
    folded: int = field(default=0)

    def __post_init__(self) -> None:
        if self.kind not in ("bar", "line", "pie"):
            raise ValueError(f"not a chart kind: {self.kind!r}")
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(f"series {s.name!r} has {len(s.values)} values for "
                                 f"{len(self.categories)} categories")

    @property
    def empty(self) -> bool:
        return not self.categories or all(
            not v for s in self.series for v in s.values)

    def in_reading_order(self, rtl: bool) -> ChartData:
        """The chart as an unmirrored axis should draw it: unchanged left to right; for a
        right-to-left layout the categories and every series' values reversed, so that
        the first category stands at the right (a pie is never reversed)."""
        if not rtl or self.kind == "pie":
            return self
        return ChartData(
            self.kind, tuple(reversed(self.categories)),
            tuple(ChartSeries(s.name, tuple(reversed(s.values))) for s in self.series),
            self.value_kind, self.title, self.lang, self.folded)


def top(categories: Sequence[str], values: Sequence[Number], n: int,
        others: str) -> tuple[list[str], list[Number], int]:
    """The first `n - 1` categories and one more, `others`, holding the sum of the rest,
    when there are more than `n`; else all of them. Returns (categories, values, folded)."""
    if len(categories) <= n:
        return list(categories), list(values), 0
    rest = values[n - 1:]
    return ([*categories[:n - 1], others], [*values[:n - 1], sum(rest)], len(rest))
