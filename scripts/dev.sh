#!/usr/bin/env bash
# Development: the API with reload on :4000 (demo data in data/dev.sqlite) and Vite on :5173.
source "$(dirname "$0")/lib.sh"
ensure_deps
cd "$ROOT"
export JXC_MODE=demo JXC_INTROSPECTION=1
export JXC_DATABASE_URL="${JXC_DATABASE_URL:-sqlite:$ROOT/data/dev.sqlite}"
(cd packages/server && node --watch -r @swc-node/register src/main.ts) &
server=$!
trap 'kill $server 2>/dev/null' EXIT
say "console with hot reload at http://localhost:5173 (API at :4000)"
pnpm --filter @jxc/console dev
