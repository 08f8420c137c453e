"""What a campaign earned, in exact arithmetic (no Qt, no database).

Definitions (the campaign page, the campaign list and `crm-desktop campaign list` all use
these):

* members: the campaign's members whose contact is not in the Trash;
* responded: members whose status is `responded` or `converted` (a member who converted
  answered first);
* converted: members whose status is `converted`;
* response rate = responded / members; conversion rate = converted / members (None when
  the campaign has no members);
* revenue: the total of the live (not in the Trash) won deals whose source campaign is
  this campaign;
* ROI = (revenue - cost) / cost, where cost is the campaign's actual cost; None when the
  cost is 0 (nothing was spent: a return on nothing is not a number);
* acquired customers: the distinct customers of those won deals (a deal's contact, or its
  company when it has no contact; a deal with neither counts as one customer of its
  own). Counted from the deals rather than from members marked `converted`: a status is
  typed by hand, a won deal is what brought the money that ROI counts;
* cost per acquired customer = cost / acquired customers in whole Rials, rounded half up;
  None when nobody was acquired.
"""

from __future__ import annotations

from fractions import Fraction


def ratio(part: int, whole: int) -> Fraction | None:
    """part / whole exactly; None when whole is 0."""
    return None if whole == 0 else Fraction(part, whole)


def roi(revenue_rial: int, cost_rial: int) -> Fraction | None:
    """(revenue - cost) / cost exactly; None when the cost is 0."""
    if cost_rial < 0 or revenue_rial < 0:
        raise ValueError("amounts are not negative")
    return None if cost_rial == 0 else Fraction(revenue_rial - cost_rial, cost_rial)


def cost_per_acquisition(cost_rial: int, acquired: int) -> int | None:
    """cost / acquired customers in whole Rials (half up); None when nobody was acquired."""
    if cost_rial < 0 or acquired < 0:
        raise ValueError("amounts are not negative")
    if acquired == 0:
        return None
    return (2 * cost_rial + acquired) // (2 * acquired)


def percent_text(value: Fraction | None, digits: int = 1) -> str | None:
    """A ratio as a percentage with `digits` decimals (half away from zero), Latin digits,
    no sign: "12.5" for 1/8; None for None. The caller adds the percent sign and the
    digits of the UI language."""
    if value is None:
        return None
    scaled = value * 100 * 10**digits
    whole = (abs(scaled.numerator) * 2 + scaled.denominator) // (2 * scaled.denominator)
    sign = "-" if scaled < 0 and whole else ""
    text = str(whole).rjust(digits + 1, "0")
    if digits:
        text = f"{text[:-digits]}.{text[-digits:]}"
    return sign + text
