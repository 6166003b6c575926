/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fallible construction in place: the C++ answer to Rust's pin-init.
 *
 * An object that must not move (a lock, anything whose address C keeps)
 * is built where it will live: KBox<T>::make(), Arc<T>::make() and
 * KERNEL_MODULE() construct it in place, C++17 guarantees that a prvalue
 * initialises its final object directly, and a type that must never move
 * deletes its copy and move constructors.  What a constructor cannot do
 * without exceptions is fail; init::Status is how it does:
 *
 *	struct Dev {
 *		Mutex<Stats> stats{ KERNEL_LOCK_CLASS("Dev::stats") };
 *		Buffer rx;		// Buffer(init::Status &, size_t)
 *		Registration reg;	// Registration(init::Status &, Dev *)
 *
 *		Dev(init::Status &st, size_t n) : rx(st, n), reg(st, this)
 *		{
 *		}
 *	};
 *
 *	KBox<Dev> dev = TRY(KBox<Dev>::try_make(GFP_KERNEL, 4096));
 *
 * A fallible constructor takes an init::Status & first, and does its
 * fallible work in st.step(): once a step fails, the later steps (of this
 * member and of the members after it) do not run.  Every member is still
 * constructed, so the destructors are what cleans up: a member's
 * destructor undoes what its steps did and nothing else (a Registration
 * that never registered does not unregister).  try_make() then destroys
 * the object, frees its memory and returns the first error: whatever had
 * been built is taken down in reverse order, and nothing else is touched.
 */
#ifndef CPP_KERNEL_INIT_HPP
#define CPP_KERNEL_INIT_HPP

#include <new>

#include <kernel/error.hpp>
#include <kernel/utility.hpp>

namespace kernel::init {

/**
 * class Status - whether a fallible construction has failed so far, and
 * with which error.
 */
class Status : Pinned<Status> {
public:
	constexpr Status() = default;

	bool ok() const
	{
		return !failed_;
	}

	/* fail() - records @e, unless a failure is already recorded. */
	void fail(Error e)
	{
		if (!failed_) {
			failed_ = true;
			error_ = e;
		}
	}

	/**
	 * step() - runs @f, which returns a Result<void>, if nothing has
	 * failed yet, and records its error; returns whether all is well.
	 */
	template <typename F> bool step(F &&f)
	{
		if (failed_)
			return false;
		Result<void> r = forward<F>(f)();
		if (r.is_err())
			fail(r.error());
		return !failed_;
	}

	/* result() - the outcome: success, or the first error. */
	Result<void> result() const
	{
		if (failed_)
			return error_;
		return {};
	}

private:
	bool failed_ = false;
	Error error_ = code::EINVAL;
};

/* Selects a constructor that forwards a Status to a member's. */
struct InPlace {};
inline constexpr InPlace in_place_init{};

/* A T with a fallible constructor taking @Args. */
template <typename T, typename... Args>
concept FallibleConstructible = is_constructible_v<T, Status &, Args &&...>;

/**
 * emplace_unchecked() - builds a T at @slot with its fallible constructor; if that
 * fails, destroys it again and returns the error.
 *
 * Always inlined: its callers are few (KBox and Arc try_make(), module
 * init), and a module's init code is then all in .init.text.
 *
 * Safety: @slot is suitably sized and aligned memory with no live object.
 */
template <typename T, typename... Args>
	requires FallibleConstructible<T, Args...>
[[gnu::always_inline]] inline Result<T *> emplace_unchecked(void *slot,
							    Args &&...args)
{
	Status st;
	T *obj = new (slot) T(st, forward<Args>(args)...);

	if (!st.ok()) {
		Result<void> r = st.result();

		obj->~T();
		return r.error();
	}
	return obj;
}

} // namespace kernel::init

#endif /* CPP_KERNEL_INIT_HPP */
