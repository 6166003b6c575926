#!/bin/bash
# level: quick
# `make cppfmtcheck` passes on the C++ sources of the patched tree, and
# fails, naming the file, when one of them is not formatted.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
[ -x "$LLVM_BIN/clang-format" ] || skip "clang-format-19 is not installed; run 'make deps'"
am_test_tree >/dev/null || { echo "git am failed"; exit 1; }
grep -q '^cppfmtcheck:' "$TEST_TREE/Makefile" || skip "the series has no cppfmtcheck target"
files=$(cd "$TEST_TREE" && find . -path ./tools -prune -o -type f \( -name '*.cpp' -o -name '*.hpp' \) -print | wc -l)
[ "$files" -gt 0 ] || { echo "no C++ source in the tree"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; git -C "$TEST_TREE" checkout -q -- .' EXIT
make -s -C "$TEST_TREE" O="$tmp" LLVM=-19 cppfmtcheck >"$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; echo "make cppfmtcheck fails on the series"; exit 1; }
# A badly formatted file must be reported.
victim=$(cd "$TEST_TREE" && find . -path ./tools -prune -o -type f -name '*.cpp' -print | head -n 1)
sed -i '0,/^{$/s//{  /' "$TEST_TREE/$victim"
printf '\nint  badly_formatted (void) ;\n' >>"$TEST_TREE/$victim"
if make -s -C "$TEST_TREE" O="$tmp" LLVM=-19 cppfmtcheck >"$tmp/out" 2>&1; then
	echo "make cppfmtcheck passed on a badly formatted ${victim#./}"
	exit 1
fi
grep -q "${victim#./}" "$tmp/out" || { cat "$tmp/out"; echo "make cppfmtcheck did not name ${victim#./}"; exit 1; }
echo "make cppfmtcheck: $files C++ files formatted; a badly formatted one is reported"
