#!/usr/bin/env bash
# SMTP benchmark: postwardend against a private Postfix that stores into a Maildir on the same
# disk, with Postfix's smtp-sink (no storage at all) for reference. Prints figures; not a test.
#
#   tests/bench/smtp_bench.sh
#
# For each of 1, 10 and 50 parallel sessions, smtp-source sends 5,000 messages of 4 KB over
# 127.0.0.1 to (a) smtp-sink, (b) Postfix, (c) postwardend, and the script prints messages/s
# as smtp-source sees them (its wall time), the time from its start until the last message is
# stored (Postfix: files in the Maildir's new/; postwardend: rows in messages), the ratio
# postwardend/Postfix, and postwardend's RSS idle and at its peak under load.
#
# Needs Debian's postfix package (smtp-source, smtp-sink, postfix; installer/install-deps.sh
# installs it without configuring a system MTA), python3 with python3-dnslib, and root (or
# password-less sudo): Postfix's master only starts as root. No system Postfix is touched:
# the peer runs from its own config_directory in the work directory and is removed at the end.
#
# Environment:
#   POSTWARDEN_BIN_DIR   postwardend and postwardenctl (default: <checkout>/build/bin)
#   BENCH_DIR            parent of the work directory (default: /var/tmp, which is on disk where
#                        /tmp may be tmpfs; fsync on tmpfs costs nothing and proves nothing)
#   BENCH_SESSIONS       session counts (default: "1 10 50")
#   BENCH_MESSAGES       messages per run (default: 5000)
#   BENCH_SIZE           payload bytes per message (default: 4096)
#   BENCH_TARGETS        which peers to run, in order (default: "sink postwarden postfix")
#   BENCH_KEEP=1         keep the work directory (logs, stores) for a look afterwards
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOURCE_DIR=$(cd "$SCRIPT_DIR/../.." && pwd)
BIN_DIR=${POSTWARDEN_BIN_DIR:-$SOURCE_DIR/build/bin}
SESSIONS=${BENCH_SESSIONS:-1 10 50}
MESSAGES=${BENCH_MESSAGES:-5000}
SIZE=${BENCH_SIZE:-4096}
# postwardend runs before Postfix: Postfix deletes each queue file once delivered, and on ext4
# (certainly without a journal, as measured here) inodes freed in the last minutes make the next
# allocations scan past them (perf shows ext4's recently_deleted()), so whichever peer runs right
# after Postfix pays for Postfix's deletions. postwardend deletes nothing, so Postfix runs unharmed.
TARGETS=${BENCH_TARGETS:-sink postwarden postfix}
PYTHON=/usr/bin/python3 # Debian's, where python3-dnslib lives
SMTP_SOURCE=/usr/sbin/smtp-source
SMTP_SINK=/usr/sbin/smtp-sink
POSTFIX=/usr/sbin/postfix

DOMAIN=example.test
RECIPIENT=bench@$DOMAIN
SENDER=bench@sender.test # not below one of the receiving domains, so no own-domain policy applies
HELO=client.sender.test
RUN_TIMEOUT=600 # seconds one smtp-source run and its storing may take
START_TIMEOUT=30 # seconds a server may take to accept its first connection

die() {
  echo "smtp_bench: $*" >&2
  exit 1
}
note() { echo "smtp_bench: $*" >&2; }

require() {
  [ -x "$1" ] || die "$1 is missing ($2)"
}

require "$SMTP_SOURCE" "install Debian's postfix package: installer/install-deps.sh"
require "$SMTP_SINK" "install Debian's postfix package: installer/install-deps.sh"
require "$PYTHON" "install python3"
case " $TARGETS " in *" postfix "*) require "$POSTFIX" "install Debian's postfix package: installer/install-deps.sh" ;; esac
case " $TARGETS " in
  *" postwarden "*)
    require "$BIN_DIR/postwardend" "build it (cmake --build build --target postwardend) or set POSTWARDEN_BIN_DIR"
    require "$BIN_DIR/postwardenctl" "build it (cmake --build build --target postwardenctl) or set POSTWARDEN_BIN_DIR"
    "$PYTHON" -I -c 'import dnslib' 2>/dev/null || die "python3-dnslib is missing: installer/install-deps.sh"
    ;;
