// SPDX-License-Identifier: GPL-2.0

#include <linux/err.h>
#include <linux/errname.h>

__force void *cpp_helper_ERR_PTR(long err)
{
	return ERR_PTR(err);
}

bool cpp_helper_IS_ERR(__force const void *ptr)
{
	return IS_ERR(ptr);
}

long cpp_helper_PTR_ERR(__force const void *ptr)
{
	return PTR_ERR(ptr);
}

/* A static inline function without CONFIG_SYMBOLIC_ERRNAME. */
const char *cpp_helper_errname(int err)
{
	return errname(err);
}
