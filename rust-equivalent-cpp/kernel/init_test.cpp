// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kernel/init.hpp: fallible construction in place, with
 * KBox and Arc.
 */

#include <kernel/alloc/kbox.hpp>
#include <kernel/init.hpp>
#include <kernel/kunit.hpp>
#include <kernel/sync.hpp>

namespace {

using namespace kernel;
using kernel::kunit::Test;

// What the steps did, for the test to look at.
struct StepLog {
	int acquired = 0; // resources held now
	int attempts = 0; // steps that ran
	int fail_at = 0;  // the step that fails (1-based), 0: none
};

// A member with a fallible constructor that holds a resource until it is
// destroyed, and releases it only if it acquired it.
class Resource : Pinned<Resource> {
public:
	Resource(init::Status &st, StepLog &log) : log_(log)
	{
		st.step([this]() -> Result<void> {
			if (++log_.attempts == log_.fail_at)
				return code::EIO;
			held_ = true;
			log_.acquired++;
			return {};
		});
	}

	~Resource()
	{
		if (held_)
			log_.acquired--;
	}

private:
	StepLog &log_;
	bool held_ = false;
};

// Immovable (it has a lock), with three fallible members.
struct Device : Pinned<Device> {
	Mutex<int> lock{ KERNEL_LOCK_CLASS("cpp_kernel_init::lock"), 7 };
	Resource a, b, c;

	Device(init::Status &st, StepLog &log)
	    : a(st, log), b(st, log), c(st, log)
	{
	}
};

static_assert(init::FallibleConstructible<Device, StepLog &>);

void init_all_steps_succeed(Test &test)
{
	StepLog log;

	{
		Result<KBox<Device>> r =
			KBox<Device>::try_make(GFP_KERNEL, log);

		KUNIT_ASSERT_TRUE(test, r.is_ok());
		KUNIT_EXPECT_EQ(test, log.acquired, 3);
		KUNIT_EXPECT_EQ(test, *r.value()->lock.lock(), 7);
	}
	KUNIT_EXPECT_EQ(test, log.acquired, 0);
}

void init_failure_cleans_up(Test &test)
{
	for (int step = 1; step <= 3; step++) {
		StepLog log;

		log.fail_at = step;
		Result<KBox<Device>> r =
			KBox<Device>::try_make(GFP_KERNEL, log);

		KUNIT_ASSERT_TRUE(test, r.is_err());
		KUNIT_EXPECT_EQ(test, r.error(), code::EIO);
		// What was built before the failing step is released; the
		// steps after it never ran.
		KUNIT_EXPECT_EQ(test, log.acquired, 0);
		KUNIT_EXPECT_EQ(test, log.attempts, step);
	}
}

void init_arc(Test &test)
{
	StepLog log;

	{
		Result<Arc<Device>> r = Arc<Device>::try_make(GFP_KERNEL, log);

		KUNIT_ASSERT_TRUE(test, r.is_ok());
		Arc<Device> d = move(r.value());
		Arc<Device> e = d;

		*e->lock.lock() += 1;
		KUNIT_EXPECT_EQ(test, *d->lock.lock(), 8);
		KUNIT_EXPECT_EQ(test, log.acquired, 3);
	}
	KUNIT_EXPECT_EQ(test, log.acquired, 0);

	log.fail_at = 2;
	log.attempts = 0;
	Result<Arc<Device>> r = Arc<Device>::try_make(GFP_KERNEL, log);
	KUNIT_EXPECT_TRUE(test, r.is_err());
	KUNIT_EXPECT_EQ(test, log.acquired, 0);
}

void init_allocation_failure(Test &test)
{
	struct Huge {
		Resource r;
		char bytes[1UL << 30];

		Huge(init::Status &st, StepLog &log) : r(st, log)
		{
		}
	};
	StepLog log;
	Result<KBox<Huge>> r =
		KBox<Huge>::try_make(GFP_KERNEL | __GFP_NOWARN, log);

	KUNIT_ASSERT_TRUE(test, r.is_err());
	KUNIT_EXPECT_EQ(test, r.error(), code::ENOMEM);
	// No memory, no construction.
	KUNIT_EXPECT_EQ(test, log.attempts, 0);
}

void init_status_first_error(Test &test)
{
	init::Status st;

	KUNIT_EXPECT_TRUE(test, st.ok());
	KUNIT_EXPECT_TRUE(test, st.step([]() -> Result<void> { return {}; }));
	KUNIT_EXPECT_FALSE(
		test, st.step([]() -> Result<void> { return code::EBUSY; }));
	st.fail(code::ENOMEM);
	KUNIT_EXPECT_FALSE(test, st.ok());
	KUNIT_EXPECT_EQ(test, st.result().error(), code::EBUSY);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(init_all_steps_succeed),
	KUNIT_CPP_CASE(init_failure_cleans_up),
	KUNIT_CPP_CASE(init_arc),
	KUNIT_CPP_CASE(init_allocation_failure),
	KUNIT_CPP_CASE(init_status_first_error),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_init, cases);
