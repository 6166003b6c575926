#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Usage: $ ./cxx-version.sh g++
#
# Print the C++ compiler name (GCC or Clang) and its version in a 5 or
# 6-digit form, as cc-version.sh does for the C compiler.  C++ is optional:
# if the compiler cannot be run or is neither g++ nor clang++, print
# "unknown 0" and exit 1, silently.  scripts/cpp_is_available.sh explains
# what is wrong.

# Print the C++ compiler name and some version components.
get_cxx_compiler_info()
{
	cat <<- EOF | "$@" -E -P -x c++ - 2>/dev/null
	#if defined(__clang__)
	Clang	__clang_major__  __clang_minor__  __clang_patchlevel__
	#elif defined(__GNUG__)
	GCC	__GNUC__  __GNUC_MINOR__  __GNUC_PATCHLEVEL__
	#else
	unknown
	#endif
	EOF
}

# Convert the version string x.y.z to a canonical 5 or 6-digit form.
get_canonical_version()
{
	IFS=.
	set -- $1
	echo $((10000 * $1 + 100 * $2 + $3))
}

# $@ instead of $1 because multiple words might be given, e.g. CXX="ccache g++".
set -- $(get_cxx_compiler_info "$@")

case "$1" in
GCC|Clang)
	echo "$1" "$(get_canonical_version "$2.$3.$4")"
	;;
*)
	echo unknown 0
	exit 1
	;;
esac
