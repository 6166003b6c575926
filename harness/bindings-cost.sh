#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What the generated C++ bindings cost, on a built kernel
# (harness/build.sh TOOLCHAIN):
#
#   bindings-cost.sh llvm|gcc [RUNS]
#
# - the size of cpp/bindings/bindings_generated.hpp, which every C++ file
#   includes;
# - the run time of the generator (its command from the .cmd file);
# - the compile time a C++ translation unit pays for including the
#   bindings: the same kernel C++ command (that of
#   lib/cpp_bindings_kunit_cpp.o, without ccache) on a file that only
#   defines a function, with and without #include <bindings/bindings.hpp>;
#   the median of RUNS (default 11) runs each;
# - the time cpp/ adds to a from-scratch build: `make cpp/` after removing
#   cpp/ from the build directory, ccache disabled (this includes the
#   generator, the layout checks, the helpers, the runtime and the exports).
. "$(dirname "$0")/lib.sh"

tc=${1:-}
runs=${2:-11}
out=$(build_dir "$tc")
uninstrumented "$out"
[ -f "$out/vmlinux" ] || die "no $tc kernel in $out; build it first"
kmake_init "$tc" "$BASE_TREE" "$out"
hdr=$out/cpp/bindings/bindings_generated.hpp
cmdfile=$out/lib/.cpp_bindings_kunit_cpp.o.cmd
[ -f "$hdr" ] && [ -f "$cmdfile" ] || die "no bindings or no bindings KUnit test in $out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# seconds, as a float, of running "$@" (output discarded)
seconds() {
	local t0 t1
	t0=$(date +%s.%N)
	"$@" >/dev/null 2>&1 || return 1
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", b - a}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "bindings ($tc): $(wc -l <"$hdr") lines, $(wc -c <"$hdr") bytes," \
	"$(awk '/^\/\* Functions\. \*\/$/ {f = 1; next} f && /;$/ {n++} END {print n + 0}' "$hdr") functions," \
	"$(grep -c '^struct [A-Za-z0-9_]* {$' "$hdr") records"

gen=$(sed -n 's/^savedcmd_[^ ]* := //p' "$out/cpp/bindings/.bindings_generated.hpp.cmd")
# The command writes into cpp/bindings/: run it on copies in $tmp.
gen=${gen//cpp\/bindings\/bindings_generated.hpp/$tmp\/b.hpp}
gen=${gen//cpp\/bindings\/layout_generated.h/$tmp\/l.h}
gen=$(sed -E "s# --depfile [^ ]+# --depfile $tmp/b.d#" <<<"$gen")
t=$(for _ in 1 2 3; do (cd "$out" && seconds sh -c "$gen"); done | median)
[ -n "$t" ] || die "the generator failed: $gen"
cmp -s "$tmp/b.hpp" "$hdr" || die "the generator run here did not reproduce $hdr"
echo "generator ($tc): ${t}s (median of 3)"

# The kernel C++ compile command, for a source file and an object.
cxx=$(sed -n 's/^savedcmd_[^ ]* := //p' "$cmdfile" | sed -E 's/;.*//; s/^ccache //')
cxx=$(sed -E "s# -Wp,-MMD,[^ ]+##; s# -o [^ ]+# -o $tmp/x.o#; s# [^ ]*lib/cpp_bindings_kunit_cpp\.cpp# @SRC@#" <<<"$cxx")
printf 'int f(int x);\nint f(int x)\n{\n\treturn x + 1;\n}\n' >"$tmp/plain.cpp"
{ echo '#include <bindings/bindings.hpp>'; cat "$tmp/plain.cpp"; } >"$tmp/bindings.cpp"
for f in plain bindings; do
	c=${cxx//@SRC@/$tmp/$f.cpp}
	(cd "$out" && sh -c "$c") || die "the C++ command failed on $f.cpp: $c"
	for _ in $(seq "$runs"); do (cd "$out" && seconds sh -c "$c"); done | median >"$tmp/$f.t"
done
plain=$(cat "$tmp/plain.t")
with=$(cat "$tmp/bindings.t")
echo "C++ translation unit ($tc): ${plain}s without the bindings, ${with}s with them:" \
	"+$(awk -v a="$plain" -v b="$with" 'BEGIN {printf "%.3f", b - a}')s (median of $runs)"

# make cpp/ also runs the steps of `make prepare` that every build runs;
# a second, no-op make cpp/ measures those.
rm -rf "$out/cpp"
t=$(CCACHE_DISABLE=1 seconds "${KMAKE[@]}" -j2 cpp/)
[ -n "$t" ] || die "make cpp/ failed"
t0=$(seconds "${KMAKE[@]}" -j2 cpp/)
echo "make cpp/ ($tc, -j2, no ccache): ${t}s from scratch, ${t0}s when up to date:" \
	"+$(awk -v a="$t0" -v b="$t" 'BEGIN {printf "%.1f", b - a}')s for a from-scratch build"
