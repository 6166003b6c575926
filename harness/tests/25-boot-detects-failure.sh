#!/bin/bash
# level: full
# The boot test can fail: with a module in the list that does not exist,
# boot.sh must report the failed load and exit non-zero.
. "$(dirname "$0")/../lib.sh"
[ -f "$(build_dir llvm)/arch/x86/boot/bzImage" ] || { echo "no llvm kernel (did 20-build-llvm fail?)"; exit 1; }
trap '"$TOP/harness/initramfs.sh" llvm >/dev/null' EXIT
BLK_TEST=0 EXTRA_MODULES=cpp_no_such_module "$TOP/harness/initramfs.sh" llvm >/dev/null || exit 1
if out=$("$TOP/harness/boot.sh" llvm 2>&1); then
	echo "$out"
	echo "boot.sh passed although cpp_no_such_module cannot load"
	exit 1
fi
grep -q '^load cpp_no_such_module: FAILED' <<<"$out" || { echo "$out"; echo "no FAILED line"; exit 1; }
echo "boot.sh fails when a module does not load"
