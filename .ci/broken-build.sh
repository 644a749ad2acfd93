#!/usr/bin/env bash
# A broken catalog stops `cargo build` with every problem as a
# `path:line:col: message` line at the top of cargo's output (not as a
# panic), and leaves the generated files exactly as they were.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
catalog=catalog/vonage/messages.toml
generated=errors-runtime/src/generated
scratch="$(mktemp -d)"
cp -p "$catalog" "$scratch/catalog.toml"
restore() {
  cp -p "$scratch/catalog.toml" "$catalog"
  rm -rf "$scratch"
}
trap restore EXIT
trap 'exit 130' INT TERM

snapshot() {
  find "$generated" -type f -print0 | sort -z | xargs -0 sha256sum
  find "$generated" -type f -printf '%p %T@\n' | sort
}
snapshot >"$scratch/before"

# Three problems in one file: an unknown category, an HTTP status out of
# range and a duplicate code (in an entry that also has the bad status).
sed -i '0,/^category = "rate-limit"$/s//category = "rate-limited"/' "$catalog"
cat >>"$catalog" <<'EOF'

[[error]]
code = 1000
title = "Throttled again"
description = "A second entry for code 1000."
http_status = 700
category = "rate-limit"
EOF

if cargo build --locked >"$scratch/out" 2>&1; then
  echo "error: cargo build succeeded with a broken catalog" >&2
  exit 1
fi
out="$(cat "$scratch/out")"

fail() {
  echo "error: $*" >&2
  echo "---- cargo build output ----" >&2
  echo "$out" >&2
  exit 1
}

headline='^error: errors-runtime@[^:]*: catalog/vonage/messages\.toml:[0-9]+:[0-9]+: '
count="$(grep -cE "$headline" <<<"$out" || true)"
[ "$count" -eq 3 ] || fail "expected 3 \`error: errors-runtime@…: catalog/vonage/messages.toml:LINE:COL: …\` lines, found $count"
for message in 'unknown category `rate-limited`' 'invalid HTTP status `700`' 'duplicate code `1000`'; do
  grep -E "$headline" <<<"$out" | grep -qF "$message" || fail "no headline with: $message"
done
first_headline="$(grep -nE "$headline" <<<"$out" | head -n1 | cut -d: -f1)"
last_headline="$(grep -nE "$headline" <<<"$out" | tail -n1 | cut -d: -f1)"
failed="$(grep -n 'failed to run custom build command' <<<"$out" | head -n1 | cut -d: -f1)"
[ -n "$failed" ] || fail "no \"failed to run custom build command\" line"
[ "$last_headline" -lt "$failed" ] || fail "the diagnostics are not above cargo's \"failed to run custom build command\""
grep -qF -- '--> catalog/vonage/messages.toml:' <<<"$out" || fail "the full reports with snippets are missing"
if grep -qE 'panicked|RUST_BACKTRACE' <<<"$out"; then
  fail "the build script panicked"
fi

snapshot >"$scratch/after"
if ! cmp -s "$scratch/before" "$scratch/after"; then
  diff "$scratch/before" "$scratch/after" >&2 || true
  fail "a failed build touched $generated"
fi

echo "broken catalog: $count diagnostics at the top of cargo's output (lines $first_headline-$last_headline, before line $failed), no panic, $generated untouched"
restore
trap - EXIT
cargo build --locked --quiet
