"""The README's table of KPIs is the one written definition besides the code: it names
every KPI of services/kpis.py, in the same order, with the same Persian title and owner."""

from __future__ import annotations

import re
from pathlib import Path

from crm_desktop.services.kpis import KPIS, OWNER_BY

README = Path(__file__).resolve().parents[2] / "README.md"
OWNER_LETTERS = {"contact owner": "C", "deal owner": "D", "ticket assignee": "T",
                 "activity owner": "A",
                 "campaign owner (cost) / contact owner (new customers)": "K / C"}


def test_the_readme_table_names_every_kpi() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## KPIs"):]
    section = section[:section.index("\n## ", 1)]
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$", section, re.M)
    assert [r[0] for r in rows] == [k.name for k in KPIS]
    for (name, title_fa, formula, owner), kpi in zip(rows, KPIS, strict=True):
        assert title_fa.strip() == kpi.title_fa, name
        assert formula.strip(), name
        assert owner.strip() == OWNER_LETTERS[OWNER_BY[name]], name
