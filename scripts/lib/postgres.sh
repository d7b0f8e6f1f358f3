# shellcheck shell=bash
# Throwaway PostgreSQL clusters for tests. Source it (after common.sh).
#
#   postgres_ensure_installed
#   postgres_start PORT DATA_DIR     (cluster in DATA_DIR/pgdata, socket in DATA_DIR/sock)
#   postgres_stop DATA_DIR
#
# The cluster listens on 127.0.0.1:PORT only; the superuser is postgres with
# password postgres, and trust authentication (test data only). Tuned for
# tests: fsync off, max_connections 300. As root, initdb and pg_ctl run as the
# postgres user, which is given DATA_DIR. Starting again on the same DATA_DIR
# reuses the cluster.

POSTGRES_BIN=""
POSTGRES_START_TIMEOUT="${POSTGRES_START_TIMEOUT:-60}"

_postgres_find_bin() {
  local initdb dir
  if initdb=$(command -v initdb 2>/dev/null); then
    dir=$(dirname "$(readlink -f "$initdb")")
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      POSTGRES_BIN="$dir"
      return 0
    fi
  fi
  # Debian keeps the server binaries off PATH, one folder per major version.
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    POSTGRES_BIN="$dir"
    return 0
  fi
  return 1
}

# postgres_ensure_installed: find initdb/pg_ctl, apt-get installing PostgreSQL when missing.
postgres_ensure_installed() {
  if ! _postgres_find_bin; then
    apt_install postgresql
    # Where invoke-rc.d may start services, the package starts its "main"
    # cluster on 5432; we only want private clusters.
    if [ -x /etc/init.d/postgresql ] && ls /var/run/postgresql/*.pid >/dev/null 2>&1; then
      timeout 60 /etc/init.d/postgresql stop >/dev/null 2>&1 || true
    fi
    _postgres_find_bin || die "initdb still not found after installing postgresql"
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres ||
      die "could not create the postgres user"
  fi
}

# _postgres_as_owner CMD...: run as the postgres user when we are root.
_postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# postgres_start PORT DATA_DIR
postgres_start() {
  local port="$1" dir="$2" pgdata deadline
  [ -n "$POSTGRES_BIN" ] || postgres_ensure_installed
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  pgdata="$dir/pgdata"
  mkdir -p "$dir/sock"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir" "$dir/sock"
    chmod 755 "$dir"
    runuser -u postgres -- test -w "$dir/sock" ||
      die "postgres_start: the postgres user cannot reach $dir (make its parent folders traversable, e.g. chmod 755)"
  fi

  if [ -f "$pgdata/postmaster.pid" ] &&
    _postgres_as_owner "$POSTGRES_BIN/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    log "PostgreSQL in $pgdata is already running; reusing it"
    return 0
  fi
  port_is_free "$port" || die "postgres_start: port $port on 127.0.0.1 is already in use"

  if [ ! -f "$pgdata/PG_VERSION" ]; then
    log "initdb $pgdata"
    printf 'postgres\n' >"$dir/pwfile"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$dir/pwfile"
    _postgres_as_owner "$POSTGRES_BIN/initdb" -D "$pgdata" -U postgres --pwfile="$dir/pwfile" \
      --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
      tail_file "$dir/initdb.log"
      die "initdb failed in $pgdata"
    }
    rm -f "$dir/pwfile"
  fi

  log "starting PostgreSQL on 127.0.0.1:$port (data $pgdata)"
  _postgres_as_owner "$POSTGRES_BIN/pg_ctl" -D "$pgdata" -l "$dir/postgres.log" -w -t "$POSTGRES_START_TIMEOUT" \
    -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >"$dir/pg_ctl.log" 2>&1 || {
    tail_file "$dir/pg_ctl.log" 20
    tail_file "$dir/postgres.log"
    die "PostgreSQL did not start on port $port"
  }
  deadline=$((SECONDS + POSTGRES_START_TIMEOUT))
  until "$POSTGRES_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail_file "$dir/postgres.log"
      postgres_stop "$dir" || true
      die "PostgreSQL on port $port is not ready after ${POSTGRES_START_TIMEOUT}s"
    fi
    sleep 0.5
  done
  log "PostgreSQL is up on 127.0.0.1:$port"
}

# postgres_stop DATA_DIR
postgres_stop() {
  local dir="$1" pgdata
  pgdata="$dir/pgdata"
  [ -f "$pgdata/postmaster.pid" ] || return 0
  [ -n "$POSTGRES_BIN" ] || _postgres_find_bin || return 1
  log "stopping PostgreSQL in $pgdata"
  _postgres_as_owner "$POSTGRES_BIN/pg_ctl" -D "$pgdata" -m fast -w -t 30 stop >/dev/null 2>&1 ||
    _postgres_as_owner "$POSTGRES_BIN/pg_ctl" -D "$pgdata" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
    { log "could not stop PostgreSQL in $pgdata"; return 1; }
}
