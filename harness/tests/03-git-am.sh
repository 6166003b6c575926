#!/bin/bash
# level: full
# The series applies to a fresh base with `git am` (no fuzz: git am takes
# exact context; whitespace errors fail), and gives the tree that
# harness/apply.sh builds from.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
tree=$(am_test_tree) || { echo "git am failed"; exit 1; }
n=$(git -C "$TEST_TREE" rev-list --count "$BASE_TAG..HEAD")
[ "$n" -eq "$(series_patches | wc -l)" ] || { echo "git am made $n commits"; exit 1; }
echo "git am: $n patches applied, tree $tree"
