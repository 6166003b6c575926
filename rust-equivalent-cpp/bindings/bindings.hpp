/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C API as C++ sees it: declarations generated from the C headers
 * (see cpp/bindings/bindings_helper.h and cpp/bindgen_parameters) in
 * namespace bindings.
 *
 * Only the library in cpp/kernel/ uses these declarations directly; each
 * use is preceded by a // SAFETY: comment.  Drivers use the library.
 */

#ifndef CPP_BINDINGS_BINDINGS_HPP
#define CPP_BINDINGS_BINDINGS_HPP

#include <bindings/bindings_generated.hpp>

#endif /* CPP_BINDINGS_BINDINGS_HPP */
