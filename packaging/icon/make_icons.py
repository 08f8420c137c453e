"""Render crm-desktop's app icon in every size the platforms need, from the SVG sources
beside this file, with Qt (QSvgRenderer, QImage, QImageWriter): the same input gives the
same files. Run it after changing an SVG and commit what it writes:

    .venv/bin/python packaging/icon/make_icons.py

Writes
- packaging/icon/hicolor/NxN/apps/crm-desktop.png (16 ... 512) and
  hicolor/scalable/apps/crm-desktop.svg: the Linux icon theme (freedesktop hicolor);
- packaging/icon/crm-desktop.ico: Windows (16, 24, 32, 48, 64 as bitmaps written by Qt's
  ICO writer, 256 as PNG, as Windows expects), for the executables and the installer;
- resources/app-icon/crm-desktop-N.png (16 ... 256): the window icon (app.py), shipped in
  the wheel and the bundle.
16 and 24 px come from crm-desktop-small.svg (drawn on the pixel grid), the rest from
crm-desktop.svg."""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NAME = "crm-desktop"
SOURCE = HERE / f"{NAME}.svg"
SMALL_SOURCE = HERE / f"{NAME}-small.svg"
SMALL = (16, 24)
LINUX_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
WINDOWS_SIZES = (16, 24, 32, 48, 64, 256)
WINDOW_SIZES = (16, 24, 32, 48, 64, 128, 256)
WINDOW_ICON_DIR = ROOT / "resources" / "app-icon"


def render(size: int) -> QImage:
    renderer = QSvgRenderer(str(SMALL_SOURCE if size in SMALL else SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon's SVG for {size} px")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def encoded(image: QImage, fmt: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, fmt.encode())
    if not writer.write(image):
        raise SystemExit(f"Qt could not write {fmt}: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def save_png(image: QImage, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encoded(image, "png"))


def ico(images: dict[int, QImage]) -> bytes:
    """One .ico holding every size. Qt's ICO writer writes one image a file: its entries
    (bitmap with alpha and mask) are taken and put in one directory; 256 px is stored as
    PNG, as Windows Vista and later read it."""
    entries: list[tuple[bytes, bytes]] = []
    for size, image in sorted(images.items()):
        if size >= 256:
            data = encoded(image, "png")
            entry = struct.pack("<BBBBHHII", 0, 0, 0, 0, 1, 32, len(data), 0)
        else:
            single = encoded(image, "ico")
            _reserved, kind, count = struct.unpack_from("<HHH", single, 0)
            assert (kind, count) == (1, 1), "Qt's ICO writer wrote something unexpected"
            entry = single[6:22]
            length, offset = struct.unpack_from("<II", entry, 8)
            data = single[offset:offset + length]
        entries.append((entry[:8], data))
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    blobs = b""
    for head, data in entries:
        out += head + struct.pack("<II", len(data), offset)
        offset += len(data)
        blobs += data
    return out + blobs


def main() -> int:
    if "ico" not in {bytes(f.data()).decode() for f in QImageWriter.supportedImageFormats()}:
        raise SystemExit("this Qt has no ICO writer (imageformats plugin qico)")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = {size: render(size) for size in sorted(set(LINUX_SIZES + WINDOWS_SIZES))}
    hicolor = HERE / "hicolor"
    shutil.rmtree(hicolor, ignore_errors=True)
    for size in LINUX_SIZES:
        save_png(images[size], hicolor / f"{size}x{size}" / "apps" / f"{NAME}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(SOURCE, hicolor / "scalable" / "apps" / f"{NAME}.svg")
    (HERE / f"{NAME}.ico").write_bytes(ico({s: images[s] for s in WINDOWS_SIZES}))
    shutil.rmtree(WINDOW_ICON_DIR, ignore_errors=True)
    for size in WINDOW_SIZES:
        save_png(images[size], WINDOW_ICON_DIR / f"{NAME}-{size}.png")
    print(f"wrote {len(LINUX_SIZES)} hicolor PNGs, {NAME}.ico ({len(WINDOWS_SIZES)} sizes) and "
          f"{len(WINDOW_SIZES)} window icons")
    return 0


if __name__ == "__main__":
    sys.exit(main())
