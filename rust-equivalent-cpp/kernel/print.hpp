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
 * pr_debug() follows C: with CONFIG_DYNAMIC_DEBUG (or DYNAMIC_DEBUG_CORE
 * and DYNAMIC_DEBUG_MODULE) each call is a dynamic debug site, which
 * /proc/dynamic_debug/control or the dyndbg= module parameter turns on
 * (on from the start if the file defines DEBUG); otherwise it prints only
 * when the file defines DEBUG, and is compiled (and type-checked) but
 * never runs, its arguments not evaluated, when it does not.
 *
 * C header: include/linux/printk.h, include/linux/dynamic_debug.h
 *
 * Examples::
 *
 *	pr_info("{} message (level {}) with args\n", "Info", 6);
 *	pr_warn("register {:#06x} reads {:#x}\n", reg, val);
 *	pr_err("probe failed: {}\n", err);	// an Error: "-ENODEV"
 */
#ifndef CPP_KERNEL_PRINT_HPP
#define CPP_KERNEL_PRINT_HPP

#include <source_location>

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

#if defined(CONFIG_DYNAMIC_DEBUG) ||                                           \
	(defined(CONFIG_DYNAMIC_DEBUG_CORE) && defined(DYNAMIC_DEBUG_MODULE))
/* __dynamic_pr_debug() of a dynamic debug site. */
struct DynamicPrDebug {
	bindings::_ddebug *site;

	template <typename... A>
	[[gnu::always_inline]] void operator()(const char *fmt, A... args) const
	{
		// SAFETY: @site is a static dynamic debug site whose format
		// is @fmt, lowered from the types of @args.
		bindings::__dynamic_pr_debug(site, fmt, args...);
	}
};
#endif

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

#if defined(CONFIG_DYNAMIC_DEBUG) ||                                           \
	(defined(CONFIG_DYNAMIC_DEBUG_CORE) && defined(DYNAMIC_DEBUG_MODULE))
/*
 * A dynamic debug site, as DEFINE_DYNAMIC_DEBUG_METADATA() makes it, in
 * the __dyndbg section that the dynamic debug core reads.  Whether it
 * prints is read from its flags, which the core keeps up to date whether
 * or not the site also has a static key.
 */
#define pr_debug(fmt_str, ...)                                                 \
	({                                                                     \
		__KFMT_DECLARE(__pr_debug_fmt, KBUILD_MODNAME ": " fmt_str,    \
			       ##__VA_ARGS__);                                 \
		[[gnu::section("__dyndbg"), gnu::aligned(8),                   \
		  gnu::used]] static constinit ::bindings::_ddebug             \
			__pr_debug_site = {                                    \
				.modname = KBUILD_MODNAME,                     \
				.function = __func__,                          \
				.filename = __FILE__,                          \
				.format = __pr_debug_fmt.str,                  \
				.lineno = __LINE__,                            \
				.class_id = ::bindings::_DPRINTK_CLASS_DFLT,   \
				.flags = CPP_PR_DEBUG_FLAGS,                   \
			};                                                     \
		if (__builtin_expect(__pr_debug_site.flags &                   \
					     ::bindings::_DPRINTK_FLAGS_PRINT, \
				     0))                                       \
			::kernel::fmt::detail::make_arguments(                 \
				__pr_debug_fmt.str __VA_OPT__(, ) __VA_ARGS__) \
				.apply(::kernel::print::detail::               \
					       DynamicPrDebug{                 \
						       &__pr_debug_site });    \
	})
#ifdef DEBUG
#define CPP_PR_DEBUG_FLAGS ::bindings::_DPRINTK_FLAGS_PRINT
#else
#define CPP_PR_DEBUG_FLAGS 0
#endif
#elif defined(DEBUG)
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

/**
 * KDBG() - prints @expr and its value, for temporary debugging, and
 * evaluates to the value, like Rust's dbg!().
 *
 * The line is ``[file:line:column] expr = value`` at KERN_INFO, the value
 * in its pretty debug form (``{:#?}``). An lvalue is copied into the
 * result, an rvalue moved. Not for code that is submitted: use pr_debug().
 */
#define KDBG(expr)                                                             \
	({                                                                     \
		auto &&__kdbg_value = (expr);                                  \
		pr_info("[{}:{}:{}] {} = {:#?}\n", __FILE__, __LINE__,         \
			::std::source_location::current().column(), #expr,     \
			__kdbg_value);                                         \
		static_cast<decltype(__kdbg_value)>(__kdbg_value);             \
	})

#endif /* CPP_KERNEL_PRINT_HPP */
