#!/bin/bash
# level: full
# `make series` on a scratch copy of the project: an unchanged series
# exports to identical files; an edit of a mirror file is folded into its
# patch; a commit in the kernel tree is exported to the patch and the
# mirror; a new mirror file needs PATCH=<n>; an edit made in both places
# is refused.  After each step the series checks still pass.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
p=$tmp/p
bad=0
fail() { echo "FAIL: $*"; bad=1; }

# The project as it is now (uncommitted edits included), without .work.
mkdir "$p"
(cd "$TOP" && git ls-files -co --exclude-standard -z | rsync -a --from0 --files-from=- ./ "$p/")
git -C "$p" init -q && git -C "$p" add -A && git -C "$p" commit -q -m snapshot
mkdir "$p/.work"
export WORK=$p/.work	# never the real one, even if WORK is set
unset KERNEL_SRC
git clone -q --shared "$BASE_TREE" "$p/.work/linux" 2>/dev/null || { echo "cannot clone the base tree"; exit 1; }
k=$p/.work/linux
git -C "$k" config user.name "$(git -C "$BASE_TREE" config user.name)"
git -C "$k" config user.email "$(git -C "$BASE_TREE" config user.email)"
git -C "$k" config feature.manyFiles true
FORCE=1 "$p/harness/apply.sh" >/dev/null 2>&1 || { echo "cannot apply the series in the copy"; exit 1; }
series() { "$p/harness/series.sh" >"$tmp/out" 2>&1; }
checks() { "$p/harness/mirror.sh" check >/dev/null && python3 "$p/harness/tests/01-series-format.py" >/dev/null ||
	fail "$1: the series checks fail afterwards"; }

first=$(sed -n 's|^F:\t\(Documentation/.*\)/$|\1|p' "$p/MAINTAINERS.fragment" | head -1)
doc=$(cd "$p" && find "$first" -name '*.rst' | LC_ALL=C sort | head -1)
[ -n "$doc" ] || { echo "no Documentation file in the mirror to edit"; exit 1; }
patch_of() { grep -l "^+++ b/$1\$" "$p"/patches/*.patch | tail -1; }

# 1. unchanged: a no-op
series || fail "unchanged: make series failed: $(cat "$tmp/out")"
[ -z "$(git -C "$p" status --porcelain)" ] || fail "unchanged: make series changed $(git -C "$p" status --porcelain | tr '\n' ' ')"
echo "unchanged series: no-op"

# 2. an edit of a mirror file is folded into the last patch touching it
echo "Workflow test line one." >>"$p/$doc"
series || fail "mirror edit: make series failed: $(cat "$tmp/out")"
grep -q '^+Workflow test line one\.$' "$(patch_of "$doc")" || fail "mirror edit: not in $(patch_of "$doc")"
grep -q 'Workflow test line one' "$k/$doc" || fail "mirror edit: not in the kernel tree"
checks "mirror edit"
echo "mirror edit: folded into $(basename "$(patch_of "$doc")")"

# 3. a fixup commit in the kernel tree reaches the patch and the mirror
echo "Workflow test line two." >>"$k/$doc"
git -C "$k" commit -q -a --fixup="$(git -C "$k" log -1 --format=%H -- "$doc")"
GIT_SEQUENCE_EDITOR=: git -C "$k" rebase -q -i --autosquash base >/dev/null 2>&1 || fail "tree edit: rebase failed"
series || fail "tree edit: make series failed: $(cat "$tmp/out")"
grep -q '^+Workflow test line two\.$' "$(patch_of "$doc")" || fail "tree edit: not in the patch"
grep -q 'Workflow test line two' "$p/$doc" || fail "tree edit: not in the mirror"
checks "tree edit"
echo "kernel tree commit: exported to the patch and the mirror"

# 4. a new mirror file: refused without PATCH=, created by patch 1 with it
new=$(dirname "$doc")/workflow-test.rst
printf '.. SPDX-License-Identifier: GPL-2.0\n\nWorkflow test\n=============\n' >"$p/$new"
series && fail "new file: accepted without PATCH="
grep -q 'PATCH=<n>' "$tmp/out" || fail "new file: the error does not say PATCH=<n>: $(cat "$tmp/out")"
PATCH=1 series || fail "new file: PATCH=1 make series failed: $(cat "$tmp/out")"
grep -q "^+++ b/$new\$" "$p"/patches/0001-*.patch || fail "new file: not created by patch 1"
checks "new file"
echo "new mirror file: refused without PATCH=, created by patch 1 with PATCH=1"

# 5. the same file changed in the tree and in the mirror: refused
echo "tree side" >>"$k/$new" && git -C "$k" commit -q -a -m "tree side"
echo "mirror side" >>"$p/$new"
series && fail "conflict: accepted"
grep -q 'changed both' "$tmp/out" || fail "conflict: unexpected error: $(cat "$tmp/out")"
echo "edit in both places: refused"
[ $bad -eq 0 ] || exit 1
echo "make series workflow: 5 cases pass"
