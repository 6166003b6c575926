// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-time tests of kernel/fmt.hpp: what each format string lowers to
 * for each argument type, and that the pr_*() macros compile.
 *
 * Built with every CONFIG_CPP kernel and never linked: a lowering that
 * gives a different printk format with either compiler fails the build.
 * kernel/fmt_test.cpp checks what the formats print, at run time.
 */

#include <kernel/error.hpp>
#include <kernel/fmt.hpp>
#include <kernel/print.hpp>
#include <kernel/str.hpp>

namespace {

using namespace kernel;

template <size_t N> constexpr bool streq(const char *a, const char (&b)[N])
{
	for (size_t i = 0; i < N; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* Asserts that @f with arguments of types @... lowers to @expected. */
#define CHECK_LOWERED(expected, f, ...)                                        \
	static_assert(streq(fmt::detail::lowered<fmt::detail::lowered_size(    \
				    fmt::detail::TypeList<__VA_ARGS__>{}, f)>( \
				    fmt::detail::TypeList<__VA_ARGS__>{}, f)   \
				    .str,                                      \
			    expected))

CHECK_LOWERED("plain text\n", "plain text\n");
CHECK_LOWERED("100%% {braces}", "100% {{braces}}");
CHECK_LOWERED("%d %u %ld %lu %lld %llu", "{} {} {} {} {} {}", int, unsigned int,
	      long, unsigned long, long long, unsigned long long);
CHECK_LOWERED("%d %d %u %c", "{} {} {} {}", short, signed char, unsigned short,
	      char);
CHECK_LOWERED("%x %X %o %#x %#06x %08lx", "{:x} {:X} {:o} {:#x} {:#06x} {:08x}",
	      int, int, int, int, int, unsigned long);
CHECK_LOWERED("%-5d|%+d|% d|%d", "{:-5}|{:+}|{: }|{:?}", int, int, int, int);
CHECK_LOWERED("%d %x", "{:d} {:x}", char, unsigned char);
CHECK_LOWERED("%s %s \"%s\" %10s", "{} {} {:?} {:10}", bool, const char *,
	      char *, char[4]);
CHECK_LOWERED("%p %p", "{} {:p}", int *, const void *);
/* Debug forms as in Rust: # pretty-prints, which only gives hex a 0x. */
CHECK_LOWERED("%d %x %#x %#X %ld", "{:#?} {:x?} {:#x?} {:#X?} {:?}", int, int,
	      int, unsigned int, long);
CHECK_LOWERED("\"%s\" \"%s\" \"%8s\" %s %s", "{:#?} {:#x?} {:#8?} {:#?} {:#}",
	      const char *, const char *, const char *, bool, bool);
CHECK_LOWERED("%pe %pe", "{} {:?}", Error, Error);
CHECK_LOWERED("%s \"%s\"", "{} {:?}", CStr, CStr);

/* The pr_*() macros compile with arguments and without. */
[[maybe_unused]] void use_print_macros(int n, const char *s)
{
	pr_emerg("emerg {} {}\n", n, s);
	pr_alert("alert\n");
	pr_crit("crit {:#x}\n", n);
	pr_err("err\n");
	pr_warn("warn {}\n", code::EIO);
	pr_notice("notice\n");
	pr_info("info {:?}\n", s);
	pr_cont(" cont {}\n", n);
	pr_debug("debug {}\n", n);
	KDBG(n + 1);
}

} // namespace
