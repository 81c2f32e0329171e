#!/usr/bin/env bash
# Packaging checks on the packed tarball, as a consumer would get it:
#   publint (package.json fields, exports, files)  — fails on errors
#   @arethetypeswrong/cli (types for every resolution mode) — fails on errors
# ESM-only package: `require('papersift')` works through require(esm) on Node >= 20.19, so the
# one accepted attw problem is cjs-resolves-to-esm; every other rule (node10, node16-cjs,
# node16-esm, bundler) is still checked.
set -euo pipefail
cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# `npm pack` runs `prepare` (tsup), so the tarball holds a fresh build; dist/ is gitignored and the
# tarball goes to the temp dir, so the work tree is left as it was.
npm pack --pack-destination "$tmp" --silent >/dev/null
tarball="$(find "$tmp" -maxdepth 1 -name '*.tgz' | head -n 1)"
if [ -z "$tarball" ]; then
  echo "package-check: npm pack produced no tarball" >&2
  exit 1
fi
echo "package-check: $(basename "$tarball") ($(wc -c <"$tarball" | tr -d ' ') bytes)"

npx --no-install publint run "$tarball"
npx --no-install attw "$tarball" --ignore-rules cjs-resolves-to-esm --no-color --format table-flipped
echo "package-check: publint and attw passed"
