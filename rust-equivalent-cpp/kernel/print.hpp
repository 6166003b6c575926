/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Printing to the kernel log: pr_emerg() .. pr_debug(), pr_cont().
 *
 * The format strings are those of kernel/fmt.hpp, checked against the
 * arguments at compile time and lowered to plain printk formats: a wrong
 * argument count or type is a build error, and printk does all the work
 * at run time, as for C. Each line starts with the module name
 * (KBUILD_MODNAME ": "), like the default pr_fmt() of many C files and
 * like Rust's pr_info!().
 *
 * pr_debug() prints only when the file defines DEBUG; otherwise it is
 * compiled (and type-checked) but never runs, and its arguments are not
 * evaluated.  Dynamic debug (CONFIG_DYNAMIC_DEBUG) does not see C++ call
 * sites yet.
 *
 * C header: include/linux/printk.h
 *
 * Examples::
 *
 *	pr_info("{} message (level {}) with args\n", "Info", 6);
 *	pr_warn("register {:#06x} reads {:#x}\n", reg, val);
 *	pr_err("probe failed: {}\n", err);	// an Error: "ENODEV"
 */
#ifndef CPP_KERNEL_PRINT_HPP
#define CPP_KERNEL_PRINT_HPP

#include <bindings/bindings.hpp>
#include <kernel/fmt.hpp>

namespace kernel::print::detail {

/* printk() of a lowered format (the sink of the pr_*() macros). */
struct Printk {
	template <typename... A>
	[[gnu::always_inline]] int operator()(const char *fmt, A... args) const
	{
		// SAFETY: @fmt was lowered from the types of @args, so every
		// conversion matches its argument.
		return bindings::_printk(fmt, args...);
	}
};

} // namespace kernel::print::detail

/* KERN_SOH and the levels, as in include/linux/kern_levels.h. */
#define CPP_KERN_SOH "\001"
#define CPP_KERN_EMERG CPP_KERN_SOH "0"
#define CPP_KERN_ALERT CPP_KERN_SOH "1"
#define CPP_KERN_CRIT CPP_KERN_SOH "2"
#define CPP_KERN_ERR CPP_KERN_SOH "3"
#define CPP_KERN_WARNING CPP_KERN_SOH "4"
#define CPP_KERN_NOTICE CPP_KERN_SOH "5"
#define CPP_KERN_INFO CPP_KERN_SOH "6"
#define CPP_KERN_DEBUG CPP_KERN_SOH "7"
#define CPP_KERN_CONT CPP_KERN_SOH "c"

#define cpp_printk(level, fmt_str, ...)                                        \
	KFMT(level KBUILD_MODNAME ": " fmt_str __VA_OPT__(, ) __VA_ARGS__)     \
		.apply(::kernel::print::detail::Printk{})

#define pr_emerg(fmt_str, ...)                                                 \
	cpp_printk(CPP_KERN_EMERG, fmt_str, ##__VA_ARGS__)
#define pr_alert(fmt_str, ...)                                                 \
	cpp_printk(CPP_KERN_ALERT, fmt_str, ##__VA_ARGS__)
#define pr_crit(fmt_str, ...) cpp_printk(CPP_KERN_CRIT, fmt_str, ##__VA_ARGS__)
#define pr_err(fmt_str, ...) cpp_printk(CPP_KERN_ERR, fmt_str, ##__VA_ARGS__)
#define pr_warn(fmt_str, ...)                                                  \
	cpp_printk(CPP_KERN_WARNING, fmt_str, ##__VA_ARGS__)
#define pr_notice(fmt_str, ...)                                                \
	cpp_printk(CPP_KERN_NOTICE, fmt_str, ##__VA_ARGS__)
#define pr_info(fmt_str, ...) cpp_printk(CPP_KERN_INFO, fmt_str, ##__VA_ARGS__)

/* pr_cont() - continues the previous line: no level, no prefix. */
#define pr_cont(fmt_str, ...)                                                  \
	KFMT(CPP_KERN_CONT fmt_str __VA_OPT__(, ) __VA_ARGS__)                 \
		.apply(::kernel::print::detail::Printk{})

#if defined(DEBUG)
#define pr_debug(fmt_str, ...)                                                 \
	cpp_printk(CPP_KERN_DEBUG, fmt_str, ##__VA_ARGS__)
#else
/* Checked, never printed: the arguments are not evaluated. */
#define pr_debug(fmt_str, ...)                                                 \
	({                                                                     \
		if (false)                                                     \
			cpp_printk(CPP_KERN_DEBUG, fmt_str, ##__VA_ARGS__);    \
	})
#endif

#endif /* CPP_KERNEL_PRINT_HPP */
