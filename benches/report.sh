#!/usr/bin/env bash
# Prints the medians of the last `cargo bench --bench lookup` run as a
# Markdown table: ns per lookup, and how many times faster than phf::Map.
set -euo pipefail
dir="${CARGO_TARGET_DIR:-$(dirname "$0")/../target}/criterion"
lookups=4096 # LOOKUPS in benches/lookup.rs
peers=(errcat phf_map hash_map match binary_search)
median() { jq '.median.point_estimate' "$dir/$1/$2/new/estimates.json"; }
printf '| workload |'
printf ' %s |' "${peers[@]}"
printf '\n|---|'
printf -- '---|%.0s' "${peers[@]}"
printf '\n'
for group in str_vonage_conversation_hit str_vonage_conversation_miss10 u32_vonage_messages_hit \
  u32_vonage_messages_miss10 u32_sinch_verification_hit u32_sinch_verification_miss10; do
  phf="$(median "$group" phf_map)"
  printf '| %s |' "$group"
  for peer in "${peers[@]}"; do
    awk -v t="$(median "$group" "$peer")" -v p="$phf" -v n="$lookups" \
      'BEGIN { printf " %.2f ns (%.2f×) |", t / n, p / t }'
  done
  printf '\n'
done
