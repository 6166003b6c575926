#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Regenerate patches/, series, the mirror directories and
# MAINTAINERS.fragment from branch cpp-for-linux of .work/linux.
#
# Two ways to change the series, both ending in `make series`:
#  - in the kernel tree: commit to the branch (git commit --fixup=<patch>,
#    git rebase -i --autosquash base, new commits for new patches);
#  - in the project: edit files of the mirror directories.  Each edited
#    file is folded into the last patch that touches it.  A new file needs
#    PATCH=<n>: the number of the patch that should create it.
# A file changed in both places since the last export is a conflict.
#
# The cover letter's subject and text are kept from
# patches/0000-cover-letter.patch; its shortlog, diffstat and base are
# regenerated.  Afterwards the branch is re-applied from the new patches
# and must give the very same tree.
. "$(dirname "$0")/lib.sh"

need_base
t=$BASE_TREE
g() { git -C "$t" "$@"; }

[ -z "$(g status --porcelain --untracked-files=no)" ] ||
	die "$t has uncommitted changes; commit them to the patch they belong to first"
stray=$(untracked_files "$t")
[ -z "$stray" ] ||
	die "$t has untracked files ($(echo $stray)); add them to a commit with 'git add -f', or remove them"

# Bring the tree up to date with patches/ unless it holds commits of its own.
tip=$(g rev-parse -q --verify "refs/heads/$SERIES_BRANCH" || true)
fp=$(series_patches | xargs cat | sha256sum | cut -d' ' -f1)
if [ -z "$tip" ] || [ "$tip" = "$(g config cpp.appliedtip)" ]; then
	"$TOP/harness/apply.sh" >/dev/null || exit 1
elif [ "$fp" != "$(g config cpp.appliedseries)" ]; then
	# Both changed: exporting would overwrite the new patches/.
	die "patches/ changed (git pull?) and $SERIES_BRANCH has commits of its own; rebase them onto the new series by hand (git -C $t rebase), or FORCE=1 make apply to drop them"
fi
g checkout -q "$SERIES_BRANCH" || die "cannot check out $SERIES_BRANCH"
synced=$(g config cpp.appliedtip)
orig=$(g rev-parse HEAD)
# On failure, put the branch back where it was.
trap '[ $? -eq 0 ] || { g rebase --abort >/dev/null 2>&1; g checkout -q -f -B "$SERIES_BRANCH" "$orig"; }' EXIT

# --- 1. fold edits of the mirror directories into the branch -------------
blob_of() {	# rev path -> "mode blob" or empty
	g ls-tree "$1" -- "$2" | awk '{print $1, $3}'
}
file_state() {	# project file -> "mode blob" or empty
	[ -f "$TOP/$1" ] || return 0
	local mode=100644
	[ -x "$TOP/$1" ] && mode=100755
	echo "$mode $(git hash-object "$TOP/$1")"
}

declare -A fold=()	# kernel path -> target commit
new_files=()
mapfile -t created < <(g diff --diff-filter=A --name-only "$BASE_TAG" HEAD)
declare -A seen=()
kpaths=()
for f in "${created[@]}"; do seen[$f]=1; kpaths+=("$f"); done
while read -r p; do
	k=$(kernel_path "$p")
	[ -n "${seen[$k]:-}" ] || { seen[$k]=1; kpaths+=("$k"); }
done < <(project_mirror_files)

for k in "${kpaths[@]}"; do
	p=$(mirror_path "$k") || continue
	mine=$(file_state "$p")
	head=$(blob_of HEAD "$k")
	[ "$mine" = "$head" ] && continue
	base=$([ -n "$synced" ] && blob_of "$synced" "$k")
	[ "$mine" = "$base" ] && continue		# only the tree changed it
	[ "$head" = "$base" ] ||
		die "$p was changed both in the mirror and in $t since the last export; keep one"
	target=$(g log -1 --format=%H "$BASE_TAG..HEAD" -- "$k")
	if [ -z "$target" ]; then
		[ -n "${PATCH:-}" ] || { new_files+=("$p"); continue; }
		target=$(g rev-list --reverse "$BASE_TAG..HEAD" | sed -n "${PATCH}p")
		[ -n "$target" ] || die "PATCH=$PATCH: the series has no such patch"
	fi
	fold[$k]=$target
