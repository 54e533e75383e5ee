# Shared by run.sh and test.sh: install what is missing, and run a private PostgreSQL cluster.
# Sourced, not executed.

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi
}

# Installs the named Debian packages that are not installed yet.
ensure_debian_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get to install them"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; } \
    || die "could not install ${missing[*]}"
}

ensure_dotnet() {
  command -v dotnet >/dev/null || die "the .NET SDK 10 is needed (https://dot.net); 'dotnet' is not on PATH"
}

pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/initdb" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
  echo "$d"
}

# Runs a PostgreSQL binary as the cluster's owner: initdb refuses to run as root.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    # Nothing answers on it: free.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  die "no free port found"
}

# start_cluster DATA_DIR PORT: creates the cluster on first use, then starts it on 127.0.0.1:PORT.
# Extra arguments are passed to postgres as -c settings (e.g. fsync=off for throwaway clusters).
start_cluster() {
  local data=$1 port=$2; shift 2
  local bin; bin=$(pg_bindir)
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "no 'postgres' user: is the postgresql package installed?"
    chown postgres:postgres "$data"; chmod 700 "$data"
    chmod 755 "$(dirname "$data")"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    log "creating PostgreSQL cluster in $data"
    pg_as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null \
      || die "initdb failed"
  fi
  local opts="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data"
  for o in "$@"; do opts="$opts -c $o"; done
  pg_as_owner "$bin/pg_ctl" -D "$data" -o "$opts" -l "$data/server.log" -w -t 60 start >/dev/null \
    || { cat "$data/server.log" >&2 || true; die "PostgreSQL did not start (port $port busy?)"; }
}

