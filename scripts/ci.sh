#!/usr/bin/env bash
# Everything the tests need on a fresh machine, then every test: Debian's chromium when it is
# missing (never a browser download), the npm packages from the lock file, then `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the end-to-end tests..."
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# LibreOffice (Writer, without its GUI) for the end-to-end check that the .docx converts to PDF.
# --no-install-recommends keeps it to about 50 packages; about 17 s on this kind of machine.
if [ ! -x /usr/bin/soffice ]; then
  echo "Installing Debian's LibreOffice Writer (headless) for the .docx check..."
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
fi

# openssl makes the self-signed certificate the Outlook simulator and pane are served with (office.js
# accepts a host only over https).
if ! command -v openssl >/dev/null; then
  echo "Installing Debian's openssl for the Outlook simulator's https..."
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openssl >/dev/null
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund
npm test
