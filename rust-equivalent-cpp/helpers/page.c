// SPDX-License-Identifier: GPL-2.0

#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>

/* A macro (alloc_hooks(), for memory allocation profiling). */
struct page *cpp_helper_alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	return alloc_pages(gfp_mask, order);
}

void *cpp_helper_kmap_local_page(struct page *page)
{
	return kmap_local_page(page);
}

void cpp_helper_kunmap_local(const void *addr)
{
	kunmap_local(addr);
}

unsigned long cpp_helper_totalram_pages(void)
{
	return totalram_pages();
}
