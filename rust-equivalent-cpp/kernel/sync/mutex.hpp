/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mutex<T>: a struct mutex that owns the data it protects.  Taking it may
 * sleep: not in atomic context.
 *
 * C header: include/linux/mutex.h
 */
#ifndef CPP_KERNEL_SYNC_MUTEX_HPP
#define CPP_KERNEL_SYNC_MUTEX_HPP

#include <bindings/bindings.hpp>
#include <kernel/sync/lock.hpp>

namespace kernel::sync {

/* The backend of Mutex: struct mutex. */
struct MutexBackend {
	using State = bindings::mutex;
	struct GuardState {};

	static void init(State *m, const char *name,
			 bindings::lock_class_key *key)
	{
		// SAFETY: the caller passes an unused mutex and a static name
		// and key.
		bindings::__mutex_init(m, name, key);
	}

	static GuardState lock(State *m)
	{
		// SAFETY: @m is initialised (invariant of Lock).
		bindings::mutex_lock(m);
		return {};
	}

	static void unlock(State *m, GuardState)
	{
		// SAFETY: the caller holds @m (invariant of Guard).
		bindings::mutex_unlock(m);
	}

	static void assert_held(State *m)
	{
		// SAFETY: @m is initialised.
		bindings::mutex_assert_held(m);
	}

	static bool is_locked(State *m)
	{
		// SAFETY: @m is initialised.
		return bindings::mutex_is_locked(m);
	}
};

/**
 * Mutex - a sleeping lock that protects a @T (nothing: Mutex<>).
 *
 *	Mutex<Stats> stats{ KERNEL_LOCK_CLASS("my_driver::stats") };
 *
 *	auto guard = stats.lock();
 *	guard->reads++;
 */
template <typename T = NoData> using Mutex = Lock<T, MutexBackend>;
template <typename T = NoData> using MutexGuard = Guard<T, MutexBackend>;

} // namespace kernel::sync

namespace kernel {
using sync::Mutex;
using sync::MutexGuard;
} // namespace kernel

#endif /* CPP_KERNEL_SYNC_MUTEX_HPP */
