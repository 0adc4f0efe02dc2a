#!/usr/bin/env bash
# IMAP benchmark: postwardend against a private Dovecot on the same mailbox. Prints figures;
# not a test.
#
#   tests/bench/imap_bench.sh
#
# 10,000 generated messages of about 4 KB (From, To, Subject, Date, Message-ID, varied words,
# one rare word in exactly 5 of them) go into one INBOX: into postwardend through SMTP from 8
# sessions at once, into Dovecot's Maildir as files an MDA would have written. Then the same
# raw-socket client (tests/bench/imap_bench.py) measures each server alone, each figure the
# median of 3 runs after a warm-up pass: connect+LOGIN+SELECT, UID FETCH 1:* (FLAGS),
# UID FETCH 1:* (BODY.PEEK[HEADER.FIELDS (FROM SUBJECT DATE)]) warm and cold (server stopped,
# sync, page cache dropped, server started, first fetch), UID FETCH 1:1000 BODY.PEEK[] in MB/s,
# UID SEARCH TEXT <rare word>, UID STORE 1:* +FLAGS (\Flagged), and the memory with 20 sessions
# logged in (postwardend's VmRSS; Dovecot's summed over its processes). It prints both figures,
# the advantage (> 1: postwardend better) and the targets next to them.
#
# Needs Debian's dovecot-imapd (installer/install-deps.sh installs it and leaves the system
# Dovecot stopped; this script never uses it), python3-dnslib, and root (or password-less sudo):
# Dovecot's master starts as root, and dropping the page cache needs root. The Dovecot peer runs
# from a config in the work directory (its own base_dir, passwd-file users, IMAP without TLS on a
# free loopback port) and is stopped at the end.
#
# Environment:
#   POSTWARDEN_BIN_DIR   postwardend and postwardenctl (default: <checkout>/build/bin)
#   BENCH_DIR            parent of the work directory (default: /var/tmp, on disk where /tmp may
#                        be tmpfs; a cold read from tmpfs is not cold)
#   BENCH_TARGETS        which servers to run (default: "dovecot postwarden")
#   BENCH_MESSAGES       messages in the mailbox (default: 10000)
#   BENCH_SIZE           average message size in bytes (default: 4096)
#   BENCH_REPEAT         timed runs per figure, the median is printed (default: 3)
#   BENCH_SESSIONS       IMAP sessions for the memory figure (default: 20)
#   BENCH_KEEP=1         keep the work directory (logs, both stores) for a look afterwards
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOURCE_DIR=$(cd "$SCRIPT_DIR/../.." && pwd)
BIN_DIR=${POSTWARDEN_BIN_DIR:-$SOURCE_DIR/build/bin}
TARGETS=${BENCH_TARGETS:-dovecot postwarden}
PYTHON=/usr/bin/python3 # Debian's, where python3-dnslib lives
DOVECOT=/usr/sbin/dovecot

die() {
  echo "imap_bench: $*" >&2
  exit 1
}
note() { echo "imap_bench: $*" >&2; }

[ -x "$PYTHON" ] || die "$PYTHON is missing: install python3"
case " $TARGETS " in
  *" dovecot "*)
    [ -x "$DOVECOT" ] || die "$DOVECOT is missing: install Debian's dovecot-imapd (installer/install-deps.sh)"
    [ -x /usr/lib/dovecot/imap ] || die "Dovecot's IMAP server is missing: install dovecot-imapd (installer/install-deps.sh)"
    ;;
esac
case " $TARGETS " in
  *" postwarden "*)
    [ -x "$BIN_DIR/postwardend" ] || die "$BIN_DIR/postwardend is missing: build it (cmake --build build --target postwardend postwardenctl) or set POSTWARDEN_BIN_DIR"
    [ -x "$BIN_DIR/postwardenctl" ] || die "$BIN_DIR/postwardenctl is missing: build it or set POSTWARDEN_BIN_DIR"
    "$PYTHON" -I -c 'import dnslib' 2>/dev/null || die "python3-dnslib is missing: installer/install-deps.sh"
    ;;
esac

# Dovecot's master and the page cache drop need root: run the driver as root.
if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=()
elif sudo -n true 2>/dev/null; then
  AS_ROOT=(sudo -n)
else
  die "needs root (Dovecot's master starts as root; the cold figure drops the page cache): run as root or with password-less sudo"
fi

WORK=$(mktemp -d "${BENCH_DIR:-/var/tmp}/postwarden-imapbench.XXXXXX")
# Dovecot's mail processes run as nobody and must reach the Maildir below.
chmod 0711 "$WORK"
[ -n "${AS_ROOT[*]}" ] && "${AS_ROOT[@]}" chown root: "$WORK"

cleanup() {
  local status=$?
  set +e
  # The driver stops its servers itself; this is for a driver that was killed. Every pid it
  # started is in $WORK/pids, and only those are signalled.
  # A pid counts only while its command line still names the work directory.
  if [ -f "$WORK/pids" ]; then
    local signal pid
    for signal in TERM KILL; do
      while read -r pid; do
        [ -n "$pid" ] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF "$WORK" &&
          "${AS_ROOT[@]}" kill -s "$signal" "$pid" 2>/dev/null
      done <"$WORK/pids"
      [ "$signal" = TERM ] && sleep 1
    done
  fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    note "work directory kept: $WORK"
  else
    "${AS_ROOT[@]}" rm -rf "$WORK"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"${AS_ROOT[@]}" "$PYTHON" -I "$SCRIPT_DIR/imap_bench.py" \
  --work "$WORK" --bin-dir "$BIN_DIR" --source-dir "$SOURCE_DIR" --dovecot "$DOVECOT" \
  --targets "$TARGETS" --messages "${BENCH_MESSAGES:-10000}" --size "${BENCH_SIZE:-4096}" \
  --repeat "${BENCH_REPEAT:-3}" --rss-sessions "${BENCH_SESSIONS:-20}"
