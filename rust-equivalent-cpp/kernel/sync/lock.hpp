/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lock<T, Backend>: a lock that owns the data it protects, and Guard, the
 * proof that it is held; the lock types Mutex, SpinLock and SpinLockIrq
 * (mutex.hpp, spinlock.hpp) are this template with a backend.  And the
 * lockdep class of a lock: LockClassKey and KERNEL_LOCK_CLASS().
 *
 * The data is reached only through a Guard, and a Guard only from lock():
 * data used without its lock does not compile.  A Guard is neither
 * copyable nor movable, so it cannot outlive the scope that took the lock;
 * the lock is released when the Guard goes out of scope.  With clang++,
 * the thread-safety analysis also knows that a Guard holds its lock (for
 * data declared KERNEL_GUARDED_BY() the lock, see annotations.hpp), and a
 * reference into the data that outlives the Guard is diagnosed.
 *
 * Locks are interior mutability: lock() is a const member function, so a
 * lock is shared the way C shares it, through a const reference (an
 * Arc<T> gives const access to its T).
 *
 * C header: include/linux/lockdep.h
 */
#ifndef CPP_KERNEL_SYNC_LOCK_HPP
#define CPP_KERNEL_SYNC_LOCK_HPP

#include <bindings/bindings.hpp>
#include <kernel/str.hpp>
#include <kernel/sync/annotations.hpp>
#include <kernel/types.hpp>
#include <kernel/utility.hpp>

namespace kernel::sync {

/**
 * class LockClassKey - the key of a lockdep class: lockdep tells locks
 * apart by the key they were initialised with, so locks initialised at
 * one place share a class.  A key must be static (KERNEL_LOCK_CLASS()
 * makes one).
 */
class LockClassKey : Pinned<LockClassKey> {
public:
	constexpr LockClassKey() = default;

	bindings::lock_class_key *as_raw() const
	{
		return &key_;
	}

private:
	mutable bindings::lock_class_key key_{};
};

/* The lockdep class of a lock: its name and key, both static. */
struct LockClass {
	CStr name;
	const LockClassKey *key;
};

/* The data of a lock that protects no data of its own: Mutex<>. */
struct NoData {};

template <typename T, typename B> class Guard;

/**
 * class Lock - a lock of backend @B that protects a @T.
 *
 * @B provides the C lock (State), what a Guard keeps (GuardState), and
 * the functions init(), lock(), unlock(), assert_held() and is_locked().
 *
 * Invariants: state_ was initialised by B::init(); data_ is used only
 * while state_ is held.
 *
 * Examples::
 *
 *	Mutex<KVec<int>> list{ KERNEL_LOCK_CLASS("list"), };
 *
 *	{
 *		auto guard = list.lock();
 *		TRY(guard->push(1, GFP_KERNEL));
 *	}	// unlocked here
 */
template <typename T, typename B>
class KERNEL_CAPABILITY("lock") Lock : Pinned<Lock<T, B>> {
public:
	/**
	 * Lock() - the lock, of lockdep class @cls, and its data, built
	 * from @args.
	 */
	template <typename... Args>
		requires is_constructible_v<T, Args &&...>
	explicit Lock(LockClass cls, Args &&...args)
	    : data_(forward<Args>(args)...)
	{
		// SAFETY: state_ is ours and not in use; the name and key are
		// static (LockClass).
		B::init(&state_, cls.name.as_char_ptr(), cls.key->as_raw());
	}

	/** lock() - waits for the lock; returns the Guard that holds it. */
	[[nodiscard]] Guard<T, B> lock() const KERNEL_ACQUIRE()
	{
		return Guard<T, B>(*this);
	}

	/*
	 * assert_held() - warns (with lockdep) if the caller does not hold
	 * the lock; the analysis takes it as held from here.
	 */
	void assert_held() const KERNEL_ASSERT_CAPABILITY(this)
	{
		// SAFETY: state_ is initialised.
		B::assert_held(&state_);
	}

	/* is_locked() - whether anyone holds the lock (racy: for tests). */
	bool is_locked() const
	{
		// SAFETY: state_ is initialised.
		return B::is_locked(&state_);
	}

	/* as_raw() - the C lock, for C functions that take it. */
	typename B::State *as_raw() const
	{
		return &state_;
	}

private:
	friend class Guard<T, B>;

	mutable typename B::State state_;
	[[no_unique_address]] mutable T data_;
};

/**
 * class Guard - holds a Lock from lock() to the end of its scope, and
 * gives access to the lock's data meanwhile.
 */
template <typename T, typename B>
class [[nodiscard]] KERNEL_SCOPED_CAPABILITY Guard : Pinned<Guard<T, B>> {
public:
	~Guard() KERNEL_RELEASE()
	{
		// SAFETY: this Guard holds the lock (invariant of Guard).
		B::unlock(&lock_.state_, state_);
	}

	T &operator*() const KERNEL_LIFETIMEBOUND
	{
		return lock_.data_;
	}

	T *operator->() const KERNEL_LIFETIMEBOUND
	{
		return &lock_.data_;
	}

	/* lock() - the Lock this Guard holds. */
	const Lock<T, B> &lock() const
	{
		return lock_;
	}

	/**
	 * do_unlocked() - releases the lock, calls @f, and takes the lock
	 * again (for CondVar).  The data may have changed meanwhile.
	 */
	template <typename F>
	auto do_unlocked(F &&f) KERNEL_NO_THREAD_SAFETY_ANALYSIS
	{
		struct Relock {
			Guard *g;
			~Relock()
			{
				// SAFETY: the lock was released below and is
				// taken again before the Guard is used.
				g->state_ = B::lock(&g->lock_.state_);
			}
		} relock{ this };

		// SAFETY: this Guard holds the lock; Relock takes it again.
		B::unlock(&lock_.state_, state_);
		return f();
	}

private:
	friend class Lock<T, B>;

	explicit Guard(const Lock<T, B> &lock) KERNEL_ACQUIRE(lock)
	    : lock_(lock), state_(B::lock(&lock.state_))
	{
	}

	const Lock<T, B> &lock_;
	[[no_unique_address]] typename B::GuardState state_;
};

} // namespace kernel::sync

/**
 * KERNEL_LOCK_CLASS() - the lockdep class of the locks initialised here:
 * a static key of its own, and the name given (a string literal), or the
 * file and line if none is.
 *
 *	Mutex<int> m{ KERNEL_LOCK_CLASS("my_driver::m"), 0 };
 */
#define KERNEL_LOCK_CLASS(...)                                                 \
	__KERNEL_LOCK_CLASS(__VA_OPT__(__VA_ARGS__, ) __FILE__                 \
			    ":" __KERNEL_LOCK_STR(__LINE__))

#define __KERNEL_LOCK_STR(x) __KERNEL_LOCK_STR2(x)
#define __KERNEL_LOCK_STR2(x) #x
#define __KERNEL_LOCK_CLASS(class_name, ...)                                   \
	([]() -> ::kernel::sync::LockClass {                                   \
		static constinit const ::kernel::sync::LockClassKey __key;     \
		return { class_name, &__key };                                 \
	}())

#endif /* CPP_KERNEL_SYNC_LOCK_HPP */
