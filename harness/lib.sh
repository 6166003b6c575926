#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for the C++ for Linux harness.  Sourced, never executed.

set -o pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${WORK:-$TOP/.work}
BASE_TREE=$WORK/linux		# base + series, branch $SERIES_BRANCH
TEST_TREE=$WORK/test-tree	# throw-away worktree used by the tests
BUILD_ROOT=$WORK/build		# O= output directories, one per toolchain
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

# The Debian package version of the base, as recorded in the project.
base_pkg_version() { cat "$TOP/harness/base-version"; }

# Fail unless the base tree has been set up.
need_base() {
	git -C "$BASE_TREE" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null 2>&1 ||
		die "no base tree in $BASE_TREE: run 'make setup' first"
}

# kernel path -> project path (empty if not mirrored)
mirror_path() {
	local p=$1 m
	for m in "${MIRROR_MAP[@]}"; do
		case $p in "${m%%=*}"*) echo "${m#*=}${p#"${m%%=*}"}"; return 0 ;; esac
	done
	return 1
}
