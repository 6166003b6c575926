#!/bin/bash
# level: full
# scripts/generate_cpp_bindings_test.py passes in the patched tree: one
# case per C construct, each output compiled with the host gcc, clang, g++
# and clang++, and layout differences between C and C++ rejected.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
am_test_tree >/dev/null || { echo "git am failed"; exit 1; }
test=$TEST_TREE/scripts/generate_cpp_bindings_test.py
[ -f "$test" ] || skip "the series has no scripts/generate_cpp_bindings_test.py"
python3 -c 'import clang.cindex' 2>/dev/null || { echo "python3-clang is not installed; run 'make deps'"; exit 1; }
python3 "$test" -v 2>&1 | tail -n 40
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "generate_cpp_bindings_test.py failed"; exit 1; }
echo "generate_cpp_bindings_test.py passes"
