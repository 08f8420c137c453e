"""The project's pytest configuration turns every Qt warning into a failed test
(qt_log_level_fail = WARNING): a pytest run over a tiny test file, with this project's own
configuration file, fails the tests that make Qt warn and passes the ones that only log
debug or info messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

PROJECT_CONFIG = Path(__file__).resolve().parents[2] / "pyproject.toml"

INNER_TESTS = '''
from PySide6 import QtCore
from PySide6.QtWidgets import QWidget


def test_python_warning(qapp):
    QtCore.qWarning("inner: a warning from Python")


def test_warning_from_qt_itself(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setMinimumSize(-1, -1)  # Qt warns: negative sizes are not possible


def test_logger_critical(qapp):
    QtCore.QMessageLogger().critical("inner: a critical message")


def test_debug_and_info_are_allowed(qapp):
    QtCore.qDebug("inner: a debug message")
    QtCore.qInfo("inner: an info message")
'''


def test_a_qt_warning_fails_the_test(tmp_path: Path) -> None:
    (tmp_path / "test_inner.py").write_text(INNER_TESTS, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(PROJECT_CONFIG), "--rootdir",
         str(tmp_path), "-p", "no:cacheprovider", "-o", "addopts=", "-rA", "-q",
         str(tmp_path / "test_inner.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    out = result.stdout
    assert result.returncode == 1, out + result.stderr  # 1: some tests failed
    assert "3 failed, 1 passed" in out, out
    for name in ("test_python_warning", "test_warning_from_qt_itself",
                 "test_logger_critical"):
        assert f"FAILED test_inner.py::{name}" in out, out
    assert "PASSED test_inner.py::test_debug_and_info_are_allowed" in out, out
    # they failed because of the Qt messages (pytest-qt's own wording), and only those
    assert out.count("Failure: Qt messages with level WARNING or above emitted") == 3, out
    assert "Negative sizes" in out and "inner: a warning from Python" in out, out
