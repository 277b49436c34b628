#!/usr/bin/env bash
# Debian packages the tests need: Chromium (task pane and web page in a real browser) and
# Firefox ESR (the web page in the browser of most 信创 desktops, test/browser/firefox.test.ts), with a CJK font so
# Chinese renders in screenshots (and Liberation for Latin text), xmllint for the manifest, LibreOffice + poppler to open the
# scored copy like a user would. Idempotent; skipped where everything is already present.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need+=(fonts-wqy-zenhei)
[ -d /usr/share/fonts/truetype/liberation ] || need+=(fonts-liberation)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
