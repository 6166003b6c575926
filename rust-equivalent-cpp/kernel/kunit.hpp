/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit suites in C++: cases, expectations and assertions, registered
 * like C suites (kunit_test_suites()), so that kunit.py, the KTAP output
 * and the kunit module parameters treat them as any other suite.
 *
 * C header: include/kunit/test.h
 *
 * Examples::
 *
 *	namespace {
 *	void add_works(kernel::kunit::Test &test)
 *	{
 *		KUNIT_EXPECT_EQ(test, 1 + 1, 2);
 *	}
 *
 *	constinit kernel::kunit::Case cases[] = {
 *		KUNIT_CPP_CASE(add_works),
 *		{},
 *	};
 *	} // namespace
 *
 *	KUNIT_CPP_SUITE(example, cases);
 */
#ifndef CPP_KERNEL_KUNIT_HPP
#define CPP_KERNEL_KUNIT_HPP

#include <source_location>

#include <bindings/bindings.hpp>
#include <kernel/fmt.hpp>
#include <kernel/utility.hpp>

namespace kernel::kunit {

/**
 * class Test - the running test case (struct kunit), given to each case.
 *
 * Invariants: raw_ is the struct kunit of the running case.
 */
class Test : Pinned<Test> {
public:
	/* Safety: @raw is the struct kunit of the running case. */
	static Test from_raw_unchecked(bindings::kunit *raw)
	{
		return Test(raw);
	}

	bindings::kunit *as_raw() const
	{
		return raw_;
	}

private:
	explicit Test(bindings::kunit *raw) : raw_(raw)
	{
	}

	bindings::kunit *raw_;
};

/* A test case; an array of them ends with an empty one ({}). */
using Case = bindings::kunit_case;

/* A test suite. */
using Suite = bindings::kunit_suite;

namespace detail {

template <void (*F)(Test &)> void run_case(bindings::kunit *raw)
{
	// SAFETY: KUnit runs the case with the struct kunit of the case.
	Test t = Test::from_raw_unchecked(raw);

	F(t);
}

/* The kinds of checks, for the failure message. */
enum class Op { eq, ne, lt, le, gt, ge };

constexpr const char *op_name(Op op)
{
	switch (op) {
	case Op::eq:
		return "==";
	case Op::ne:
		return "!=";
	case Op::lt:
		return "<";
	case Op::le:
		return "<=";
	case Op::gt:
		return ">";
	case Op::ge:
		return ">=";
	}
	return "?";
}

template <Op op, typename L, typename R>
constexpr bool compare(const L &l, const R &r)
{
	if constexpr (op == Op::eq)
		return l == r;
	else if constexpr (op == Op::ne)
		return !(l == r);
	else if constexpr (op == Op::lt)
		return l < r;
	else if constexpr (op == Op::le)
		return l <= r;
	else if constexpr (op == Op::gt)
		return l > r;
	else
		return l >= r;
}

/*
 * Records a failure of the running case at @loc, with the message
 * @fmt/@args (a lowered format), as an assertion's if @assertion.  It does
 * not end the case: the assertion macros return from the function that
 * asserted (see KUNIT_ASSERT_EQ()).
 */
struct Fail {
	Test *test;
	const std::source_location *loc;
	bool assertion;

	template <typename... A>
	void operator()(const char *fmt, A... args) const
	{
		const bindings::kunit_loc kloc = {
			.line = static_cast<int>(loc->line()),
			.file = loc->file_name(),
		};

		// SAFETY: test is the running case; @fmt was lowered from
		// the types of @args; kunit_fail_assert_format() prints the
		// message only, and does not read the (absent) assertion.
		bindings::__kunit_do_failed_assertion(
			test->as_raw(), &kloc,
			assertion ? bindings::KUNIT_ASSERTION
				  : bindings::KUNIT_EXPECTATION,
			nullptr, bindings::kunit_fail_assert_format, fmt,
			args...);
	}
};

template <typename L, typename R>
[[gnu::noinline]] void
report_binary(Test &test, bool assertion, Op op, const char *left_text,
	      const char *right_text, const L &left, const R &right,
	      const std::source_location &loc)
{
	__KFMT_DECLARE(msg,
		       "    Expected {} {} {}, but\n        {} == {}\n        "
		       "{} == {}\n",
		       left_text, op_name(op), right_text, left_text, left,
		       right_text, right);

	::kernel::fmt::detail::make_arguments(msg.str, left_text, op_name(op),
					      right_text, left_text, left,
					      right_text, right)
		.apply(Fail{ &test, &loc, assertion });
}

/* check_binary(), check_bool() - true if the check holds. */
template <Op op, typename L, typename R>
[[gnu::always_inline]] inline bool
check_binary(Test &test, bool assertion, const char *left_text,
	     const char *right_text, const L &left, const R &right,
	     const std::source_location &loc = std::source_location::current())
{
	if (compare<op>(left, right)) [[likely]]
		return true;
	report_binary(test, assertion, op, left_text, right_text, left, right,
		      loc);
	return false;
}

[[gnu::noinline]] inline void report_bool(Test &test, bool assertion,
					  bool expected, const char *text,
					  const std::source_location &loc)
{
	__KFMT_DECLARE(msg, "    Expected {} to be {}, but is {}\n", text,
		       expected, !expected);

	::kernel::fmt::detail::make_arguments(msg.str, text, expected,
					      !expected)
		.apply(Fail{ &test, &loc, assertion });
}

[[gnu::always_inline]] inline bool
check_bool(Test &test, bool assertion, bool expected, bool value,
	   const char *text,
	   const std::source_location &loc = std::source_location::current())
{
	if (value == expected) [[likely]]
		return true;
	report_bool(test, assertion, expected, text, loc);
	return false;
}

} // namespace detail

} // namespace kernel::kunit

