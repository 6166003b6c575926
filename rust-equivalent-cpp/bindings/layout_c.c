// SPDX-License-Identifier: GPL-2.0
/*
 * The layout of every record of the C++ bindings, and the value of every
 * constant, checked against the C compiler.  Not linked: it only has to
 * compile.  layout_cpp.cpp checks the same numbers against the C++
 * compiler.
 */

#include "bindings_helper.h"
#include <bindings/layout_generated.h>