esac

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=()
elif sudo -n true 2>/dev/null; then
  AS_ROOT=(sudo -n)
else
  case " $TARGETS " in
    *" postfix "*) die "the Postfix peer needs root (its master refuses to start otherwise): run as root or with password-less sudo, or set BENCH_TARGETS=\"sink postwarden\"" ;;
  esac
  AS_ROOT=()
fi

WORK=$(mktemp -d "${BENCH_DIR:-/var/tmp}/postwarden-bench.XXXXXX")
# Postfix's delivery agent runs as an unprivileged user and must reach the Maildir below.
chmod 0711 "$WORK"
PIDS=()
POSTFIX_CONF=

cleanup() {
  local status=$?
  set +e
  if [ -n "$POSTFIX_CONF" ]; then
    "${AS_ROOT[@]}" "$POSTFIX" -c "$POSTFIX_CONF" stop >/dev/null 2>&1
    # postfix stop returns before the master exits; wait for it, then make sure.
    local master
    master=$(cat "$WORK/postfix/queue/pid/master.pid" 2>/dev/null | tr -d ' ')
    if [ -n "$master" ]; then
      for _ in $(seq 1 100); do
        kill -0 "$master" 2>/dev/null || break
        sleep 0.1
      done
      kill -0 "$master" 2>/dev/null && "${AS_ROOT[@]}" "$POSTFIX" -c "$POSTFIX_CONF" abort >/dev/null 2>&1
    fi
  fi
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    note "work directory kept: $WORK"
  else
    "${AS_ROOT[@]}" rm -rf "$WORK"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  "$PYTHON" -I -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The measuring helper: runs smtp-source, samples a process's RSS and polls the store.
cat >"$WORK/measure.py" <<'PYTHON'
import argparse, os, sqlite3, subprocess, sys, time

p = argparse.ArgumentParser()
p.add_argument("--count", choices=["none", "maildir", "sqlite"], default="none")
p.add_argument("--store")
p.add_argument("--target", type=int, default=0)
p.add_argument("--rss-pid", type=int)
p.add_argument("--timeout", type=float, default=600)
p.add_argument("--banner", help="only wait for a 220 banner at host:port")
p.add_argument("command", nargs="*")
a = p.parse_args()

if a.banner:
    import socket
    host, port = a.banner.rsplit(":", 1)
    deadline = time.monotonic() + a.timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, int(port)), timeout=2) as s:
                s.settimeout(max(0.1, min(5, deadline - time.monotonic())))
                if s.recv(512).startswith(b"220"):
                    sys.exit(0)
        except OSError:
            pass
        time.sleep(0.1)
    sys.exit(1)

def stored():
    if a.count == "maildir":
        try:
            return sum(1 for e in os.scandir(a.store) if e.is_file())
        except FileNotFoundError:
            return 0
    if a.count == "sqlite":
        try:
            db = sqlite3.connect("file:%s?mode=ro" % a.store, uri=True, timeout=5)
            try:
                return db.execute("SELECT count(*) FROM messages").fetchone()[0]
            finally:
                db.close()
        except sqlite3.Error:
            return 0
    return a.target

