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
#    an XArray's node flags, and locks: with clang++, data used without its
#    lock).
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

# 4. What the kernel's C++ does not support fails to build, and says why.
neg=$scratch/neg
cat >"$neg/exceptions.cpp" <<'EOF'
int thrower(int x);
int thrower(int x)
{
	if (x)
		throw x;
	return 0;
}
EOF
cat >"$neg/rtti.cpp" <<'EOF'
struct Base {
	virtual int f();
};
struct Derived : Base {
	int f() override;
};
Derived *to_derived(Base *b);
Derived *to_derived(Base *b)
{
	return dynamic_cast<Derived *>(b);
}
EOF
cat >"$neg/global_ctor.cpp" <<'EOF'
struct Counter {
	Counter();
	int value;
};
Counter counter;
EOF
cat >"$neg/global_dtor.cpp" <<'EOF'
struct Resource {
	~Resource();
	int value;
};
Resource resource;
EOF
cat >"$neg/static_local_dtor.cpp" <<'EOF'
struct Resource {
	~Resource();
	int value;
};
int use_resource();
int use_resource()
{
	static Resource resource;
	return resource.value;
}
EOF
cat >"$neg/thread_local.cpp" <<'EOF'
thread_local int counter;
int next_count();
int next_count()
{
	return ++counter;
}
EOF
cat >"$neg/global_new.cpp" <<'EOF'
int *make_int();
int *make_int()
{
	return new int(1);
}
EOF
cat >"$neg/global_delete.cpp" <<'EOF'
void drop_int(int *p);
void drop_int(int *p)
{
	delete p;
}
EOF
cat >"$neg/virtual_dtor.cpp" <<'EOF'
struct Base {
	virtual ~Base();
	int value;
};
Base::~Base()
{
}
EOF
cat >"$neg/placement_new.cpp" <<'EOF'
#include <new>
struct Point {
	int x, y;
};
Point *make_point(void *mem);
Point *make_point(void *mem)
{
	return new (mem) Point{ 1, 2 };
}
EOF
# The support library's compile-time checks: a format string that does not
# match its arguments, a type without a Formatter, a build_assert() the
# optimiser cannot prove.
cat >"$neg/fmt_too_few.cpp" <<'EOF'
#include <kernel/print.hpp>
void say(int a);
void say(int a)
{
	pr_info("{} and {}\n", a);
}
EOF
cat >"$neg/fmt_bad_spec.cpp" <<'EOF'
#include <kernel/print.hpp>
void say(const char *s);
void say(const char *s)
{
	pr_info("{:x}\n", s);
}
EOF
cat >"$neg/fmt_no_formatter.cpp" <<'EOF'
#include <kernel/print.hpp>
struct Opaque {
	int hidden;
};
void say(const Opaque &o);
void say(const Opaque &o)
{
	pr_info("{}\n", o);
}
EOF
cat >"$neg/build_assert_fail.cpp" <<'EOF'
#include <kernel/build_assert.hpp>
int pick(int n);
int pick(int n)
{
	build_assert(n == 4);
	return n;
}
EOF
cat >"$neg/build_assert_ok.cpp" <<'EOF'
#include <kernel/build_assert.hpp>
static inline int scaled(int n)
{
	build_assert(n % 4 == 0);
	return n / 4;
}
int three(void);
int three(void)
{
	return scaled(12);
}
EOF
# An XArray's node flags with __GFP_ZERO (slub warns when a new slab of
# the nodes' cache, which has a constructor, is asked for zeroed): the
# flags of a zeroed page passed on to the array.  The control stores with
# the flags of the page without it.
xa_head='#include <kernel/alloc/kbox.hpp>
#include <kernel/xarray.hpp>
using namespace kernel;
Result<void> put(XArray<KBox<int>> &xa, KBox<int> &&b);
Result<void> put(XArray<KBox<int>> &xa, KBox<int> &&b)
{
	constexpr alloc::Flags page_flags = GFP_NOIO | __GFP_ZERO;'
printf '%s\n\treturn xa.store(0, move(b), page_flags);\n}\n' "$xa_head" >"$neg/xarray_gfp_zero.cpp"
printf '%s\n\treturn xa.store(0, move(b), page_flags & ~__GFP_ZERO);\n}\n' "$xa_head" >"$neg/xarray_flags_ok.cpp"
# A world-writable module parameter (VERIFY_OCTAL_PERMISSIONS() in C); the
# control is the same parameter, readable by all.
cat >"$neg/param_world_writable.cpp" <<'EOF'
#include <kernel/module.hpp>
KERNEL_MODULE_PARAM(level, int, 1, 0666, "A level");
EOF
cat >"$neg/param_ok.cpp" <<'EOF'
#include <kernel/module.hpp>
KERNEL_MODULE_PARAM(level, int, 1, 0644, "A level");
EOF
# The locks of kernel::sync: with clang++ (-Werror=thread-safety), data
# declared KERNEL_GUARDED_BY() a lock and used without it, a function that
# KERNEL_REQUIRES() a lock called without it, a lock taken twice, and a
# reference into a lock's data that outlives its guard do not build; with
# both compilers, a guard cannot be copied.  The control uses them right.
tsa_head='#include <kernel/sync/mutex.hpp>
using namespace kernel;
struct Counter {
	Mutex<int> lock{ KERNEL_LOCK_CLASS(), 0 };
	int count KERNEL_GUARDED_BY(lock) = 0;
	void add_locked(int n) KERNEL_REQUIRES(lock) { count += n; }
	void f();
};'
printf '%s\nvoid Counter::f()\n{\n\tcount++;\n}\n' "$tsa_head" >"$neg/tsa_unguarded.cpp"
printf '%s\nvoid Counter::f()\n{\n\tadd_locked(1);\n}\n' "$tsa_head" >"$neg/tsa_requires.cpp"
printf '%s\nvoid Counter::f()\n{\n\tauto a = lock.lock();\n\tauto b = lock.lock();\n}\n' "$tsa_head" >"$neg/tsa_twice.cpp"
printf '%s\nvoid Counter::f()\n{\n\tint &r = *lock.lock();\n\tr++;\n}\n' "$tsa_head" >"$neg/tsa_dangling.cpp"
printf '%s\nvoid Counter::f()\n{\n\tauto a = lock.lock();\n\tauto b = a;\n}\n' "$tsa_head" >"$neg/guard_copy.cpp"
printf '%s\nvoid Counter::f()\n{\n\tauto a = lock.lock();\n\tcount++;\n\tadd_locked(*a);\n}\n' "$tsa_head" >"$neg/tsa_ok.cpp"
echo 'obj-m := exceptions.o rtti.o global_ctor.o global_dtor.o static_local_dtor.o thread_local.o' >"$neg/Kbuild"
echo 'obj-m += tsa_unguarded.o tsa_requires.o tsa_twice.o tsa_dangling.o guard_copy.o tsa_ok.o' >>"$neg/Kbuild"
echo 'obj-m += global_new.o global_delete.o virtual_dtor.o placement_new.o' >>"$neg/Kbuild"
echo 'obj-m += fmt_too_few.o fmt_bad_spec.o fmt_no_formatter.o build_assert_fail.o build_assert_ok.o' >>"$neg/Kbuild"
echo 'obj-m += param_world_writable.o param_ok.o xarray_gfp_zero.o xarray_flags_ok.o' >>"$neg/Kbuild"
expect() {	# name regex
	local o
	o=$("${KMAKE[@]}" M="$neg" "$1.o" 2>&1)
	echo "$o" >>"$log"
	if [ -f "$neg/$1.o" ]; then
		bad "$1.cpp built, it must not"
	elif ! grep -qE "$2" <<<"$o"; then
		bad "$1.cpp failed without saying why (expected /$2/): $(echo "$o" | grep -i error | head -3)"
	else
		echo "$1.cpp: rejected: $(echo "$o" | grep -m1 -E "$2" | sed 's/^.*\/neg\///')"
	fi
}
expect exceptions 'exceptions disabled|exception handling disabled'
expect rtti 'requires -frtti|with .-fno-rtti.'
expect global_ctor 'requires a global constructor|needs a constructor at run time'
expect global_dtor 'requires an exit-time destructor|needs a destructor at run time'
expect static_local_dtor 'requires an exit-time destructor|needs a destructor at run time'
expect thread_local 'thread_local storage is used'
expect global_new 'the global operator new is used'
expect global_delete 'the global operator delete is used'
expect virtual_dtor 'a virtual destructor calls the global operator delete'
expect fmt_too_few 'format_error_too_few_arguments'
expect fmt_bad_spec 'format_error_bad_specification_for_type'
expect fmt_no_formatter 'this type cannot be printed'
expect build_assert_fail 'build_assert\(\) failed'
expect param_world_writable 'bad permissions for level'
expect xarray_gfp_zero 'gfp_zero_in_xarray_node_flags'
"${KMAKE[@]}" M="$neg" xarray_flags_ok.o >>"$log" 2>&1 && [ -f "$neg/xarray_flags_ok.o" ] ||
	bad "xarray_flags_ok.cpp did not build"
"${KMAKE[@]}" M="$neg" param_ok.o >>"$log" 2>&1 && [ -f "$neg/param_ok.o" ] ||
	bad "param_ok.cpp did not build"
if [ "$tc" = llvm ]; then
	expect tsa_unguarded "writing variable 'count' requires holding lock 'lock'"
	expect tsa_requires "calling function 'add_locked' requires holding lock 'lock'"
	expect tsa_twice "acquiring lock 'lock' that is already held"
	expect tsa_dangling 'will be destroyed at the end of the full-expression'
fi
expect guard_copy 'deleted'
"${KMAKE[@]}" M="$neg" tsa_ok.o >>"$log" 2>&1 && [ -f "$neg/tsa_ok.o" ] ||
	bad "tsa_ok.cpp did not build"
# The control: a build_assert() that inlining proves builds.
"${KMAKE[@]}" M="$neg" build_assert_ok.o >>"$log" 2>&1 && [ -f "$neg/build_assert_ok.o" ] ||
	bad "build_assert_ok.cpp did not build"
# The control: placement new (cpp/include/new) is what the messages advise.
"${KMAKE[@]}" M="$neg" placement_new.o >>"$log" 2>&1 && [ -f "$neg/placement_new.o" ] ||
	bad "placement_new.cpp did not build"

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
