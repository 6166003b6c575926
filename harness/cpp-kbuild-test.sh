#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Test the C++ build rules on a built kernel (harness/build.sh TOOLCHAIN):
#
#   cpp-kbuild-test.sh llvm|gcc
#
# 1. The C++ Kbuild test of the tree (lib/test_cpp_kbuild*) builds as an
#    external module mixing C and C++ (lib.sh: cpp_kbuild_ext; the module
#    that harness/build.sh builds the same way is what the boot tests
#    load), with cxxflags-y, CXXFLAGS_<obj>,
#    CXXFLAGS_REMOVE_<obj> and KCXXFLAGS, without a warning with W=1; the
#    .cmd files show the flags; fixdep tracks the C++ header; a change of
#    CXX_VERSION_TEXT rebuilds the C++ objects.
# 2. The single targets .i, .s, .lst (and .ll with LLVM) of a C++ file.
# 3. compile_commands.json lists the C++ objects of the kernel.
# 4. C++ that needs run-time support the kernel lacks (exceptions, RTTI,
#    global constructors and destructors, thread_local, the global operator
#    new and delete) fails to build, with a message that names the problem;
#    so does a C++ layout of a bound C record that differs from C's, and
#    so do misuses that the support library catches at compile time (format
#    strings, build_assert(), module parameter permissions, __GFP_ZERO in
#    an XArray's node flags, operations tables with a misspelled, mistyped
#    or missing callback, and locks: with clang++, data used without its
#    lock).  The programs are files in harness/cpp-kbuild-neg/, each with
#    the message it expects.
# 5. make clean removes the C++ build artifacts.
# 6. With KASAN, UBSAN, retpolines and return thunks in the configuration,
#    the C++ objects are compiled with those options and the code is
#    instrumented (a separate, configured but not linked, tree).  KCFI is
#    not among them: CONFIG_CPP excludes CFI, which a configuration that
#    asks for both shows (with clang, which has kCFI).
. "$(dirname "$0")/lib.sh"

tc=${1:-}
src=$BASE_TREE
out=$(build_dir "$tc")
[ -f "$out/vmlinux" ] || die "no $tc kernel in $out; build it first"
grep -q '^CONFIG_TEST_CPP_KBUILD=y' "$out/.config" || die "the $tc kernel has no CONFIG_TEST_CPP_KBUILD=y"
kmake_init "$tc" "$src" "$out"
scratch=$WORK/cpp-kbuild-$tc
rm -rf "$scratch"
mkdir -p "$scratch/ext" "$scratch/neg" "$LOG_DIR"
log=$LOG_DIR/cpp-kbuild-$tc.log
: >"$log"
fail=0
bad() { echo "FAIL: $*"; fail=1; }
run() { "${KMAKE[@]}" "$@" >>"$log" 2>&1; }

# 1. External module.
ext=$scratch/ext
cpp_kbuild_ext "$src" "$ext" || die "cannot set up the external module in $ext"
run M="$ext" KCXXFLAGS=-DTEST_KCXXFLAGS W=1 modules || { tail -20 "$log"; die "the external C++ module did not build (log: $log)"; }
warnings=$(grep -i -E '(^|[: ])warning[:(]' "$log")
[ -z "$warnings" ] || bad "the external module build (W=1) has warnings: $warnings"
grep -q -- '-Wmissing-include-dirs' "$ext/.test_cpp_kbuild_lang.o.cmd" || bad "W=1 did not reach the C++ objects"
[ -f "$ext/test_cpp_kbuild_ext.ko" ] || bad "no test_cpp_kbuild_ext.ko"

cmdline() { sed -n '1s/^savedcmd_[^ ]* := //p' "$ext/.$1.cmd"; }
has() {	# object flag yes|no
	local c
	c=$(cmdline "$1")
	case " $c " in
	*" $2 "*) [ "$3" = yes ] || bad "$1 is compiled with $2" ;;
	*) [ "$3" = no ] || bad "$1 is compiled without $2" ;;
	esac
}
for o in test_cpp_kbuild_lang.o test_cpp_kbuild_comdat.o; do
	has $o -std=gnu++20 yes
	has $o -fno-exceptions yes
	has $o -fno-rtti yes
	has $o -fno-threadsafe-statics yes
	has $o -fno-use-cxa-atexit yes
	has $o -nostdinc++ yes
	has $o -DTEST_KCXXFLAGS yes
	has $o -mcmodel=kernel yes	# an architecture flag from the C flags
	has $o -DMODULE yes
	has $o -std=gnu11 no
	has $o -Wmissing-prototypes no
	has $o -Werror=strict-prototypes no
	cmdline $o | grep -qE '^(ccache )?(clang\+\+|g\+\+) ' || bad "$o is not compiled by CXX: $(cmdline $o | cut -c1-40)"
done
has test_cpp_kbuild_lang.o -DTEST_CXXFLAGS_Y yes
has test_cpp_kbuild_lang.o -DTEST_CXXFLAGS_OBJ yes
if [ "$tc" = llvm ]; then
	has test_cpp_kbuild_lang.o -DTEST_CXX_THREAD_SAFETY=1 yes
	has test_cpp_kbuild_lang.o -Werror=thread-safety yes
else
	has test_cpp_kbuild_lang.o -DTEST_CXX_THREAD_SAFETY=0 yes
	has test_cpp_kbuild_lang.o -Werror=thread-safety no
fi
has test_cpp_kbuild_comdat.o -DTEST_CXXFLAGS_Y no
has test_cpp_kbuild_comdat.o -DTEST_CXXFLAGS_OBJ no
has test_cpp_kbuild_main.o -std=gnu11 yes
has test_cpp_kbuild_main.o -DTEST_CXXFLAGS_Y no
has test_cpp_kbuild_main.o -DTEST_KCXXFLAGS no
# fixdep: the header the C++ files include is a recorded dependency.
grep -q 'test_cpp_kbuild.hpp' "$ext/.test_cpp_kbuild_comdat.o.cmd" ||
	bad "fixdep did not record test_cpp_kbuild.hpp for test_cpp_kbuild_comdat.o"
touch "$ext/test_cpp_kbuild.hpp"
run M="$ext" KCXXFLAGS=-DTEST_KCXXFLAGS modules
grep -qE 'CXX \[M\] +.*test_cpp_kbuild_comdat\.o' <(tail -20 "$log") ||
	bad "touching test_cpp_kbuild.hpp did not rebuild test_cpp_kbuild_comdat.o"
# A new C++ compiler (Kconfig then touches include/config/CXX_VERSION_TEXT)
# rebuilds the C++ objects.
[ -f "$out/include/config/CXX_VERSION_TEXT" ] || bad "Kconfig did not create include/config/CXX_VERSION_TEXT"
touch "$out/include/config/CXX_VERSION_TEXT"
run M="$ext" KCXXFLAGS=-DTEST_KCXXFLAGS W=1 modules
for o in test_cpp_kbuild_lang.o test_cpp_kbuild_comdat.o; do
	grep -qE "CXX \[M\] +.*$o" <(tail -20 "$log") || bad "a new CXX_VERSION_TEXT did not rebuild $o"
done
echo "external module: test_cpp_kbuild_ext.ko, W=1 clean; flags and dependencies as expected"

# 2. Single targets.
targets="test_cpp_kbuild_lang.i test_cpp_kbuild_lang.s test_cpp_kbuild_lang.lst"
[ "$tc" = llvm ] && targets+=" test_cpp_kbuild_lang.ll"
for t in $targets; do
	run M="$ext" "$t" && [ -s "$ext/$t" ] || bad "make $t failed"
done
grep -q 'test_cpp_kbuild_comdat_a' "$ext/test_cpp_kbuild_lang.s" || bad "the .s file has no test_cpp_kbuild_comdat_a"
echo "single targets: $targets"

# 3. compile_commands.json.
run compile_commands.json || bad "make compile_commands.json failed"
python3 - "$out/compile_commands.json" <<'EOF' || fail=1
import json, sys
entries = [e for e in json.load(open(sys.argv[1]))
           if e["file"].endswith("lib/test_cpp_kbuild_lang.cpp")]
if len(entries) != 1:
    sys.exit("FAIL: compile_commands.json has %d entries for test_cpp_kbuild_lang.cpp" % len(entries))
cmd = entries[0]["command"]
if "-std=gnu++20" not in cmd or "cpp_check_object" in cmd or "-c -o" not in cmd:
    sys.exit("FAIL: bad compile_commands.json command: " + cmd)
print("compile_commands.json: lib/test_cpp_kbuild_lang.cpp is listed with its C++ command")
EOF

# 4. What the kernel's C++ does not support fails to build, and says why;
# so do misuses that the support library catches at compile time.  Each
# program in harness/cpp-kbuild-neg/ says what it expects in a comment:
# "expect: REGEX" (must not build, and a line of the compiler's output
# matches), "expect-llvm: REGEX" (the same with clang++; not built with
# g++, which lacks the check), or "builds" (a control that must build).
neg=$scratch/neg
cp "$TOP"/harness/cpp-kbuild-neg/*.cpp "$neg/"
for f in "$neg"/*.cpp; do
	echo "obj-m += $(basename "$f" .cpp).o"
done >"$neg/Kbuild"
n_neg=0
for f in "$neg"/*.cpp; do
	name=$(basename "$f" .cpp)
	want=$(sed -n 's|^// expect: ||p' "$f")
	if [ -z "$want" ] && grep -q '^// expect-llvm: ' "$f"; then
		[ "$tc" = llvm ] || continue
		want=$(sed -n 's|^// expect-llvm: ||p' "$f")
	fi
	if [ -z "$want" ] && ! grep -q '^// builds' "$f"; then
		bad "$name.cpp says nothing of what it expects"
		continue
	fi
	o=$("${KMAKE[@]}" M="$neg" "$name.o" 2>&1)
	echo "$o" >>"$log"
	if [ -z "$want" ]; then
		[ -f "$neg/$name.o" ] || bad "$name.cpp did not build: $(grep -m3 -i error <<<"$o")"
	elif [ -f "$neg/$name.o" ]; then
		bad "$name.cpp built, it must not"
	elif ! grep -qE -- "$want" <<<"$o"; then
		bad "$name.cpp failed without saying why (expected /$want/): $(grep -m3 -i error <<<"$o")"
	else
		echo "$name.cpp: rejected: $(grep -m1 -E -- "$want" <<<"$o" | sed 's/^.*\/neg\///')"
	fi
	n_neg=$((n_neg + 1))
done
echo "harness/cpp-kbuild-neg: $n_neg programs checked"

# A record that the C++ compiler lays out differently from the C compiler
# fails the build of the bindings' layout check, naming the record.
o=$("${KMAKE[@]}" KCXXFLAGS=-fpack-struct=1 cpp/bindings/layout_cpp.o 2>&1)
echo "$o" >>"$log"
if ! grep -qE 'static assertion failed.*(size|alignment|offset) of ' <<<"$o"; then
	bad "a C++ layout different from C's was not rejected: $(grep -i error <<<"$o" | head -3)"
else
	echo "layout mismatch (KCXXFLAGS=-fpack-struct=1): rejected: $(grep -m1 -oE '(size|alignment|offset) of [^"]*' <<<"$o")"
fi
run cpp/bindings/layout_cpp.o cpp/ || bad "the bindings' layout check does not build again without -fpack-struct"

# 5. make clean.
run M="$ext" clean || bad "make clean failed"
left=$(cd "$ext" && find . -name '*.o' -o -name '*.ko' -o -name '*.[is]' -o -name '*.ll' \
	-o -name '*.lst' -o -name '.*.cmd' -o -name '*.mod' -o -name '*.mod.c' | sort | tr '\n' ' ')
[ -z "$left" ] || bad "make clean left: $left"
echo "make clean: no C++ build artifacts left"

# 6. Instrumentation reaches C++.
inst=$(build_dir "$tc-instrumented")
mkdir -p "$inst"
kmake_init "$tc" "$src" "$inst"
frag=$scratch/instrumented.config
cat >"$frag" <<'EOF'
# CONFIG_SLUB_TINY is not set
CONFIG_KASAN=y
CONFIG_UBSAN=y
CONFIG_UBSAN_BOUNDS=y
CONFIG_CPU_MITIGATIONS=y
CONFIG_MITIGATION_RETPOLINE=y
CONFIG_MITIGATION_RETHUNK=y
EOF
objs="lib/test_cpp_kbuild_lang.o lib/test_cpp_kbuild_comdat.o"
if ! { run tinyconfig &&
	"$src/scripts/kconfig/merge_config.sh" -m -O "$inst" "$inst/.config" \
		"$TOP"/harness/kconfig/*.config "$frag" >>"$log" 2>&1 &&
	run olddefconfig; }; then
	bad "configuring the instrumented tree failed"
else
	for opt in CONFIG_CPP=y $(grep -o '^CONFIG_[A-Z_]*=y' "$frag"); do
		grep -qx "$opt" "$inst/.config" || bad "instrumented configuration: $opt did not stick"
	done
	# No object of an earlier run may stand in for this one.
	rm -f "$inst/lib/test_cpp_kbuild_lang.o"
	# shellcheck disable=SC2086 # $objs is a list
	run $objs || bad "building the instrumented C++ objects failed"
fi
if [ -f "$inst/lib/test_cpp_kbuild_lang.o" ] && grep -qx CONFIG_CPP=y "$inst/.config"; then
	icmd=$(sed -n 1p "$inst/lib/.test_cpp_kbuild_lang.o.cmd")
	syms=$(PATH=$LLVM_BIN:$PATH llvm-nm "$inst/lib/test_cpp_kbuild_lang.o")
	want() {	# what flag-regex symbol-regex
		grep -qE -- "$2" <<<"$icmd" || bad "$1: the C++ object is compiled without /$2/"
		[ -z "$3" ] || grep -qE "$3" <<<"$syms" || bad "$1: the C++ object has no /$3/ symbol"
	}
	want KASAN ' -fsanitize=kernel-address ' ' U __asan_(report_)?(load|store)'
	want UBSAN ' -fsanitize=[a-z,-]*bounds' ''
	want retpoline ' (-mretpoline-external-thunk|-mindirect-branch=thunk-extern) ' ''
	want rethunk ' -mfunction-return=thunk-extern ' ' U __x86_return_thunk'
	echo "instrumented: KASAN, UBSAN, retpoline, rethunk flags reach the C++ objects"
fi

# CONFIG_CPP depends on !CFI (not on CFI_CLANG: a transitional alias of CFI,
# which no new configuration sets): asked for both, kCFI wins, C++ is off.
if [ "$tc" = llvm ]; then
	printf 'CONFIG_CFI=y\nCONFIG_CPP=y\n' >"$scratch/cfi.config"
	if { run tinyconfig &&
		"$src/scripts/kconfig/merge_config.sh" -m -O "$inst" "$inst/.config" \
			"$TOP"/harness/kconfig/*.config "$scratch/cfi.config" >>"$log" 2>&1 &&
		run olddefconfig; }; then
		grep -qx CONFIG_CFI=y "$inst/.config" || bad "kCFI: CONFIG_CFI=y did not stick"
		grep -q '^CONFIG_CPP=y' "$inst/.config" && bad "kCFI: CONFIG_CPP is set together with CONFIG_CFI"
		grep -qx CONFIG_CFI=y "$inst/.config" && ! grep -q '^CONFIG_CPP=y' "$inst/.config" &&
			echo "kCFI: a configuration with CONFIG_CFI=y has no CONFIG_CPP"
	else
		bad "configuring a tree with kCFI failed"
	fi
fi

[ $fail -eq 0 ] || die "C++ build rules ($tc): see the failures above (log: $log)"
echo "C++ build rules ($tc): ok"
