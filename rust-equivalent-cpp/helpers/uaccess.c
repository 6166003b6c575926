// SPDX-License-Identifier: GPL-2.0

#include <linux/uaccess.h>

/* Inline on x86 (INLINE_COPY_FROM_USER): no _copy_from_user() to call. */
unsigned long cpp_helper_copy_from_user(void *to, const void __user *from,
					unsigned long n)
{
	return copy_from_user(to, from, n);
}

unsigned long cpp_helper_copy_to_user(void __user *to, const void *from,
				      unsigned long n)
{
	return copy_to_user(to, from, n);
}
