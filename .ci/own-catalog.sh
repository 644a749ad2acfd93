#!/usr/bin/env bash
# The example crate outside the workspace compiles its own catalog with
# errcat-codegen from its build.rs and uses it next to the bundled one.
set -euo pipefail
cd "$(dirname "$0")/../examples/own-catalog"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/../../target/own-catalog}"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked
