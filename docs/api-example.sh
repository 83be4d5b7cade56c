#!/bin/sh
# Scan the fleet through Vigil's REST API with curl and an Operator API key.
#   VIGIL_URL=http://localhost:5000 VIGIL_API_KEY=vgl_... sh docs/api-example.sh
# Needs curl and jq.
set -eu
: "${VIGIL_URL:=http://localhost:5000}"
: "${VIGIL_API_KEY:?set VIGIL_API_KEY to an Operator (or Admin) API key}"
api() { curl -fsS -H "Authorization: Bearer $VIGIL_API_KEY" -H "Content-Type: application/json" "$@"; }

echo "Online hosts:"
api "$VIGIL_URL/api/v1/nodes?type=host&status=online&take=100" | jq -r '.items[] | "  \(.id)  \(.name)"'

# Scan every online host; a host already being scanned answers with its running scan, never a duplicate.
scans=$(api -X POST "$VIGIL_URL/api/v1/scans" -d '{"filter":{"type":"host","status":"online"}}')
echo "$scans" | jq -r '.scans[] | "queued \(.id) for node \(.nodeId) (\(.status))"'

# Wait for each scan to end, then print its summary or the reason it failed.
for id in $(echo "$scans" | jq -r '.scans[].id'); do
  while :; do
    scan=$(api "$VIGIL_URL/api/v1/scans/$id")
    status=$(echo "$scan" | jq -r .status)
    case "$status" in queued|running) sleep 2 ;; *) break ;; esac
  done
  echo "$scan" | jq -r '"\(.nodeName): \(.status) \(if .summary then (.summary | "critical \(.critical), high \(.high), medium \(.medium), low \(.low), unknown \(.unknown)") else (.error // "") end)"'
  # The worst findings first; search also matches CVE aliases (e.g. &search=CVE-2021-44228).
  api "$VIGIL_URL/api/v1/scans/$id/findings?take=5" | jq -r '.items[] | "  \(.severity)\t\(.id)\t\(.package.name) \(.package.version) -> \(.fixedVersions | join(", "))"'
done

# CI: push an image's CycloneDX SBOM; the console matches it like any scan.
if [ -n "${SBOM_FILE:-}" ]; then
  curl -fsS -H "Authorization: Bearer $VIGIL_API_KEY" -H "Content-Type: application/vnd.cyclonedx+json" \
    --data-binary "@$SBOM_FILE" "$VIGIL_URL/api/v1/sboms?type=image&name=${SBOM_NAME:-my-image:latest}" | jq .
fi
