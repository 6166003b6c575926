#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the initramfs for a built kernel: static busybox, the installed
# modules, harness/guest/init, and /cpp-modules, the list of modules that
# contain C++ objects (an object foo.o of a module is C++ when foo.cpp
# exists in the source tree).
#
#   initramfs.sh llvm|gcc [TREE]    -> <build dir>/initramfs.cpio
#
# INIT=file: another /init (the benchmark's).
. "$(dirname "$0")/lib.sh"

tc=${1:-}
src=${2:-$BASE_TREE}
out=$(build_dir "$tc" "$src")
[ -f "$out/arch/x86/boot/bzImage" ] || die "no $tc kernel in $out; build it first"
[ -x /bin/busybox ] || die "busybox is missing; run: make deps"
# A dynamically linked busybox would find no libc in the initramfs.
file -L /bin/busybox | grep -q 'statically linked' ||
	die "/bin/busybox is not statically linked; run: apt-get install busybox-static"

root=$out/initramfs
rm -rf "$root"
mkdir -p "$root"/{bin,dev,proc,sys,lib}
cp /bin/busybox "$root/bin/busybox"
install -m 755 "${INIT:-$TOP/harness/guest/init}" "$root/init"
# EXTRA_FILES="host:guest ...": more files (the benchmark's matrix).
for f in ${EXTRA_FILES:-}; do cp "${f%%:*}" "$root${f#*:}"; done
# The kselftest of the C++ samples, if the tree has it; /init runs it.
if [ -f "$src/tools/testing/selftests/cpp/test_probe_samples.sh" ]; then
	mkdir -p "$root/selftests/cpp" "$root/selftests/kselftest"
	install -m 755 "$src/tools/testing/selftests/cpp/test_probe_samples.sh" "$root/selftests/cpp/"
	install -m 644 "$src/tools/testing/selftests/kselftest/ktap_helpers.sh" "$root/selftests/kselftest/"
	# Its C programs, static: the initramfs has no C library.
	if grep -q '^TEST_GEN_PROGS' "$src/tools/testing/selftests/cpp/Makefile"; then
		make -s -C "$src/tools/testing/selftests/cpp" OUTPUT="$root/selftests/cpp" \
			LDFLAGS=-static >/dev/null || die "the C++ kselftest programs did not build"
	fi
fi
# "module arguments..." lines: what /init passes to modprobe.
grep -v '^#' "$TOP/harness/guest/module-args" >"$root/module-args"
# Modules that /init loads last (they report a bug on purpose).
grep -v '^#' "$TOP/harness/guest/late-modules" >"$root/late-modules"
[ -d "$out/modinst/lib/modules" ] && cp -a "$out/modinst/lib/modules" "$root/lib/"
# The C twin of a C++ driver (harness/build.sh), outside /lib/modules so
# that only /init loads it, by path.
if [ -f "$out/c-twin/ax88796b.ko" ]; then
	mkdir -p "$root/c-twin"
	cp "$out/c-twin/ax88796b.ko" "$root/c-twin/"
fi

# fio and cyclictest and the libraries they link, for the test of the C++
# null block driver (harness/guest/blk-test), when the tree has the driver
# (BLK_TEST=0: not, for the tests of boot.sh itself, which do not need it).
if [ -f "$src/drivers/block/cppnull/cppnull.cpp" ] && [ "${BLK_TEST:-1}" = 1 ]; then
	command -v fio >/dev/null || die "fio is missing; run: make deps"
	command -v cyclictest >/dev/null || die "cyclictest is missing; run: make deps"
	install -m 755 "$TOP/harness/guest/blk-test" "$root/blk-test"
	for prog in /usr/bin/fio /usr/bin/cyclictest; do
		cp "$prog" "$root/bin/"
		ldd "$prog" | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/[^ ]*ld-linux[^ ]*\) .*/\1/p' |
			while read -r lib; do
				mkdir -p "$root$(dirname "$lib")"
				cp -L "$lib" "$root$lib"
			done
	done
fi

# The fault-injection sweeps (harness/guest/fault-test), for a kernel with
# fault injection (the sanitizer kernel), and their static loader.
if grep -q '^CONFIG_FAULT_INJECTION=y' "$out/.config"; then
	install -m 755 "$TOP/harness/guest/fault-test" "$root/fault-test"
	gcc -static -O2 -Wall -Werror -o "$root/load-nth" "$TOP/harness/guest/load-nth.c" ||
		die "harness/guest/load-nth.c did not build"
	# kmemleak's own allocations, made for each allocation it tracks,
	# fail quietly (it falls back to its pool): /fault-test keeps fault
	# injection out of them (the stack-trace filter's reject range:
	# __alloc_object(), on every such stack), or each would be one more
	# point of every sweep where nothing happens.
	if grep -q '^CONFIG_DEBUG_KMEMLEAK=y' "$out/.config"; then
		[ "$(grep -c ' __alloc_object$' "$out/System.map")" = 1 ] ||
			die "System.map has no single __alloc_object (kmemleak)"
		sort "$out/System.map" | awk '$3 == "__alloc_object" { getline n; split(n, f, " "); print $1, f[1]; exit }' \
			>"$root/fault-reject"
	fi
fi

# The C++ modules, in build order.
: >"$root/cpp-modules"
while read -r o; do
	mod=${o%.o}
	for obj in $(cat "$out/$mod.mod" 2>/dev/null); do
		if [ -f "$src/${obj%.o}.cpp" ]; then
			basename "$mod" | tr - _ >>"$root/cpp-modules"
			break
		fi
	done
done <"$out/modules.order"
# The C++ Kbuild test built as an external module (harness/build.sh).
if [ -n "$(find "$out/modinst/lib/modules" -path '*/updates/test_cpp_kbuild_ext.ko' 2>/dev/null)" ]; then
	echo test_cpp_kbuild_ext >>"$root/cpp-modules"
fi
# EXTRA_MODULES: more module names to load (the tests use it).
for m in ${EXTRA_MODULES:-}; do echo "$m" >>"$root/cpp-modules"; done

# C++ sources in samples/ or drivers/ must give C++ modules: otherwise the
# boot test would pass while testing nothing (see harness/kconfig/).
if [ ! -s "$root/cpp-modules" ] && [ -n "$(git -C "$src" ls-files -- 'samples/*.cpp' 'drivers/*.cpp' | head -n 1)" ]; then
	die "the tree has C++ samples or drivers but no C++ module was built; enable them in harness/kconfig/"
fi

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) >"$out/initramfs.cpio" ||
	die "cannot create the initramfs"
echo "initramfs: $(wc -l <"$root/cpp-modules") C++ modules: $(tr '\n' ' ' <"$root/cpp-modules")"
