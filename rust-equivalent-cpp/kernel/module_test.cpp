// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the module parameters of kernel/module.hpp, and a
 * pr_debug() of kernel/print.hpp as a dynamic debug site.
 *
 * The parameters are those of the test module (cpp_kernel_kunit_test);
 * the cases expect it loaded without values for them.
 */

#include <kernel/kunit.hpp>
#include <kernel/module.hpp>
#include <kernel/print.hpp>

KERNEL_MODULE_PARAM(test_int, int, -3, 0444, "An int, for the KUnit test");
KERNEL_MODULE_PARAM(test_bool, bool, true, 0644, "A bool, for the KUnit test");
KERNEL_MODULE_PARAM(test_hexint, hexint, 0xcafe, 0400,
		    "A hexint, for the KUnit test");
KERNEL_MODULE_PARAM(test_ullong, ullong, 1ULL << 40, 0,
		    "An ullong without a /sys file, for the KUnit test");

namespace {

using namespace kernel;
using kernel::kunit::Test;

// param_get_*() writes to a page.
char get_buf[bindings::PAGE_SIZE];

bool streq(const char *a, const char *b)
{
	return __builtin_strcmp(a, b) == 0;
}

void param_defaults(Test &test)
{
	KUNIT_EXPECT_EQ(test, test_int.get(), -3);
	KUNIT_EXPECT_TRUE(test, test_bool.get());
	KUNIT_EXPECT_EQ(test, test_hexint.get(), 0xcafeU);
	KUNIT_EXPECT_EQ(test, test_ullong.get(), 1ULL << 40);
}

void param_record(Test &test)
{
	const bindings::kernel_param &kp = __cpp_param_test_hexint;

	KUNIT_EXPECT_TRUE(test, kp.ops == &bindings::param_ops_hexint);
	KUNIT_EXPECT_TRUE(test, kp.arg == test_hexint.raw_arg());
	KUNIT_EXPECT_TRUE(test, kp.mod == THIS_MODULE.as_raw());
	KUNIT_EXPECT_EQ(test, kp.perm, 0400);
	KUNIT_EXPECT_EQ(test, kp.level, -1);
	KUNIT_EXPECT_TRUE(test,
			  streq(kp.name, THIS_MODULE.is_built_in()
						 ? KBUILD_MODNAME ".test_hexint"
						 : "test_hexint"));
}

// What the kernel does on "test_int=7" and when the /sys file is read.
void param_set_get(Test &test)
{
	const bindings::kernel_param &kp = __cpp_param_test_int;

	// SAFETY: @kp is the kernel_param of test_int, the value a string;
	// nothing else sets the parameter while the suite runs (0444).
	KUNIT_EXPECT_EQ(test, kp.ops->set("7", &kp), 0);
	KUNIT_EXPECT_EQ(test, test_int.get(), 7);
	// SAFETY: as above.
	KUNIT_EXPECT_EQ(test, kp.ops->set("seven", &kp), -22);
	KUNIT_EXPECT_EQ(test, test_int.get(), 7);
	// SAFETY: @get_buf is a page, as the get operation expects.
	KUNIT_EXPECT_EQ(test, kp.ops->get(get_buf, &kp), 2);
	KUNIT_EXPECT_TRUE(test, streq(get_buf, "7\n"));
	// SAFETY: as above.
	KUNIT_EXPECT_EQ(test, kp.ops->set("-3", &kp), 0);
	KUNIT_EXPECT_EQ(test, test_int.get(), -3);

	const bindings::kernel_param &kb = __cpp_param_test_bool;

	// SAFETY: @kb is the kernel_param of test_bool; the suite is the only
	// writer while it runs.
	KUNIT_EXPECT_EQ(test, kb.ops->set("n", &kb), 0);
	KUNIT_EXPECT_FALSE(test, test_bool.get());
	// SAFETY: as above.
	KUNIT_EXPECT_EQ(test, kb.ops->set("y", &kb), 0);
	KUNIT_EXPECT_TRUE(test, test_bool.get());
}

/*
 * This case only prints: the harness loads the module with dyndbg=+p and
 * its boot test expects both lines, the second with "true" (with the site
 * off, pr_debug() does not evaluate its arguments and it says "false").
 */
void print_pr_debug(Test &)
{
	int evaluated = 0;

	pr_debug("pr_debug() of a C++ dynamic debug site: {}\n", ++evaluated);
	pr_info("pr_debug() evaluated its arguments: {}\n", evaluated == 1);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(param_defaults),
	KUNIT_CPP_CASE(param_record),
	KUNIT_CPP_CASE(param_set_get),
	KUNIT_CPP_CASE(print_pr_debug),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_module, cases);
