"""Checking an import (ImportService.plan): 100,000 rows x 6 columns against the
100,000-contact demo database, next to a bare program doing the same cleaning with the
same validators and the same lookups with sqlite3.

    python bench/bench_import_plan.py [rows]

Half the rows repeat a contact of the database (its mobile, typed another way), a tenth
repeat an earlier row, some have errors; every mobile form, Jalali birthdays.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("CRM_DESKTOP_DATA_DIR", tempfile.mkdtemp(prefix="crm-bench-"))

from bench.bench_dbs import database

HEADERS = ("نام و نام خانوادگی", "موبایل", "کد ملی", "تاریخ تولد", "شهر", "ایمیل")


def _national_code(rng: random.Random) -> str:
    from crm_desktop.text.validate import national_code_check_digit

    body = "".join(rng.choice("0123456789") for _ in range(9))
    return body + str(national_code_check_digit(body))


def sheet(path: Path, rows: int, seed: int = 7):
    from crm_desktop.imports.sheet import SheetData, SheetRow
    from crm_desktop.text.digits import to_persian_digits

    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    known = conn.execute("SELECT full_name, mobile, city FROM contacts "
                         "WHERE deleted_at IS NULL LIMIT ?", (rows // 2,)).fetchall()
    cities = [c for (c,) in conn.execute("SELECT DISTINCT city FROM contacts "
                                         "WHERE city IS NOT NULL")]
    conn.close()
    firsts = ["علی", "محمد رضا", "زهرا", "سارا", "مهدی", "فاطمه", "امیر حسین", "نرگس"]
    lasts = ["احمدی", "کريمی", "رضائی", "محمدی", "حسینی", "نجفی", "قربانی", "ثابتی"]
    out = []
    for n in range(rows):
        if n < len(known):
            name, mobile, city = known[n]
        else:
            name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
            mobile = f"0912{n:07d}"
            city = rng.choice(cities)
        form = n % 5
        cell: object = (float(mobile[1:]) if form == 0 else "+98 " + mobile[1:] if form == 1
                        else to_persian_digits(mobile) if form == 2
                        else "0098-" + mobile[1:] if form == 3 else mobile)
        if n % 10 == 9:
            cell = out[-1][1]  # the row before's mobile again: a duplicate in the file
        code = _national_code(rng) if n % 3 == 0 else None
        if n % 97 == 0:
            code = "1234567890"  # bad check digit
        day = f"{rng.randint(1330, 1390)}/{rng.randint(1, 12)}/{rng.randint(1, 29)}"
        email = f"u{n}@example.com" if n % 4 == 0 else None
        out.append((name, cell, code, day, city, email))
    return SheetData("bench.xlsx", "Sheet1", ("Sheet1",), 1, HEADERS,
                     [SheetRow(i + 2, values) for i, values in enumerate(out)])


def bare(path: Path, data) -> dict[str, int]:
    """The same work without the pipeline: each cell through its validator, then one
    IN (...) query per 500 mobiles and national codes, e-mails in one pass."""
    from crm_desktop.text.jalali import parse_jalali
    from crm_desktop.text.normalize import clean_text
    from crm_desktop.text.validate import (
        InvalidValue,
        normalize_mobile,
        validate_email,
        validate_national_code,
    )

    ok: list[tuple] = []
    errors = 0
    for row in data.rows:
        name, mobile, code, day, city, email = row.values
        try:
            m = normalize_mobile(str(int(mobile)) if isinstance(mobile, float) else mobile)
            c = validate_national_code(code) if code else None
            d = parse_jalali(day)
            e = validate_email(email) if email else None
            ok.append((clean_text(name), m, c, d, clean_text(city), e))
        except InvalidValue:
            errors += 1
    conn = sqlite3.connect(path)
    found = 0
    for column, i in (("mobile", 1), ("national_code", 2)):
        values = sorted({r[i] for r in ok if r[i]})
        for start in range(0, len(values), 500):
            chunk = values[start:start + 500]
            q = (f"SELECT id FROM contacts WHERE deleted_at IS NULL AND {column} IN "
                 f"({','.join('?' * len(chunk))})")
            found += len(conn.execute(q, chunk).fetchall())
    emails = {r[5].lower() for r in ok if r[5]}
    found += sum(1 for (e,) in conn.execute(
        "SELECT email FROM contacts WHERE deleted_at IS NULL AND email IS NOT NULL")
        if e.lower() in emails)
    conn.close()
    return {"rows": len(ok), "errors": errors, "found": found}


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    from crm_desktop.core import Core
    from crm_desktop.services.imports.fields import suggested_mapping
    from crm_desktop.services.imports.plan import make_plan

    path = database(100_000)
    data = sheet(path, rows)
    plan_times, bare_times = [], []
    with Core.open(path) as core:
        mapping = suggested_mapping(core.db, "contacts", HEADERS)
        for _ in range(repeat):  # interleaved: both see the same load of the machine
            start, cpu = time.perf_counter(), time.process_time()
            raw = bare(path, data)
            bare_times.append((time.perf_counter() - start, time.process_time() - cpu))
            start, cpu = time.perf_counter(), time.process_time()
            plan = make_plan(core.db, "contacts", data, mapping)
            plan_times.append((time.perf_counter() - start, time.process_time() - cpu))
    c = plan.counts()
    wall, cpu = min(plan_times)
    print(f"plan {rows:,} rows x 6 columns against 100,000 contacts: best of {repeat} "
          f"{wall:.2f} s (CPU {cpu:.2f} s; new {c.new:,}, duplicates {c.duplicates:,}, "
          f"errors {c.errors:,}, warnings {len(plan.warnings):,})")
    wall, cpu = min(bare_times)
    print(f"bare validators + sqlite3 lookups, same rows: best of {repeat} "
          f"{wall:.2f} s (CPU {cpu:.2f} s; {raw['rows']:,} valid, {raw['errors']:,} errors)")


if __name__ == "__main__":
    main()
