// SPDX-License-Identifier: GPL-2.0
/*
 * The layout of every record of the C++ bindings checked against the C++
 * compiler.  Not linked: it only has to compile.  layout_c.c checks the
 * same numbers against the C compiler.
 */

#include <bindings/bindings.hpp>

namespace bindings {
#include <bindings/layout_generated.h>
} // namespace bindings
