// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kernel/xarray.hpp, kernel/hrtimer.hpp and kernel/cpu.hpp.
 */

#include <kernel/alloc/kbox.hpp>
#include <kernel/cpu.hpp>
#include <kernel/hrtimer.hpp>
#include <kernel/kunit.hpp>
#include <kernel/sync/completion.hpp>
#include <kernel/time.hpp>
#include <kernel/xarray.hpp>

namespace {

using namespace kernel;
using kernel::kunit::Test;

/* An element that counts how many of its kind are alive. */
struct Counted {
	int value;
	int *live;

	Counted(int v, int *l) : value(v), live(l)
	{
		(*live)++;
	}

	~Counted()
	{
		(*live)--;
	}
};

KBox<Counted> counted(int v, int *live)
{
	Result<KBox<Counted>> r = KBox<Counted>::make(GFP_KERNEL, v, live);

	return r.is_ok() ? move(r.value()) : KBox<Counted>();
}

void xarray_store_get_remove(Test &test)
{
	int live = 0;

	{
		XArray<KBox<Counted>> xa;
		// Stored, with the allocations it took (failslab may fail
		// them).
		auto put = [&](unsigned long idx, int v) {
			KBox<Counted> b = counted(v, &live);

			return !b.is_empty() &&
			       xa.store(idx, move(b), GFP_KERNEL).is_ok();
		};
		// The value at @idx, -1 if none.
		auto at = [&](unsigned long idx) {
			Counted *c = xa.get(idx);

			return c ? c->value : -1;
		};

		KUNIT_EXPECT_TRUE(test, xa.get(0) == nullptr);
		KUNIT_ASSERT_TRUE(test, put(7, 70));
		KUNIT_ASSERT_TRUE(test, put(1UL << 40, 1));
		KUNIT_EXPECT_EQ(test, live, 2);
		KUNIT_EXPECT_EQ(test, at(7), 70);
		KUNIT_EXPECT_EQ(test, at(1UL << 40), 1);
		KUNIT_EXPECT_TRUE(test, xa.get(8) == nullptr);

		// Replacing frees what was there.
		KUNIT_ASSERT_TRUE(test, put(7, 71));
		KUNIT_EXPECT_EQ(test, live, 2);
		KUNIT_EXPECT_EQ(test, at(7), 71);

		xa.remove(7);
		KUNIT_EXPECT_EQ(test, live, 1);
		KUNIT_EXPECT_TRUE(test, xa.get(7) == nullptr);
		xa.remove(7);
		KUNIT_EXPECT_EQ(test, live, 1);
		KUNIT_ASSERT_TRUE(test, put(3, 3));
	}
	// The destructor freed what was left.
	KUNIT_EXPECT_EQ(test, live, 0);
}

void xarray_guard(Test &test)
{
	int live = 0;

	{
		XArray<KBox<Counted>> xa;
		KBox<Counted> a = counted(1, &live), b = counted(2, &live);
		KBox<Counted> c = counted(3, &live);

		// Each allocation worked (failslab may fail them).
		KUNIT_ASSERT_EQ(test, live, 3);
		// KUnit allocates to report a failure, which it cannot do
		// under a spinlock: what is seen under the array's lock is
		// checked once the lock is released.
		bool a_in, a_taken, b_busy, ran, c_in;
		int b_value, at5, at5_after, at30_after, live_in;
		unsigned long removed[3];
		{
			auto g = xa.lock();
			auto at = [&](unsigned long idx) {
				Counted *p = g.get(idx);

				return p ? p->value : -1;
			};

			a_in = g.try_insert(5, move(a), GFP_NOWAIT).is_ok();
			a_taken = a.is_empty();
			// Taken: b stays the caller's, unchanged.
			Result<void> r = g.try_insert(5, move(b), GFP_NOWAIT);
			b_busy = r.is_err() && r.error() == code::EBUSY;
			b_value = b.is_empty() ? -1 : b->value;
			at5 = at(5);
			// What do_unlocked() calls runs, and its result comes
			// back.
			ran = g.do_unlocked([&] { return true; });
			// Nodes allocated with GFP_KERNEL, the lock released.
			c_in = g.try_insert(1UL << 30, move(c), GFP_KERNEL)
				       .is_ok();
			live_in = live;
			// The lowest index goes first.
			removed[0] = g.remove_some(1);
			at5_after = at(5);
			at30_after = at(1UL << 30);
			removed[1] = g.remove_some(10);
			removed[2] = g.remove_some(10);
		}
		KUNIT_EXPECT_TRUE(test, a_in);
		KUNIT_EXPECT_TRUE(test, a_taken);
		KUNIT_EXPECT_TRUE(test, b_busy);
		KUNIT_EXPECT_EQ(test, b_value, 2);
		KUNIT_EXPECT_EQ(test, at5, 1);
		KUNIT_EXPECT_TRUE(test, ran);
		KUNIT_EXPECT_TRUE(test, c_in);
		KUNIT_EXPECT_EQ(test, live_in, 3);
		KUNIT_EXPECT_EQ(test, removed[0], 1UL);
		KUNIT_EXPECT_EQ(test, at5_after, -1);
		KUNIT_EXPECT_EQ(test, at30_after, 3);
		KUNIT_EXPECT_EQ(test, removed[1], 1UL);
		KUNIT_EXPECT_EQ(test, removed[2], 0UL);
		KUNIT_EXPECT_EQ(test, live, 1);
	}
	KUNIT_EXPECT_EQ(test, live, 0);
}

struct Ticker {
	HrTimer timer{ hrtimer::callback<&Ticker::timer, &Ticker::expired> };
	Completion done;
	int fired = 0;

