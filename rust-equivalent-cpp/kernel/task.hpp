/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Task: a struct task_struct, reference-counted (ARef<Task>); and
 * cond_resched().
 *
 * C header: include/linux/sched.h
 */
#ifndef CPP_KERNEL_TASK_HPP
#define CPP_KERNEL_TASK_HPP

#include <bindings/bindings.hpp>
#include <kernel/types.hpp>

namespace kernel {

/**
 * class Task - a task: only referenced (Task::current(), ARef<Task>),
 * never built by C++.
 *
 *	ARef<Task> me(Task::current());	// keeps it alive
 *	pr_info("pid {}\n", me->pid());
 *
 * Invariants: the task_struct is live.
 */
class Task : public Wraps<Task, bindings::task_struct> {
public:
	/* current() - the running task, valid while it runs. */
	static const Task &current()
	{
		// SAFETY: current is a live task_struct while it runs.
		return from_raw_unchecked(bindings::get_current());
	}

	/* pid() - the task's id, in the initial namespace. */
	int pid() const
	{
		// SAFETY: the task is live (invariant of a Task reference).
		return bindings::task_pid_nr(as_raw());
	}

	/* tgid() - the id of the task's thread group. */
	int tgid() const
	{
		// SAFETY: as above.
		return bindings::task_tgid_nr(as_raw());
	}

	/* signal_pending() - whether a signal waits for the task. */
	bool signal_pending() const
	{
		// SAFETY: as above.
		return bindings::signal_pending(as_raw());
	}

	/* wake_up() - wakes the task if it sleeps. */
	void wake_up() const
	{
		// SAFETY: as above.
		bindings::wake_up_process(as_raw());
	}

	/* AlwaysRefCounted: get_task_struct() and put_task_struct(). */
	void inc_ref() const
	{
		// SAFETY: as above.
		bindings::get_task_struct(as_raw());
	}

	static void dec_ref_unchecked(Task *t)
	{
		// SAFETY: the caller owns the reference it drops.
		bindings::put_task_struct(t->as_raw());
	}
};

static_assert(alignof(Task) == alignof(bindings::task_struct));
static_assert(AlwaysRefCounted<Task>);

/*
 * cond_resched() - lets another task run if one should: a long loop of a
 * kernel that is not preemptible calls it now and then.  It may sleep.
 */
inline void cond_resched()
{
	// SAFETY: no precondition; might_sleep() checks the context.
	bindings::cond_resched();
}

} // namespace kernel

#endif /* CPP_KERNEL_TASK_HPP */
