#!/bin/bash
# level: full
# scripts/cpp_is_available_test.py (fake compilers) passes in the patched
# tree, and `make cppavailable` (no .config) accepts this machine's real
# toolchains and explains broken ones.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
am_test_tree >/dev/null || { echo "git am failed"; exit 1; }
[ -f "$TEST_TREE/scripts/cpp_is_available_test.py" ] || skip "the series has no scripts/cpp_is_available_test.py"
python3 "$TEST_TREE/scripts/cpp_is_available_test.py" -v 2>&1 | tail -n 40
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "cpp_is_available_test.py failed"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
# avail NAME EXPECT(ok|fail) PATTERN make-args...
avail() {
	local name=$1 expect=$2 pat=$3 rc
	shift 3
	make -s -C "$TEST_TREE" O="$tmp" "$@" cppavailable >"$tmp/out" 2>&1
	rc=$?
	echo "--- make $* cppavailable ($name):"
	sed 's/^/    /' "$tmp/out"
	if { [ "$expect" = ok ] && [ $rc -ne 0 ]; } || { [ "$expect" = fail ] && [ $rc -eq 0 ]; } ||
		! grep -q -- "$pat" "$tmp/out"; then
		echo "FAIL: $name: expected $expect with '$pat'"
		bad=1
	fi
}
PATH=$LLVM_BIN:$PATH avail "LLVM 19" ok "C++ is available!" LLVM=1
avail "GCC" ok "C++ is available!"
command -v ccache >/dev/null &&
	avail "ccache launcher" ok "C++ is available!" LLVM=-19 CC="ccache clang-19" CXX="ccache clang++-19"
avail "clang++ with gcc" fail "compilers differ" CXX=clang++-19
avail "no C++ compiler" fail "could not be found" CXX=/nonexistent/g++
avail "no Python" fail "could not be found" PYTHON3=/nonexistent/python3
LIBCLANG_PATH=/nonexistent/libclang.so avail "no libclang" fail "cannot load libclang"
[ $bad -eq 0 ] || exit 1
echo "cpp_is_available_test.py passes; make cppavailable: 3 working and 4 broken toolchains as expected"
