#!/usr/bin/env bash
# One `cargo build` after a catalog edit must rebuild everything with the new
# text, compiling only errors-runtime and what depends on it; a build with
# nothing changed must compile and run nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
# The checks read cargo's status lines, which colour would hide.
export CARGO_TERM_COLOR=never
errcat="${CARGO_TARGET_DIR:-target}/debug/errcat"
catalog=catalog/vonage/messages.toml
marker="Edited by the regeneration check."
backup="$(mktemp)"
cp "$catalog" "$backup"
# Put the catalog back and rebuild, which regenerates the original code.
restore() {
  cp "$backup" "$catalog"
  rm -f "$backup"
  cargo build --locked --quiet
}
trap restore EXIT
trap 'exit 1' INT TERM

# Runs a verbose build into the named variable; prints its output and fails
# if the build fails.
build_into() {
  local -n output=$1
  if ! output="$(cargo build --locked -v 2>&1)"; then
    printf '%s\n' "$output" >&2
    echo "error: cargo build failed" >&2
    exit 1
  fi
}

cargo build --locked --quiet
build_into noop
if ! grep -qE '^\s+Fresh errors-runtime ' <<<"$noop"; then
  printf '%s\n' "$noop" >&2
  echo "error: cannot read the no-op build's output (no \`Fresh errors-runtime\` line)" >&2
  exit 1
fi
if grep -E '^\s+(Compiling|Running) ' <<<"$noop"; then
  echo "error: a no-op build compiled or ran something" >&2
  exit 1
fi
echo "no-op build: nothing compiled, build script not rerun"

sed -i "s/^description = \"The value of one or more parameters is invalid.\"/description = \"$marker\"/" "$catalog"
grep -q "$marker" "$catalog"
build_into edit
rebuilt="$(sed -nE 's/^\s+Compiling ([^ ]+) .*/\1/p' <<<"$edit" | sort | tr '\n' ' ')"
if [ "$rebuilt" != "errcat errors-runtime " ]; then
  echo "error: a catalog edit should rebuild only errors-runtime and the CLI, not: $rebuilt" >&2
  exit 1
fi
if ! "$errcat" explain vonage 1020 --json | grep -q "$marker"; then
  echo "error: the first build after a catalog edit did not see the change" >&2
  exit 1
fi
git diff --quiet -- errors-runtime/src/generated && { echo "error: generated code was not rewritten" >&2; exit 1; }
echo "catalog edit: one cargo build regenerated errors-runtime and rebuilt only it and the CLI"

trap - EXIT
restore
"$errcat" explain vonage 1020 --json | grep -q "The value of one or more parameters is invalid."
git diff --quiet -- errors-runtime/src/generated || { echo "error: restoring the catalog did not restore the generated code" >&2; exit 1; }

# A hand edit of a generated file is put back by the next build.
echo "// a hand edit" >> errors-runtime/src/generated/notificore.rs
cargo build --locked --quiet
git diff --quiet -- errors-runtime/src/generated || { echo "error: a hand-edited generated file survived cargo build" >&2; exit 1; }
echo "hand edit of a generated file: the next build put it back"
