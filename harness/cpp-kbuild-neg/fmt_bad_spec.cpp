// SPDX-License-Identifier: GPL-2.0
//
// A format specification that the argument's type does not have.
// expect: format_error_bad_specification_for_type
#include <kernel/print.hpp>
void say(const char *s);
void say(const char *s)
{
	pr_info("{:x}\n", s);
}
