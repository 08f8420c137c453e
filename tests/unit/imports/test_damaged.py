"""Damaged workbooks (bytes changed, files cut short): always an ImportFileError, never
another exception or a crash. Run in a child process: a Rust abort in calamine would end
the test run, here it fails the test."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.unit.imports.helpers import write_ods, write_xls
from tests.unit.imports.test_read_workbook import messy_xlsx

ROWS = [["لیست"], [], ["نام", "موبایل", "شهر"], ["علی", 9123456789, "قم"], ["رضا", "0912", None]]


@pytest.mark.parametrize("kind", ["xlsx", "ods", "xls"])
def test_damaged_workbooks_are_import_file_errors(tmp_path: Path, kind: str) -> None:
    made = {"xlsx": lambda p: messy_xlsx(p), "ods": lambda p: write_ods(p, {"S": ROWS}),
            "xls": lambda p: write_xls(p, {"S": ROWS})}[kind](tmp_path / f"good.{kind}")
    code = textwrap.dedent(f"""
        import json, random
        from pathlib import Path
        from crm_desktop.imports import ImportFileError, read_sheet, sheet_names
        good = Path({str(made)!r}).read_bytes()
        rnd = random.Random(12)
        path = Path({str(tmp_path / "bad")!r})
        other = []
        for i in range(150):
            data = bytearray(good)
            for _ in range(rnd.randint(1, 20)):
                data[rnd.randrange(len(data))] = rnd.randrange(256)
            if i % 3 == 0:
                data = data[:rnd.randrange(len(data))]
            path.write_bytes(bytes(data))
            for call in (read_sheet, sheet_names):
                try:
                    call(path)
                except ImportFileError:
                    pass
                except Exception as e:
                    other.append(f"{{type(e).__name__}}: {{e}}")
        print(json.dumps(other))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, cwd=Path(__file__).parents[3])
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
