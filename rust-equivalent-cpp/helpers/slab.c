// SPDX-License-Identifier: GPL-2.0

#include <linux/slab.h>
#include <linux/vmalloc.h>

/* krealloc() is a macro that records the allocation site (alloc_hooks). */
void * __must_check __realloc_size(2)
cpp_helper_krealloc(const void *objp, size_t new_size, gfp_t flags)
{
	return krealloc(objp, new_size, flags);
}

void * __must_check __realloc_size(2)
cpp_helper_kvrealloc(const void *p, size_t size, gfp_t flags)
{
	return kvrealloc(p, size, flags);
}

void *cpp_helper___vmalloc(unsigned long size, gfp_t gfp_mask)
{
	return __vmalloc(size, gfp_mask);
}
