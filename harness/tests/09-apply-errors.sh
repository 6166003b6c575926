#!/bin/bash
# level: full
# KERNEL_SRC: bad input gives a one-line error and leaves the tree as it
# was; a good tree gets the series once, with the user's own identity.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0

# expect_error NAME PATTERN KERNEL_SRC: apply.sh fails with one line on
# stderr matching PATTERN.
expect_error() {
	local name=$1 pat=$2 src=$3 err
	if KERNEL_SRC=$src "$TOP/harness/apply.sh" >"$tmp/out" 2>"$tmp/err"; then
		echo "$name: applied, should have failed"; bad=1; return
	fi
	err=$(cat "$tmp/err")
	if [ "$(wc -l <"$tmp/err")" -ne 1 ] || ! grep -q -- "$pat" "$tmp/err"; then
		echo "$name: wanted one line matching '$pat', got:"; echo "$err"; bad=1; return
	fi
	echo "$name: $err"
}

expect_error "missing directory" "is not a directory" "$tmp/nonexistent"
mkdir "$tmp/plain"
expect_error "not a git tree" "is not a git tree" "$tmp/plain"
git init -q "$tmp/notkernel" && git -C "$tmp/notkernel" commit -q --allow-empty -m x
expect_error "not a kernel tree" "is not a Linux kernel tree" "$tmp/notkernel"
# A kernel tree of another version (6.12): refused before git am, unchanged.
git init -q "$tmp/linux-6.12"
printf 'VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 117\n' >"$tmp/linux-6.12/Makefile"
git -C "$tmp/linux-6.12" add Makefile && git -C "$tmp/linux-6.12" commit -q -m "Linux 6.12.117"
head=$(git -C "$tmp/linux-6.12" rev-parse HEAD)
expect_error "another kernel version" "is Linux 6.12; the series needs Linux 7.3.y" "$tmp/linux-6.12"
[ "$(git -C "$tmp/linux-6.12" rev-parse HEAD)" = "$head" ] || { echo "another kernel version: HEAD moved"; bad=1; }

# A dirty tree: refused, the change is still there.
test_tree_reset
echo "local change" >>"$TEST_TREE/README"
expect_error "dirty tree" "uncommitted changes" "$TEST_TREE"
git -C "$TEST_TREE" diff --quiet -- README && { echo "dirty tree: the local change is gone"; bad=1; }
[ "$(git -C "$TEST_TREE" rev-parse HEAD)" = "$(git -C "$TEST_TREE" rev-parse "$BASE_TAG")" ] ||
	{ echo "dirty tree: HEAD moved"; bad=1; }

# A tree the series does not apply to: every file the first patch
# modifies is changed in a conflicting way.
test_tree_reset
first=$(series_patches | head -1)
for f in $(sed -n 's|^--- a/||p' "$first" | sort -u); do
	sed -i '1,$s/^/conflict /' "$TEST_TREE/$f"
done
git -C "$TEST_TREE" commit -q -a -m "conflicting change"
head=$(git -C "$TEST_TREE" rev-parse HEAD)
expect_error "series does not apply" "does not apply" "$TEST_TREE"
[ "$(git -C "$TEST_TREE" rev-parse HEAD)" = "$head" ] || { echo "does not apply: HEAD moved"; bad=1; }
[ -z "$(git -C "$TEST_TREE" status --porcelain --untracked-files=no)" ] || { echo "does not apply: tree left dirty"; bad=1; }
[ ! -d "$(git -C "$TEST_TREE" rev-parse --git-dir)/rebase-apply" ] || { echo "does not apply: git am not aborted"; bad=1; }

# A good tree: applied once with the user's identity, then left alone.
test_tree_reset
n=$(series_patches | wc -l)
if KERNEL_SRC=$TEST_TREE GIT_COMMITTER_NAME=ignored "$TOP/harness/apply.sh" >"$tmp/out" 2>"$tmp/err"; then
	[ "$(git -C "$TEST_TREE" rev-list --count "$BASE_TAG..HEAD")" -eq "$n" ] || { echo "good tree: not $n commits"; bad=1; }
	[ "$(tail -n 1 "$tmp/out")" = "$TEST_TREE" ] || { echo "good tree: did not print the tree"; bad=1; }
	[ "$(git -C "$TEST_TREE" log -1 --format=%cn)" = "$GIT_COMMITTER_NAME" ] &&
		{ echo "good tree: committed with the harness's identity, not the user's"; bad=1; }
	head=$(git -C "$TEST_TREE" rev-parse HEAD)
	KERNEL_SRC=$TEST_TREE "$TOP/harness/apply.sh" >/dev/null 2>"$tmp/err" || { echo "good tree: second run failed"; cat "$tmp/err"; bad=1; }
	grep -q "already applied" "$tmp/err" || { echo "good tree: second run did not notice the series"; bad=1; }
	[ "$(git -C "$TEST_TREE" rev-parse HEAD)" = "$head" ] || { echo "good tree: second run applied again"; bad=1; }
	echo "good tree: $n patches applied once"
else
	echo "good tree: failed:"; cat "$tmp/err"; bad=1
fi

# The base cannot be fetched (no archive at that address): one line saying
# what failed and what to run, and no base tree, not even a partial one.
if WORK=$tmp/work DEBIAN_MIRROR=http://127.0.0.1:9/debian "$TOP/harness/base.sh" >"$tmp/out" 2>"$tmp/err"; then
	echo "unreachable archive: base.sh succeeded"; bad=1
elif [ "$(wc -l <"$tmp/err")" -ne 1 ] || ! grep -q "cannot read trixie-backports from http://127.0.0.1:9/debian.*run make setup again" "$tmp/err"; then
	echo "unreachable archive: got:"; cat "$tmp/err"; bad=1
elif [ -e "$tmp/work/linux" ] || [ -e "$tmp/work/linux.tmp" ]; then
	echo "unreachable archive: a base tree was left in $tmp/work"; bad=1
else
	echo "unreachable archive: $(cat "$tmp/err")"
fi

# A missing package without root: one line naming the command.
if id nobody >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
	if EXTRA_PACKAGES=cpp-for-linux-no-such-package setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$TOP/harness/deps.sh" >"$tmp/out" 2>"$tmp/err"; then
		echo "missing package without root: succeeded"; bad=1
	elif [ "$(wc -l <"$tmp/err")" -ne 1 ] || ! grep -q "run: sudo apt-get install cpp-for-linux-no-such-package" "$tmp/err"; then
		echo "missing package without root: got:"; cat "$tmp/err"; bad=1
	else
		echo "missing package without root: $(cat "$tmp/err")"
	fi
else
	echo "missing package without root: not tested (needs root to drop to nobody)"
fi
[ $bad -eq 0 ] || exit 1
echo "KERNEL_SRC errors: one line each, trees left as they were"
