#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Tests whether a suitable C++ toolchain is available.  Called by Kbuild
# (make cppavailable) with CXX, CC and optionally KCXXFLAGS in the
# environment.  Prints nothing on stdout; each problem is explained on
# stderr, with what to do about it.

set -e

scripts=$(dirname "$0")

# Print the reference to the documentation.
print_docs_reference()
{
	echo >&2 "***"
	echo >&2 "*** See Documentation/cpp/quick-start.rst for how to set up"
	echo >&2 "*** a C++ toolchain for the kernel."
	echo >&2 "***"
}

# Print an error: one line per argument, framed like Kconfig's messages.
error()
{
	echo >&2 "***"
	for line in "$@"; do
		echo >&2 "*** $line"
	done
	exit 1
}

trap 'if [ $? -ne 0 ]; then print_docs_reference; fi' EXIT

for var in CXX CC; do
	if eval "[ -z \"\${$var+x}\" ]"; then
		error "Environment variable '$var' is not set." \
		      "This script is meant to be called from Kbuild:" \
		      "run 'make cppavailable' (with LLVM=1 for clang++) instead."
	fi
done

# CXX may be several words, e.g. "ccache g++": the first one must exist.
set -- $CXX
if [ $# -eq 0 ] || ! command -v "$1" >/dev/null; then
	error "C++ compiler '$CXX' could not be found." \
	      "Install g++ (Debian/Ubuntu: apt install g++; Fedora: dnf install gcc-c++)," \
	      "or clang++ and build with LLVM=1, or point CXX at the compiler."
fi
if [ ! -x "$(command -v "$1")" ]; then
	error "C++ compiler '$1' is not executable." \
	      "Check its permissions (chmod +x), or point CXX at the compiler."
fi

if ! cxx_info=$("$scripts/cxx-version.sh" $CXX); then
	error "'$CXX' does not work as a C++ compiler: it cannot preprocess C++," \
	      "or it is neither g++ nor clang++." \
	      "Check that '$CXX -E -x c++ /dev/null' works, or set CXX to g++ or clang++."
fi
set -- $cxx_info
cxx_name=$1
cxx_version=$2

# Print a canonical version x.y.z as x.y.z again.
print_version()
{
	echo "$(($1 / 10000)).$(($1 / 100 % 100)).$(($1 % 100))"
}

# Convert the version string x.y.z to the canonical form.
get_canonical_version()
{
	IFS=.
	set -- $1
	echo $((10000 * $1 + 100 * $2 + $3))
}

case $cxx_name in
GCC)	tool=g++ ;;
Clang)	tool=clang++ ;;
esac
min_version=$("$scripts/min-tool-version.sh" $tool)
if [ "$cxx_version" -lt "$(get_canonical_version "$min_version")" ]; then
	error "C++ compiler '$CXX' is too old." \
	      "  Your $tool version:    $(print_version "$cxx_version")" \
	      "  Minimum $tool version: $min_version" \
	      "The kernel's C++ code needs C++20 (-std=gnu++20)." \
	      "Install a newer $tool, or use the other compiler family for both CC and CXX."
fi

# C and C++ objects are linked into one image and built from the same
# flags, so the C++ compiler must be the C compiler's sibling.
if ! cc_info=$("$scripts/cc-version.sh" $CC 2>/dev/null); then
	error "The C compiler '$CC' is not supported, so C++ cannot be checked against it." \
	      "Fix CC first: see Documentation/process/changes.rst."
fi
set -- $cc_info
if [ "$1" != "$cxx_name" ] || [ "$2" != "$cxx_version" ]; then
	error "The C and C++ compilers differ:" \
	      "  CC  '$CC' is $1 $(print_version "$2")" \
	      "  CXX '$CXX' is $cxx_name $(print_version "$cxx_version")" \
	      "C and C++ objects are built with the same flags and linked into one kernel," \
	      "so both must come from the same compiler release." \
	      "Use LLVM=1 for clang and clang++, or install the g++ that matches gcc," \
	      "or set CC and CXX to a matching pair."
fi

# The dialect and the options every C++ object is built with.  A small
# C++20 program also shows that the standard is implemented, not only
# accepted on the command line.
cxx_flags="-std=gnu++20 -ffreestanding -fno-exceptions -fno-rtti"
cxx_flags="$cxx_flags -fno-threadsafe-statics -fno-use-cxa-atexit -nostdinc++"
if ! out=$(LC_ALL=C $CXX $cxx_flags ${KCXXFLAGS:-} -Werror -x c++ -c -o /dev/null - 2>&1 <<'EOT'
template <typename T>
concept small = sizeof(T) <= sizeof(long);
consteval int twice(int x) { return 2 * x; }
struct point { int x, y; };
template <small T> constexpr T id(T v) { return v; }
static_assert(id(twice(21)) == 42);
constexpr point origin = { .x = 0, .y = 0 };
static_assert(origin.y == 0);
EOT
); then
	error "C++ compiler '$CXX' does not accept the C++ the kernel uses:" \
	      "  $cxx_flags${KCXXFLAGS:+ $KCXXFLAGS}" \
	      "It says: $(echo "$out" | grep -m 1 -i error || echo "$out" | head -n 1)" \
	      "Install a compiler that implements C++20${KCXXFLAGS:+, or check KCXXFLAGS}."
fi

# The C++ view of the C API (cpp/bindings/) is generated with libclang,
# through its Python bindings.
python3=${PYTHON3:-python3}
if ! command -v "$python3" >/dev/null; then
	error "Python 3 ('$python3') could not be found." \
	      "scripts/generate_cpp_bindings.py, which generates the C++ bindings, needs it." \
	      "Install python3, or set PYTHON3."
fi
if ! libclang_version=$(LC_ALL=C "$python3" "$scripts/generate_cpp_bindings.py" \
			--libclang-version 2>&1); then
	error "The C++ bindings generator cannot use libclang:" \
	      "  $libclang_version" \
	      "Install libclang's Python bindings (Debian/Ubuntu: apt install python3-clang-19;" \
	      "Fedora: dnf install python3-clang), or set PYTHON3 to a Python that has them" \
	      "and LIBCLANG_PATH to the libclang they should load."
fi
libclang_min_version=$("$scripts/min-tool-version.sh" libclang)
if [ "$(get_canonical_version "$libclang_version")" -lt \
     "$(get_canonical_version "$libclang_min_version")" ]; then
	error "libclang is too old for the C++ bindings generator." \
	      "  Your libclang version:    $libclang_version" \
	      "  Minimum libclang version: $libclang_min_version" \
	      "Install a newer libclang and its Python bindings (python3-clang-N)."
fi
