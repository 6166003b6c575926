#!/bin/bash
# level: full
# The gcc kernel boots in QEMU and loads and unloads every C++ module.
. "$(dirname "$0")/../lib.sh"
[ -f "$(build_dir gcc)/arch/x86/boot/bzImage" ] || { echo "no gcc kernel (did 22-build-gcc fail?)"; exit 1; }
"$TOP/harness/initramfs.sh" gcc && "$TOP/harness/boot.sh" gcc
