/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LockedBy<T, U, B>: data that a lock elsewhere protects, for data that
 * cannot live inside the lock (in objects that a list behind the lock
 * holds, for instance).
 */
#ifndef CPP_KERNEL_SYNC_LOCKED_BY_HPP
#define CPP_KERNEL_SYNC_LOCKED_BY_HPP

#include <bindings/bindings.hpp>
#include <kernel/sync/lock.hpp>
#include <kernel/utility.hpp>

namespace kernel::sync {

/**
 * class LockedBy - a @T protected by a given Lock<U, B>, the owner.
 *
 * access() takes a Guard as the proof that the lock is held, and checks
 * at run time that it is the owner's: a Guard of another lock is a bug,
 * and BUG()s (like Rust's LockedBy, which panics).
 *
 * Examples::
 *
 *	struct Inner { u64 total; };
 *	struct Outer {
 *		Mutex<Inner> lock{ KERNEL_LOCK_CLASS("Outer::lock") };
 *	};
 *	struct Item {
 *		LockedBy<u64, Inner, MutexBackend> count;
 *		explicit Item(const Outer &o) : count(o.lock, 0) { }
 *	};
 *
 *	auto guard = outer.lock.lock();
 *	item.count.access(guard) += 1;
 *
 * Invariants: owner_ outlives this LockedBy.
 */
template <typename T, typename U, typename B>
class LockedBy : Pinned<LockedBy<T, U, B>> {
public:
	template <typename... Args>
		requires is_constructible_v<T, Args &&...>
	explicit LockedBy(const Lock<U, B> &owner, Args &&...args)
	    : owner_(&owner), data_(forward<Args>(args)...)
	{
	}

	/* access() - the data, with @guard holding the owner. */
	T &access(const Guard<U, B> &guard) const KERNEL_LIFETIMEBOUND
	{
		if (&guard.lock() != owner_) [[unlikely]]
			// SAFETY: none needed; a Guard of the wrong lock is a
			// bug of the caller.
			bindings::BUG();
		return data_;
	}

private:
	const Lock<U, B> *owner_;
	mutable T data_;
};

} // namespace kernel::sync

namespace kernel {
using sync::LockedBy;
} // namespace kernel

#endif /* CPP_KERNEL_SYNC_LOCKED_BY_HPP */
