/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A C++ function of vmlinux with a long mangled name, for the KUnit test of
 * the bindings (CONFIG_CPP_BINDINGS_KUNIT_TEST): the test module calls it,
 * so the export of C++ symbols to modules (cpp/exports.c) and kallsyms
 * are tested with a name longer than the 128 characters kallsyms allowed
 * before Rust raised KSYM_NAME_LEN to 512.
 */
#ifndef CPP_KUNIT_LONG_SYMBOL_HPP
#define CPP_KUNIT_LONG_SYMBOL_HPP

namespace kernel::bindings_test {

template <typename T, int N> struct tag {};

namespace a_namespace_whose_name_is_long_to_test_symbol_lengths {

class a_class_name_that_makes_the_mangled_name_longer;

/* Returns @arg * 2 + 1. */
int a_function_whose_name_is_also_long_to_test_the_limit(
	tag<a_class_name_that_makes_the_mangled_name_longer, 42>, int arg);

} // namespace a_namespace_whose_name_is_long_to_test_symbol_lengths

} // namespace kernel::bindings_test

#endif /* CPP_KUNIT_LONG_SYMBOL_HPP */
