#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make run`: from a fresh Debian machine to "series applied, kernel
# built, booted, C++ modules loaded and unloaded".  Each stage prints its
# elapsed time.  Exit 0 only if every stage worked.
#
#   KERNEL_SRC=DIR   use your own kernel git tree instead of .work/linux
#   TOOLCHAIN=gcc    build with GCC instead of LLVM=1 (LLVM 19)
. "$(dirname "$0")/lib.sh"

tc=${TOOLCHAIN:-llvm}
stage "packages"
"$TOP/harness/deps.sh" || exit 1
if [ -z "${KERNEL_SRC:-}" ]; then
	stage "base tree ($(base_pkg_name) $(base_pkg_version))"
	"$TOP/harness/base.sh" || exit 1
fi
stage "apply the series ($(series_patches | wc -l) patches)"
tree=$("$TOP/harness/apply.sh" | tail -n 1) || exit 1
[ -n "$tree" ] || exit 1
stage "configure and build ($tc)"
"$TOP/harness/build.sh" "$tc" "$tree" || exit 1
stage "initramfs"
"$TOP/harness/initramfs.sh" "$tc" "$tree" || exit 1
stage "boot in QEMU, load and unload the C++ modules"
"$TOP/harness/boot.sh" "$tc" "$tree" || exit 1
stage_end
echo "make run: ok ($(_elapsed "$_run_start")s)"
