#!/bin/bash
# level: quick
# scripts/checkpatch.pl --strict on every patch: no errors, and every
# warning or check is justified in that patch's commit message, which must
# name the checkpatch type (e.g. FILE_PATH_CHANGES) and say why.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
bad=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# One checkpatch per patch, all at once, and an unchanged patch is not
# checked again (its output is kept by the hash of the patch and of
# checkpatch.pl): make quick must stay fast.
# stderr too: a broken helper (spdxcheck.py without python3-ply) is a failure.
cache=$WORK/checkpatch-cache
mkdir -p "$cache"
for p in $(series_patches); do
	key=$(cat "$p" "$BASE_TREE/scripts/checkpatch.pl" | sha256sum | cut -c1-16)
	out=$tmp/$(basename "$p").out
	if [ -f "$cache/$key" ]; then
		cp "$cache/$key" "$out"
	else
		# Kept only if every line is a checkpatch report (not a tool error).
		(cd "$BASE_TREE" && ./scripts/checkpatch.pl --strict --show-types --no-summary --terse "$p" \
			>"$out" 2>&1
		 grep -qvE '^[^:]*:[0-9]*: (ERROR|WARNING|CHECK):' "$out" || cp "$out" "$cache/$key") &
	fi
done
wait
# checkpatch --strict caches the kernel's CamelCase identifiers in the tree
# it runs in, when that is a git tree: the tree must stay as the series
# left it.
rm -f "$BASE_TREE"/.checkpatch-camelcase.git.*
for p in $(series_patches); do
	name=$(basename "$p")
	out=$(cat "$tmp/$name.out")
	# The commit message: from the first empty line to the "---" line.
	msg=$(sed -n '/^$/,/^---$/{p;/^---$/q;}' "$p")
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		type=$(echo "$line" | sed -n 's/^[^:]*:[0-9]*: \(ERROR\|WARNING\|CHECK\):\([A-Z0-9_]*\):.*/\1 \2/p')
		[ -n "$type" ] || { echo "$name: $line"; bad=1; continue; }
		set -- $type
		if [ "$1" = ERROR ]; then
			echo "$name: $line"
			bad=1
		elif grep -qw -- "$2" <<<"$msg"; then
			echo "$name: justified in the commit message: $line"
		else
			echo "$name: not justified in the commit message: $line"
			bad=1
		fi
	done <<<"$out"
done
[ $bad -eq 0 ] || exit 1
echo "checkpatch --strict: $(series_patches | wc -l) patches, 0 errors, 0 unjustified warnings"
