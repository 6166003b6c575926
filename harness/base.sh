#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Create the base kernel tree: Debian's linux-source-6.12 (the version in
# harness/base-version), unpacked once into .work/linux and committed as
# a single base commit tagged "base".  The commit is made with a fixed
# identity and date, so the same source gives the same commit id on every
# machine, and `git am` of the series gives the same commits.
. "$(dirname "$0")/lib.sh"

want=$(base_pkg_version)

if git -C "$BASE_TREE" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null 2>&1; then
	have=$(git -C "$BASE_TREE" config cpp.baseversion)
	[ "$have" = "$want" ] || warn "base tree is linux-source-6.12 $have, the project records $want (rm -rf $WORK to start over)"
	exit 0
fi

[ ! -e "$BASE_TREE" ] || die "$BASE_TREE exists but is not a base tree; remove it (make distclean) and run make setup again"
mkdir -p "$WORK"
installed=$(dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null)
tarball=/usr/src/linux-source-6.12.tar.xz
version=$installed
if [ "$installed" != "$want" ]; then
	# Fetch the recorded version without touching the installed package.
	deb_dir=$WORK/deb
	mkdir -p "$deb_dir"
	download() { (cd "$deb_dir" && apt-get download -q "linux-source-6.12=$want" >/dev/null 2>&1); }
	# Stale package lists do not know the version: refresh them once.
	if download || { [ "$(id -u)" -eq 0 ] && apt-get update -qq >/dev/null 2>&1 && download; }; then
		echo "unpacking linux-source-6.12 $want from the Debian archive"
		dpkg-deb --fsys-tarfile "$deb_dir"/linux-source-6.12_*.deb |
			tar -x -C "$deb_dir" ./usr/src/linux-source-6.12.tar.xz || die "cannot unpack the linux-source-6.12 package"
		tarball=$deb_dir/usr/src/linux-source-6.12.tar.xz
		version=$want
	elif [ -n "$installed" ]; then
		warn "linux-source-6.12 $want is no longer in the archive; using the installed $installed"
	else
		die "linux-source-6.12 is not installed and $want cannot be downloaded; run: make deps"
	fi
fi
[ -f "$tarball" ] || die "$tarball is missing; run: make deps"

echo "unpacking $tarball (linux-source-6.12 $version)"
rm -rf "$BASE_TREE.tmp"
mkdir -p "$BASE_TREE.tmp"
tar -xJf "$tarball" -C "$BASE_TREE.tmp" --strip-components=1 || die "cannot unpack $tarball"
[ -z "${deb_dir:-}" ] || rm -rf "$deb_dir"

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
GIT_AUTHOR_DATE="2024-11-17T00:00:00+0000" GIT_COMMITTER_DATE="2024-11-17T00:00:00+0000" \
	git commit -q -m "Linux $kver (Debian linux-source-6.12 $version)" \
		-m "The unmodified source of Debian's linux-source-6.12 package, version $version." ||
	die "cannot commit the base tree"
git tag "$BASE_TAG"
cd "$WORK" || exit 1
mv "$BASE_TREE.tmp" "$BASE_TREE"
echo "base: Linux $kver (linux-source-6.12 $version), commit $(git -C "$BASE_TREE" rev-parse --short HEAD)"
