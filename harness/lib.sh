#!/bin/bash
# shellcheck disable=SC2034 # its variables are used by the scripts that source it
# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for the C++ for Linux harness.  Sourced, never executed.

set -o pipefail

# Debian's tools first: the kernel's Python scripts (spdxcheck.py, ...)
# need Debian's python3 modules, not those of a python3 earlier in PATH.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case $TOP in *[[:space:]]*) echo "error: the project path '$TOP' contains white space; clone it to a path without" >&2; exit 1 ;; esac
WORK=${WORK:-$TOP/.work}
BASE_TREE=$WORK/linux		# base + series, branch $SERIES_BRANCH
TEST_TREE=$WORK/test-tree	# throw-away worktree used by the tests
LOG_DIR=$WORK/log
SERIES_BRANCH=cpp-for-linux
BASE_TAG=base
LLVM_BIN=/usr/lib/llvm-19/bin

# The mirror: kernel path prefix -> project path prefix.  Every file the
# series creates must live under one of these prefixes.
MIRROR_MAP=(
	"cpp/=rust-equivalent-cpp/"
	"drivers/=drivers/"
	"samples/cpp/=samples/cpp/"
	"Documentation/=Documentation/"
	"scripts/=scripts/"
	"lib/=lib/"
	"tools/testing/selftests/cpp/=tools/testing/selftests/cpp/"
)

# Fixed identity and dates, so that the same patches applied to the same
# base always give the same commit ids on every machine.
export GIT_COMMITTER_NAME="C++ for Linux harness"
export GIT_COMMITTER_EMAIL="harness@cpp-for-linux.invalid"

die() { echo "error: $*" >&2; exit 1; }
warn() { echo "warning: $*" >&2; }

# Stage timing: `stage NAME` starts a stage and closes the previous one.
_stage_name=
_stage_start=
_run_start=$(date +%s.%N)
_elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
stage() {
	stage_end
	_stage_name=$1
	_stage_start=$(date +%s.%N)
	printf '==> [%s] %s\n' "$(_elapsed "$_run_start")s" "$_stage_name"
}
stage_end() {
	[ -n "$_stage_name" ] || return 0
	printf '<== %s: %ss\n' "$_stage_name" "$(_elapsed "$_stage_start")"
	_stage_name=
}

# Patches of the series, in order (the `series` file, quilt's format).
series_patches() {
	grep -v -e '^#' -e '^[[:space:]]*$' "$TOP/series" | sed "s|^|$TOP/patches/|"
}

# The Debian package version of the base, as recorded in the project, the
# package (linux-source-<major>.<minor>, from the version) and the Debian
# suite that serves it.
base_pkg_version() { cat "$TOP/harness/base-version"; }
base_pkg_name() { base_pkg_version | sed -E 's/^([0-9]+\.[0-9]+).*/linux-source-\1/'; }
BASE_SUITE=trixie-backports

# Fail unless the base tree has been set up.
need_base() {
	git -C "$BASE_TREE" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null 2>&1 ||
		die "no base tree in $BASE_TREE: run 'make setup' first"
}

# Untracked files of a kernel tree, ignored ones included: Debian's
# .gitignore ignores every top-level entry, so a new file that was not
# added with `git add -f` is invisible to `git status` but still built.
# The build directories (build_dir) are not among them.
untracked_files() {
	git -C "$1" ls-files --others -- . ':!.pc' ':!.build-*' | head -n 5
}

# Every file below the mirror roots of the project (project paths).
project_mirror_files() {
	local m root
	for m in "${MIRROR_MAP[@]}"; do
		root=${m#*=}
		[ -d "$TOP/$root" ] || continue
		(cd "$TOP" && find "$root" -type f)
	done | LC_ALL=C sort -u
}

# project path -> kernel path
kernel_path() {
	local p=$1 m
	for m in "${MIRROR_MAP[@]}"; do
		case $p in "${m#*=}"*) echo "${m%%=*}${p#"${m#*=}"}"; return 0 ;; esac
	done
	return 1
}

# kernel path -> project path (empty if not mirrored)
mirror_path() {
	local p=$1 m
	for m in "${MIRROR_MAP[@]}"; do
		case $p in "${m%%=*}"*) echo "${m#*=}${p#"${m%%=*}"}"; return 0 ;; esac
	done
	return 1
}

