// SPDX-License-Identifier: GPL-2.0
/*
 * C++ Kbuild test: the second user of the inline functions and templates in
 * test_cpp_kbuild.hpp, so that the linker sees two copies of each.
 */

#include "test_cpp_kbuild.h"
#include "test_cpp_kbuild.hpp"

using namespace test_cpp_kbuild;

int test_cpp_kbuild_comdat_b(int seed)
{
	Accumulator<int> acc;

	acc.add(seed);
	acc.add(seed);
	return acc.total() != 2 * seed;
}

int test_cpp_kbuild_shared_calls(void)
{
	return count_shared_call() - 1;
}
