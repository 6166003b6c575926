#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Apply the series with `git am`.
#
#   apply.sh                 the harness's tree: branch cpp-for-linux of
#                            .work/linux, reset to the base and re-applied
#                            whenever patches/ changed
#   KERNEL_SRC=DIR apply.sh  the user's own kernel git tree, on top of its
#                            current HEAD (nothing is done if the series
#                            is already there); on failure the tree is
#                            left as it was
#
# Prints the applied tree's path on the last line of stdout.
. "$(dirname "$0")/lib.sh"

patches=$(series_patches) || die "cannot read $TOP/series"
want=$(base_pkg_name)
want=${want#linux-source-}
npatches=$(echo "$patches" | grep -c .)

# The patch-ids of the series, one per line, in order.
series_ids() {
	local p
	for p in $patches; do git patch-id --stable <"$p" | cut -d' ' -f1; done
}

# Does HEAD of $1 end with the series?
series_on_head() {
	local t=$1
	[ "$(git -C "$t" rev-list --count HEAD)" -gt "$npatches" ] || return 1
	[ "$(git -C "$t" log --reverse --format=%H -n "$npatches" HEAD |
		while read -r c; do git -C "$t" show "$c" | git patch-id --stable | cut -d' ' -f1; done)" = "$(series_ids)" ]
}

# git am the series onto HEAD of $1; on failure abort (the tree is left as
# it was) and set $am_failed to the patch that did not apply.
am_failed=
am() {
	local t=$1 out ra
	shift
	ra=$(git -C "$t" rev-parse --git-path rebase-apply)
	case $ra in /*) ;; *) ra=$t/$ra ;; esac
	# shellcheck disable=SC2086
	if ! out=$(git -C "$t" am -q "$@" $patches 2>&1); then
		am_failed="patch $(cat "$ra/next" 2>/dev/null) '$(head -n 1 "$ra/final-commit" 2>/dev/null)': $(echo "$out" | grep -m1 -E '^(error|fatal):' | sed -E 's/^(error|fatal): //')"
		git -C "$t" am --abort
		return 1
	fi
}

if [ -n "${KERNEL_SRC:-}" ]; then
	# The user's tree: commits get the user's own committer identity.
	unset GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
	[ -d "$KERNEL_SRC" ] || die "KERNEL_SRC=$KERNEL_SRC is not a directory"
	t=$(cd "$KERNEL_SRC" && pwd)
	top=$(git -C "$t" rev-parse --show-toplevel 2>/dev/null) ||
		die "KERNEL_SRC=$t is not a git tree; clone one (git clone .../linux.git) or use 'make setup' for the harness's own tree"
	[ "$top" = "$t" ] || die "KERNEL_SRC=$t is inside the git tree $top; point KERNEL_SRC at its top"
	[ -f "$t/Makefile" ] && grep -q '^PATCHLEVEL' "$t/Makefile" || die "KERNEL_SRC=$t is not a Linux kernel tree"
	have=$(sed -n -e 's/^VERSION = \([0-9]*\)$/\1/p' -e 's/^PATCHLEVEL = \([0-9]*\)$/\1/p' "$t/Makefile" | paste -sd.)
	[ "$have" = "$want" ] ||
		die "KERNEL_SRC=$t is Linux $have; the series needs Linux $want.y (it is made against $(base_pkg_name) $(base_pkg_version)); the tree is unchanged"
	gd=$(git -C "$t" rev-parse --absolute-git-dir)
	[ ! -d "$gd/rebase-apply" ] && [ ! -d "$gd/rebase-merge" ] ||
		die "KERNEL_SRC=$t has a git am or rebase in progress; finish it or run 'git am --abort'"
	[ -z "$(git -C "$t" status --porcelain --untracked-files=no)" ] ||
		die "KERNEL_SRC=$t has uncommitted changes; commit or stash them (git stash) first"
	if series_on_head "$t"; then
		echo "the series is already applied to $t" >&2
	else
		am "$t" -3 ||
			die "the series does not apply to $t at $(git -C "$t" log -1 --format=%h) ($am_failed); it is made for Linux $want.y; the tree is unchanged"
		echo "applied $npatches patches to $t" >&2
	fi
	echo "$t"
	exit 0
fi

need_base
t=$BASE_TREE
fp=$(cat $patches | sha256sum | cut -d' ' -f1)
tip=$(git -C "$t" rev-parse -q --verify "refs/heads/$SERIES_BRANCH" || true)
stray=$(untracked_files "$t")
[ -z "$stray" ] || [ -n "${FORCE:-}" ] ||
	die "$t has untracked files ($(echo $stray)); add them to a patch with 'git add -f', or remove them (FORCE=1 removes them)"
if [ -n "$tip" ]; then
	if [ "$tip" = "$(git -C "$t" config cpp.appliedtip)" ]; then
		if [ "$fp" = "$(git -C "$t" config cpp.appliedseries)" ] &&
			[ -z "$(git -C "$t" status --porcelain --untracked-files=no)" ]; then
			[ "$(git -C "$t" symbolic-ref -q --short HEAD)" = "$SERIES_BRANCH" ] ||
				git -C "$t" checkout -q "$SERIES_BRANCH"
			echo "$t"
			exit 0
		fi
	elif [ -z "${FORCE:-}" ]; then
		die "$t: branch $SERIES_BRANCH has commits that are not in patches/; run 'make series' to export them, or FORCE=1 to discard them"
	fi
	if [ -n "$(git -C "$t" status --porcelain --untracked-files=no)" ] && [ -z "${FORCE:-}" ]; then
		die "$t has uncommitted changes; commit them and run 'make series', or FORCE=1 to discard them"
	fi
fi
git -C "$t" am --abort >/dev/null 2>&1
git -C "$t" checkout -q -f -B "$SERIES_BRANCH" "$BASE_TAG" &&
	git -C "$t" clean -q -fdx -e '/.build-*' || die "cannot reset $t to the base"
am "$t" --committer-date-is-author-date --whitespace=error ||
	die "the series does not apply to the base ($am_failed)"
git -C "$t" config cpp.appliedtip "$(git -C "$t" rev-parse HEAD)"
git -C "$t" config cpp.appliedseries "$fp"
echo "applied $npatches patches to $t" >&2
echo "$t"
