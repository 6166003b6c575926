// SPDX-License-Identifier: GPL-2.0

#include <linux/xarray.h>

void cpp_helper_xa_init_flags(struct xarray *xa, gfp_t flags)
{
	xa_init_flags(xa, flags);
}

int cpp_helper_xa_err(void *entry)
{
	return xa_err(entry);
}

void cpp_helper_xa_lock(struct xarray *xa)
{
	xa_lock(xa);
}

void cpp_helper_xa_unlock(struct xarray *xa)
{
	xa_unlock(xa);
}
