#!/usr/bin/env bash
# Installs every build, run and test dependency of Postwarden from Debian 12's packages.
# Idempotent: packages already present are left as they are. Nothing is fetched from elsewhere.
set -euo pipefail

APT_OPTS=(-o DPkg::Lock::Timeout=600 -y --no-install-recommends)

# Build: compiler, CMake, Qt 6.4, the C libraries behind shared/crypto and shared/dns.
BUILD_PKGS=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite libgl-dev
  libldns-dev libssl-dev libsqlite3-dev libargon2-dev
)
# Run: fonts so that the app renders text on the offscreen platform, Qt's own translations (the
# wizard's Back/Next, standard dialogs), the Public Suffix List.
RUN_PKGS=(fonts-dejavu-core qt6-translations-l10n publicsuffix ca-certificates)
# Test: loopback DNS servers, independent DKIM verifier, real SMTP/IMAP peers and clients
# (isync's mbsync, fetchmail, mutt, curl), fuzzing, and the benchmarks (postfix brings
# smtp-source/smtp-sink and the Postfix peer of the SMTP benchmark; dovecot-imapd the Dovecot
# peer of the IMAP benchmark and of the IMAP suites' reference runs).
TEST_PKGS=(
  dnsmasq-base python3 python3-dnslib python3-dkim python3-yaml swaks libnet-ssleay-perl libio-socket-ssl-perl
  clang libclang-rt-14-dev llvm iproute2 procps postfix
  isync fetchmail mutt curl openssl dovecot-imapd
)

want=("${BUILD_PKGS[@]}" "${RUN_PKGS[@]}" "${TEST_PKGS[@]}")
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#want[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
# The benchmark runs its own Postfix from a private config directory; the system one must stay
# unconfigured and stopped, so it never listens on port 25 or takes over local mail.
if printf '%s\n' "${missing[@]}" | grep -qx postfix; then
  echo 'postfix postfix/main_mailer_type select No configuration' | $SUDO debconf-set-selections
fi
$SUDO apt-get -o DPkg::Lock::Timeout=600 update
$SUDO apt-get "${APT_OPTS[@]}" install "${missing[@]}"
# Tests and benchmarks run their own Dovecot from a private config on free loopback ports and
# never use the system one; the package starts it on 143/993 where an init system runs, so a
# Dovecot installed here is stopped and kept from starting again.
if printf '%s\n' "${missing[@]}" | grep -qx dovecot-imapd; then
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    $SUDO systemctl disable --now dovecot.socket dovecot.service >/dev/null 2>&1 || true
  elif command -v update-rc.d >/dev/null 2>&1; then
    $SUDO invoke-rc.d dovecot stop >/dev/null 2>&1 || true
    $SUDO update-rc.d dovecot disable >/dev/null 2>&1 || true
  fi
fi
echo "install-deps: installed ${missing[*]}"
