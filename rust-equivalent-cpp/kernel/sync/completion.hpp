/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Completion: one task waits until another says that something is done
 * (struct completion).
 *
 * C header: include/linux/completion.h
 */
#ifndef CPP_KERNEL_SYNC_COMPLETION_HPP
#define CPP_KERNEL_SYNC_COMPLETION_HPP

#include <bindings/bindings.hpp>
#include <kernel/utility.hpp>

namespace kernel::sync {

/**
 * class Completion - a count of "done" events that waiters consume.
 *
 *	Completion done;
 *	...				// another task: done.complete_all();
 *	done.wait();
 *
 * Invariants: c_ is initialised.
 */
class Completion : Pinned<Completion> {
public:
	Completion()
	{
		// SAFETY: c_ is ours and not in use.
		bindings::init_completion(&c_);
	}

	/* complete() - wakes one waiter, or lets the next wait() through. */
	void complete() const
	{
		// SAFETY: c_ is initialised (invariant).
		bindings::complete(&c_);
	}

	/* complete_all() - lets every waiter through, now and later. */
	void complete_all() const
	{
		// SAFETY: c_ is initialised (invariant).
		bindings::complete_all(&c_);
	}

	/* wait() - sleeps until completed, signals ignored. */
	void wait() const
	{
		// SAFETY: c_ is initialised (invariant).
		bindings::wait_for_completion(&c_);
	}

	/*
	 * wait_timeout() - wait() for at most @jiffies; returns the jiffies
	 * left (at least 1), or 0 if it timed out.
	 */
	[[nodiscard]] unsigned long wait_timeout(unsigned long jiffies) const
	{
		// SAFETY: c_ is initialised (invariant).
		return bindings::wait_for_completion_timeout(&c_, jiffies);
	}

	/* try_wait() - consumes a completion without sleeping, if there is. */
	[[nodiscard]] bool try_wait() const
	{
		// SAFETY: c_ is initialised (invariant).
		return bindings::try_wait_for_completion(&c_);
	}

private:
	mutable bindings::completion c_;
};

} // namespace kernel::sync

namespace kernel {
using sync::Completion;
} // namespace kernel

#endif /* CPP_KERNEL_SYNC_COMPLETION_HPP */
