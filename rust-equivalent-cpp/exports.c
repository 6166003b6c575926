// SPDX-License-Identifier: GPL-2.0
/*
 * Exports the symbols of the C++ support library to modules.
 *
 * The lists are generated from the objects with nm (see cpp/Makefile),
 * so that C++ symbols, whose mangled names are valid C identifiers, are
 * exported with the usual EXPORT_SYMBOL_GPL() without being declared in
 * C.  All symbols are GPL only, so that no GPL-only interface is exposed
 * by accident.
 */

#include <linux/export.h>

#define EXPORT_SYMBOL_CPP_GPL(sym) extern int sym; EXPORT_SYMBOL_GPL(sym)

#include "exports_helpers_generated.h"
#include "exports_kernel_generated.h"

#if IS_ENABLED(CONFIG_CPP_BINDINGS_KUNIT_TEST)
#include "exports_kunit_generated.h"
#endif
