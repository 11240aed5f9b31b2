#!/usr/bin/env bash
# The one test command (`npm test`): checks / installs what the tests need on a fresh Debian
# machine (Chromium, CJK fonts, poppler-utils for PDF checks), builds the renderer, runs unit,
# integration and end-to-end suites, and ends with `tests: N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."

# The CJK fonts are found by their files: fc-list (package fontconfig) is not on every clean machine.
has_cjk_fonts() {
  compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK*" >/dev/null 2>&1 ||
    compgen -G "/usr/share/fonts/truetype/noto/NotoSansCJK*" >/dev/null 2>&1 ||
    { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }
}

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
has_cjk_fonts || need+=(fonts-noto-cjk fontconfig)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "test setup: installing ${need[*]} with apt-get"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  if [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; then
    $SUDO apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || true
  fi
  missing=()
  [ -x /usr/bin/chromium ] || missing+=("chromium (/usr/bin/chromium)")
  has_cjk_fonts || missing+=("fonts-noto-cjk")
  command -v pdftoppm >/dev/null 2>&1 || missing+=("poppler-utils (pdftoppm, pdftotext)")
  if [ ${#missing[@]} -gt 0 ]; then
    echo "test setup: missing ${missing[*]}; install with: sudo apt-get install -y chromium fonts-noto-cjk poppler-utils" >&2
    echo "tests: 0 passed, 1 failed"
    exit 1
  fi
fi

if [ ! -d node_modules ]; then
  echo "test setup: installing npm packages (npm ci)"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund || { echo "tests: 0 passed, 1 failed"; exit 1; }
fi

mkdir -p test-output

# Lint (eslint: typescript-eslint + the walls between the floors) and format (prettier) run first;
# each failing one counts as one failed test (`npm run format` fixes formatting).
static_failed=0
echo "lint: eslint"
node node_modules/eslint/bin/eslint.js . || { echo "lint: eslint found problems (npm run lint)" >&2; static_failed=$((static_failed + 1)); }
echo "typecheck: renderer (no Node types)"
node node_modules/typescript/bin/tsc -p renderer/tsconfig.json --noEmit || { echo "typecheck: the renderer uses Node types or does not compile (npm run typecheck)" >&2; static_failed=$((static_failed + 1)); }
echo "format: prettier --check"
node node_modules/prettier/bin/prettier.cjs --check . --log-level warn || { echo "format: files are not formatted (npm run format)" >&2; static_failed=$((static_failed + 1)); }

echo "test setup: building the renderer"
node node_modules/vite/bin/vite.js build --config renderer/vite.config.ts --logLevel warn || { echo "tests: 0 passed, 1 failed"; exit 1; }

node node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json "$@"
status=$?
STATIC_FAILED=$static_failed node -e '
const fs = require("fs");
let passed = 0, failed = 0;
try {
  const r = JSON.parse(fs.readFileSync("test-output/vitest.json", "utf8"));
  passed = r.numPassedTests; failed = r.numFailedTests + (r.numTotalTestSuites && r.success === false && r.numFailedTests === 0 ? 1 : 0);
} catch { failed = 1; }
failed += Number(process.env.STATIC_FAILED || 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
'
[ "$static_failed" -gt 0 ] && [ "$status" -eq 0 ] && status=1
exit $status
