#!/bin/bash
# level: full
# `quilt push -a --fuzz=0` applies the series (no fuzz, no offsets) and
# gives the same tree as `git am`.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
command -v quilt >/dev/null || skip "quilt is not installed; run 'make deps'"
want=$(am_test_tree) || { echo "git am failed"; exit 1; }
test_tree_reset
out=$(cd "$TEST_TREE" && QUILT_PATCHES=$TOP/patches QUILT_SERIES=$TOP/series \
	quilt --quiltrc=/dev/null push -a --fuzz=0 2>&1)
rc=$?
echo "$out"
[ $rc -eq 0 ] || { echo "quilt push -a failed"; exit 1; }
if echo "$out" | grep -E '^Hunk #.* (offset|with fuzz)'; then
	echo "quilt applied with offsets or fuzz"
	exit 1
fi
got=$(worktree_id)
[ "$got" = "$want" ] || { echo "quilt gives tree $got, git am $want"; exit 1; }
n=$(cd "$TEST_TREE" && QUILT_PATCHES=$TOP/patches QUILT_SERIES=$TOP/series quilt --quiltrc=/dev/null applied | wc -l)
echo "quilt: $n patches applied, tree $got == git am"
