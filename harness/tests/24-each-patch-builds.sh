#!/bin/bash
# level: full
# Every patch builds on its own (bisectability): the kernel of each prefix
# of the series builds with LLVM=1.  The whole series is 20-build-llvm;
# this walks back from it through the shorter prefixes in the same tree
# and O= directory, so that kbuild rebuilds only what each patch changes,
# and then forward again to the whole series.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
"$TOP/harness/apply.sh" >/dev/null || exit 1
n=$(series_patches | wc -l)
if [ "$n" -le 1 ]; then
	echo "1 patch: its build is 20-build-llvm"
	exit 0
fi
trap 'git -C "$BASE_TREE" checkout -q "$SERIES_BRANCH"' EXIT
mapfile -t commits < <(git -C "$BASE_TREE" rev-list --reverse "$BASE_TAG..$SERIES_BRANCH")
bad=0
for i in $(seq $((n - 1)) -1 1); do
	git -C "$BASE_TREE" checkout -q --detach "${commits[$((i - 1))]}" || exit 1
	echo "patch $i/$n: $(git -C "$BASE_TREE" log -1 --format=%s)"
	"$TOP/harness/build.sh" llvm || bad=1
done
git -C "$BASE_TREE" checkout -q "$SERIES_BRANCH" || exit 1
echo "patch $n/$n again, to leave the build directory at the whole series"
"$TOP/harness/build.sh" llvm || bad=1
[ $bad -eq 0 ] || exit 1
echo "patches 1..$((n - 1)) of $n build on their own (LLVM=1)"
