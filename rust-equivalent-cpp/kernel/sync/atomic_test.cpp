// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kernel/sync/atomic.hpp.
 */

#include <kernel/kunit.hpp>
#include <kernel/sync/atomic.hpp>

namespace {

using namespace kernel;
using namespace kernel::sync;
using kernel::kunit::Test;

// The C layouts: an Atomic is its value, a Refcount a refcount_t.
static_assert(sizeof(Atomic<u8>) == 1 && sizeof(Atomic<u32>) == 4 &&
	      sizeof(Atomic<u64>) == 8 && alignof(Atomic<u64>) == 8);
static_assert(sizeof(Refcount) == sizeof(bindings::refcount_t));
// In memory C++ did not construct (a PDU), an Atomic needs no
// constructor to run.
static_assert(__is_trivially_constructible(Atomic<u32>));

void atomic_integers(Test &test)
{
	Atomic<u32> a{ 5 };
	Atomic<u64> b{ 0 };
	Atomic<s8> c{ -1 };

	KUNIT_EXPECT_EQ(test, a.load(Ordering::Relaxed), 5U);
	KUNIT_EXPECT_EQ(test, a.fetch_add(3, Ordering::Relaxed), 5U);
	KUNIT_EXPECT_EQ(test, a.fetch_sub(1, Ordering::AcqRel), 8U);
	KUNIT_EXPECT_EQ(test, a.load(Ordering::Acquire), 7U);
	a.store(0, Ordering::Release);
	// Wraps as the unsigned type does.
	KUNIT_EXPECT_EQ(test, a.fetch_sub(1, Ordering::Full), 0U);
	KUNIT_EXPECT_EQ(test, a.load(Ordering::Relaxed), 0xffffffffU);

	b.store(1ULL << 40, Ordering::Relaxed);
	KUNIT_EXPECT_EQ(test, b.exchange(7, Ordering::Full), 1ULL << 40);
	KUNIT_EXPECT_EQ(test, b.load(Ordering::Relaxed), 7ULL);

	KUNIT_EXPECT_EQ(test, c.fetch_add(1, Ordering::Relaxed), -1);
	KUNIT_EXPECT_EQ(test, c.load(Ordering::Relaxed), 0);
}

void atomic_compare_exchange(Test &test)
{
	int x = 1, y = 2;
	Atomic<int *> p{ &x };
	Atomic<bool> flag{ false };

	// Fails: the value was not the expected one, and stays.
	KUNIT_EXPECT_TRUE(test,
			  p.compare_exchange(&y, &y, Ordering::Full) == &x);
	KUNIT_EXPECT_TRUE(test, p.load(Ordering::Relaxed) == &x);
	// Succeeds: returns the expected value, and swaps.
	KUNIT_EXPECT_TRUE(test,
			  p.compare_exchange(&x, &y, Ordering::Full) == &x);
	KUNIT_EXPECT_TRUE(test, p.load(Ordering::Acquire) == &y);

	KUNIT_EXPECT_FALSE(test, flag.exchange(true, Ordering::Relaxed));
	KUNIT_EXPECT_TRUE(test, flag.exchange(true, Ordering::Relaxed));
	KUNIT_EXPECT_TRUE(
		test, flag.compare_exchange(true, false, Ordering::Relaxed));
	KUNIT_EXPECT_FALSE(test, flag.load(Ordering::Relaxed));
}

void refcount_counts(Test &test)
{
	Refcount r{ 1 };

	KUNIT_EXPECT_EQ(test, r.read(), 1U);
	r.inc();
	r.inc();
	KUNIT_EXPECT_EQ(test, r.read(), 3U);
	KUNIT_EXPECT_FALSE(test, r.dec_and_test());
	KUNIT_EXPECT_FALSE(test, r.dec_and_test());
	// The last reference.
	KUNIT_EXPECT_TRUE(test, r.dec_and_test());
	KUNIT_EXPECT_EQ(test, r.read(), 0U);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(atomic_integers),
	KUNIT_CPP_CASE(atomic_compare_exchange),
	KUNIT_CPP_CASE(refcount_counts),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_atomic, cases);
