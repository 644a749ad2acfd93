#!/usr/bin/env bash
# Code generated for another table layout fails to compile against this
# errors-runtime, with a message that says so (not with a field error).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export CARGO_TERM_COLOR=never

layout="$(sed -n 's/^pub const VERSION: u32 = \([0-9]*\);$/\1/p' "$repo/errors-runtime/src/layout.rs")"
[ -n "$layout" ] || { echo "error: no layout VERSION in errors-runtime/src/layout.rs" >&2; exit 1; }

mkdir -p "$scratch/stale/src/generated"
cat > "$scratch/stale/Cargo.toml" <<TOML
[package]
name = "stale"
version = "0.0.0"
edition = "2024"

[dependencies]
errors-runtime = { path = "$repo" }
TOML
# The fixture's generated code (pinned by codegen's golden test), as a
# crate would hold it.
cp "$repo"/codegen/tests/golden/*.rs "$scratch/stale/src/generated/"
printf '#[path = "generated/mod.rs"]\npub mod generated;\n' > "$scratch/stale/src/lib.rs"

build() {
  (cd "$scratch/stale" && CARGO_TARGET_DIR="$scratch/target" cargo check --offline 2>"$scratch/log")
}

# As generated: it compiles.
if ! build; then
  cat "$scratch/log" >&2
  echo "error: the fixture's generated code does not compile" >&2
  exit 1
fi

# Written for the next layout: it must not, and must say why first.
sed -i "s/__private::LAYOUT == $layout,/__private::LAYOUT == $((layout + 1)),/" "$scratch/stale/src/generated/mod.rs"
grep -q "LAYOUT == $((layout + 1))," "$scratch/stale/src/generated/mod.rs" || {
  echo "error: generated mod.rs has no layout check" >&2
  exit 1
}
if build; then
  echo "error: code generated for layout $((layout + 1)) compiled against layout $layout" >&2
  exit 1
fi
first="$(grep -m1 '^error' "$scratch/log")"
echo "first error: $first"
case "$first" in
  *"this catalog was generated for another table layout than this errors-runtime reads"*) ;;
  *)
    cat "$scratch/log" >&2
    echo "error: the first error does not name the layout mismatch" >&2
    exit 1
    ;;
esac
