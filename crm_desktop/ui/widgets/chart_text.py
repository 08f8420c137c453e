"""The words and numbers a chart shows, in the UI language: values and axis ticks with
Persian digits (QtCharts prints Latin digits, or "۱٫۵×۱۰^+۰۷" with its own localisation,
so every number on a chart is formatted here), short amounts ("۱٫۵ میلیون", "1.5M"),
percentages, and month names for a time axis. The tick arithmetic lives here too."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QCoreApplication

from crm_desktop.domain.periods import Period
from crm_desktop.text.digits import format_number
from crm_desktop.text.jalali import month_name
from crm_desktop.ui.widgets.locale_util import is_persian, ui_lang

Number = int | float | Decimal


def _scale_words() -> dict[int, str]:
    """Short amounts' templates by the amount they count in (translated: «{n} هزار»)."""
    return {
        10**12: QCoreApplication.translate("ChartText", "{n}T"),
        10**9: QCoreApplication.translate("ChartText", "{n}B"),
        10**6: QCoreApplication.translate("ChartText", "{n}M"),
        10**3: QCoreApplication.translate("ChartText", "{n}K"),
    }


def as_decimal(value: Number, decimals: int = 0) -> Decimal:
    """`value` rounded half up to `decimals` places (floats through their shortest text)."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number_text(value: Number | None, decimals: int = 0) -> str:
    """A number in the UI language, thousands grouped: "۱۲٬۵۰۰", "4.25" (empty for None);
    trailing zeros of the decimals dropped."""
    if value is None:
        return ""
    rounded = as_decimal(value, decimals)
    if rounded == rounded.to_integral_value():
        return format_number(int(rounded), is_persian())
    return format_number(rounded, is_persian())


def percent_text(fraction: Number | None, decimals: int = 0) -> str:
    """A share between 0 and 1 as a percentage: "۴۲٪", "42%" (empty for None)."""
    if fraction is None:
        return ""
    text = number_text(as_decimal(fraction, decimals + 2) * 100, decimals)
    return f"{text}٪" if is_persian() else f"{text}%"


def compact_text(value: Number | None) -> str:
    """A short amount for ticks and bar labels: "۱٫۵ میلیون", "1.5M", "۹۵۰"; one decimal
    below ten of a unit, none above."""
    if value is None:
        return ""
    magnitude = abs(Decimal(str(value)))
    for threshold, template in _scale_words().items():
        if magnitude >= threshold:
            scaled = Decimal(str(value)) / threshold
            decimals = 1 if abs(scaled) < 10 else 0
            return template.replace("{n}", number_text(scaled, decimals))
    return number_text(value, 1 if magnitude < 10 else 0)


def ticks(low: float, high: float, count: int = 4, whole: bool = False) -> list[float]:
    """Round values from at most `low` to at least `high`, about `count` steps apart
    (steps of 1, 2, 2.5 or 5 times a power of ten): the value axis' labels; `whole`: steps
    of at least 1 (counts have no halves)."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high - low < 1e-6:  # nothing to scale (all zero): a plain 0..1 axis
        high = low + 1
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if power >= 1 and step != int(step):  # 2.5 of a whole unit: no half counts
        step = 5 * power
    if whole and step < 1:
        step = 1
    # whole multiples of the step (a billionth of a step is float noise, not a tick)
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    return [k * step if k else 0.0 for k in range(first, last + 1)]


def month_labels(months: Sequence[Period]) -> list[str]:
    """The names of a run of months for a time axis ("آذر"); the years are in the chart's
    note (`span_text`) and in each bar's tooltip (`Period.label`)."""
    lang = ui_lang()
    return [month_name(p.index, lang) if p.kind == "month" else p.label(lang) for p in months]


def span_text(months: Sequence[Period]) -> str:
    """The months a chart covers: "دی ۱۴۰۴ تا آذر ۱۴۰۵", "Dey 1404 – Azar 1405"."""
    if not months:
        return ""
    lang = ui_lang()
    first, last = months[0].label(lang), months[-1].label(lang)
    if first == last:
        return first
    text = QCoreApplication.translate("ChartText", "{first} – {last}")
    return text.replace("{first}", first).replace("{last}", last)
