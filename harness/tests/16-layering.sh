#!/bin/bash
# level: quick
# The layering rule: driver code (samples/, drivers/) never uses the
# bindings; in cpp/ every raw call into C and every reinterpret_cast or
# const_cast follows a "// SAFETY:" comment; a function with a Safety:
# precondition is named *_unchecked, and each call of one, in cpp/ and in
# driver code, follows a "// SAFETY:" comment (harness/check-layering.py,
# run on the mirror directories).  Violations planted in a copy must be
# reported.
. "$(dirname "$0")/../lib.sh"
dirs=()
for d in samples drivers; do
	[ -d "$TOP/$d" ] && dirs+=("$TOP/$d")
done
python3 "$TOP/harness/check-layering.py" "$TOP/rust-equivalent-cpp" "${dirs[@]}" || exit 1
# The check can fail: a raw call without its comment, and a sample that
# calls C directly.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/cpp/kernel" "$tmp/samples"
printf 'void f()\n{\n\tbindings::kfree(nullptr);\n}\n' >"$tmp/cpp/kernel/bad.hpp"
printf 'void g()\n{\n\tbindings::kfree(nullptr);\n}\n' >"$tmp/samples/bad.cpp"
# A function with a Safety: paragraph whose name does not say so, and a
# call of an _unchecked function without its comment, in a driver.
printf '/* Safety: p is live. */\nint get(int *p);\n' >"$tmp/cpp/kernel/name.hpp"
printf 'int h(int *p)\n{\n\treturn get_unchecked(p);\n}\n' >"$tmp/samples/call.cpp"
out=$(python3 "$TOP/harness/check-layering.py" "$tmp/cpp" "$tmp/samples") && { echo "planted violations not reported"; exit 1; }
grep -q 'bad.hpp:3: raw call' <<<"$out" && grep -q 'bad.cpp:3: driver code uses bindings' <<<"$out" &&
	grep -q 'name.hpp:2: get has a Safety: precondition' <<<"$out" &&
	grep -q 'call.cpp:3: call of get_unchecked without a // SAFETY: comment' <<<"$out" ||
	{ echo "planted violations reported wrongly: $out"; exit 1; }
# With the comments, the same code passes.
printf '/* Safety: p is live. */\nint get_unchecked(int *p);\n' >"$tmp/cpp/kernel/name.hpp"
printf 'int h(int *p)\n{\n\t// SAFETY: p is live.\n\treturn get_unchecked(p);\n}\n' >"$tmp/samples/call.cpp"
rm "$tmp/cpp/kernel/bad.hpp" "$tmp/samples/bad.cpp"
out=$(python3 "$TOP/harness/check-layering.py" "$tmp/cpp" "$tmp/samples") || { echo "correct code reported: $out"; exit 1; }
