#!/bin/bash
# level: full
# The llvm kernel boots in QEMU and loads and unloads every C++ module.
. "$(dirname "$0")/../lib.sh"
[ -f "$(build_dir llvm)/arch/x86/boot/bzImage" ] || { echo "no llvm kernel (did 20-build-llvm fail?)"; exit 1; }
"$TOP/harness/initramfs.sh" llvm && "$TOP/harness/boot.sh" llvm
