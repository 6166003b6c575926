// SPDX-License-Identifier: GPL-2.0
/*
 * The C twin of samples/cpp/cpp_minimal.cpp (and of rust_minimal.rs), for
 * harness/module-size.sh: the same output, a growable array of three
 * numbers with the same growth (4, then doubling) through krealloc().
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct numbers {
	int *ptr;
	size_t len, cap;
};

static struct numbers numbers;

#ifdef MODULE
#define BUILT_IN "false"
#else
#define BUILT_IN "true"
#endif

static int numbers_push(struct numbers *v, int value, gfp_t gfp)
{
	if (v->len == v->cap) {
		size_t cap = v->cap ? 2 * v->cap : 4;
		int *p = krealloc_array(v->ptr, cap, sizeof(*p), gfp);

		if (!p)
			return -ENOMEM;
		v->ptr = p;
		v->cap = cap;
	}
	v->ptr[v->len++] = value;
	return 0;
}

static int __init c_minimal_init(void)
{
	int ret;

	pr_info("C minimal sample (init)\n");
	pr_info("Am I built-in? %s\n", BUILT_IN);

	ret = numbers_push(&numbers, 72, GFP_KERNEL);
	if (!ret)
		ret = numbers_push(&numbers, 108, GFP_KERNEL);
	if (!ret)
		ret = numbers_push(&numbers, 200, GFP_KERNEL);
	if (ret)
		kfree(numbers.ptr);
	return ret;
}

static void __exit c_minimal_exit(void)
{
	size_t i;

	pr_info("My numbers are [");
	for (i = 0; i < numbers.len; i++)
		pr_cont("%s%d", i ? ", " : "", numbers.ptr[i]);
	pr_cont("]\n");
	pr_info("C minimal sample (exit)\n");
	kfree(numbers.ptr);
}

module_init(c_minimal_init);
module_exit(c_minimal_exit);
MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("C twin of the C++ minimal sample");
MODULE_LICENSE("GPL");
