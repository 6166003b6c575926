// SPDX-License-Identifier: GPL-2.0

#include <linux/refcount.h>

void cpp_helper_refcount_set(refcount_t *r, int n)
{
	refcount_set(r, n);
}

void cpp_helper_refcount_inc(refcount_t *r)
{
	refcount_inc(r);
}

bool cpp_helper_refcount_dec_and_test(refcount_t *r)
{
	return refcount_dec_and_test(r);
}

unsigned int cpp_helper_refcount_read(const refcount_t *r)
{
	return refcount_read(r);
}