# The cover letter's subject and text (without the [PATCH 0/N] prefix, the
# shortlog and the diffstat), as --cover-from-description=subject wants it.
cover_description() {
	awk '
		/^Subject: / { sub(/^Subject: \[[^]]*\] */, ""); subj = $0; insubj = 1; next }
		insubj && /^ / { subj = subj $0; next }
		{ insubj = 0 }
		!body && /^$/ && subj != "" { body = 1; print subj; print ""; next }
		body && /^[^ ].* \([0-9]+\):$/ { exit }
		body { print }
	' "$TOP/patches/0000-cover-letter.patch"
}

# format_series TREE OUTDIR: the series as `git format-patch` mails, from
# the base to HEAD of TREE, which must be on a branch whose description is
# the cover letter text.  Output is a function of the commits only.
format_series() {
	local t=$1 out=$2
	# The cover letter is "From" the committer, dated now: make it the
	# series' author and the date of its newest patch.
	GIT_COMMITTER_NAME=$(git -C "$t" log -1 --format=%an HEAD) \
	GIT_COMMITTER_EMAIL=$(git -C "$t" log -1 --format=%ae HEAD) \
	GIT_COMMITTER_DATE=$(git -C "$t" log -1 --format=%aD HEAD) \
	git -C "$t" format-patch -q --zero-commit --no-signature --cover-letter \
		--cover-from-description=subject --base="$BASE_TAG" \
		-o "$out" "$BASE_TAG..HEAD"
}

# A second, throw-away checkout of the base for the tests: reset it to the
# base, with nothing else in it.
test_tree_reset() {
	need_base
	if [ -d "$TEST_TREE" ] && ! git -C "$TEST_TREE" rev-parse -q --verify HEAD >/dev/null 2>&1; then
		rm -rf "$TEST_TREE"	# left over from an earlier base tree
	fi
	if [ ! -d "$TEST_TREE" ]; then
		git -C "$BASE_TREE" worktree prune
		git -C "$BASE_TREE" worktree add -q --detach "$TEST_TREE" "$BASE_TAG" >/dev/null ||
			die "cannot create $TEST_TREE"
	fi
	git -C "$TEST_TREE" am --abort >/dev/null 2>&1
	# An am interrupted (killed) after HEAD moved is not aborted: drop it.
	git -C "$TEST_TREE" am --quit >/dev/null 2>&1
	rm -rf "$TEST_TREE/.pc"
	git -C "$TEST_TREE" checkout -q -f --detach "$BASE_TAG" &&
		git -C "$TEST_TREE" clean -q -fdx || die "cannot reset $TEST_TREE"
}

# For tests: exit 77 (prerequisite missing) with a reason.
skip() { echo "skipped: $*"; exit 77; }
need_base_or_skip() {
	git -C "$BASE_TREE" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null 2>&1 ||
		skip "no base tree; run 'make setup'"
}

# Apply the series to a fresh base in the test tree with `git am`; print
# the resulting tree id.
am_test_tree() {
	test_tree_reset
	# shellcheck disable=SC2046
	git -C "$TEST_TREE" am -q --committer-date-is-author-date --whitespace=error $(series_patches) >&2 ||
		{ git -C "$TEST_TREE" am --abort; return 1; }
	git -C "$TEST_TREE" rev-parse "HEAD^{tree}"
}

# The tree id of the test tree's work tree as it is, new files included
# (Debian's .gitignore hides every top-level entry, hence -f).  Stages
# everything in the test tree's index.
worktree_id() {
	git -C "$TEST_TREE" add -A -f -- . ':!.pc' && git -C "$TEST_TREE" write-tree
}

