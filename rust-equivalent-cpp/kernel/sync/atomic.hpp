/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Atomic<T>, an integer, bool or pointer that several CPUs read and write
 * at once, and Refcount, a reference count (refcount_t): the twins of
 * rust/kernel/sync/atomic.rs and rust/kernel/sync/refcount.rs.
 *
 * Atomic<T> is built on the compilers' __atomic built-ins, as the C++ and
 * C11 atomics are; each operation names its ordering, as in Rust:
 *
 * - Ordering::Relaxed: READ_ONCE(), WRITE_ONCE() and the _relaxed
 *   atomic operations;
 * - Ordering::Acquire and Ordering::Release: smp_load_acquire(),
 *   smp_store_release() and the _acquire and _release operations;
 * - Ordering::Full: the fully ordered value-returning operations
 *   (atomic_add_return(), atomic_xchg(), atomic_cmpxchg()).
 *
 * On x86-64 an operation is the instruction the C atomic is (a mov, or a
 * locked read-modify-write).  Refcount is a refcount_t, with its
 * saturation on overflow and underflow: its operations are C's.
 *
 * C header: include/linux/atomic.h, include/linux/refcount.h
 */
#ifndef CPP_KERNEL_SYNC_ATOMIC_HPP
#define CPP_KERNEL_SYNC_ATOMIC_HPP

#include <bindings/bindings.hpp>
#include <kernel/type_traits.hpp>
#include <kernel/utility.hpp>

namespace kernel::sync {

/* The memory ordering of an atomic operation. */
enum class Ordering : int {
	Relaxed = __ATOMIC_RELAXED,
	Acquire = __ATOMIC_ACQUIRE,
	Release = __ATOMIC_RELEASE,
	AcqRel = __ATOMIC_ACQ_REL,
	Full = __ATOMIC_SEQ_CST,
};

/**
 * class Atomic - a @T (an integer, bool or pointer of 1, 2, 4 or 8 bytes)
 * read and written atomically.
 *
 *	Atomic<u32> hits{ 0 };
 *
 *	hits.fetch_add(1, Ordering::Relaxed);
 *	if (hits.load(Ordering::Acquire) > limit)
 *		...
 *
 * Like a C atomic_t in memory: the default constructor leaves the value
 * unset, so that an Atomic in memory that C++ did not construct (a
 * request's PDU) is one once stored to.
 */
template <typename T> class Atomic : Pinned<Atomic<T>> {
	static_assert(is_integral_v<T> || is_pointer_v<T>,
		      "Atomic<T>: an integer, bool or pointer");
	static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 ||
		      sizeof(T) == 8);

public:
	Atomic() = default;

	constexpr explicit Atomic(T value) : value_(value)
	{
	}

	/* load() - the value (Relaxed or Acquire). */
	[[gnu::always_inline]] T load(Ordering o) const
	{
		return __atomic_load_n(&value_, static_cast<int>(o));
	}

	/* store() - sets the value (Relaxed or Release). */
	[[gnu::always_inline]] void store(T value, Ordering o)
	{
		__atomic_store_n(&value_, value, static_cast<int>(o));
	}

	/* fetch_add() - adds @d; returns the value before. */
	[[gnu::always_inline]] T fetch_add(T d, Ordering o)
		requires(!is_same_v<T, bool>)
	{
		return __atomic_fetch_add(&value_, d, static_cast<int>(o));
	}

	/* fetch_sub() - subtracts @d; returns the value before. */
	[[gnu::always_inline]] T fetch_sub(T d, Ordering o)
		requires(!is_same_v<T, bool>)
	{
		return __atomic_fetch_sub(&value_, d, static_cast<int>(o));
	}

	/* exchange() - sets the value to @value; returns the value before. */
	[[gnu::always_inline]] T exchange(T value, Ordering o)
	{
		return __atomic_exchange_n(&value_, value, static_cast<int>(o));
	}

	/*
	 * compare_exchange() - sets the value to @desired if it is
	 * @expected; returns the value before either way (so it succeeded
	 * if that is @expected), as atomic_cmpxchg().  A failure is
	 * ordered Relaxed, or Acquire for an Acquire, AcqRel or Full @o.
	 */
	[[gnu::always_inline]] T compare_exchange(T expected, T desired,
						  Ordering o)
	{
		const int fail =
			o == Ordering::Relaxed || o == Ordering::Release
				? __ATOMIC_RELAXED
				: __ATOMIC_ACQUIRE;

		__atomic_compare_exchange_n(&value_, &expected, desired, false,
					    static_cast<int>(o), fail);
		return expected;
	}

	/*
	 * as_ptr() - the value's storage, for C code that reads or writes
	 * it with its own atomics (a kernel_param's arg).
	 */
	constexpr T *as_ptr()
	{
		return &value_;
	}

private:
	T value_;
};

/**
 * class Refcount - a reference count: a refcount_t, which saturates
 * instead of wrapping (and warns once) on overflow or underflow.
 *
 *	struct Obj {
 *		Refcount refs{ 1 };
 *	};
 *
 *	obj->refs.inc();
 *	if (obj->refs.dec_and_test())
 *		... the last reference: free obj
 */
class Refcount : Pinned<Refcount> {
public:
	/* A count of @n (REFCOUNT_INIT()). */
	constexpr explicit Refcount(int n) : r_{ { n } }
	{
	}

	/* inc() - one reference more (refcount_inc()). */
	void inc()
	{
		// SAFETY: r_ is a refcount_t, initialised by the constructor.
		bindings::refcount_inc(&r_);
	}

	/*
	 * dec_and_test() - one reference less; whether it was the last
	 * (refcount_dec_and_test(): ordered as its C twin, so that what the
	 * other owners wrote is seen by the one that frees).
	 */
	[[nodiscard]] bool dec_and_test()
	{
		// SAFETY: as above.
		return bindings::refcount_dec_and_test(&r_);
	}

	/* read() - the count, for reports and tests (refcount_read()). */
	unsigned int read() const
	{
		// SAFETY: as above.
		return bindings::refcount_read(&r_);
	}

private:
	bindings::refcount_t r_;
};

} // namespace kernel::sync

#endif /* CPP_KERNEL_SYNC_ATOMIC_HPP */
