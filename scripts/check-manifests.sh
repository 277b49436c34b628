#!/usr/bin/env bash
# Validates both add-in manifests against Microsoft's XML schemas (../shared/office-manifest-xsd,
# beside the repository; the schemas are not copied into the project):
#   1. manifest.xml, the dev manifest (https://localhost:3000);
#   2. the manifest a production build writes (ADDIN_URL=https://… npm run build), built here
#      into a temporary directory so dist/ is left alone.
# Set CHECK_MANIFEST=path/to/dist/manifest.xml to check an already built one instead of building.
# Needs xmllint (scripts/install-system-deps.sh installs libxml2-utils).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
check="${OFFICE_MANIFEST_XSD:-$root/../shared/office-manifest-xsd}/check.sh"
if [ ! -f "$check" ]; then
  echo "check-manifests: $check not found (../shared/office-manifest-xsd must sit beside the repository)" >&2
  exit 2
fi

echo "== manifest.xml (dev)"
bash "$check" manifest.xml

prod="${CHECK_MANIFEST:-}"
if [ -z "$prod" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "== building the production manifest (ADDIN_URL=https://example.gov.cn/om) into $tmp"
  ADDIN_URL=https://example.gov.cn/om npx webpack --mode production --output-path "$tmp" >"$tmp/build.log" 2>&1 || {
    cat "$tmp/build.log" >&2
    exit 1
  }
  prod="$tmp/manifest.xml"
  if grep -q "localhost" "$prod"; then
    echo "check-manifests: the production manifest still points at localhost" >&2
    exit 1
  fi
fi
echo "== $prod (production)"
bash "$check" "$prod"
