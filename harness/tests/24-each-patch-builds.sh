#!/bin/bash
# level: full
# Every patch builds on its own (bisectability), and with CONFIG_CPP=n the
# series changes nothing in the kernel.
#
# With LLVM=1, in a build directory of its own (.work/build/llvm-cpp-off), so
# that 20-build-llvm's stays as it is, and walking back so that kbuild
# rebuilds only what each step changes (ccache serves the compiler calls
# that 20 already made):
# 1. the whole series without harness/kconfig/cpp.config (CONFIG_CPP=n);
# 2. each shorter prefix of the series, down to the unpatched base;
# 3. the base and the CONFIG_CPP=n series must link the same objects into
#    vmlinux, build the same modules, and give vmlinux the same symbol table
#    (names, types and addresses).
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
"$TOP/harness/apply.sh" >/dev/null || exit 1
n=$(series_patches | wc -l)
export BUILD_OUT=$BUILD_ROOT/llvm-cpp-off
out=$BUILD_OUT
trap 'git -C "$BASE_TREE" checkout -q "$SERIES_BRANCH"' EXIT
mapfile -t commits < <(git -C "$BASE_TREE" rev-list --reverse "$BASE_TAG..$SERIES_BRANCH")
bad=0

snapshot() {	# name: what CONFIG_CPP=n must not change
	mkdir -p "$WORK/cpp-off"
	PATH=$LLVM_BIN:$PATH llvm-ar t "$out/vmlinux.a" >"$WORK/cpp-off/$1.objects"
	cp "$out/modules.order" "$WORK/cpp-off/$1.modules"
	PATH=$LLVM_BIN:$PATH llvm-nm -n "$out/vmlinux" >"$WORK/cpp-off/$1.symbols"
}

echo "series, CONFIG_CPP=n"
KCONFIG_SKIP=cpp.config "$TOP/harness/build.sh" llvm || exit 1
grep -q '^CONFIG_CPP=y' "$out/.config" && { echo "CONFIG_CPP is set"; exit 1; }
snapshot series
for i in $(seq $((n - 1)) -1 0); do
	if [ "$i" -eq 0 ]; then
		git -C "$BASE_TREE" checkout -q --detach "$BASE_TAG" || exit 1
		echo "base (no patch)"
	else
		git -C "$BASE_TREE" checkout -q --detach "${commits[$((i - 1))]}" || exit 1
		echo "patch $i/$n: $(git -C "$BASE_TREE" log -1 --format=%s)"
	fi
	PREFIX_BUILD=1 "$TOP/harness/build.sh" llvm || bad=1
done
snapshot base
for what in objects modules symbols; do
	if ! cmp -s "$WORK/cpp-off/base.$what" "$WORK/cpp-off/series.$what"; then
		echo "CONFIG_CPP=n changes the $what of the kernel:"
		diff "$WORK/cpp-off/base.$what" "$WORK/cpp-off/series.$what" | head -10
		bad=1
	fi
done
[ $bad -eq 0 ] && echo "CONFIG_CPP=n: same $(wc -l <"$WORK/cpp-off/base.objects") vmlinux objects, $(wc -l <"$WORK/cpp-off/base.modules") modules and $(wc -l <"$WORK/cpp-off/base.symbols") vmlinux symbols as the base"
[ $bad -eq 0 ] || exit 1
echo "patches 1..$((n - 1)) of $n and the base build on their own (LLVM=1)"
