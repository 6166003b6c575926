#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Compile time of samples/cpp/cpp_print.cpp against its C twin
# (harness/bench/c_print/c_print.c: the same lines, a kref-counted object
# for the Arc part), each compiled with its exact Kbuild command line of
# the TOOLCHAIN's kernel, without ccache:
#
#   compile-time.sh llvm|gcc [RUNS]
#
# Needs a built kernel (harness/build.sh TOOLCHAIN, with the sample as a
# module).  Prints the median wall time of RUNS (default 11) compilations
# of each file and the C++/C ratio.
. "$(dirname "$0")/lib.sh"

tc=${1:-}
runs=${2:-11}
[ "$tc" = llvm ] || [ "$tc" = gcc ] || die "usage: compile-time.sh llvm|gcc [RUNS]"
out=$(build_dir "$tc")
uninstrumented "$out"
[ -f "$out/samples/cpp/.cpp_print.o.cmd" ] || die "no cpp_print.o: build the $tc kernel with harness/build.sh first"
kmake_init "$tc" "$BASE_TREE" "$out"
ext=$WORK/compile-time-$tc
rm -rf "$ext" && mkdir -p "$ext" && cp "$TOP"/harness/bench/c_print/* "$ext"/ || exit 1
"${KMAKE[@]}" M="$ext" modules >"$ext/build.log" 2>&1 || die "building c_print.ko failed (log: $ext/build.log)"

# The compiler command of an object, from its .cmd file, without ccache,
# the dependency file, and objtool or other commands after it.
compile_cmd() {	# dir .cmd-file
	sed -n 's/^savedcmd_[^ ]* := //p' "$2" | sed 's/;.*//; s/^ccache //; s/-Wp,-MMD,[^ ]*//'
}
time_median() {	# dir command: median seconds of $runs runs
	local i t0 t1 times=()
	for ((i = 0; i < runs; i++)); do
		t0=$(date +%s.%N)
		(cd "$1" && eval "$2") >/dev/null 2>&1 || die "compilation failed in $1: $2"
		t1=$(date +%s.%N)
		times+=("$(awk -v a="$t1" -v b="$t0" 'BEGIN { printf "%.4f", a - b }')")
	done
	printf '%s\n' "${times[@]}" | sort -n | sed -n "$((runs / 2 + 1))p"
}
cpp_cmd=$(compile_cmd "$out" "$out/samples/cpp/.cpp_print.o.cmd" | sed 's| -o samples/cpp/cpp_print.o| -o /dev/null|')
c_cmd=$(compile_cmd "$out" "$ext/.c_print.o.cmd" | sed "s| -o $ext/c_print.o| -o /dev/null|")
[[ $cpp_cmd == *"-o /dev/null"* && $c_cmd == *"-o /dev/null"* ]] || die "cannot find the output file in the compile commands"
export PATH=$LLVM_BIN:$PATH
c=$(time_median "$out" "$c_cmd")
cpp=$(time_median "$out" "$cpp_cmd")
printf '%s: median of %d runs: c_print.c %.3f s, cpp_print.cpp %.3f s\n' "$tc" "$runs" "$c" "$cpp"
awk -v a="$cpp" -v b="$c" 'BEGIN { printf "C++/C: %.2f\n", a / b }'
