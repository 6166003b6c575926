#!/bin/bash
# level: quick
# The layering rule: driver code (samples/, drivers/) never uses the
# bindings; in cpp/ every raw call into C and every reinterpret_cast or
# const_cast follows a "// SAFETY:" comment (harness/check-layering.py,
# run on the mirror directories).  A violation planted in a copy must be
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
out=$(python3 "$TOP/harness/check-layering.py" "$tmp/cpp" "$tmp/samples") && { echo "planted violations not reported"; exit 1; }
grep -q 'bad.hpp:3: raw call' <<<"$out" && grep -q 'bad.cpp:3: driver code uses bindings' <<<"$out" ||
	{ echo "planted violations reported wrongly: $out"; exit 1; }
