/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CondVar: waits for a condition on data that a lock protects, releasing
 * the lock while asleep (a wait queue, as C code builds it by hand with
 * prepare_to_wait() and schedule()).
 *
 * C header: include/linux/wait.h
 */
#ifndef CPP_KERNEL_SYNC_CONDVAR_HPP
#define CPP_KERNEL_SYNC_CONDVAR_HPP

#include <bindings/bindings.hpp>
#include <kernel/sync/lock.hpp>
#include <kernel/types.hpp>

namespace kernel::sync {

/**
 * class CondVar - a queue of tasks that wait for data behind a lock to
 * change.
 *
 * A waiter holds the lock, checks the condition, and calls wait() with
 * its Guard if it does not hold yet: wait() releases the lock while the
 * task sleeps, and takes it again before it returns.  Wake-ups may be
 * spurious, so the condition is checked in a loop.  The task that changes
 * the data calls notify_one() or notify_all().
 *
 * Examples::
 *
 *	struct Queue {
 *		Mutex<KVec<int>> items{ KERNEL_LOCK_CLASS("Queue::items") };
 *		CondVar changed{ KERNEL_LOCK_CLASS("Queue::changed") };
 *	};
 *
 *	auto guard = q.items.lock();
 *	while (guard->is_empty())
 *		if (q.changed.wait_interruptible(guard))
 *			return code::ERESTARTSYS;
 *
 * Invariants: wait_ is an initialised wait queue head.
 */
class CondVar : Pinned<CondVar> {
public:
	explicit CondVar(LockClass cls)
	{
		// SAFETY: wait_ is ours and not in use; the name and key are
		// static (LockClass).
		bindings::__init_waitqueue_head(&wait_, cls.name.as_char_ptr(),
						cls.key->as_raw());
	}

	/* wait() - sleeps until notified, signals ignored. */
	template <typename T, typename B> void wait(Guard<T, B> &guard) const
	{
		wait_internal(bindings::TASK_UNINTERRUPTIBLE, guard,
			      bindings::MAX_SCHEDULE_TIMEOUT);
	}

	/*
	 * wait_interruptible() - sleeps until notified or signalled;
	 * returns whether a signal is pending (the caller usually returns
	 * -ERESTARTSYS then).
	 */
	template <typename T, typename B>
	[[nodiscard]] bool wait_interruptible(Guard<T, B> &guard) const
	{
		wait_internal(bindings::TASK_INTERRUPTIBLE, guard,
			      bindings::MAX_SCHEDULE_TIMEOUT);
		// SAFETY: current is the running task.
		return bindings::signal_pending(bindings::get_current());
	}

	/* The outcome of wait_interruptible_timeout(). */
	struct WaitResult {
		bool signal;	/* a signal is pending */
		long remaining; /* jiffies left; 0: timed out */
	};

	/*
	 * wait_interruptible_timeout() - wait_interruptible() for at most
	 * @jiffies.
	 */
	template <typename T, typename B>
	[[nodiscard]] WaitResult wait_interruptible_timeout(Guard<T, B> &guard,
							    long jiffies) const
	{
		long left = wait_internal(bindings::TASK_INTERRUPTIBLE, guard,
					  jiffies);

		// SAFETY: current is the running task.
		return { bindings::signal_pending(bindings::get_current()),
			 left };
	}

	/* notify_one() - wakes one waiter, if any. */
	void notify_one() const
	{
		notify(1);
	}

	/* notify_all() - wakes every waiter. */
	void notify_all() const
	{
		notify(0);
	}

private:
	template <typename T, typename B>
	long wait_internal(unsigned int state, Guard<T, B> &guard,
			   long timeout) const
	{
		bindings::wait_queue_entry entry;

		// SAFETY: entry lives until finish_wait() below takes it off
		// the queue; wait_ is initialised (invariant).
		bindings::init_wait(&entry);
		bindings::prepare_to_wait_exclusive(&wait_, &entry, state);
		long left = guard.do_unlocked([timeout] {
			// SAFETY: the task is on the queue, in @state.
			return bindings::schedule_timeout(timeout);
		});
		// SAFETY: entry was queued by prepare_to_wait_exclusive().
		bindings::finish_wait(&wait_, &entry);
		return left;
	}

	void notify(int count) const
	{
		// SAFETY: wait_ is initialised (invariant).
		bindings::__wake_up(&wait_, bindings::TASK_NORMAL, count,
				    nullptr);
	}

	mutable bindings::wait_queue_head wait_;
};

} // namespace kernel::sync

namespace kernel {
using sync::CondVar;
} // namespace kernel

#endif /* CPP_KERNEL_SYNC_CONDVAR_HPP */
