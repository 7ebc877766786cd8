#!/usr/bin/env bash
# Runs every test: type checks, unit and integration tests on SQLite and on MariaDB, and the
# console's end-to-end tests in Debian's Chromium. Installs what is missing first.
#   JXC_SKIP_MARIADB=1  skip the MariaDB suite (it prints that it did)
#   JXC_SKIP_E2E=1      skip the browser tests (it prints that it did)
source "$(dirname "$0")/lib.sh"
ensure_deps
cd "$ROOT"
REPORTS="$ROOT/.reports"; rm -rf "$REPORTS"; mkdir -p "$REPORTS"
skipped=()

say "format, lint, type check and schema"
pnpm format:check
pnpm lint
pnpm --filter @jxc/server typecheck
pnpm --filter @jxc/server emit-schema --check
# the console's messages: both locales complete, every key the source uses present, no swallowed braces
pnpm --filter @jxc/console check:i18n

say "server: unit and integration tests on SQLite"
status=0
(cd packages/server && npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/server-sqlite.json") || status=1

# the same suite at another instant (a month end in Shanghai, far from today): nothing may read the real clock
ensure_faketime
say "server: unit and integration tests on SQLite again, under faketime at 2027-02-28 23:30 Asia/Shanghai"
(cd packages/server && TZ=Asia/Shanghai faketime '2027-02-28 23:30:00' npx vitest run --reporter=dot --reporter=json --outputFile.json="$REPORTS/server-sqlite-faketime.json") || status=1

if [ "${JXC_SKIP_MARIADB:-}" = 1 ]; then
  skipped+=("MariaDB integration suite (JXC_SKIP_MARIADB=1)")
else
  ensure_mariadb
  ensure_redis
  say "server: integration tests on MariaDB (with Redis for the several-processes test)"
  (cd packages/server && JXC_TEST_DB=mariadb npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/server-mariadb.json") || status=1
fi

if [ -f packages/console/package.json ]; then
  if [ "${JXC_SKIP_E2E:-}" = 1 ]; then
    skipped+=("console end-to-end tests (JXC_SKIP_E2E=1)")
  else
    ensure_chromium
    say "console: build and end-to-end tests in Chromium"
    (cd packages/console && PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/e2e.json" pnpm run test:e2e) || status=1
  fi
fi

node "$ROOT/scripts/summarize-tests.mjs" "$REPORTS" || status=1
for s in "${skipped[@]+"${skipped[@]}"}"; do printf '\033[1;33m[jxc] SKIPPED: %s\033[0m\n' "$s"; done
exit $status