/* KUNIT_CPP_CASE() - a Case that runs `void fn(kernel::kunit::Test &)`. */
#define KUNIT_CPP_CASE(fn)                                                     \
	::kernel::kunit::Case                                                  \
	{                                                                      \
		.run_case = &::kernel::kunit::detail::run_case<fn>,            \
		.name = #fn,                                                   \
	}

/*
 * KUNIT_CPP_SUITE() - defines and registers the suite @suite_name (an
 * identifier, also its KTAP name) of the @cases array.
 */
#define KUNIT_CPP_SUITE(suite_name, cases)                                     \
	static constinit ::kernel::kunit::Suite                                \
		__kunit_cpp_suite_##suite_name = {                             \
			.name = #suite_name,                                   \
			.test_cases = cases,                                   \
		};                                                             \
	[[gnu::section(".kunit_test_suites"), gnu::used,                       \
	  gnu::aligned(sizeof(void *))]] static ::kernel::kunit::Suite         \
		*__kunit_cpp_suites_##suite_name[] = {                         \
			&__kunit_cpp_suite_##suite_name                        \
		}

#define __KUNIT_CPP_BINARY(test, assertion, op, left, right)                   \
	::kernel::kunit::detail::check_binary<                                 \
		::kernel::kunit::detail::Op::op>(test, assertion, #left,       \
						 #right, left, right)

/* Expectations: a failure is reported and the case goes on. */
#define KUNIT_EXPECT_EQ(test, left, right)                                     \
	(void)__KUNIT_CPP_BINARY(test, false, eq, left, right)
#define KUNIT_EXPECT_NE(test, left, right)                                     \
	(void)__KUNIT_CPP_BINARY(test, false, ne, left, right)
#define KUNIT_EXPECT_LT(test, left, right)                                     \
	(void)__KUNIT_CPP_BINARY(test, false, lt, left, right)
#define KUNIT_EXPECT_LE(test, left, right)                                     \
	(void)__KUNIT_CPP_BINARY(test, false, le, left, right)
#define KUNIT_EXPECT_GT(test, left, right)                                     \
	(void)__KUNIT_CPP_BINARY(test, false, gt, left, right)
#define KUNIT_EXPECT_GE(test, left, right)                                     \
	(void)__KUNIT_CPP_BINARY(test, false, ge, left, right)
#define KUNIT_EXPECT_TRUE(test, cond)                                          \
	(void)::kernel::kunit::detail::check_bool(test, false, true, cond,     \
						  #cond)
#define KUNIT_EXPECT_FALSE(test, cond)                                         \
	(void)::kernel::kunit::detail::check_bool(test, false, false, cond,    \
						  #cond)

/*
 * Assertions: a failure is reported, fails the case, and returns from the
 * function that asserted, which must return void.  Unlike C's, which leave
 * the case through its thread's exit (__kunit_abort()), they unwind: the
 * destructors of that function's objects run, so a failed assertion leaks
 * nothing.  A helper that asserts returns to its caller, which goes on: let
 * helpers return what they found, and assert on that in the case.
 */
#define __KUNIT_CPP_ASSERT(check)                                              \
	do {                                                                   \
		if (!(check)) [[unlikely]]                                     \
			return;                                                \
	} while (0)
#define KUNIT_ASSERT_EQ(test, left, right)                                     \
	__KUNIT_CPP_ASSERT(__KUNIT_CPP_BINARY(test, true, eq, left, right))
#define KUNIT_ASSERT_NE(test, left, right)                                     \
	__KUNIT_CPP_ASSERT(__KUNIT_CPP_BINARY(test, true, ne, left, right))
#define KUNIT_ASSERT_TRUE(test, cond)                                          \
	__KUNIT_CPP_ASSERT(::kernel::kunit::detail::check_bool(                \
		test, true, true, cond, #cond))
#define KUNIT_ASSERT_FALSE(test, cond)                                         \
	__KUNIT_CPP_ASSERT(::kernel::kunit::detail::check_bool(                \
		test, true, false, cond, #cond))

#endif /* CPP_KERNEL_KUNIT_HPP */
