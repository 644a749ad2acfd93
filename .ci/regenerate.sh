#!/usr/bin/env bash
# One `cargo build` after a catalog edit must rebuild everything with the new
# text, compiling only errors-runtime and what depends on it; a build with
# nothing changed must compile and run nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
errcat="${CARGO_TARGET_DIR:-target}/debug/errcat"
catalog=catalog/vonage/messages.toml
marker="Edited by the regeneration check."
backup="$(mktemp)"
cp "$catalog" "$backup"
# Put the catalog back and rebuild, which regenerates the original code.
restore() {
  cp "$backup" "$catalog"
  cargo build --locked --quiet
  rm -f "$backup"
}
trap restore EXIT

cargo build --locked --quiet
noop="$(cargo build --locked -v 2>&1)"
if grep -E '^\s+(Compiling|Running) ' <<<"$noop"; then
  echo "error: a no-op build compiled or ran something" >&2
  exit 1
fi
echo "no-op build: nothing compiled, build script not rerun"

sed -i "s/^description = \"The value of one or more parameters is invalid.\"/description = \"$marker\"/" "$catalog"
grep -q "$marker" "$catalog"
edit="$(cargo build --locked -v 2>&1)"
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
