// SPDX-License-Identifier: GPL-2.0
//
// An argument of a type without a Formatter.
// expect: this type cannot be printed
#include <kernel/print.hpp>
struct Opaque {
	int hidden;
};
void say(const Opaque &o);
void say(const Opaque &o)
{
	pr_info("{}\n", o);
}