def rss_kib():
    try:
        with open("/proc/%d/status" % a.rss_pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

peak = rss_kib() if a.rss_pid else 0
start = time.monotonic()
source = subprocess.Popen(a.command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
sent_at = stored_at = None
next_count = start
count = 0
# RSS every 50 ms; the store every 200 ms while smtp-source runs (reading it costs the servers
# CPU), then every 20 ms until the last message is there.
while True:
    now = time.monotonic()
    if now - start > a.timeout:
        source.kill()
        print("error: timed out after %d s with %d of %d messages stored" % (a.timeout, count, a.target))
        sys.exit(1)
    if a.rss_pid:
        peak = max(peak, rss_kib())
    if sent_at is None and source.poll() is not None:
        sent_at = time.monotonic()
        if source.returncode != 0:
            err = source.stderr.read().decode(errors="replace").strip().splitlines()
            print("error: smtp-source exited with %d: %s" % (source.returncode, " / ".join(err[-3:])))
            sys.exit(1)
    if stored_at is None and now >= next_count:
        count = stored()
        if count >= a.target:
            stored_at = time.monotonic()
        next_count = now + (0.2 if sent_at is None else 0.02)
    if sent_at is not None and stored_at is not None:
        break
    time.sleep(0.05 if sent_at is None else 0.02)

print("%.3f %.3f %d" % (sent_at - start, stored_at - start, peak))
PYTHON

# One smtp-source run; prints "seconds_sent seconds_stored peak_rss_kib".
run_source() { # port sessions count-kind store target rss-pid
  local port=$1 sessions=$2 kind=$3 store=$4 target=$5 pid=${6:-}
  "$PYTHON" -I "$WORK/measure.py" --count "$kind" --store "$store" --target "$target" \
    ${pid:+--rss-pid "$pid"} --timeout "$RUN_TIMEOUT" -- \
    "$SMTP_SOURCE" -s "$sessions" -m "$MESSAGES" -l "$SIZE" -f "$SENDER" -t "$RECIPIENT" -M "$HELO" \
    "127.0.0.1:$port"
}

wait_banner() { # port seconds
  "$PYTHON" -I "$WORK/measure.py" --banner "127.0.0.1:$1" --timeout "$2"
}

rate() { awk -v n="$MESSAGES" -v t="$1" 'BEGIN { printf "%.0f", n / t }'; }

declare -A RESULT

# --- smtp-sink: the ceiling of smtp-source and the loopback ----------------------------------
bench_sink() {
  local port
  port=$(free_port)
  local user=()
  [ "$(id -u)" -eq 0 ] && user=(-u nobody) # smtp-sink refuses to keep root privileges
  "$SMTP_SINK" "${user[@]}" "127.0.0.1:$port" 1024 >"$WORK/smtp-sink.log" 2>&1 &
  PIDS+=($!)
  wait_banner "$port" "$START_TIMEOUT" || { note "smtp-sink did not accept the connection on 127.0.0.1:$port $(tail -2 "$WORK/smtp-sink.log" | tr "\n" " ")"; return 1; }
  for s in $SESSIONS; do
    local out
    out=$(run_source "$port" "$s" none "" "$MESSAGES") || { note "smtp-sink, $s sessions: $out"; return 1; }
    read -r sent _ _ <<<"$out"
    RESULT[sink,$s]=$(rate "$sent")
    note "smtp-sink, $s sessions: ${RESULT[sink,$s]} msg/s"
  done
}

# --- Postfix from a private config_directory -------------------------------------------------
bench_postfix() {
  local port dir=$WORK/postfix
  port=$(free_port)
  POSTFIX_CONF=$dir/etc
  mkdir -p "$dir/etc" "$dir/queue" "$dir/data" "$WORK/maildir"
  chmod 0755 "$dir" "$dir/etc" "$dir/queue"
  "${AS_ROOT[@]}" chown root:root "$dir" "$dir/etc" "$dir/queue"
  "${AS_ROOT[@]}" chown postfix "$dir/data"
  "${AS_ROOT[@]}" chown nobody:nogroup "$WORK/maildir"
  local uid gid
  uid=$(id -u nobody)
  gid=$(getent group nogroup | cut -d: -f3)
  cat >"$dir/etc/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
maillog_file = $dir/maillog
inet_interfaces = loopback-only
inet_protocols = ipv4
myhostname = postfix.example.test
mydestination =
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
smtpd_banner = \$myhostname ESMTP
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_client_connection_count_limit = 0
smtpd_client_connection_rate_limit = 0
virtual_mailbox_domains = $DOMAIN
virtual_mailbox_base = $WORK/maildir
virtual_mailbox_maps = inline:{$RECIPIENT=$DOMAIN/bench/}
virtual_uid_maps = static:$uid
virtual_gid_maps = static:$gid
default_process_limit = 200
biff = no
EOF
  # Every service unchrooted, smtpd only on the loopback port of this run.
  cat >"$dir/etc/master.cf" <<EOF
127.0.0.1:$port inet n - n - - smtpd
pickup    unix  n - n 60   1 pickup
cleanup   unix  n - n -    0 cleanup
qmgr      unix  n - n 300  1 qmgr
rewrite   unix  - - n -    - trivial-rewrite
bounce    unix  - - n -    0 bounce
defer     unix  - - n -    0 bounce
trace     unix  - - n -    0 bounce
verify    unix  - - n -    1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n -    - proxymap
smtp      unix  - - n -    - smtp
relay     unix  - - n -    - smtp
showq     unix  n - n -    - showq
error     unix  - - n -    - error
retry     unix  - - n -    - error
discard   unix  - - n -    - discard
local     unix  - n n -    - local
virtual   unix  - n n -    - virtual
lmtp      unix  - - n -    - lmtp
anvil     unix  - - n -    1 anvil
scache    unix  - - n -    1 scache
postlog   unix-dgram n - n - 1 postlogd
EOF
  "${AS_ROOT[@]}" "$POSTFIX" -c "$POSTFIX_CONF" start >"$dir/start.log" 2>&1 || { note "Postfix did not start: $(tail -3 "$dir/start.log" | tr '\n' ' ')"; return 1; }
  wait_banner "$port" "$START_TIMEOUT" || { note "Postfix did not accept the connection on 127.0.0.1:$port $(tail -2 "$dir/maillog" 2>/dev/null | tr "\n" " ")"; return 1; }
  local new=$WORK/maildir/$DOMAIN/bench/new
  local before=0
  for s in $SESSIONS; do
    local out
    out=$(run_source "$port" "$s" maildir "$new" $((before + MESSAGES))) || { note "Postfix, $s sessions: $out"; return 1; }
    read -r sent stored _ <<<"$out"
    RESULT[postfix,$s]=$(rate "$sent")
    RESULT[postfix_stored,$s]=$stored
    before=$((before + MESSAGES))
    note "Postfix, $s sessions: ${RESULT[postfix,$s]} msg/s, all stored after ${stored} s"
  done
}

# --- postwardend -----------------------------------------------------------------------------
bench_postwarden() {
  local port data=$WORK/postwarden
  port=$(free_port)
  mkdir -p "$data"
  # SPF at MAIL FROM and HELO asks DNS: a loopback server answers at once, so the figures are
  # the service's and not the network's.
  cat >"$WORK/zone" <<EOF
sender.test. TXT "v=spf1 ip4:127.0.0.1 -all"
$HELO. TXT "v=spf1 ip4:127.0.0.1 -all"
$HELO. A 127.0.0.1
EOF
  # It serves until its stdin, the coprocess pipe this shell holds, closes.
  coproc DNS { exec "$PYTHON" -I "$SOURCE_DIR/tests/support/dnsserver.py" --zone "$WORK/zone"; }
  PIDS+=("$DNS_PID")
  local dns_port
  read -r -t "$START_TIMEOUT" dns_port <&"${DNS[0]}" || { note "the loopback DNS server did not start"; return 1; }
  cat >"$data/postwarden.conf" <<EOF
[service]
hostname = bench.example.test

[listen]
smtp = 127.0.0.1:$port
submission =
submissions =
imap =
imaps =

[smtp]
max_connections = 1000
max_connections_per_ip = 1000

[dns]
servers = 127.0.0.1:$dns_port
EOF
  "$BIN_DIR/postwardend" --data-dir "$data" --foreground >"$WORK/postwardend.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  local socket=$data/control.sock
  for _ in $(seq 1 $((START_TIMEOUT * 10))); do
    [ -S "$socket" ] && break
    kill -0 "$pid" 2>/dev/null || { note "postwardend exited at start: $(tail -3 "$WORK/postwardend.log" | tr '\n' ' ')"; return 1; }
    sleep 0.1
  done
  [ -S "$socket" ] || { note "postwardend did not open its control socket within $START_TIMEOUT s"; return 1; }
  wait_banner "$port" 10 || { note "postwardend did not accept the connection on 127.0.0.1:$port within 10 s (is its SMTP listener there yet?) $(tail -2 "$WORK/postwardend.log" | tr "\n" " ")"; return 1; }
  local ctl=("$BIN_DIR/postwardenctl" --socket "$socket")
  "${ctl[@]}" domain add "$DOMAIN" >"$WORK/ctl.log" 2>&1 || { note "postwardenctl domain add $DOMAIN failed: $(tail -1 "$WORK/ctl.log")"; return 1; }
  head -c 18 /dev/urandom | base64 | "${ctl[@]}" mailbox add "$RECIPIENT" >>"$WORK/ctl.log" 2>&1 || { note "postwardenctl mailbox add $RECIPIENT failed: $(tail -1 "$WORK/ctl.log")"; return 1; }
  sleep 1 # let the start settle before the idle figure
  RESULT[rss_idle]=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
  local before=0
  for s in $SESSIONS; do
    local out
    out=$(run_source "$port" "$s" sqlite "$data/postwarden.db" $((before + MESSAGES)) "$pid") || { note "postwardend, $s sessions: $out"; return 1; }
    read -r sent stored peak <<<"$out"
    RESULT[postwarden,$s]=$(rate "$sent")
    RESULT[postwarden_stored,$s]=$stored
    RESULT[rss_peak,$s]=$peak
    before=$((before + MESSAGES))
    note "postwardend, $s sessions: ${RESULT[postwarden,$s]} msg/s, all stored after ${stored} s, RSS peak $((peak / 1024)) MB"
  done
}

# A peer that fails leaves its columns empty; the others still run and print.
FAILED=()
for target in $TARGETS; do
  case $target in
    sink | postfix | postwarden) "bench_$target" || FAILED+=("$target") ;;
    *) die "unknown target $target (sink, postfix, postwarden)" ;;
  esac
