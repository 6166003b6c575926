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

template <auto M, auto F>
bindings::hrtimer_restart expired(bindings::hrtimer *timer)
{
	static_assert(same_as<member_type_t<M>, HrTimer>);
	// SAFETY: an HrTimer is its struct hrtimer (an Opaque, first and
	// only member).
	auto *t = reinterpret_cast<HrTimer *>(timer);

	// SAFETY: the HrTimer is at @M of its object (HrTimer() set this
	// callback only for such a timer).
	F(*container_of_unchecked<M>(t));
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
inline constexpr Callback callback{ detail::expired<M, F> };

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
class HrTimer : Pinned<HrTimer> {
public:
	explicit HrTimer(hrtimer::Callback cb)
	{
		// SAFETY: the timer is ours and not armed.
		bindings::hrtimer_setup(t_.get(), cb.fn,
					bindings::CLOCK_MONOTONIC,
					bindings::HRTIMER_MODE_REL);
	}

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