done
[ ${#new_files[@]} -eq 0 ] ||
	die "new files ${new_files[*]}: say which patch creates them with PATCH=<n> (1 = first patch)"

if [ ${#fold[@]} -gt 0 ]; then
	for target in $(printf '%s\n' "${fold[@]}" | sort -u); do
		for k in "${!fold[@]}"; do
			[ "${fold[$k]}" = "$target" ] || continue
			p=$(mirror_path "$k")
			if [ -f "$TOP/$p" ]; then
				mkdir -p "$t/$(dirname "$k")"
				cp "$TOP/$p" "$t/$k"
				chmod "$([ -x "$TOP/$p" ] && echo 755 || echo 644)" "$t/$k"
				g add -f -- "$k"
			else
				g rm -q -- "$k"
			fi
			echo "folding $p into: $(g log -1 --format=%s "$target")"
		done
		g commit -q --no-verify --fixup="$target" || die "cannot commit the fixup"
	done
	GIT_SEQUENCE_EDITOR=: g rebase -q -i --autosquash --committer-date-is-author-date "$BASE_TAG" ||
		die "folding the mirror edits failed; $t is as it was"
fi

# --- 2. export ------------------------------------------------------------
[ -f "$TOP/patches/0000-cover-letter.patch" ] &&
	g config "branch.$SERIES_BRANCH.description" "$(cover_description)"
[ -n "$(g config "branch.$SERIES_BRANCH.description")" ] ||
	die "no cover letter yet: write one with 'git -C $t branch --edit-description' (first paragraph = subject)"

out=$(mktemp -d)
format_series "$t" "$out" || die "git format-patch failed"
mkdir -p "$TOP/patches"
rm -f "$TOP"/patches/*.patch
cp "$out"/*.patch "$TOP/patches/"
{
	echo "# quilt series file: the patches in order (patches/0000-cover-letter.patch"
	echo "# is the cover letter, not a patch).  Generated by 'make series'."
	(cd "$out" && ls ./*.patch | sed 's|^\./||' | grep -v '^0000-cover-letter.patch$')
} >"$TOP/series"
rm -rf "$out"

# Mirror: exactly the files the series creates.
created_now=$(g diff --diff-filter=A --name-only "$BASE_TAG" HEAD)
project_mirror_files | while read -r p; do
	grep -qxF "$(kernel_path "$p")" <<<"$created_now" || rm -f "$TOP/$p"
done
for k in $created_now; do
	p=$(mirror_path "$k") || die "the series creates $k, which has no mirror directory; add it to MIRROR_MAP in harness/lib.sh"
	mkdir -p "$TOP/$(dirname "$p")"
	g show "HEAD:$k" >"$TOP/$p"
	chmod "$([ "$(g ls-tree HEAD -- "$k" | cut -d' ' -f1)" = 100755 ] && echo 755 || echo 644)" "$TOP/$p"
done
for m in "${MIRROR_MAP[@]}"; do
	r=${m#*=}
	[ -d "$TOP/$r" ] && find "$TOP/$r" -type d -empty -delete
done

# MAINTAINERS.fragment: the lines the series adds to MAINTAINERS.
g diff "$BASE_TAG" HEAD -- MAINTAINERS | sed -n 's/^+\([^+]\|$\)/\1/p' >"$TOP/MAINTAINERS.fragment"
[ -s "$TOP/MAINTAINERS.fragment" ] || rm -f "$TOP/MAINTAINERS.fragment"

# --- 3. re-apply: the exported series must give the same tree ----------
exported=$(g rev-parse HEAD)
want=$(g rev-parse "HEAD^{tree}")
FORCE=1 "$TOP/harness/apply.sh" >/dev/null && [ "$(g rev-parse "HEAD^{tree}")" = "$want" ] || {
	orig=$exported
	die "the exported patches/ do not reproduce the tree they were exported from; $SERIES_BRANCH is kept as it was, compare with 'git diff'"
}
n=$(grep -vc -e '^#' "$TOP/series")
echo "series: $n patches, cover letter, mirror and MAINTAINERS.fragment regenerated"
