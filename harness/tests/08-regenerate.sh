#!/bin/bash
# level: full
# patches/ is exactly what 'make series' generates from the series itself:
# applying it and exporting again changes nothing (no hand edits).
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
am_test_tree >/dev/null || { echo "git am failed"; exit 1; }
git -C "$TEST_TREE" checkout -q -B cpp-test
git -C "$TEST_TREE" config branch.cpp-test.description "$(cover_description)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
format_series "$TEST_TREE" "$tmp" || { echo "format-patch failed"; exit 1; }
git -C "$TEST_TREE" checkout -q --detach
bad=0
for f in "$tmp"/*.patch; do
	diff -u "$TOP/patches/$(basename "$f")" "$f" || bad=1
done
[ "$(ls "$tmp" | wc -l)" -eq "$(ls "$TOP"/patches/*.patch | wc -l)" ] || { echo "patch count differs"; bad=1; }
[ $bad -eq 0 ] || { echo "patches/ differs from what 'make series' generates"; exit 1; }
echo "patches/ == regenerated ($(ls "$tmp" | wc -l) files)"
