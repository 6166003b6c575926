// SPDX-License-Identifier: GPL-2.0
//
// A build_assert() that the optimiser cannot prove.
// expect: build_assert\(\) failed
#include <kernel/build_assert.hpp>
int pick(int n);
int pick(int n)
{
	build_assert(n == 4);
	return n;
}
