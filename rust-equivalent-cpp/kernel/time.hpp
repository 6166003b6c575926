/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time: jiffies and their conversions, and Ktime (ktime_t, nanoseconds of
 * CLOCK_MONOTONIC).
 *
 * C header: include/linux/jiffies.h, include/linux/ktime.h
 */
#ifndef CPP_KERNEL_TIME_HPP
#define CPP_KERNEL_TIME_HPP

#include <compare>

#include <bindings/bindings.hpp>
#include <kernel/types.hpp>

namespace kernel::time {

/* A count of timer ticks (HZ per second). */
using Jiffies = unsigned long;
/* Milliseconds. */
using Msecs = unsigned int;

inline constexpr Jiffies HZ = bindings::HZ;

/* jiffies() - the tick counter now. */
inline Jiffies jiffies()
{
	// SAFETY: jiffies is a word that the timer interrupt updates: read
	// it once, like READ_ONCE().
	return *static_cast<const volatile unsigned long *>(&bindings::jiffies);
}

/* msecs_to_jiffies() - @ms rounded up to ticks (saturating). */
inline Jiffies msecs_to_jiffies(Msecs ms)
{
	// SAFETY: a pure function.
	return bindings::__msecs_to_jiffies(ms);
}

/* jiffies_to_msecs() - @j ticks in milliseconds. */
inline Msecs jiffies_to_msecs(Jiffies j)
{
	// SAFETY: a pure function.
	return bindings::jiffies_to_msecs(j);
}

/**
 * class Ktime - a point of CLOCK_MONOTONIC, or a span between two, in
 * nanoseconds.
 *
 *	Ktime start = Ktime::now();
 *	...
 *	pr_info("took {} ms\n", (Ktime::now() - start).to_ms());
 */
class Ktime {
public:
	constexpr explicit Ktime(s64 ns) : ns_(ns)
	{
	}

	/* now() - ktime_get(). */
	static Ktime now()
	{
		// SAFETY: callable in any context.
		return Ktime(bindings::ktime_get());
	}

	constexpr s64 to_ns() const
	{
		return ns_;
	}

	/* to_ms() - in milliseconds, rounded towards zero. */
	constexpr s64 to_ms() const
	{
		return ns_ / 1000000;
	}

	friend constexpr Ktime operator-(Ktime a, Ktime b)
	{
		return Ktime(a.ns_ - b.ns_);
	}

	friend constexpr auto operator<=>(Ktime, Ktime) = default;

private:
	s64 ns_;
};

} // namespace kernel::time

namespace kernel {
using time::Ktime;
} // namespace kernel

#endif /* CPP_KERNEL_TIME_HPP */
