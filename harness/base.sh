#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Create the base kernel tree: Debian's linux-source-7.3 (the version in
# harness/base-version), unpacked once into .work/linux and committed as
# a single base commit tagged "base".  The commit is made with a fixed
# identity and date, so the same source gives the same commit id on every
# machine, and `git am` of the series gives the same commits.
#
# The package comes from a newer Debian suite than the machine's
# ($BASE_SUITE).  It is fetched through a private sources list and lists
# directory under .work/apt: the machine's own apt configuration is not
# touched, and no root is needed.  The archive's address is the one of
# the machine's own Debian source entry (DEBIAN_MIRROR overrides it).
. "$(dirname "$0")/lib.sh"

want=$(base_pkg_version)
pkg=$(base_pkg_name)

if git -C "$BASE_TREE" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null 2>&1; then
	have=$(git -C "$BASE_TREE" config cpp.baseversion)
	[ "$have" = "$want" ] || warn "base tree is $pkg $have, the project records $want (make distclean to start over)"
	exit 0
fi

[ ! -e "$BASE_TREE" ] || die "$BASE_TREE exists but is not a base tree; remove it (make distclean) and run make setup again"
mkdir -p "$WORK"

# The URI of the machine's Debian archive: the first source entry, in
# one-line or deb822 form, whose suite is a Debian release and whose
# components include main.
debian_mirror() {
	local f
	[ -z "${DEBIAN_MIRROR:-}" ] || { echo "$DEBIAN_MIRROR"; return; }
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -r "$f" ] || continue
		awk '$1 == "deb" {
			i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
			if ($(i + 1) ~ /^(bookworm|trixie|forky|sid|stable|testing|unstable)(-updates)?$/ && / main/) { print $i; exit }
		}' "$f"
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -r "$f" ] || continue
		awk 'BEGIN { RS = ""; FS = "\n" }
		{
			uri = ""; suite = 0; main = 0; deb = 0
			for (i = 1; i <= NF; i++) {
				if ($i ~ /^URIs:/) { split($i, a, /[ \t]+/); uri = a[2] }
				if ($i ~ /^Types:.*(^|[ \t])deb([ \t]|$)/) deb = 1
				if ($i ~ /^Suites:.*(bookworm|trixie|forky|sid|stable|testing|unstable)([ \t]|$)/) suite = 1
				if ($i ~ /^Components:.*main/) main = 1
			}
			if (uri != "" && deb && suite && main) { print uri; exit }
		}' "$f"
	done | head -n 1
}

apt_dir=$WORK/apt
deb_dir=$WORK/deb
APT=(-q -o Dir::Etc::sourcelist="$apt_dir/sources.list" -o Dir::Etc::sourceparts=-
	-o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache"
	-o Dir::State::status=/dev/null -o APT::Sandbox::User="$(id -un)")

mirror=$(debian_mirror)
[ -n "$mirror" ] || die "no Debian archive in /etc/apt/sources.list*; set DEBIAN_MIRROR=<archive URI> and run make setup again"
rm -rf "$apt_dir" "$deb_dir"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$deb_dir"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $BASE_SUITE main" >"$apt_dir/sources.list"
# What is downloaded goes when this script ends; the tree only if complete.
trap 'rm -rf "$apt_dir" "$deb_dir" "$BASE_TREE.tmp"' EXIT
apt-get "${APT[@]}" --error-on=any update >"$apt_dir/update.log" 2>&1 ||
	die "cannot read $BASE_SUITE from $mirror ($(grep -m1 -E '^(E|W):' "$apt_dir/update.log" | sed 's/^[EW]: //')); check the network, then run make setup again"
version=$want
if ! apt-cache "${APT[@]}" madison "$pkg" | awk -F' *[|] *' -v v="$want" '$2 == v { f = 1 } END { exit !f }'; then
	version=$(apt-cache "${APT[@]}" madison "$pkg" | awk -F' *[|] *' '{ print $2 }' | sort -V | tail -n 1)
	[ -n "$version" ] || die "$BASE_SUITE at $mirror has no $pkg; the series needs Linux ${pkg#linux-source-}"
	warn "$pkg $want is no longer in $BASE_SUITE; using $version (update harness/base-version)"
fi
(cd "$deb_dir" && apt-get "${APT[@]}" download "$pkg=$version" >"$apt_dir/download.log" 2>&1) ||
	die "cannot download $pkg $version from $mirror ($(grep -m1 -E '^(E|Err):' "$apt_dir/download.log")); run make setup again"
echo "unpacking $pkg $version"
tarball=./usr/src/$pkg.tar.xz
dpkg-deb --fsys-tarfile "$deb_dir"/"${pkg}"_*.deb | tar -x -C "$deb_dir" "$tarball" ||
	die "cannot unpack the $pkg package; run make setup again"

# Unpacked and committed in a temporary directory, renamed into place only
# when complete: an interrupted run leaves no base tree to be used.
rm -rf "$BASE_TREE.tmp"
mkdir -p "$BASE_TREE.tmp"
tar -xJf "$deb_dir/$tarball" -C "$BASE_TREE.tmp" --strip-components=1 || die "cannot unpack $tarball"

kver=$(make -s -C "$BASE_TREE.tmp" kernelversion 2>/dev/null) || die "no kernel Makefile in $tarball"

cd "$BASE_TREE.tmp" || exit 1
git init -q -b master
git config feature.manyFiles true
git config gc.auto 0
git config cpp.baseversion "$version"
git config user.name "$(git -C "$TOP" config user.name || echo "$GIT_COMMITTER_NAME")"
git config user.email "$(git -C "$TOP" config user.email || echo "$GIT_COMMITTER_EMAIL")"
# Debian's .gitignore ignores every top-level entry except debian/ (its
# packaging repository keeps the kernel elsewhere), hence -f.
git add -A -f .
GIT_AUTHOR_NAME="Debian kernel team" GIT_AUTHOR_EMAIL="debian-kernel@lists.debian.org" \
GIT_AUTHOR_DATE="2026-11-01T00:00:00+0000" GIT_COMMITTER_DATE="2026-11-01T00:00:00+0000" \
	git commit -q -m "Linux $kver (Debian $pkg $version)" \
		-m "The unmodified source of Debian's $pkg package, version $version." ||
	die "cannot commit the base tree"
git tag "$BASE_TAG"
cd "$WORK" || exit 1
mv "$BASE_TREE.tmp" "$BASE_TREE"
echo "base: Linux $kver ($pkg $version), commit $(git -C "$BASE_TREE" rev-parse --short HEAD)"
