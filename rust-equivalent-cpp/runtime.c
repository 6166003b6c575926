// SPDX-License-Identifier: GPL-2.0
/*
 * The run-time support the C++ compilers expect from the environment.
 *
 * Exceptions, RTTI, thread-safe statics and global constructors and
 * destructors are off (see Documentation/cpp/general-information.rst), so
 * what is left is what a virtual call through a broken vtable ends in.
 */

#include <linux/bug.h>
#include <linux/export.h>
#include <linux/printk.h>

void __cxa_pure_virtual(void);
void __cxa_deleted_virtual(void);

/* The vtable slot of a pure virtual function: called during construction
 * or destruction of an abstract base, or through a corrupted object.
 */
void __cxa_pure_virtual(void)
{
	pr_emerg("C++: pure virtual function called from %pS\n",
		 __builtin_return_address(0));
	BUG();
}
EXPORT_SYMBOL_GPL(__cxa_pure_virtual);

/* The vtable slot of a deleted virtual function. */
void __cxa_deleted_virtual(void)
{
	pr_emerg("C++: deleted virtual function called from %pS\n",
		 __builtin_return_address(0));
	BUG();
}
EXPORT_SYMBOL_GPL(__cxa_deleted_virtual);
