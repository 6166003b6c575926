#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Code size of samples/cpp/cpp_minimal.ko against its C twin
# (harness/bench/c_minimal/c_minimal.c: same output, same growth policy),
# built by the same toolchain with the same configuration:
#
#   module-size.sh llvm|gcc
#
# Needs a built kernel (harness/build.sh TOOLCHAIN, with the sample as a
# module).  Prints the sizes of .text, .init.text and .exit.text of each
# module, their sum, and the C++/C ratio of the sums.
. "$(dirname "$0")/lib.sh"

tc=${1:-}
[ "$tc" = llvm ] || [ "$tc" = gcc ] || die "usage: module-size.sh llvm|gcc"
out=$(build_dir "$tc")
uninstrumented "$out"
cpp_ko=$out/samples/cpp/cpp_minimal.ko
[ -f "$cpp_ko" ] || die "no $cpp_ko: build the $tc kernel with harness/build.sh first"
kmake_init "$tc" "$BASE_TREE" "$out"
ext=$WORK/module-size-$tc
rm -rf "$ext" && mkdir -p "$ext" && cp "$TOP"/harness/bench/c_minimal/* "$ext"/ || exit 1
"${KMAKE[@]}" M="$ext" modules >"$ext/build.log" 2>&1 || die "building c_minimal.ko failed (log: $ext/build.log)"

text() {	# module.ko -> ".text .init.text .exit.text total"
	local t i e
	t=$(section_size "$1" .text)
	i=$(section_size "$1" .init.text)
	e=$(section_size "$1" .exit.text)
	echo "$t $i $e $((t + i + e))"
}
section_size() {	# module.ko section -> size in bytes (0 if absent)
	local hex
	hex=$(PATH=$LLVM_BIN:$PATH llvm-readelf -S -W "$1" |
		sed -n "s/^ *\[ *[0-9]*\] $(sed 's/\./\\./g' <<<"$2") *[A-Z_]* *[0-9a-f]* [0-9a-f]* \([0-9a-f]*\) .*/\1/p")
	echo $((16#${hex:-0}))
}
read -r ct ci ce csum <<<"$(text "$ext/c_minimal.ko")"
read -r pt pi pe psum <<<"$(text "$cpp_ko")"
printf '%-16s %8s %12s %12s %8s\n' "$tc" .text .init.text .exit.text total
printf '%-16s %8d %12d %12d %8d\n' c_minimal.ko "$ct" "$ci" "$ce" "$csum"
printf '%-16s %8d %12d %12d %8d\n' cpp_minimal.ko "$pt" "$pi" "$pe" "$psum"
awk -v a="$psum" -v b="$csum" 'BEGIN { printf "C++/C: %.2f\n", a / b }'
