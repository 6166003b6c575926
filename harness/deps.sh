#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install the Debian packages the harness needs, only those missing.
# Without root (and without password-less sudo) it prints the one
# command that installs them and fails.
. "$(dirname "$0")/lib.sh"

PACKAGES=(
	# toolchains: LLVM 19 for LLVM=1, GCC for the GCC build
	clang-19 clang-format-19 lld-19 llvm-19 libclang-19-dev python3-clang-19 gcc g++
	# kernel build
	make flex bison bc libelf-dev libssl-dev cpio kmod dwarves file
	python3 perl rsync ccache
	# checkpatch.pl: spdxcheck.py needs ply and GitPython
	python3-ply python3-git
	# base tree, series handling and review tools
	xz-utils git git-email libmailtools-perl b4 quilt patch
	# boot tests and benchmarks (libc6-dev: libc.a, for the kselftest
	# programs, linked static for the initramfs; rt-tests: cyclictest)
	qemu-system-x86 busybox-static fio libc6-dev rt-tests
	# the harness's own lint
	shellcheck
)

# EXTRA_PACKAGES: more packages to require (the tests use it).
# shellcheck disable=SC2206
PACKAGES+=(${EXTRA_PACKAGES:-})

missing=()
for p in "${PACKAGES[@]}"; do
	[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	SUDO=
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
	SUDO=sudo
else
	die "missing packages: ${missing[*]}; run: sudo apt-get install ${missing[*]}"
fi

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists at all.
$SUDO apt-get update -qq >/dev/null ||
	die "apt-get update failed; check the Debian archive in /etc/apt/sources.list*"
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >"${TMPDIR:-/tmp}/cpp-for-linux-apt.log" 2>&1 ||
	die "apt-get install ${missing[*]} failed; see ${TMPDIR:-/tmp}/cpp-for-linux-apt.log"
