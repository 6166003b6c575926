#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The code of the C++ Asix PHY driver (drivers/net/phy/ax88796b_cpp.cpp)
# against its C twin ax88796b.c, both built by harness/build.sh with the
# same toolchain and configuration (the C one as an external module of
# that build, in c-twin/):
#
#   phy-size.sh llvm|gcc
#
# Prints the bytes of code (resident: .text and its per-function
# sections; init and exit: .init.text and .exit.text), of data and of
# read-only data of each object, and the instructions of the AX88772A
# read_status callback (objdump): all of them, and those up to its first
# ret (the fall-through path).  Then both disassemblies of read_status,
# with the call targets, so that the paths can be compared.
. "$(dirname "$0")/lib.sh"

tc=${1:-}
[ "$tc" = llvm ] || [ "$tc" = gcc ] || die "usage: phy-size.sh llvm|gcc"
out=$(build_dir "$tc")
uninstrumented "$out"
cpp_o=$out/drivers/net/phy/ax88796b_cpp.o
c_o=$out/c-twin/ax88796b.o
[ -f "$cpp_o" ] && [ -f "$c_o" ] ||
	die "no $cpp_o or $c_o: build the $tc kernel with harness/build.sh (CONFIG_AX88796B_CPP_PHY=y) first"

# sizes OBJ: "resident init+exit data rodata" in bytes, by section name
# (size -A gives decimal sizes).
sizes() {
	size -A "$1" | awk '
		$1 ~ /^\.(init|exit)\.text/ { ie += $2; next }
		$1 ~ /^\.text/ { res += $2; next }
		$1 ~ /^\.(init\.|exit\.)?data/ || $1 == ".bss" { data += $2; next }
		$1 ~ /^\.rodata/ { ro += $2 }
		END { printf "%d %d %d %d\n", res, ie, data, ro }'
}

# disasm OBJ SYMBOL-REGEX: the instructions of the function (no padding).
disasm() {
	objdump -dr --no-show-raw-insn "$1" |
		awk -v re="$2" '/^[0-9a-f]+ <.*>:$/ { on = ($0 ~ re); next } on && NF' |
		grep -vE '^\s*[0-9a-f]+:\s+(nop|data16|int3|cs nop)' |
		sed -E 's/^\s*[0-9a-f]+:\s+//'
}
insns() { disasm "$1" "$2" | grep -vc 'R_X86_64'; }
to_ret() { disasm "$1" "$2" | grep -v 'R_X86_64' | awk '{ n++ } /^ret/ { print n; exit }'; }

c_rs='<asix_ax88772a_read_status>:'
cpp_rs='ResultCallback.*asix_ax88772a_read_status'
[ "$(insns "$c_o" "$c_rs")" -gt 0 ] && [ "$(insns "$cpp_o" "$cpp_rs")" -gt 0 ] ||
	die "read_status not found in the objects"

read -r cr ci cd co <<<"$(sizes "$c_o")"
read -r pr pi pd po <<<"$(sizes "$cpp_o")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf (b ? "%.2f" : "-"), a / b }'; }
row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$(ratio "$3" "$2")"; }
echo "Asix PHY driver, $tc ($(sed -n 's/^CONFIG_CC_VERSION_TEXT="\(.*\)"/\1/p' "$out/.config"))"
echo
echo "| | ax88796b.o (C) | ax88796b_cpp.o (C++) | C++/C |"
echo "|---|---|---|---|"
row "code, resident (bytes)" "$cr" "$pr"
row "code, init and exit (bytes)" "$ci" "$pi"
row "data (bytes)" "$cd" "$pd"
row "read-only data (bytes)" "$co" "$po"
row "AX88772A read_status: instructions" "$(insns "$c_o" "$c_rs")" "$(insns "$cpp_o" "$cpp_rs")"
row "AX88772A read_status: instructions to the first ret" "$(to_ret "$c_o" "$c_rs")" "$(to_ret "$cpp_o" "$cpp_rs")"
echo
echo "C read_status:"
disasm "$c_o" "$c_rs" | sed 's/^/    /'
echo "C++ read_status:"
disasm "$cpp_o" "$cpp_rs" | sed 's/^/    /'
