// SPDX-License-Identifier: GPL-2.0
/*
 * C++ Kbuild test: the C part of a module that mixes C and C++ objects.
 *
 * It runs the checks of the C++ objects at initcall time, built in or as a
 * module, and reports the result.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

#include "test_cpp_kbuild.h"

static int seed = 7;
module_param(seed, int, 0444);
MODULE_PARM_DESC(seed, "Run-time input of the checks (default: 7)");

static int __init test_cpp_kbuild_init(void)
{
	int failed = 0;

	failed += test_cpp_kbuild_lang(seed);
	failed += test_cpp_kbuild_comdat_a(seed);
	failed += test_cpp_kbuild_comdat_b(seed);
	/* Both objects called the one shared inline function seed + 2 times. */
	failed += test_cpp_kbuild_shared_calls() != seed + 2;

	if (failed) {
		pr_err("%d C++ checks failed\n", failed);
		return -EINVAL;
	}
	pr_info("all C++ checks passed\n");
	return 0;
}
module_init(test_cpp_kbuild_init);

static void __exit test_cpp_kbuild_exit(void)
{
}
module_exit(test_cpp_kbuild_exit);

MODULE_DESCRIPTION("Test of the C++ build rules");
MODULE_LICENSE("GPL");
