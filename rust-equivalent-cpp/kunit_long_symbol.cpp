// SPDX-License-Identifier: GPL-2.0
/*
 * Built into vmlinux when the KUnit test of the bindings is enabled; see
 * kunit_long_symbol.hpp.
 */

#include <kunit_long_symbol.hpp>

namespace kernel::bindings_test {
namespace a_namespace_whose_name_is_long_to_test_symbol_lengths {

int a_function_whose_name_is_also_long_to_test_the_limit(
	tag<a_class_name_that_makes_the_mangled_name_longer, 42>, int arg)
{
	return arg * 2 + 1;
}

} // namespace a_namespace_whose_name_is_long_to_test_symbol_lengths
} // namespace kernel::bindings_test
