#!/bin/bash
# level: quick
# scripts/decode_stacktrace.sh of the patched tree demangles C++ names: a
# host program built with g++ -g stands in for vmlinux, and a stack trace
# line naming its C++ function by mangled name must come out as the C++
# name with its source line.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
am_test_tree >/dev/null || { echo "git am failed"; exit 1; }
script=$TEST_TREE/scripts/decode_stacktrace.sh
command -v g++ >/dev/null && command -v c++filt >/dev/null && command -v addr2line >/dev/null ||
	{ echo "g++ or binutils is missing; run 'make deps'"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/trace.cpp" <<'CPP'
namespace kernel::test {
struct Thing {
	int step(int x);
};
int Thing::step(int x)
{
	return x * 3 + 1;
}
} // namespace kernel::test
int main()
{
	kernel::test::Thing t;
	return t.step(2);
}
CPP
(cd "$tmp" && g++ -std=gnu++20 -g -O0 -fno-pie -no-pie trace.cpp -o trace) || { echo "g++ failed"; exit 1; }
sym=$(nm "$tmp/trace" | awk '$3 ~ /Thing4step/ {print $3}')
[ "$sym" = _ZN6kernel4test5Thing4stepEi ] || { echo "unexpected mangled name: '$sym'"; exit 1; }
line="[   12.345678]  $sym+0x4/0x20"
out=$(echo "$line" | "$script" "$tmp/trace" "$tmp" 2>&1)
echo "in:  $line"
echo "out: $out"
grep -qF 'kernel::test::Thing::step(int) (trace.cpp:' <<<"$out" ||
	{ echo "decode_stacktrace.sh did not demangle the C++ name"; exit 1; }
echo "decode_stacktrace.sh demangles C++ names"
