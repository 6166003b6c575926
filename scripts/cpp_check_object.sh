#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Check that a C++ object needs no run-time support the kernel lacks.
#
# Usage: cpp_check_object.sh READELF SOURCE OBJECT
#
# The kernel runs no C++ dynamic initialisation or exit-time destructors
# and has no thread-local storage.  An object that needs them links (or
# fails to link with an obscure error) and then misbehaves, so reject it
# at build time with the reason and the fix.  The constructors that
# instrumentation adds (KASAN, GCOV) are not C++ initialisation and are
# run by the kernel (CONFIG_CONSTRUCTORS).

set -e

readelf="$1"
source="$2"
object="$3"

doc=Documentation/cpp/general-information.rst
status=0

error()
{
	echo >&2 "$source: error: $1"
	echo >&2 "$source: note: $2 (see $doc)"
	status=1
}

sections=$($readelf -SW "$object")
symbols=$($readelf -sW "$object")

# Both compilers name the function that runs the dynamic initialisation of
# the objects of a translation unit _GLOBAL__sub_I_<file>.
if echo "$symbols" | grep -Eq ' _GLOBAL__sub_I_[^ ]*$'; then
	error "an object with static storage duration needs a constructor at run time" \
	      "the kernel runs no global constructors: make the object constexpr or constinit"
fi

atexit=' UND (atexit|__cxa_atexit|__dso_handle)$'
if echo "$symbols" | grep -Eq "$atexit| _GLOBAL__sub_D_[^ ]*\$"; then
	error "an object with static storage duration needs a destructor at run time" \
	      "the kernel runs no exit-time destructors: give the type a trivial destructor"
fi

# operator new(size_t) and its array, aligned and nothrow forms; the
# placement forms are inline and never referenced.
if echo "$symbols" | grep -Eq ' UND _Zn[wa]m[^ ]*$'; then
	error "the global operator new is used" \
	      "allocations name their GFP flags and can fail: use placement new on kernel memory"
fi

if echo "$symbols" | grep -Eq ' UND _Zd[la]Pv[^ ]*$'; then
	if echo "$symbols" | grep -Eq ' _Z[^ ]*D0Ev$'; then
		error "a virtual destructor calls the global operator delete" \
		      "the kernel has none: make a base destructor protected and non-virtual"
	else
		error "the global operator delete is used" \
		      "the kernel has none: destroy explicitly and free with its allocator"
	fi
fi

if echo "$sections" | grep -Eq ' \.(tdata|tbss)(\.[^ ]*)? '; then
	error "thread_local storage is used" \
	      "the kernel has no thread-local storage: use per-CPU data or task state"
fi

exit $status
