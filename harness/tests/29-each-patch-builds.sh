#!/bin/bash
# level: full
# Every patch builds on its own (bisectability), and with CONFIG_CPP=n the
# series changes nothing in the kernel but its fixes to C code, which come
# first (is_fix below).
#
# With LLVM=1, incrementally: each step rebuilds only what it changes
# (kbuild follows the CONFIG_ options each object uses, and the commands
# that built it), and ccache serves what another build compiled (the build
# directories are subdirectories of the tree: the commands hold no
# absolute path, the same in both directories and in any clone).
# 1. .work/linux/.build-llvm-cpp-off: the unpatched base with the options
#    of harness/kconfig/ that the base defines, then the patches that do
#    not define CONFIG_CPP yet, then the whole series with the same options
#    (so CONFIG_CPP=n): the base and the series must link the same objects
#    into vmlinux, build the same modules, and give vmlinux the same symbol
#    table (names, types and addresses).
# 2. The patches that define CONFIG_CPP, in 20-build-llvm's directory (the
#    whole series with every option of harness/kconfig/): walking from the
#    first of them to the last but one, with the options each prefix
#    defines, each step rebuilds what the patch changes.  A patch that only
#    touches Documentation/ or MAINTAINERS has nothing to build.  The last
#    patch is 20-build-llvm's build, which is built again at the end, so
#    that the directory is left as 20 made it.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
"$TOP/harness/apply.sh" >/dev/null || exit 1
n=$(series_patches | wc -l)
off=$(build_dir llvm-cpp-off)
on=$(build_dir llvm)
[ -f "$on/.config" ] || { echo "no llvm build (did 20-build-llvm fail?)"; exit 1; }
restore() {
	git -C "$BASE_TREE" checkout -q "$SERIES_BRANCH"
	echo "20-build-llvm's build, again"
	SECONDS=0
	"$TOP/harness/build.sh" llvm >/dev/null || { echo "rebuilding the series failed"; exit 1; }
	echo "(${SECONDS} s)"
}
trap 'git -C "$BASE_TREE" checkout -q "$SERIES_BRANCH"' EXIT
mapfile -t commits < <(git -C "$BASE_TREE" rev-list --reverse "$BASE_TAG..$SERIES_BRANCH")
bad=0

snapshot() {	# name build-directory: what CONFIG_CPP=n must not change
	mkdir -p "$WORK/cpp-off"
	PATH=$LLVM_BIN:$PATH llvm-ar t "$2/vmlinux.a" | sed "s|^$2/||" >"$WORK/cpp-off/$1.objects"
	cp "$2/modules.order" "$WORK/cpp-off/$1.modules"
	PATH=$LLVM_BIN:$PATH llvm-nm -n "$2/vmlinux" >"$WORK/cpp-off/$1.symbols"
}

# has_cpp COMMIT: the tree at COMMIT defines CONFIG_CPP.
has_cpp() { git -C "$BASE_TREE" grep -qE '^config CPP$' "$1" -- init/Kconfig; }
# A fix to the C code that the series carries (they come first): a patch
# that adds no file and touches no C++ file, Kconfig, Makefile, script or
# documentation.
is_fix() {
	[ -z "$(git -C "$BASE_TREE" diff-tree --no-commit-id --name-only --diff-filter=A -r "$1")" ] &&
		! git -C "$BASE_TREE" diff-tree --no-commit-id --name-only -r "$1" |
			grep -qiE 'cpp|Kconfig|Makefile|^scripts/|^Documentation/|^MAINTAINERS$'
}
built=0
prefix() {	# i: build patch i of the series on its own
	local c=${commits[$(($1 - 1))]} dir=$off
	echo "patch $1/$n: $(git -C "$BASE_TREE" log -1 --format=%s "$c")"
	if [ -z "$(git -C "$BASE_TREE" diff-tree --no-commit-id --name-only -r "$c" -- . ':!Documentation/' ':!MAINTAINERS')" ]; then
		echo "only Documentation/ and MAINTAINERS: nothing to build"
		return
	fi
	git -C "$BASE_TREE" checkout -q --detach "$c" || exit 1
	has_cpp "$c" && dir=$on
	SECONDS=0
	BUILD_OUT=$dir PREFIX_BUILD=1 "$TOP/harness/build.sh" llvm || { bad=1; return; }
	built=$((built + 1))
	if [ "$dir" = "$on" ]; then
		grep -q '^CONFIG_CPP=y' "$dir/.config" || { echo "patch $1: CONFIG_CPP is not set"; bad=1; }
	fi
	echo "(${SECONDS} s, in ${dir##*/})"
}

git -C "$BASE_TREE" checkout -q --detach "$BASE_TAG" || exit 1
echo "base (no patch)"
SECONDS=0
BUILD_OUT=$off PREFIX_BUILD=1 "$TOP/harness/build.sh" llvm || exit 1
echo "(${SECONDS} s)"
# The series' fixes to the C code, each on its own; what CONFIG_CPP=n
# must not change is what the base with them builds.
i=1
while [ "$i" -lt "$n" ] && is_fix "${commits[$((i - 1))]}"; do
	prefix "$i"
	i=$((i + 1))
done
fixes=$((i - 1))
snapshot base "$off"
# The patches before CONFIG_CPP, in the base's directory: before the whole
# series is, as that changes objtool, which every object of a CONFIG_CPP=n
# build depends on.
while [ "$i" -lt "$n" ] && ! has_cpp "${commits[$((i - 1))]}"; do
	prefix "$i"
	i=$((i + 1))
done
git -C "$BASE_TREE" checkout -q --detach "$SERIES_BRANCH" || exit 1
echo "series, CONFIG_CPP=n (the options of the base)"
SECONDS=0
BUILD_OUT=$off PREFIX_BUILD=1 PREFIX_BUILD_REF=$BASE_TAG "$TOP/harness/build.sh" llvm || exit 1
grep -q '^CONFIG_CPP=y' "$off/.config" && { echo "CONFIG_CPP is set"; exit 1; }
snapshot series "$off"
echo "(${SECONDS} s)"
for what in objects modules symbols; do
	if ! cmp -s "$WORK/cpp-off/base.$what" "$WORK/cpp-off/series.$what"; then
		echo "CONFIG_CPP=n changes the $what of the kernel:"
		diff "$WORK/cpp-off/base.$what" "$WORK/cpp-off/series.$what" | head -10
		bad=1
	fi
done
[ $bad -eq 0 ] && echo "CONFIG_CPP=n: same $(wc -l <"$WORK/cpp-off/base.objects") vmlinux objects, $(wc -l <"$WORK/cpp-off/base.modules") modules and $(wc -l <"$WORK/cpp-off/base.symbols") vmlinux symbols as the base with the series' $fixes fixes to C code"
# The patches that define CONFIG_CPP, in 20-build-llvm's directory.
while [ "$i" -lt "$n" ]; do
	prefix "$i"
	i=$((i + 1))
done
restore
[ $bad -eq 0 ] || exit 1
echo "$built of patches 1..$((n - 1)) of $n built on their own (LLVM=1, with the C++ options they define); patch $n is 20-build-llvm's"
