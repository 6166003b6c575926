// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the locks, CondVar, LockedBy and Completion of
 * kernel/sync/.
 */

#include <kernel/kunit.hpp>
#include <kernel/sync.hpp>

namespace {

using namespace kernel;
using kernel::kunit::Test;
using kernel::sync::MutexBackend;

void mutex_guard_holds_lock(Test &test)
{
	Mutex<int> m{ KERNEL_LOCK_CLASS("cpp_kernel_sync::m"), 5 };

	KUNIT_EXPECT_FALSE(test, m.is_locked());
	{
		auto guard = m.lock();

		KUNIT_EXPECT_TRUE(test, m.is_locked());
		m.assert_held();
		KUNIT_EXPECT_EQ(test, *guard, 5);
		*guard += 1;
	}
	// The Guard went out of scope: unlocked.
	KUNIT_EXPECT_FALSE(test, m.is_locked());
	KUNIT_EXPECT_EQ(test, *m.lock(), 6);
	KUNIT_EXPECT_FALSE(test, m.is_locked());
}

void spinlock_guard_holds_lock(Test &test)
{
	struct Pair {
		int a, b;
	};
	SpinLock<Pair> s{ KERNEL_LOCK_CLASS(), 1, 2 };

	{
		auto guard = s.lock();

		KUNIT_EXPECT_TRUE(test, s.is_locked());
		guard->a += guard->b;
	}
	KUNIT_EXPECT_FALSE(test, s.is_locked());
	KUNIT_EXPECT_EQ(test, s.lock()->a, 3);
}

void spinlock_irq_disables_interrupts(Test &test)
{
	SpinLockIrq<> s{ KERNEL_LOCK_CLASS("cpp_kernel_sync::irq") };

	// SAFETY: reads the interrupt state of this CPU.
	KUNIT_ASSERT_FALSE(test, bindings::irqs_disabled());
	{
		auto guard = s.lock();

		// SAFETY: as above.
		KUNIT_EXPECT_TRUE(test, bindings::irqs_disabled());
		KUNIT_EXPECT_TRUE(test, s.is_locked());
	}
	// SAFETY: as above.
	KUNIT_EXPECT_FALSE(test, bindings::irqs_disabled());
	KUNIT_EXPECT_FALSE(test, s.is_locked());
}

void guard_do_unlocked(Test &test)
{
	Mutex<int> m{ KERNEL_LOCK_CLASS(), 1 };
	auto guard = m.lock();
	bool held_inside = guard.do_unlocked([&m] { return m.is_locked(); });

	KUNIT_EXPECT_FALSE(test, held_inside);
	KUNIT_EXPECT_TRUE(test, m.is_locked());
	KUNIT_EXPECT_EQ(test, *guard, 1);
}

// Lockdep tells locks apart by the key of the place that initialised them.
Result<KBox<Mutex<>>> make_at_one_site()
{
	return KBox<Mutex<>>::make(
		GFP_KERNEL, KERNEL_LOCK_CLASS("cpp_kernel_sync::one_site"));
}

void lock_class_per_site(Test &test)
{
	Result<KBox<Mutex<>>> ra = make_at_one_site();
	Result<KBox<Mutex<>>> rb = make_at_one_site();
	Mutex<> other{ KERNEL_LOCK_CLASS("cpp_kernel_sync::other") };

	KUNIT_ASSERT_TRUE(test, ra.is_ok() && rb.is_ok());
	Mutex<> *a = ra.value().get();
	Mutex<> *b = rb.value().get();

	KUNIT_EXPECT_TRUE(test, a != b);
	KUNIT_EXPECT_FALSE(test, other.is_locked());
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	// SAFETY: reads the lockdep maps of initialised mutexes.
	KUNIT_EXPECT_TRUE(test,
			  a->as_raw()->dep_map.key == b->as_raw()->dep_map.key);
	KUNIT_EXPECT_TRUE(test, a->as_raw()->dep_map.key !=
					other.as_raw()->dep_map.key);
	KUNIT_EXPECT_EQ(test,
			__builtin_strcmp(a->as_raw()->dep_map.name,
					 "cpp_kernel_sync::one_site"),
			0);
	{
		auto guard = a->lock();

		// SAFETY: as above.
		KUNIT_EXPECT_TRUE(test, bindings::lock_is_held_type(
						&a->as_raw()->dep_map, -1));
		KUNIT_EXPECT_FALSE(test, bindings::lock_is_held_type(
						 &b->as_raw()->dep_map, -1));
	}
	// SAFETY: as above.
	KUNIT_EXPECT_FALSE(
		test, bindings::lock_is_held_type(&a->as_raw()->dep_map, -1));
#endif
}

// A thread that sets a flag under a lock and notifies a CondVar.
struct Handshake {
	Mutex<bool> flag{ KERNEL_LOCK_CLASS("cpp_kernel_sync::flag"), false };
	CondVar changed{ KERNEL_LOCK_CLASS("cpp_kernel_sync::changed") };
	Completion exited;
};

int notifier(void *data)
{
	const Handshake &h = *static_cast<const Handshake *>(data);

	*h.flag.lock() = true;
	h.changed.notify_one();
	// The waiter's stack holds h: complete() is the last access.
	h.exited.complete();
	return 0;
}

void condvar_wakes_waiter(Test &test)
{
	Handshake h;
	long left = 1;
	auto guard = h.flag.lock();

	// SAFETY: the thread gets a pointer to h, which lives until the
	// thread has signalled `exited`, its last access.
	bindings::task_struct *t = bindings::kthread_create_on_node(
		notifier, &h, bindings::NUMA_NO_NODE, "cpp_sync_test");
	KUNIT_ASSERT_FALSE(test, bindings::IS_ERR(t));
	// SAFETY: t is a new, not yet running, kthread.
	bindings::wake_up_process(t);
	while (!*guard && left) {
		CondVar::WaitResult r = h.changed.wait_interruptible_timeout(
			guard, 10 * bindings::HZ);

		left = r.remaining;
	}
	KUNIT_EXPECT_TRUE(test, *guard);
	KUNIT_EXPECT_GT(test, left, 0);
	guard.do_unlocked([&h] { h.exited.wait(); });
}

void condvar_times_out(Test &test)
{
	Mutex<> m{ KERNEL_LOCK_CLASS() };
	CondVar cv{ KERNEL_LOCK_CLASS() };
	auto guard = m.lock();
	CondVar::WaitResult r = cv.wait_interruptible_timeout(guard, 1);

	KUNIT_EXPECT_FALSE(test, r.signal);
	KUNIT_EXPECT_EQ(test, r.remaining, 0);
	KUNIT_EXPECT_TRUE(test, m.is_locked());
	// Nobody waits: no effect.
	cv.notify_all();
}

void completion_counts(Test &test)
{
	Completion c;

	KUNIT_EXPECT_FALSE(test, c.try_wait());
	KUNIT_EXPECT_EQ(test, c.wait_timeout(1), 0UL);
	c.complete();
	KUNIT_EXPECT_TRUE(test, c.try_wait());
	KUNIT_EXPECT_FALSE(test, c.try_wait());
	c.complete_all();
	c.wait();
	KUNIT_EXPECT_TRUE(test, c.try_wait());
}

struct LockOwner {
	Mutex<int> lock{ KERNEL_LOCK_CLASS("cpp_kernel_sync::outer"), 0 };
};

struct Item {
	LockedBy<int, int, MutexBackend> count;

