// SPDX-License-Identifier: GPL-2.0
//
// The control: a build_assert() that inlining proves.
// builds
#include <kernel/build_assert.hpp>
static inline int scaled(int n)
{
	build_assert(n % 4 == 0);
	return n / 4;
}
int three(void);
int three(void)
{
	return scaled(12);
}