	static void expired(Ticker &t)
	{
		t.fired++;
		t.done.complete();
	}
};

/* A Slot: a lookup and an insertion at its index with one walk. */
void xarray_slot(Test &test)
{
	int live = 0;

	{
		XArray<KBox<Counted>> xa;
		KBox<Counted> a = counted(1, &live), b = counted(2, &live);

		KUNIT_ASSERT_EQ(test, live, 2);
		// Seen under the lock, checked after it (as in xarray_guard).
		bool empty, a_in, a_taken, a_seen, b_busy, b_kept, far_empty;
		bool far_in;
		int at7, at40;
		{
			auto g = xa.lock();
			// SAFETY: each Slot is used before the next change.
			auto s = g.slot_unchecked(7);

			empty = !s.get();
			a_in = s.insert(move(a)).is_ok();
			a_taken = a.is_empty();
			a_seen = s.get() && s.get()->value == 1;
			// A new walk finds the index taken: b stays the
			// caller's, unchanged.
			// SAFETY: as above.
			Result<void> r = g.slot_unchecked(7).insert(move(b));
			b_busy = r.is_err() && r.error() == code::EBUSY;
			b_kept = !b.is_empty() && b->value == 2;
			// Past what the array's nodes reach: the insertion
			// grows the tree.
			// SAFETY: as above.
			auto far = g.slot_unchecked(1UL << 40);
			far_empty = !far.get();
			far_in = far.insert(move(b)).is_ok();
			at7 = g.get(7) ? g.get(7)->value : -1;
			at40 = g.get(1UL << 40) ? g.get(1UL << 40)->value : -1;
		}
		KUNIT_EXPECT_TRUE(test, empty);
		KUNIT_EXPECT_TRUE(test, a_in);
		KUNIT_EXPECT_TRUE(test, a_taken);
		KUNIT_EXPECT_TRUE(test, a_seen);
		KUNIT_EXPECT_TRUE(test, b_busy);
		KUNIT_EXPECT_TRUE(test, b_kept);
		KUNIT_EXPECT_TRUE(test, far_empty);
		KUNIT_EXPECT_TRUE(test, far_in);
		KUNIT_EXPECT_EQ(test, at7, 1);
		KUNIT_EXPECT_EQ(test, at40, 2);
		KUNIT_EXPECT_EQ(test, live, 2);
	}
	KUNIT_EXPECT_EQ(test, live, 0);
}

void hrtimer_fires_once(Test &test)
{
	Result<KBox<Ticker>> r = KBox<Ticker>::make(GFP_KERNEL);

	KUNIT_ASSERT_TRUE(test, r.is_ok());
	Ticker &t = *r.value();

	t.timer.start(1000000);
	KUNIT_EXPECT_TRUE(
		test, t.done.wait_timeout(time::msecs_to_jiffies(2000)) != 0);
	KUNIT_EXPECT_EQ(test, t.fired, 1);
	// A timer that has expired is no longer armed.
	KUNIT_EXPECT_FALSE(test, t.timer.cancel());
}

void hrtimer_cancel(Test &test)
{
	Result<KBox<Ticker>> r = KBox<Ticker>::make(GFP_KERNEL);

	KUNIT_ASSERT_TRUE(test, r.is_ok());
	Ticker &t = *r.value();

	t.timer.start(10ULL * 1000 * 1000 * 1000);
	KUNIT_EXPECT_TRUE(test, t.timer.cancel());
	KUNIT_EXPECT_EQ(test, t.fired, 0);
}

void cpu_counts(Test &test)
{
	KUNIT_EXPECT_GE(test, nr_cpu_ids(), 1U);
	KUNIT_EXPECT_GE(test, num_online_nodes(), 1U);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(xarray_store_get_remove),
	KUNIT_CPP_CASE(xarray_guard),
	KUNIT_CPP_CASE(xarray_slot),
	KUNIT_CPP_CASE(hrtimer_fires_once),
	KUNIT_CPP_CASE(hrtimer_cancel),
	KUNIT_CPP_CASE(cpu_counts),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_xarray_hrtimer, cases);
