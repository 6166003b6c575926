// SPDX-License-Identifier: GPL-2.0
//
// A format string with more {} than arguments.
// expect: format string: more \{\} than arguments
#include <kernel/print.hpp>
void say(int a);
void say(int a)
{
	pr_info("{} and {}\n", a);
}
