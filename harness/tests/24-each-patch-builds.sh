#!/bin/bash
# level: full
# Every patch builds on its own (bisectability), and with CONFIG_CPP=n the
# series changes nothing in the kernel.
#
# With LLVM=1, in build directories of its own (.work/build/llvm-base for
# the base, .work/build/llvm-cpp-off for the series), so that 20-build-llvm's
# stays as it is (ccache serves the compiler calls that 20 already made):
# 1. the whole series with the options of harness/kconfig/ that the base
#    defines (CONFIG_CPP=n, the rest as in the C++ builds, so that the walk
#    below rebuilds only what the C++ options change), and the unpatched
#    base with the same configuration: both must link the same
#    objects into vmlinux, build the same modules, and give vmlinux the same
#    symbol table (names, types and addresses).  The base has a directory of
#    its own because the first patch changes objtool, on which every object
#    depends: walking from the base to the series would rebuild everything;
# 2. each patch but the last, walking forward so that kbuild rebuilds only
#    what each step changes, with every option of harness/kconfig/ that the
#    prefix defines (CONFIG_CPP=y from the patch that adds it on, and the
#    tests and samples from the patches that add them).  A patch that only
#    touches Documentation/ or MAINTAINERS has nothing to build.  The last
#    patch is 20-build-llvm's build.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
"$TOP/harness/apply.sh" >/dev/null || exit 1
n=$(series_patches | wc -l)
out=$BUILD_ROOT/llvm-cpp-off
export BUILD_OUT=$out
trap 'git -C "$BASE_TREE" checkout -q "$SERIES_BRANCH"' EXIT
mapfile -t commits < <(git -C "$BASE_TREE" rev-list --reverse "$BASE_TAG..$SERIES_BRANCH")
bad=0

snapshot() {	# name build-directory: what CONFIG_CPP=n must not change
	mkdir -p "$WORK/cpp-off"
	PATH=$LLVM_BIN:$PATH llvm-ar t "$2/vmlinux.a" | sed "s|^$2/||" >"$WORK/cpp-off/$1.objects"
	cp "$2/modules.order" "$WORK/cpp-off/$1.modules"
	PATH=$LLVM_BIN:$PATH llvm-nm -n "$2/vmlinux" >"$WORK/cpp-off/$1.symbols"
}

echo "series, CONFIG_CPP=n"
SECONDS=0
PREFIX_BUILD=1 PREFIX_BUILD_REF=$BASE_TAG "$TOP/harness/build.sh" llvm || exit 1
grep -q '^CONFIG_CPP=y' "$out/.config" && { echo "CONFIG_CPP is set"; exit 1; }
snapshot series "$out"
echo "(${SECONDS} s)"
git -C "$BASE_TREE" checkout -q --detach "$BASE_TAG" || exit 1
echo "base (no patch), the same configuration"
SECONDS=0
BUILD_OUT=$BUILD_ROOT/llvm-base PREFIX_BUILD=1 "$TOP/harness/build.sh" llvm || exit 1
snapshot base "$BUILD_ROOT/llvm-base"
echo "(${SECONDS} s)"
for what in objects modules symbols; do
	if ! cmp -s "$WORK/cpp-off/base.$what" "$WORK/cpp-off/series.$what"; then
		echo "CONFIG_CPP=n changes the $what of the kernel:"
		diff "$WORK/cpp-off/base.$what" "$WORK/cpp-off/series.$what" | head -10
		bad=1
	fi
done
[ $bad -eq 0 ] && echo "CONFIG_CPP=n: same $(wc -l <"$WORK/cpp-off/base.objects") vmlinux objects, $(wc -l <"$WORK/cpp-off/base.modules") modules and $(wc -l <"$WORK/cpp-off/base.symbols") vmlinux symbols as the base"

built=0
for i in $(seq 1 $((n - 1))); do
	c=${commits[$((i - 1))]}
	echo "patch $i/$n: $(git -C "$BASE_TREE" log -1 --format=%s "$c")"
	if [ -z "$(git -C "$BASE_TREE" diff-tree --no-commit-id --name-only -r "$c" -- . ':!Documentation/' ':!MAINTAINERS')" ]; then
		echo "only Documentation/ and MAINTAINERS: nothing to build"
		continue
	fi
	git -C "$BASE_TREE" checkout -q --detach "$c" || exit 1
	SECONDS=0
	PREFIX_BUILD=1 "$TOP/harness/build.sh" llvm || { bad=1; continue; }
	built=$((built + 1))
	if git -C "$BASE_TREE" grep -qE '^config CPP$' -- init/Kconfig; then
		grep -q '^CONFIG_CPP=y' "$out/.config" || { echo "patch $i: CONFIG_CPP is not set"; bad=1; }
	fi
	echo "(${SECONDS} s)"
done
[ $bad -eq 0 ] || exit 1
echo "$built of patches 1..$((n - 1)) of $n built on their own (LLVM=1, with the C++ options they define); patch $n is 20-build-llvm's"
