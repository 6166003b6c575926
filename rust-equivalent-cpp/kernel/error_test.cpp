// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kernel/error.hpp.
 */

#include <kernel/error.hpp>
#include <kernel/kunit.hpp>

namespace {

using namespace kernel;
using kernel::kunit::Test;

void error_from_errno(Test &test)
{
	KUNIT_EXPECT_EQ(test, Error::from_errno(-12).to_errno(), -12);
	KUNIT_EXPECT_EQ(test, Error::from_errno(-12), code::ENOMEM);
	KUNIT_EXPECT_EQ(test, Error::from_errno(-4095).to_errno(), -4095);
	// Out of range: a warning, and EINVAL.
	KUNIT_EXPECT_EQ(test, Error::from_errno(0), code::EINVAL);
	KUNIT_EXPECT_EQ(test, Error::from_errno(5), code::EINVAL);
	KUNIT_EXPECT_EQ(test, Error::from_errno(-4096), code::EINVAL);
}

void error_codes(Test &test)
{
	KUNIT_EXPECT_EQ(test, code::EPERM.to_errno(), -1);
	KUNIT_EXPECT_EQ(test, code::ENOMEM.to_errno(), -12);
	KUNIT_EXPECT_EQ(test, code::EINVAL.to_errno(), -22);
	KUNIT_EXPECT_EQ(test, code::ETIMEDOUT.to_errno(), -110);
	KUNIT_EXPECT_EQ(test, code::ERESTARTSYS.to_errno(), -512);
	KUNIT_EXPECT_EQ(test, code::EPROBE_DEFER.to_errno(), -517);
}

void error_ptr(Test &test)
{
	void *p = code::ENODEV.to_ptr();

	// SAFETY: the ERR_PTR() as the number it encodes.
	KUNIT_EXPECT_EQ(test, reinterpret_cast<long>(p), -19L);
	Result<void *> r = from_err_ptr(p);
	KUNIT_ASSERT_TRUE(test, r.is_err());
	KUNIT_EXPECT_EQ(test, r.error(), code::ENODEV);

	int x = 0;
	Result<int *> ok = from_err_ptr(&x);
	KUNIT_ASSERT_TRUE(test, ok.is_ok());
	KUNIT_EXPECT_TRUE(test, ok.value() == &x);

	Result<int *> null = from_err_ptr<int>(nullptr);
	KUNIT_ASSERT_TRUE(test, null.is_ok());
	KUNIT_EXPECT_TRUE(test, null.value() == nullptr);
}

void error_to_result(Test &test)
{
	KUNIT_EXPECT_TRUE(test, to_result(0).is_ok());
	KUNIT_EXPECT_TRUE(test, to_result(7).is_ok());
	Result<void> r = to_result(-5);
	KUNIT_ASSERT_TRUE(test, r.is_err());
	KUNIT_EXPECT_EQ(test, r.error(), code::EIO);
}

Result<int> half(int v)
{
	if (v % 2)
		return code::EINVAL;
	return v / 2;
}

Result<int> quarter(int v)
{
	const int h = TRY(half(v));

	return TRY(half(h));
}

Result<void> check_even(int v)
{
	TRY(half(v));
	return {};
}

void error_try(Test &test)
{
	KUNIT_EXPECT_EQ(test, quarter(20).value(), 5);
	KUNIT_EXPECT_EQ(test, quarter(10).error(), code::EINVAL);
	KUNIT_EXPECT_EQ(test, quarter(7).error(), code::EINVAL);
	KUNIT_EXPECT_TRUE(test, check_even(4).is_ok());
	KUNIT_EXPECT_EQ(test, check_even(3).error(), code::EINVAL);
	KUNIT_EXPECT_EQ(test, quarter(3).value_or(-1), -1);
}

// A value that counts its live copies, to check that Result destroys it.
struct Counted {
	int *live;

	explicit Counted(int *l) : live(l)
	{
		++*live;
	}

	Counted(Counted &&other) : live(other.live)
	{
		++*live;
	}

	~Counted()
	{
		--*live;
	}
};

Result<Counted> make_counted(int *live, bool fail)
{
	if (fail)
		return code::ENOMEM;
	return Counted(live);
}

Result<int> use_counted(int *live, bool fail)
{
	Counted c = TRY(make_counted(live, fail));

	return *c.live;
}

void error_result_lifetime(Test &test)
{
	int live = 0;

	{
		Result<Counted> r = make_counted(&live, false);

		KUNIT_EXPECT_EQ(test, live, 1);
	}
	KUNIT_EXPECT_EQ(test, live, 0);
	KUNIT_EXPECT_EQ(test, use_counted(&live, false).value(), 1);
	KUNIT_EXPECT_EQ(test, live, 0);
	KUNIT_EXPECT_TRUE(test, use_counted(&live, true).is_err());
	KUNIT_EXPECT_EQ(test, live, 0);
}

// A Result of a pointer is returned in registers, as C's is; one of an
// integer is not (error.hpp says why).
static_assert(is_trivially_copyable_v<Result<void *>>);
static_assert(!is_trivially_copyable_v<Result<int>>);
static_assert(is_trivially_copyable_v<Result<void>>);
static_assert(!is_trivially_copyable_v<Result<Counted>>);

// Neither copyable nor movable: a Result can still hold it, built in place.
struct Immovable : Pinned<Immovable> {
	int v;

	explicit Immovable(int x) : v(x)
	{
	}
};

Result<Immovable> make_immovable(int v)
{
	if (v < 0)
		return code::EINVAL;
	return { in_place, v };
}

void error_in_place(Test &test)
{
	Result<Immovable> r = make_immovable(4);

	KUNIT_ASSERT_TRUE(test, r.is_ok());
	KUNIT_EXPECT_EQ(test, r.value().v, 4);
	KUNIT_EXPECT_EQ(test, make_immovable(-1).error(), code::EINVAL);
}

void error_from_result(Test &test)
{
	KUNIT_EXPECT_EQ(test, from_result([] { return to_result(0); }), 0);
	KUNIT_EXPECT_EQ(test, from_result([] { return to_result(-16); }), -16);
	KUNIT_EXPECT_EQ(test, from_result([] { return half(8); }), 4);
	KUNIT_EXPECT_EQ(test, from_result([] { return half(9); }), -22);
}

void error_name(Test &test)
{
	const char *name = code::ENOMEM.name();

	// NULL without CONFIG_SYMBOLIC_ERRNAME.
	if (name)
		KUNIT_EXPECT_EQ(test, __builtin_strcmp(name, "ENOMEM"), 0);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(error_from_errno), KUNIT_CPP_CASE(error_codes),
	KUNIT_CPP_CASE(error_ptr),	  KUNIT_CPP_CASE(error_to_result),
	KUNIT_CPP_CASE(error_try),	  KUNIT_CPP_CASE(error_result_lifetime),
	KUNIT_CPP_CASE(error_in_place),	  KUNIT_CPP_CASE(error_from_result),
	KUNIT_CPP_CASE(error_name),	  {},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_error, cases);