stop_cluster() {
  local data=$1
  [ -f "$data/postmaster.pid" ] || return 0
  pg_as_owner "$(pg_bindir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

# The clamav-daemon package brings services of its own: freshclam (downloads the official databases, hundreds of MB,
# then polls every hour) and the system clamd (about 1 GB of RAM once they are there). Our clamd needs neither: stop
# and disable them if the package enabled or started them. Installing works without systemd (the services are then
# just not started), so this only acts on a host that runs systemd or has the init scripts running.
quiet_clamav_services() {
  local s
  if [ -d /run/systemd/system ]; then
    for s in clamav-freshclam.service clamav-freshclam-once.timer clamav-daemon.socket clamav-daemon.service; do
      if systemctl -q is-enabled "$s" 2>/dev/null || systemctl -q is-active "$s" 2>/dev/null; then
        as_root systemctl disable --now "$s" >/dev/null 2>&1 || true
      fi
    done
    return 0
  fi
  for s in clamav-freshclam clamav-daemon; do
    [ -x "/etc/init.d/$s" ] || continue
    if ls /etc/rc[2345].d/S[0-9][0-9]"$s" >/dev/null 2>&1; then
      as_root update-rc.d "$s" disable >/dev/null 2>&1 || true
    fi
  done
  for s in freshclam clamd; do
    if [ -f "/run/clamav/$s.pid" ] && kill -0 "$(cat "/run/clamav/$s.pid" 2>/dev/null)" 2>/dev/null; then
      as_root "/etc/init.d/clamav-${s/clamd/daemon}" stop >/dev/null 2>&1 || true
    fi
  done
}

# start_clamd DIR PORT: runs a private clamd on 127.0.0.1:PORT with its config, database, log and pid file in DIR.
# No official database (freshclam cannot download offline): a local one detects only the EICAR test string, also
# when it is embedded in a bigger file. Limits allow 30 MB uploads (StreamMaxLength 64M).
start_clamd() {
  local dir=$1 port=$2
  local clamd; clamd=$(command -v clamd || echo /usr/sbin/clamd)
  [ -x "$clamd" ] || die "clamd not found: is the clamav-daemon package installed?"
  quiet_clamav_services
  stop_clamd "$dir"
  mkdir -p "$dir/db" "$dir/tmp"
  rm -f "$dir/db"/*
  # Body signature on the distinctive half of the EICAR string, anywhere in any file type (clamd reports it as
  # Eicar-Test-Signature.UNOFFICIAL: signatures from non-official databases get that suffix).
  printf 'Eicar-Test-Signature:0:*:%s\n' \
    "$(printf '%s' 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*' | od -An -v -tx1 | tr -d ' \n')" > "$dir/db/eicar.ndb"
  # No User line: clamd stays the user that starts it (root included), so DIR needs no chown.
  cat > "$dir/clamd.conf" <<CONF
TCPSocket $port
TCPAddr 127.0.0.1
Foreground yes
PidFile $dir/clamd.pid
LogFile $dir/clamd.log
LogTime yes
DatabaseDirectory $dir/db
TemporaryDirectory $dir/tmp
SelfCheck 0
MaxThreads 8
StreamMaxLength 64M
MaxFileSize 64M
MaxScanSize 256M
CONF
  # In the foreground of a background job, so that a clamd that exits (port taken, bad config) fails at once.
  : > "$dir/clamd.log"
  "$clamd" -c "$dir/clamd.conf" </dev/null >>"$dir/clamd.log" 2>&1 &
  local pid=$!
  echo "$pid" > "$dir/clamd.pid"
  local deadline=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$deadline" ]; do
    [ "$(clamd_request "$port" PING 2>/dev/null)" = PONG ] && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$dir/clamd.log" >&2; rm -f "$dir/clamd.pid"; die "clamd exited (port $port busy?)"; }
    sleep 0.2
  done
  tail -n 20 "$dir/clamd.log" >&2
  stop_clamd "$dir"
  die "clamd did not answer PING on 127.0.0.1:$port within 60 s"
}

# clamd_request PORT COMMAND: sends one command (e.g. PING, VERSION) with the null-terminated protocol, prints the answer.
clamd_request() (
  exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
  printf 'z%s\0' "$2" >&3
  IFS= read -r -d '' -t 2 reply <&3 || exit 1
  printf '%s\n' "$reply"
)

stop_clamd() {
  local dir=$1 pid i
  [ -f "$dir/clamd.pid" ] || return 0
  pid=$(cat "$dir/clamd.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/clamd.pid"
}

# start_redis DIR PORT: a throwaway Redis (no persistence) on 127.0.0.1:PORT, for the tests of the shared limits.
start_redis() {
  local dir=$1 port=$2
  local server; server=$(command -v redis-server || echo /usr/bin/redis-server)
  [ -x "$server" ] || die "redis-server not found: is the redis-server package installed?"
  # The Debian package starts a system Redis on 6379; the tests use their own.
  systemctl disable --now redis-server >/dev/null 2>&1 || true
  stop_redis "$dir"
  mkdir -p "$dir"
  "$server" --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir" >/dev/null \
    || die "Redis did not start (port $port busy?)"
  for _ in $(seq 1 50); do
    [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ] && return 0
    sleep 0.1
  done
  cat "$dir/redis.log" >&2 || true
  die "Redis did not answer on port $port"
}

stop_redis() {
  local dir=$1
  [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
  rm -f "$dir/redis.pid"
}

# ensure_s3rver: the S3-compatible test server (npm s3rver, pinned in scripts/s3rver/package-lock.json), installed
# into scripts/s3rver/node_modules with npm ci when missing. Needs Node.js and npm (Debian's, when none is on PATH).
ensure_s3rver() {
  local here; here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  command -v node >/dev/null && command -v npm >/dev/null || ensure_debian_packages nodejs npm
  if [ ! -f "$here/s3rver/node_modules/s3rver/bin/s3rver.js" ]; then
    log "installing s3rver (npm ci)"
    (cd "$here/s3rver" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci for s3rver failed"
  fi
  S3RVER_BIN="$here/s3rver/node_modules/s3rver/bin/s3rver.js"
}

# start_s3rver DIR PORT: an S3-compatible server on 127.0.0.1:PORT keeping its objects under DIR/data.
# Its one account is S3RVER / S3RVER; buckets are made by whoever uses it.
start_s3rver() {
  local dir=$1 port=$2
  ensure_s3rver
  stop_s3rver "$dir"
  mkdir -p "$dir/data"
  # --openssl-legacy-provider: s3rver makes its continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider.
  node --openssl-legacy-provider "$S3RVER_BIN" -d "$dir/data" -a 127.0.0.1 -p "$port" --no-vhost-buckets --silent </dev/null >"$dir/s3rver.log" 2>&1 &
  echo $! > "$dir/s3rver.pid"
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$(cat "$dir/s3rver.pid")" 2>/dev/null || { cat "$dir/s3rver.log" >&2; die "s3rver exited (port $port busy?)"; }
    sleep 0.1
  done
  cat "$dir/s3rver.log" >&2
  die "s3rver did not answer on port $port"
}

stop_s3rver() {
  local dir=$1 pid
  [ -f "$dir/s3rver.pid" ] || return 0
  pid=$(cat "$dir/s3rver.pid" 2>/dev/null || true)
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -f "$dir/s3rver.pid"
}
