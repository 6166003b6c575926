// SPDX-License-Identifier: GPL-2.0
//
// A format specification that the argument's type does not have.
// expect: format string: a \{:...\} that the argument.s type does not have
#include <kernel/print.hpp>
void say(const char *s);
void say(const char *s)
{
	pr_info("{:x}\n", s);
}
