#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The mirror directories hold, byte for byte, every file the series
# creates.  This script rebuilds those files from the patches alone (no
# base tree needed: a created file's whole history is in the series) and
# compares them with the project's mirror directories.
#
#   mirror.sh extract DIR   write the created files into DIR (kernel paths)
#   mirror.sh check         compare with the mirror; list every difference
#   mirror.sh files         list "kernel-path project-path" pairs
. "$(dirname "$0")/lib.sh"

extract() {
	local out=$1 p created=() new f
	mkdir -p "$out"
	git -C "$out" init -q 2>/dev/null
	for p in $(series_patches); do
		# files this patch creates
		mapfile -t new < <(awk '/^diff --git /{f=$4; sub(/^b\//,"",f)} /^new file mode /{print f}' "$p")
		created+=("${new[@]}")
		[ ${#created[@]} -gt 0 ] || continue
		local inc=()
		for f in "${created[@]}"; do inc+=("--include=$f"); done
		git -C "$out" apply --whitespace=nowarn "${inc[@]}" "$p" ||
			die "$(basename "$p") does not apply to the files created before it"
	done
	rm -rf "$out/.git"
}

# "kernel-path project-path" for every file the series creates
files() {
	local tmp f m
	tmp=$(mktemp -d)
	extract "$tmp"
	(cd "$tmp" && find . -type f -printf '%P\n' | LC_ALL=C sort) | while read -r f; do
		m=$(mirror_path "$f") || m="-"
		echo "$f $m"
	done
	rm -rf "$tmp"
}

check() {
	local tmp f m bad=0 listed
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	extract "$tmp/k"
	listed=$tmp/listed
	: >"$listed"
	while read -r f; do
		if ! m=$(mirror_path "$f"); then
			echo "no mirror directory for $f (created by the series); add its prefix to MIRROR_MAP in harness/lib.sh"
			bad=1
			continue
		fi
		echo "$m" >>"$listed"
		if [ ! -f "$TOP/$m" ]; then
			echo "missing from the mirror: $m (the series creates $f)"
			bad=1
		elif ! cmp -s "$tmp/k/$f" "$TOP/$m"; then
			echo "differs: $m != $f in the series"
			diff -u "$tmp/k/$f" "$TOP/$m" | head -20 | sed 's/^/    /'
			bad=1
		elif [ -x "$tmp/k/$f" ] && [ ! -x "$TOP/$m" ] || { [ ! -x "$tmp/k/$f" ] && [ -x "$TOP/$m" ]; }; then
			echo "mode differs: $m (executable in only one of mirror and series)"
			bad=1
		fi
	done < <(cd "$tmp/k" && find . -type f -printf '%P\n' | LC_ALL=C sort)
	while read -r m; do
		grep -qxF "$m" "$listed" || { echo "not created by the series: $m"; bad=1; }
	done < <(project_mirror_files)
	[ $bad -eq 0 ] && echo "mirror == series: $(wc -l <"$listed") files"
	return $bad
}

case ${1:-} in
extract) [ -n "${2:-}" ] || die "usage: $0 extract DIR"; extract "$2" ;;
check) check ;;
files) files ;;
*) die "usage: $0 extract DIR | check | files" ;;
esac
