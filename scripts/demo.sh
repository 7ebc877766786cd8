#!/usr/bin/env bash
# Starts the demo: installs pnpm and dependencies if needed, builds the server and console, and
# serves both at http://localhost:4000 on an embedded SQLite database with demo data.
#   PORT=4100 bash scripts/demo.sh     another port
#   JXC_DEMO_RESET=1 bash scripts/demo.sh   start again from fresh demo data
source "$(dirname "$0")/lib.sh"
ensure_deps
cd "$ROOT"
say "building the server and the console"
pnpm --filter @jxc/server build >/dev/null
pnpm --filter @jxc/console build >/dev/null
if [ "${JXC_DEMO_RESET:-}" = 1 ]; then rm -f "$ROOT/data/demo.sqlite"*; fi
export JXC_MODE=demo
export JXC_DATABASE_URL="${JXC_DATABASE_URL:-sqlite:$ROOT/data/demo.sqlite}"
export PORT="${PORT:-4000}"
say "starting jxc at http://localhost:$PORT (Ctrl-C stops it)"
exec node packages/server/dist/main.js
