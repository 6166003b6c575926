// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kernel/task.hpp, kernel/time.hpp, kernel/ioctl.hpp and
 * kernel/sizes.hpp.
 */

#include <kernel/ioctl.hpp>
#include <kernel/kunit.hpp>
#include <kernel/sizes.hpp>
#include <kernel/task.hpp>
#include <kernel/time.hpp>

namespace {

using namespace kernel;
using kernel::kunit::Test;

void task_current(Test &test)
{
	const Task &me = Task::current();

	// SAFETY: compares with C's view of the running task.
	KUNIT_EXPECT_TRUE(test, me.as_raw() == bindings::get_current());
	KUNIT_EXPECT_GT(test, me.pid(), 0);
	KUNIT_EXPECT_GT(test, me.tgid(), 0);
	KUNIT_EXPECT_FALSE(test, me.signal_pending());
	{
		ARef<Task> ref(me);

		KUNIT_EXPECT_EQ(test, ref->pid(), me.pid());
	}
}

void time_jiffies_and_ktime(Test &test)
{
	using namespace kernel::time;

	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1000), HZ);
	KUNIT_EXPECT_EQ(test, jiffies_to_msecs(HZ), 1000U);
	// Rounded up: a millisecond is at least one tick.
	KUNIT_EXPECT_GE(test, msecs_to_jiffies(1), 1UL);

	Ktime t0 = Ktime::now();
	Jiffies j0 = jiffies();

	// SAFETY: sleeps a tick or more.
	bindings::msleep(20);
	Ktime t1 = Ktime::now();

	KUNIT_EXPECT_GE(test, (t1 - t0).to_ms(), 20LL);
	KUNIT_EXPECT_GE(test, jiffies() - j0, msecs_to_jiffies(20) - 1);

	KUNIT_EXPECT_TRUE(test, t1 >= t0);
	KUNIT_EXPECT_EQ(test, Ktime(2500000).to_ms(), 2LL);
}

// The ioctl numbers of C for the same commands (uapi/asm-generic/ioctl.h,
// written out): 'x' is 0x78.
struct Pair {
	u32 a, b;
};
static_assert(ioctl::io('x', 1) == 0x7801);
static_assert(ioctl::ior<Pair>('x', 2) == 0x80087802);
static_assert(ioctl::iow<u32>('x', 3) == 0x40047803);
static_assert(ioctl::iowr<Pair>('x', 4) == 0xc0087804);
static_assert(ioctl::dir(0xc0087804) == (ioctl::READ | ioctl::WRITE));
static_assert(ioctl::type(0xc0087804) == 'x' && ioctl::nr(0xc0087804) == 4);
static_assert(ioctl::size(0xc0087804) == sizeof(Pair));
static_assert(SZ_4K == 4096 && SZ_1M == 1048576 && SZ_2G == 2147483648UL);

void ioctl_numbers(Test &test)
{
	// Taken apart at run time, as a driver's ioctl() does.
	u32 cmd = ioctl::iowr<Pair>('x', 4);

	KUNIT_EXPECT_EQ(test, ioctl::dir(cmd), ioctl::READ | ioctl::WRITE);
	KUNIT_EXPECT_EQ(test, ioctl::type(cmd), u32('x'));
	KUNIT_EXPECT_EQ(test, ioctl::nr(cmd), 4U);
	KUNIT_EXPECT_EQ(test, ioctl::size(cmd), sizeof(Pair));
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(task_current),
	KUNIT_CPP_CASE(time_jiffies_and_ktime),
	KUNIT_CPP_CASE(ioctl_numbers),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_task_time, cases);
