/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Build-time assertions beyond static_assert.
 *
 * static_assert() checks constant expressions. build_assert() checks a
 * condition that only the optimiser can prove, such as one on a function
 * argument that is a constant at every call after inlining: if the
 * compiler cannot remove the failure branch, the build fails. The twin of
 * Rust's build_assert!() and of C's BUILD_BUG_ON() on non-constant
 * expressions.
 *
 * C header: include/linux/build_bug.h, include/linux/compiler_types.h
 *
 * Examples::
 *
 *	template <typename T> T read_reg(size_t offset)
 *	{
 *		build_assert(offset % sizeof(T) == 0);
 *		...
 *	}
 */
#ifndef CPP_KERNEL_BUILD_ASSERT_HPP
#define CPP_KERNEL_BUILD_ASSERT_HPP

namespace kernel::detail {
// Never defined, never called in a correct build: a call that survives
// optimisation is a compiler error (the error attribute), as for C's
// __compiletime_assert().
[[gnu::error("build_assert() failed: the condition is not known to be true at "
	     "build time")]] void
build_assert_failed();
} // namespace kernel::detail

/**
 * build_assert() - fails the build unless @cond is known true at build
 * time, after optimisation.
 *
 * In a constant expression, a false @cond is a compile error at once.
 */
#define build_assert(cond)                                                     \
	do {                                                                   \
		if (!(cond))                                                   \
			::kernel::detail::build_assert_failed();               \
	} while (0)

#endif /* CPP_KERNEL_BUILD_ASSERT_HPP */
