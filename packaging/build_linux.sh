#!/usr/bin/env bash
# Build crm-desktop's Linux one-folder bundle (dist/crm-desktop/) with PyInstaller, then
# smoke-test the frozen program: a new database (demo data, migrations run from the bundle),
# `check` on it, `screenshots` in Persian offscreen, a proforma PDF; prints the bundle's size
# and the build time.
#
#   packaging/build_linux.sh            # reuses build/pyinstaller-venv when it is there
#   packaging/build_linux.sh --fresh    # a new build environment first
#
# PyInstaller is a build tool only: it goes into a throw-away environment
# (build/pyinstaller-venv) with the program (`pip install .`, not editable) and its
# dependencies, never into the program's dependencies. Needs Python 3.11+ and, for the
# smoke test, the Qt libraries of the README (offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
VENV=$ROOT/build/pyinstaller-venv
WORK=$ROOT/build/pyinstaller-work
DIST=$ROOT/dist
BUNDLE=$DIST/crm-desktop
started=$(date +%s)

if [[ "${1:-}" == "--fresh" ]]; then rm -rf "$VENV"; fi
if [[ ! -x "$VENV/bin/pyinstaller" ]]; then
  echo "== build environment: $VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
fi
echo "== installing the program and PyInstaller into the build environment"
# the program itself again every time (the sources changed); its dependencies only once
"$VENV/bin/pip" install -q --force-reinstall --no-deps .
"$VENV/bin/pip" install -q . "pyinstaller>=6.10"
installed=$(date +%s)

echo "== PyInstaller"
rm -rf "$BUNDLE"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/crm-desktop.spec
built=$(date +%s)

echo "== smoke test of the frozen program"
APP=$BUNDLE/crm-desktop
SMOKE=$(mktemp -d "${TMPDIR:-/tmp}/crm-desktop-smoke.XXXXXX")
trap 'rm -rf "$SMOKE"' EXIT
mkdir -p "$SMOKE/elsewhere"
run() {  # the frozen program from another folder, with its own user data folder
  (cd "$SMOKE/elsewhere" && env -u PYTHONPATH -u VIRTUAL_ENV QT_QPA_PLATFORM=offscreen \
    HOME="$SMOKE/home" CRM_DESKTOP_DATA_DIR="$SMOKE/userdata" \
    PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring "$APP" "$@")
}
run --version
run demo --db new.sqlite3 --contacts 30 2>/dev/null
run check --db new.sqlite3
number=$(run proforma list --db new.sqlite3 --json | "$PYTHON" -c \
  'import json, sys; print(json.load(sys.stdin)[0]["number"])')
run proforma pdf "$number" proforma.pdf --db new.sqlite3
[[ -s "$SMOKE/elsewhere/proforma.pdf" ]] || { echo "no proforma PDF" >&2; exit 1; }
run screenshots shots --db new.sqlite3 --lang fa
shots=$(find "$SMOKE/elsewhere/shots" -name '*.png' | wc -l)
if ((shots < 20)); then echo "only $shots screenshots" >&2; exit 1; fi
if grep -E "could not be loaded|not found in" "$SMOKE/userdata/logs/crm-desktop.log" 2>/dev/null
then echo "the frozen program missed a font or a translation (above)" >&2; exit 1; fi
if [[ -n "${KEEP_SHOTS:-}" ]]; then
  rm -rf "$KEEP_SHOTS" && cp -r "$SMOKE/elsewhere/shots" "$KEEP_SHOTS"
  echo "screenshots kept in $KEEP_SHOTS"
fi
done_at=$(date +%s)

echo "== done"
echo "bundle:      $BUNDLE ($(du -sh "$BUNDLE" | cut -f1), $(find "$BUNDLE" -type f | wc -l) files)"
echo "smoke test:  $shots screenshots, proforma $number as PDF, check OK"
echo "build time:  $((built - installed)) s PyInstaller, $((installed - started)) s build" \
  "environment, $((done_at - built)) s smoke test, $((done_at - started)) s in all"
