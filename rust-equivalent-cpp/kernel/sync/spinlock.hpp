/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SpinLock<T> and SpinLockIrq<T>: a spinlock_t that owns the data it
 * protects.  A SpinLock may be taken in any context that does not share
 * its data with an interrupt handler; SpinLockIrq disables local
 * interrupts while it is held (spin_lock_irqsave()) and restores them when
 * its Guard goes out of scope.  Neither may sleep while held.
 *
 * C header: include/linux/spinlock.h
 */
#ifndef CPP_KERNEL_SYNC_SPINLOCK_HPP
#define CPP_KERNEL_SYNC_SPINLOCK_HPP

#include <bindings/bindings.hpp>
#include <kernel/sync/lock.hpp>

namespace kernel::sync {

/* What SpinLockBackend and SpinLockIrqBackend share. */
struct SpinLockBase {
	using State = bindings::spinlock_t;

	static void init(State *l, const char *name,
			 bindings::lock_class_key *key)
	{
		// SAFETY: the caller passes an unused spinlock and a static
		// name and key.
		bindings::__spin_lock_init(l, name, key);
	}

	static void assert_held(State *l)
	{
		// SAFETY: @l is initialised.
		bindings::spin_assert_held(l);
	}

	static bool is_locked(State *l)
	{
		// SAFETY: @l is initialised.
		return bindings::spin_is_locked(l);
	}
};

/* The backend of SpinLock: spin_lock() and spin_unlock(). */
struct SpinLockBackend : SpinLockBase {
	struct GuardState {};

	static GuardState lock(State *l)
	{
		// SAFETY: @l is initialised (invariant of Lock).
		bindings::spin_lock(l);
		return {};
	}

	static void unlock(State *l, GuardState)
	{
		// SAFETY: the caller holds @l (invariant of Guard).
		bindings::spin_unlock(l);
	}
};

/* The backend of SpinLockIrq: spin_lock_irqsave() and _irqrestore(). */
struct SpinLockIrqBackend : SpinLockBase {
	/* The interrupt state to restore. */
	using GuardState = unsigned long;

	static GuardState lock(State *l)
	{
		// SAFETY: @l is initialised (invariant of Lock).
		return bindings::spin_lock_irqsave(l);
	}

	static void unlock(State *l, GuardState flags)
	{
		// SAFETY: the caller holds @l, taken with lock(), which gave
		// @flags (invariant of Guard).
		bindings::spin_unlock_irqrestore(l, flags);
	}
};

/**
 * SpinLock - a spinning lock that protects a @T (nothing: SpinLock<>).
 *
 *	SpinLock<u64> count{ KERNEL_LOCK_CLASS("my_driver::count"), 0 };
 *
 *	(*count.lock())++;
 */
template <typename T = NoData> using SpinLock = Lock<T, SpinLockBackend>;
template <typename T = NoData> using SpinLockGuard = Guard<T, SpinLockBackend>;

/**
 * SpinLockIrq - a SpinLock that keeps local interrupts off while held, for
 * data that an interrupt handler shares.
 */
template <typename T = NoData> using SpinLockIrq = Lock<T, SpinLockIrqBackend>;
template <typename T = NoData>
using SpinLockIrqGuard = Guard<T, SpinLockIrqBackend>;

} // namespace kernel::sync

namespace kernel {
using sync::SpinLock;
using sync::SpinLockGuard;
using sync::SpinLockIrq;
using sync::SpinLockIrqGuard;
} // namespace kernel

#endif /* CPP_KERNEL_SYNC_SPINLOCK_HPP */