	explicit Item(const LockOwner &o) : count(o.lock, 40)
	{
	}
};

void locked_by_access(Test &test)
{
	LockOwner outer;
	Item item(outer);
	auto guard = outer.lock.lock();

	item.count.access(guard) += 2;
	KUNIT_EXPECT_EQ(test, item.count.access(guard), 42);
}

// An Arc shares a const T: the lock inside is what makes it mutable.
void arc_of_mutex(Test &test)
{
	Result<Arc<Mutex<int>>> r = Arc<Mutex<int>>::make(
		GFP_KERNEL, KERNEL_LOCK_CLASS("cpp_kernel_sync::shared"), 1);

	KUNIT_ASSERT_TRUE(test, r.is_ok());
	Arc<Mutex<int>> a = move(r.value());
	Arc<Mutex<int>> b = a;

	*b->lock() += 1;
	KUNIT_EXPECT_EQ(test, *a->lock(), 2);
}

// Data that the analysis of clang++ checks: see annotations.hpp.
struct Counter {
	Mutex<> lock{ KERNEL_LOCK_CLASS("cpp_kernel_sync::counter") };
	u64 count KERNEL_GUARDED_BY(lock) = 0;

	void add(u64 n) KERNEL_EXCLUDES(lock)
	{
		auto guard = lock.lock();

		add_locked(n);
	}

	void add_locked(u64 n) KERNEL_REQUIRES(lock)
	{
		count += n;
	}

	u64 get() KERNEL_EXCLUDES(lock)
	{
		auto guard = lock.lock();

		return count;
	}
};

void guarded_by_annotations(Test &test)
{
	Counter c;

	c.add(2);
	c.add(3);
	KUNIT_EXPECT_EQ(test, c.get(), 5ULL);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(mutex_guard_holds_lock),
	KUNIT_CPP_CASE(spinlock_guard_holds_lock),
	KUNIT_CPP_CASE(spinlock_irq_disables_interrupts),
	KUNIT_CPP_CASE(guard_do_unlocked),
	KUNIT_CPP_CASE(lock_class_per_site),
	KUNIT_CPP_CASE(condvar_wakes_waiter),
	KUNIT_CPP_CASE(condvar_times_out),
	KUNIT_CPP_CASE(completion_counts),
	KUNIT_CPP_CASE(locked_by_access),
	KUNIT_CPP_CASE(arc_of_mutex),
	KUNIT_CPP_CASE(guarded_by_annotations),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_sync, cases);
