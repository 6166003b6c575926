// SPDX-License-Identifier: GPL-2.0
/*
 * The module of the KUnit suites of the C++ support library
 * (CONFIG_CPP_KERNEL_KUNIT_TEST): the suites are in kernel/alloc_test.cpp,
 * kernel/error_test.cpp and kernel/fmt_test.cpp; the suite of
 * kernel/kunit.hpp itself is here.
 */

#include <kernel/kunit.hpp>
#include <kernel/module.hpp>

namespace {

using kernel::kunit::Test;

/* Counts its destructions. */
struct Counted {
	int &destroyed;

	~Counted()
	{
		destroyed++;
	}
};

/* A test body that owns an object and asserts something false. */
void assert_false(Test &test, int &destroyed, bool &went_on)
{
	Counted counted{ destroyed };
	const bool deliberate_failure = false;

	KUNIT_ASSERT_TRUE(test, deliberate_failure);
	went_on = true;
}

/*
 * A failed assertion fails its test and returns from the function that
 * asserted, destroying what that function owns.  The assertion fails a
 * struct kunit of this case's own (as lib/kunit/kunit-test.c does), not
 * this case: its message is printed, its failure is not this case's.
 */
void kunit_assert_unwinds(Test &test)
{
	bindings::kunit raw = {};
	int destroyed = 0;
	bool went_on = false;

	// SAFETY: raw is ours; without a log, failures are printed.
	bindings::kunit_init_test(&raw, "cpp_kunit_deliberate", nullptr);
	{
		// SAFETY: raw is initialised and outlives deliberate.
		Test deliberate = Test::from_raw_unchecked(&raw);

		assert_false(deliberate, destroyed, went_on);
	}
	KUNIT_EXPECT_EQ(test, destroyed, 1);
	KUNIT_EXPECT_FALSE(test, went_on);
	KUNIT_EXPECT_TRUE(test, raw.status == bindings::KUNIT_FAILURE);
	// SAFETY: raw was initialised above; nothing uses it any more.
	bindings::kunit_cleanup(&raw);
}

constinit kernel::kunit::Case cases[] = {
	KUNIT_CPP_CASE(kunit_assert_unwinds),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_kunit, cases);

MODULE_DESCRIPTION("KUnit tests of the C++ support library");
MODULE_LICENSE("GPL");
