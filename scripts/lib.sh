# Shared helpers for the scripts: install what a fresh machine lacks, loudly.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION=10.34.8

say() { printf '\033[1;34m[jxc]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[jxc] %s\033[0m\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi; }

apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* by hand"
  if [ -z "${JXC_APT_UPDATED:-}" ]; then as_root apt-get update -qq || true; export JXC_APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_node() {
  command -v node >/dev/null || die "Node.js 20 or newer is required (https://nodejs.org)."
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is required; this is $(node -v)."
}

ensure_pnpm() {
  ensure_node
  if ! command -v pnpm >/dev/null || [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" != "10" ]; then
    say "installing pnpm $PNPM_VERSION"
    npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || as_root npm install -g "pnpm@$PNPM_VERSION" >/dev/null
  fi
}

ensure_deps() {
  ensure_pnpm
  cd "$ROOT"
  say "installing dependencies (pnpm install)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 pnpm install --frozen-lockfile --reporter=silent
}

ensure_chromium() {
  if ! [ -x /usr/bin/chromium ]; then
    say "installing Debian's chromium for the browser tests"
    apt_install chromium
  fi
  [ -x /usr/bin/chromium ] || die "chromium is missing and could not be installed"
  # Chinese glyphs for the console in the browser (screenshots, and text widths the layout checks measure)
  if [ -z "$(fc-list :lang=zh 2>/dev/null | head -1)" ]; then
    say "installing Debian's fonts-noto-cjk so that the console's Chinese renders in Chromium"
    apt_install fonts-noto-cjk
  fi
  [ -n "$(fc-list :lang=zh 2>/dev/null | head -1)" ] || die "no Chinese font and fonts-noto-cjk could not be installed"
}

ensure_faketime() {
  if ! command -v faketime >/dev/null; then
    say "installing Debian's faketime for the other-date test run"
    apt_install faketime
  fi
  command -v faketime >/dev/null || die "faketime is missing and could not be installed"
}

mariadb_up() { node -e "
  const m=require('$ROOT/packages/server/node_modules/mysql2/promise');
  m.createConnection({host:'127.0.0.1',port:3306,user:'root',password:'',connectTimeout:3000}).then(c=>c.end().then(()=>process.exit(0))).catch(e=>{console.error(e.code||e.message);process.exit(e.errno===1698||e.errno===1045?3:1)})" 2>/dev/null; }

# MariaDB on 127.0.0.1:3306 with root and an empty password, started or installed if need be.
ensure_mariadb() {
  local rc=0
  mariadb_up || rc=$?
  [ $rc = 0 ] && return 0
  if [ $rc = 1 ]; then
    if ! [ -x /usr/sbin/mariadbd ]; then say "installing mariadb-server"; apt_install mariadb-server mariadb-client; fi
    say "starting MariaDB"
    as_root mkdir -p /run/mysqld && as_root chown mysql:mysql /run/mysqld
    as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    for _ in $(seq 1 30); do rc=0; mariadb_up || rc=$?; [ $rc = 1 ] || break; sleep 1; done
  fi
  if [ $rc = 3 ]; then
    say "letting root in over TCP with an empty password (test machine only)"
    as_root mariadb -uroot -e "ALTER USER root@localhost IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD(''); FLUSH PRIVILEGES;" || true
    rc=0; mariadb_up || rc=$?
  fi
  [ $rc = 0 ] || die "MariaDB is not reachable on 127.0.0.1:3306 as root with an empty password. Start it, or run with JXC_SKIP_MARIADB=1 to skip the MariaDB suite (it will say so)."
}

# Redis at 127.0.0.1:6379 for the several-processes test (live updates between API processes)
redis_up() {
  timeout 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/6379 && printf "PING\r\n" >&3 && read -r -t 2 line <&3 && [[ "$line" == +PONG* ]]' 2>/dev/null
}
ensure_redis() {
  redis_up && return 0
  if ! command -v redis-server >/dev/null; then say "installing Debian's redis-server"; apt_install redis-server redis-tools; fi
  command -v redis-server >/dev/null || die "redis-server is missing and could not be installed"
  say "starting Redis"
  redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no >/dev/null
  for _ in $(seq 1 20); do redis_up && return 0; sleep 0.5; done
  die "Redis does not answer on 127.0.0.1:6379. Start it, or run with JXC_SKIP_MARIADB=1 to skip the MariaDB suite (it will say so)."
}
