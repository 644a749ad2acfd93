#!/usr/bin/env bash
# A crate outside the workspace that depends on errors-runtime by path must
# compile exactly two crates: itself and errors-runtime.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

check() {
  local features="$1"
  rm -rf "$scratch/consumer"
  mkdir -p "$scratch/consumer/src"
  cat > "$scratch/consumer/Cargo.toml" <<TOML
[package]
name = "consumer"
version = "0.0.0"
edition = "2024"

[dependencies]
errors-runtime = { path = "$repo"$features }
TOML
  cat > "$scratch/consumer/src/main.rs" <<'RS'
fn main() {
    let e = errors_runtime::vonage::Messages::from_code("1020").expect("known code");
    assert_eq!(e, errors_runtime::vonage::Messages::InvalidParams);
    println!("{e}");
}
RS
  local log="$scratch/build.log"
  (cd "$scratch/consumer" && CARGO_TARGET_DIR="$scratch/target" cargo build --offline 2>"$log") || {
    cat "$log"
    exit 1
  }
  local compiled
  compiled="$(grep -E '^\s+Compiling ' "$log" | awk '{print $2}' | sort | tr '\n' ' ')"
  echo "consumer${features:+ ($features)} compiled: $compiled"
  if [ "$compiled" != "consumer errors-runtime " ]; then
    echo "error: expected exactly the consumer and errors-runtime to compile" >&2
    cat "$log" >&2
    exit 1
  fi
  (cd "$scratch/consumer" && CARGO_TARGET_DIR="$scratch/target" cargo run --offline -q)
  rm -rf "$scratch/target"
}

check ""
check ", default-features = false"
