"""Makes encrypted.xlsx: a small workbook protected with the password "secret", as Excel's
File > Info > Protect Workbook > Encrypt with Password saves it (an OLE file holding
EncryptionInfo and EncryptedPackage). Run once; the result is committed, so the tests need
neither this script's packages nor a network:

    python -m venv /tmp/enc && /tmp/enc/bin/pip install msoffcrypto-tool xlsxwriter
    /tmp/enc/bin/python tests/data/imports/make_encrypted.py
"""

from __future__ import annotations

import io
from pathlib import Path

import msoffcrypto.format.ooxml  # type: ignore[import-not-found]
import xlsxwriter  # type: ignore[import-not-found]

plain = io.BytesIO()
book = xlsxwriter.Workbook(plain, {"in_memory": True})
sheet = book.add_worksheet("مشتریان")
sheet.write_row(0, 0, ["نام", "موبایل"])
sheet.write_row(1, 0, ["علی", "09121234567"])
book.close()
plain.seek(0)

out = Path(__file__).with_name("encrypted.xlsx")
with out.open("wb") as f:
    msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("secret", f)
print(out, out.stat().st_size, "bytes")
