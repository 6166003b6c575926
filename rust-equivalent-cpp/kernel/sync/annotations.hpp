/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lock annotations for Clang's thread-safety analysis.
 *
 * With clang++, C++ is compiled with -Werror=thread-safety: data declared
 * KERNEL_GUARDED_BY(lock) may only be used while that lock is held, a
 * function declared KERNEL_REQUIRES(lock) may only be called while it is
 * held, and KERNEL_EXCLUDES(lock) while it is not.  The lock types of
 * kernel::sync (Mutex, SpinLock, SpinLockIrq) are the locks these name:
 *
 *	struct Counter {
 *		Mutex<> lock;
 *		u64 count KERNEL_GUARDED_BY(lock);
 *
 *		void add(u64 n) KERNEL_EXCLUDES(lock)
 *		{
 *			auto guard = lock.lock();
 *			count += n;		// without the guard: an error
 *		}
 *	};
 *
 * The accessors of the guards are also lifetime-bound: a reference into
 * the protected data that outlives its guard is diagnosed (-Wdangling).
 * With g++ the annotations compile to nothing; the same code builds.
 *
 * Documentation: https://clang.llvm.org/docs/ThreadSafetyAnalysis.html
 */
#ifndef CPP_KERNEL_SYNC_ANNOTATIONS_HPP
#define CPP_KERNEL_SYNC_ANNOTATIONS_HPP

#ifdef __clang__
#define __KERNEL_TSA(...) __attribute__((__VA_ARGS__))
#define KERNEL_LIFETIMEBOUND [[clang::lifetimebound]]
#else
#define __KERNEL_TSA(...)
#define KERNEL_LIFETIMEBOUND
#endif

/* Data that may only be used with @lock held. */
#define KERNEL_GUARDED_BY(lock) __KERNEL_TSA(guarded_by(lock))
/* A pointer whose target may only be used with @lock held. */
#define KERNEL_PT_GUARDED_BY(lock) __KERNEL_TSA(pt_guarded_by(lock))
/* A function that must be called with the locks held. */
#define KERNEL_REQUIRES(...) __KERNEL_TSA(requires_capability(__VA_ARGS__))
/* A function that must be called without the locks held. */
#define KERNEL_EXCLUDES(...) __KERNEL_TSA(locks_excluded(__VA_ARGS__))
/* A function that returns with the locks held (and did not hold them). */
#define KERNEL_ACQUIRE(...) __KERNEL_TSA(acquire_capability(__VA_ARGS__))
/* A function that returns with the locks released. */
#define KERNEL_RELEASE(...) __KERNEL_TSA(release_capability(__VA_ARGS__))
/* A function that checks at run time that the locks are held. */
#define KERNEL_ASSERT_CAPABILITY(...)                                          \
	__KERNEL_TSA(assert_capability(__VA_ARGS__))
/* A function whose body the analysis does not check. */
#define KERNEL_NO_THREAD_SAFETY_ANALYSIS __KERNEL_TSA(no_thread_safety_analysis)

/* For lock types: the class is a lock ... */
#define KERNEL_CAPABILITY(name) __KERNEL_TSA(capability(name))
/* ... or an object that holds a lock for its lifetime. */
#define KERNEL_SCOPED_CAPABILITY __KERNEL_TSA(scoped_lockable)

#endif /* CPP_KERNEL_SYNC_ANNOTATIONS_HPP */
