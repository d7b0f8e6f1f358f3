# shellcheck shell=bash
# Shared helpers for the scripts in scripts/. Source it; it defines functions only.

# log MESSAGE...: a timestamped line on stderr.
log() {
  printf '[%s] %s\n' "$(date '+%H:%M:%S')" "$*" >&2
}

# die MESSAGE...: log an error and exit 1.
die() {
  log "ERROR: $*"
  exit 1
}

_STEP_NAME=""
_STEP_START=0

# step TITLE: a readable, timestamped header for a CI log; also reports how long
# the previous step took.
step() {
  local now
  now=$(date +%s)
  if [ -n "$_STEP_NAME" ]; then
    printf '[%s] ---- %s: done in %ss\n' "$(date '+%H:%M:%S')" "$_STEP_NAME" "$((now - _STEP_START))"
  fi
  _STEP_NAME="$1"
  _STEP_START=$now
  printf '\n[%s] ==== %s\n' "$(date '+%Y-%m-%d %H:%M:%S')" "$1"
}

# port_is_free PORT: true when nothing accepts connections on 127.0.0.1:PORT.
port_is_free() {
  local rc=0
  # A refused connection exits 1; a connection (0) or a hang (124) means taken.
  # shellcheck disable=SC2016 # $1 is the inner bash's argument
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null || rc=$?
  [ "$rc" -eq 1 ]
}

# pick_free_port LOW HIGH: print a random free loopback port in [LOW, HIGH].
pick_free_port() {
  local low="$1" high="$2" port i
  for ((i = 0; i < 200; i++)); do
    port=$((low + (RANDOM * 32768 + RANDOM) % (high - low + 1)))
    if port_is_free "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  log "no free port found in $low-$high"
  return 1
}

_APT_UPDATED=0

# apt_install PACKAGE...: install Debian packages non-interactively (root only).
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    die "need root to install $* (run: apt-get install -y $*)"
  fi
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install $* by hand"
  log "installing $* with apt-get"
  if [ "$_APT_UPDATED" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || die "apt-get update failed"
    _APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 || die "apt-get install $* failed"
}

# tail_file FILE [LINES]: print the end of a log file, framed, on stderr.
tail_file() {
  local file="$1" lines="${2:-40}"
  if [ -f "$file" ]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2 || true
    printf -- '----- end of %s -----\n' "$file" >&2
  else
    log "(no log file $file)"
  fi
}
