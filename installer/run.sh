#!/usr/bin/env bash
# README command 1: install the dependencies, build, start the mail service on safe local
# defaults (loopback, unprivileged ports, data in ~/.local/share/postwarden) and open the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/build.sh default

bin="$PWD/build/bin"
data_dir="${POSTWARDEN_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/postwarden}"
if "$bin/postwardenctl" --data-dir "$data_dir" status >/dev/null 2>&1; then
  echo "postwardend is already running on $data_dir"
else
  "$bin/postwardend" --data-dir "$data_dir"
fi
"$bin/postwardenctl" --data-dir "$data_dir" status

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$bin/postwarden" --data-dir "$data_dir"
fi
cat <<MSG

No graphical display here, so the app was not opened. The service runs in the background:
  $bin/postwardenctl --data-dir "$data_dir" logs --follow
  $bin/postwarden --data-dir "$data_dir"      # from a desktop session
  $bin/postwardenctl --data-dir "$data_dir" shutdown
MSG