done

mb() { [ -n "${1:-}" ] && awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }' || echo "-"; }
ratio() { [ -n "${1:-}" ] && [ -n "${2:-}" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || echo "-"; }

echo
echo "SMTP benchmark: $MESSAGES messages of $SIZE bytes per run over 127.0.0.1, $(nproc) cores"
printf '%-9s %10s %10s %13s %13s %12s %13s %12s\n' sessions smtp-sink postfix "postfix:all" postwardend "pw:all" "pw/postfix" "pw RSS peak"
printf '%-9s %10s %10s %13s %13s %12s %13s %12s\n' "" "msg/s" "msg/s" "stored (s)" "msg/s" "stored (s)" "" ""
for s in $SESSIONS; do
  printf '%-9s %10s %10s %13s %13s %12s %13s %12s\n' "$s" "${RESULT[sink,$s]:--}" "${RESULT[postfix,$s]:--}" \
    "${RESULT[postfix_stored,$s]:--}" "${RESULT[postwarden,$s]:--}" "${RESULT[postwarden_stored,$s]:--}" \
    "$(ratio "${RESULT[postwarden,$s]:-}" "${RESULT[postfix,$s]:-}")" "$(mb "${RESULT[rss_peak,$s]:-}")"
done
echo "postwardend RSS idle: $(mb "${RESULT[rss_idle]:-}")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ${#FAILED[@]} -gt 0 ]; then
  note "failed: ${FAILED[*]}"
  exit 1
fi
