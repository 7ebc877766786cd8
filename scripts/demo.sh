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
if [ "${JXC_DEMO_RESET:-}" = 1 ]; then rm -f "$ROOT/data/demo.sqlite"* "$ROOT/data/tpl-sim.json"; fi
export JXC_MODE=demo
export JXC_DATABASE_URL="${JXC_DATABASE_URL:-sqlite:$ROOT/data/demo.sqlite}"
export PORT="${PORT:-4000}"
# two simulated online platforms to connect a store to (网店 → 接入店铺) and a simulated 3PL operating
# CN3P (库存 › 第三方仓储; seeded with the demo, its state kept in data/tpl-sim.json); JXC_DEMO_SIMULATORS=0: none
SIM_PIDS=()
if [ "${JXC_DEMO_SIMULATORS:-1}" != 0 ]; then
  SIMSHOP_PORT="${SIMSHOP_PORT:-4010}" PAGEMALL_PORT="${PAGEMALL_PORT:-4011}" TPL_PORT="${TPL_PORT:-4012}"
  mkdir -p "$ROOT/data"
  SIM_PORT="$SIMSHOP_PORT" SIM_ORDERS=20 SIM_SKUS=A001-01,A001-02,A001-03 SIM_APP_KEY=demo-key SIM_APP_SECRET=demo-secret \
    node packages/server/dist/simulators/platform-sim.js >/dev/null &
  SIM_PIDS+=($!)
  SIM_PORT="$PAGEMALL_PORT" SIM_ORDERS=30 SIM_SKUS=A001-04,A001-05 SIM_CLIENT_ID=demo-client SIM_CLIENT_SECRET=demo-secret \
    node packages/server/dist/simulators/pagemall-sim.js >/dev/null &
  SIM_PIDS+=($!)
  TPL_PORT="$TPL_PORT" TPL_KEY=demo-3pl TPL_SECRET=demo-3pl-secret TPL_STATE="$ROOT/data/tpl-sim.json" \
    TPL_TODAY="$(TZ=Asia/Shanghai date +%F)" TPL_SEED=7 node packages/server/dist/simulators/tpl-sim.js >"$ROOT/data/tpl-sim.log" &
  SIM_PIDS+=($!)
  trap 'kill "${SIM_PIDS[@]}" 2>/dev/null' EXIT
  # the demo's seed calls the 3PL simulator: wait until it listens
  for _ in $(seq 50); do grep -q listening "$ROOT/data/tpl-sim.log" 2>/dev/null && break; sleep 0.2; done
  export JXC_SIMULATORS="simshop http://127.0.0.1:$SIMSHOP_PORT demo-key demo-secret;pagemall http://127.0.0.1:$PAGEMALL_PORT demo-client demo-secret;tpl http://127.0.0.1:$TPL_PORT demo-3pl demo-3pl-secret"
  # the demo's 3PL requests go and its confirmations come in every 10 s
  export JXC_TPL_INTERVAL_MS="${JXC_TPL_INTERVAL_MS:-10000}"
  say "SimShop simulator at http://127.0.0.1:$SIMSHOP_PORT (app key demo-key, secret demo-secret)"
  say "PageMall simulator at http://127.0.0.1:$PAGEMALL_PORT (client id demo-client, secret demo-secret)"
  say "3PL simulator at http://127.0.0.1:$TPL_PORT (client key demo-3pl, secret demo-3pl-secret), operating CN3P"
fi
say "starting jxc at http://localhost:$PORT (Ctrl-C stops it)"
node packages/server/dist/main.js