# cpp_kbuild_ext SRC DIR: DIR becomes an external module made of the C++
# Kbuild test of the tree SRC (lib/test_cpp_kbuild*, C and C++ objects),
# test_cpp_kbuild_ext.ko, with per-directory and per-object C++ flags.
# harness/build.sh builds it into every kernel it boots (the guest loads
# it); harness/cpp-kbuild-test.sh checks its flags and dependencies.
cpp_kbuild_ext() {
	mkdir -p "$2" &&
		cp "$1"/lib/test_cpp_kbuild*.{c,cpp,h,hpp} "$2/" &&
		cat >"$2/Kbuild" <<'EOF'
obj-m := test_cpp_kbuild_ext.o
test_cpp_kbuild_ext-y := test_cpp_kbuild_main.o test_cpp_kbuild_lang.o \
			 test_cpp_kbuild_comdat.o
cxxflags-y := -DTEST_CXXFLAGS_Y
CXXFLAGS_test_cpp_kbuild_lang.o := -DTEST_CXXFLAGS_OBJ \
	-DTEST_CXX_MIN_13_17=$(if $(call cxx-min-version, 130000, 170000),1,0) \
	-DTEST_CXX_THREAD_SAFETY=$(if $(filter y,$(call cxx-option-yn,-Wthread-safety)),1,0)
CXXFLAGS_REMOVE_test_cpp_kbuild_comdat.o := -DTEST_CXXFLAGS_Y
EOF
}

# kmake_init llvm|gcc SRC OUT: set the array KMAKE to the make command that
# builds the tree SRC into OUT with that toolchain.  llvm: LLVM=1 with LLVM 19
# first in PATH; gcc: the system's gcc.  ccache is the compiler launcher
# when it is installed.
kmake_init() {
	local tc=$1 src=$2 out=$3 launcher=
	command -v ccache >/dev/null && launcher="ccache "
	case $tc in
	llvm)
		[ -x "$LLVM_BIN/clang" ] || die "clang-19 is missing; run: make deps"
		export PATH=$LLVM_BIN:$PATH
		KMAKE=(make -C "$src" O="$out" LLVM=1 CC="${launcher}clang"
			CXX="${launcher}clang++" HOSTCC="${launcher}clang")
		;;
	gcc)
		KMAKE=(make -C "$src" O="$out" CC="${launcher}gcc" CXX="${launcher}g++"
			HOSTCC="${launcher}gcc")
		;;
	*) die "unknown toolchain '$tc' (llvm or gcc)" ;;
	esac
	KMAKE+=(-j"$(nproc)" KBUILD_BUILD_USER=cpp KBUILD_BUILD_HOST=harness KBUILD_BUILD_VERSION=1
		KBUILD_BUILD_TIMESTAMP="2024-11-17")
}

# uninstrumented OUT: dies if the kernel built in OUT has sanitizers (the
# GCC test kernel is the sanitizer kernel, harness/kconfig/gcc/): its code
# sizes and compile times say nothing of C++ against C.
uninstrumented() {
	grep -qE '^CONFIG_(KASAN|UBSAN)=y' "$1/.config" 2>/dev/null || return 0
	die "the kernel in $1 is built with sanitizers; build one without them and point BUILD_OUT at it:
  BUILD_OUT=<dir> KCONFIG_SKIP=sanitizers.config harness/build.sh <toolchain>"
}

# build_dir NAME [TREE]: the O= directory of a build of a tree (NAME: the
# toolchain, or the toolchain and what the build is for: llvm-cpp-off,
# gcc-bench, ...): TREE/.build-NAME.  Kbuild names the source tree ".."
# from a direct subdirectory, so that every path on the compiler's command
# line, and in what the preprocessor emits, is relative: ccache then hits
# whatever path the project is cloned to (CI's clone fills nothing anew)
# and across the build directories of one tree (a CONFIG_CPP=n build hits
# the objects of the CONFIG_CPP=y one).  The kernel's .gitignore ignores
# ".*".
build_dir() {
	# BUILD_OUT: an explicit output directory.
	if [ -n "${BUILD_OUT:-}" ]; then
		echo "$BUILD_OUT"
		return
	fi
	echo "${2:-$BASE_TREE}/.build-$1"
}
