/* SPDX-License-Identifier: GPL-2.0 */
/*
 * HrTimer: a one-shot high-resolution timer (struct hrtimer, on the
 * monotonic clock, relative expiry) embedded in an object, which calls a
 * function of that object when it expires, in hard interrupt context.
 *
 * C header: include/linux/hrtimer.h
 */
#ifndef CPP_KERNEL_HRTIMER_HPP
#define CPP_KERNEL_HRTIMER_HPP

#include <bindings/bindings.hpp>
#include <kernel/types.hpp>

namespace kernel {

class HrTimer;

namespace hrtimer {

/* The C callback of an HrTimer: see HrTimer(). */
struct Callback {
	using Restart = bindings::hrtimer_restart;

	Restart (*fn)(bindings::hrtimer *);
};

namespace detail {

/*
 * The offset of the member @M in its class: a pointer to a data member is
 * that offset in the Itanium C++ ABI, which both compilers follow here.
 */
template <typename C> constexpr ptrdiff_t member_offset(HrTimer C::*m)
{
	static_assert(sizeof(m) == sizeof(ptrdiff_t));
	return __builtin_bit_cast(ptrdiff_t, m);
}

/* The class of which @M is a member. */
template <typename M> struct MemberClass;
template <typename C, typename T> struct MemberClass<T C::*> {
	using type = C;
};

template <typename C, HrTimer C::*M, void (*F)(C &)>
bindings::hrtimer_restart expired(bindings::hrtimer *timer)
{
	// SAFETY: @timer is the struct hrtimer of the HrTimer at @M of a C
	// (HrTimer() set this callback only for such a timer), and an
	// HrTimer is its struct hrtimer (an Opaque, first and only member).
	C *owner = reinterpret_cast<C *>(reinterpret_cast<char *>(timer) -
					 member_offset(M));

	F(*owner);
	return bindings::HRTIMER_NORESTART;
}

} // namespace detail

/**
 * callback - the Callback that calls @F with the object whose HrTimer
 * member @M expired:
 *
 *	struct Cmd {
 *		HrTimer timer{ hrtimer::callback<&Cmd::timer, &Cmd::done> };
 *		static void done(Cmd &cmd);
 *	};
 */
template <auto M, auto F>
inline constexpr Callback callback{
	detail::expired<typename detail::MemberClass<decltype(M)>::type, M, F>
};

} // namespace hrtimer

/**
 * class HrTimer - a one-shot timer in an object: start() arms it, the
 * callback chosen at construction runs once when it expires (in hard
 * interrupt context: it must not sleep), cancel() disarms it and waits
 * for a running callback.  The destructor cancels it.
 *
 * It neither moves nor copies: the kernel keeps its address while it is
 * armed.
 */
class HrTimer {
public:
	explicit HrTimer(hrtimer::Callback cb)
	{
		// SAFETY: the timer is ours and not armed.
		bindings::hrtimer_setup(t_.get(), cb.fn,
					bindings::CLOCK_MONOTONIC,
					bindings::HRTIMER_MODE_REL);
	}

	HrTimer(const HrTimer &) = delete;
	HrTimer &operator=(const HrTimer &) = delete;

	~HrTimer()
	{
		cancel();
	}

	/* start() - arms the timer to expire in @ns nanoseconds. */
	void start(u64 ns)
	{
		// SAFETY: initialised in the constructor.
		bindings::hrtimer_start(t_.get(), static_cast<s64>(ns),
					bindings::HRTIMER_MODE_REL);
	}

	/*
	 * cancel() - disarms the timer and waits for its callback, if it
	 * runs; returns whether it was armed.
	 */
	bool cancel()
	{
		// SAFETY: initialised in the constructor.
		return bindings::hrtimer_cancel(t_.get());
	}

private:
	Opaque<bindings::hrtimer> t_;
};

} // namespace kernel

#endif /* CPP_KERNEL_HRTIMER_HPP */
