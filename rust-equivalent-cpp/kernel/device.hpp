/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device: a struct device, reference-counted (ARef<Device>), and the
 * dev_*() printing functions.
 *
 * C header: include/linux/device.h, include/linux/dev_printk.h
 */
#ifndef CPP_KERNEL_DEVICE_HPP
#define CPP_KERNEL_DEVICE_HPP

#include <bindings/bindings.hpp>
#include <kernel/print.hpp>
#include <kernel/str.hpp>
#include <kernel/types.hpp>

namespace kernel {

/**
 * class Device - a device of the driver model: only referenced, never
 * built by C++ (a bus or a subsystem makes it).
 *
 * Invariants: the struct device is live.
 *
 *	dev_info(dev, "{} queues\n", n);
 *	ARef<Device> keep(dev);		// get_device()
 */
class Device : public Wraps<Device, bindings::device> {
public:
	/* name() - dev_name(). */
	CStr name() const
	{
		// SAFETY: a live device has a name while it is registered;
		// dev_name() gives its init_name before.
		return CStr::from_char_ptr_unchecked(
			bindings::dev_name(as_raw()));
	}

	/* AlwaysRefCounted: get_device() and put_device(). */
	void inc_ref() const
	{
		// SAFETY: the device is live (invariant of a reference).
		bindings::get_device(as_raw());
	}

	static void dec_ref_unchecked(Device *dev)
	{
		// SAFETY: the caller owns the reference it drops.
		bindings::put_device(dev->as_raw());
	}
};

static_assert(AlwaysRefCounted<Device>);

namespace print::detail {
/* _dev_printk() of a device at a level. */
struct DevPrintk {
	const char *level;
	const bindings::device *dev;

	template <typename... A>
	[[gnu::always_inline]] void operator()(const char *fmt, A... args) const
	{
		// SAFETY: @fmt was lowered from the types of @args; @dev is
		// live (the caller holds a Device reference).
		bindings::_dev_printk(level, dev, fmt, args...);
	}
};
} // namespace print::detail

} // namespace kernel

/*
 * dev_emerg() .. dev_info(): pr_*() with the device's driver and name
 * as the prefix, as C's.  @dev is a kernel::Device.
 */
#define cpp_dev_printk(level, dev, fmt_str, ...)                               \
	KFMT(fmt_str __VA_OPT__(, ) __VA_ARGS__)                               \
		.apply(::kernel::print::detail::DevPrintk{ level,              \
							   (dev).as_raw() })

#define dev_emerg(dev, fmt_str, ...)                                           \
	cpp_dev_printk(CPP_KERN_EMERG, dev, fmt_str, ##__VA_ARGS__)
#define dev_alert(dev, fmt_str, ...)                                           \
	cpp_dev_printk(CPP_KERN_ALERT, dev, fmt_str, ##__VA_ARGS__)
#define dev_crit(dev, fmt_str, ...)                                            \
	cpp_dev_printk(CPP_KERN_CRIT, dev, fmt_str, ##__VA_ARGS__)
#define dev_err(dev, fmt_str, ...)                                             \
	cpp_dev_printk(CPP_KERN_ERR, dev, fmt_str, ##__VA_ARGS__)
#define dev_warn(dev, fmt_str, ...)                                            \
	cpp_dev_printk(CPP_KERN_WARNING, dev, fmt_str, ##__VA_ARGS__)
#define dev_notice(dev, fmt_str, ...)                                          \
	cpp_dev_printk(CPP_KERN_NOTICE, dev, fmt_str, ##__VA_ARGS__)
#define dev_info(dev, fmt_str, ...)                                            \
	cpp_dev_printk(CPP_KERN_INFO, dev, fmt_str, ##__VA_ARGS__)

#endif /* CPP_KERNEL_DEVICE_HPP */
