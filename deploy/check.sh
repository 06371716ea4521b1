#!/usr/bin/env bash
# Check the systemd units as shipped: `systemd-analyze verify` (no warning allowed) and the
# exposure score of `systemd-analyze security --offline=yes`, for the production instance.
# Runs anywhere systemd-analyze is installed; touches nothing outside a temporary folder.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
max_exposure="${MAX_EXPOSURE:-3.0}"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT

# A root of its own: the distribution's units, ours, and stand-ins for the programs they run.
mkdir -p "$root/usr/lib/systemd" "$root/etc/systemd/system" "$root/opt/harde/production/.venv/bin"
if [ -d /usr/lib/systemd/system ]; then
  cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/"
else
  cp -a /lib/systemd/system "$root/usr/lib/systemd/"
fi
cp "$here"/systemd/*.service "$root/etc/systemd/system/"
for program in streamlit harde; do
  printf '#!/bin/sh\n' >"$root/opt/harde/production/.venv/bin/$program"
  chmod 755 "$root/opt/harde/production/.venv/bin/$program"
done

status=0
for template in harde-web@.service harde-daemon@.service harde-webhooks@.service; do
  unit="${template/@./@production.}"
  if ! warnings="$(systemd-analyze verify --root="$root" --man=no "$unit" 2>&1)" || [ -n "$warnings" ]; then
    printf '%s: verify failed\n%s\n' "$unit" "$warnings"
    status=1
  fi
  score="$(systemd-analyze security --offline=yes --root="$root" --no-pager "$unit" \
    | sed -n 's/^→ Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')"
  verdict="ok"
  if [ -z "$score" ] || awk -v s="$score" -v m="$max_exposure" 'BEGIN { exit !(s > m) }'; then
    verdict="over ${max_exposure}"
    status=1
  fi
  printf '%-32s exposure %s (%s)\n' "$unit" "${score:-?}" "$verdict"
done
exit "$status"
