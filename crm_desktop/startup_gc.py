"""Python's cyclic garbage collector waits while the program starts.

Start-up imports SQLAlchemy, the models and PySide6 and builds the first window: about
150,000 objects made and almost none freed, which the collector would walk again and
again (about 50 ms of the 0.45 s those imports take here). `hold()` turns it off as the
command line starts; `release()` moves what start-up made to the permanent generation
(`gc.freeze`: later full collections skip those long-lived objects: a full collection
of them took 51 ms) and turns it back on: the window's first idle after its first paint
(ui/controller.py), or before any other command runs (cli.py). What start-up made
unreachable in cycles (1,733 objects on the demo database) stays until the program ends.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """Turn the collector off for the start (when it is on: nothing else is undone)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Freeze what start-up made and turn the collector on again (once; only if `hold`
    turned it off)."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


def held() -> bool:
    return _held
