// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kernel/sync/arc.hpp.
 */

#include <kernel/kunit.hpp>
#include <kernel/str.hpp>
#include <kernel/sync/arc.hpp>

namespace {

using namespace kernel;
using kernel::kunit::Test;

// Counts live objects; neither copyable nor movable.
struct Counted {
	int *live;
	int value;

	Counted(int *l, int v) : live(l), value(v)
	{
		(*live)++;
	}

	Counted(const Counted &) = delete;
	Counted &operator=(const Counted &) = delete;

	~Counted()
	{
		(*live)--;
	}
};

void arc_last_owner_destroys(Test &test)
{
	int live = 0;

	{
		Result<Arc<Counted>> r =
			Arc<Counted>::make(GFP_KERNEL, &live, 6);

		KUNIT_ASSERT_TRUE(test, r.is_ok());
		Arc<Counted> a = move(r.value());
		KUNIT_EXPECT_EQ(test, live, 1);
		KUNIT_EXPECT_EQ(test, a->value, 6);
		{
			Arc<Counted> b = a;

			KUNIT_EXPECT_TRUE(test, Arc<Counted>::ptr_eq(a, b));
			KUNIT_EXPECT_EQ(test, (*b).value, 6);
		}
		// b dropped its reference: a still owns the object.
		KUNIT_EXPECT_EQ(test, live, 1);
		Arc<Counted> c = move(a);
		KUNIT_EXPECT_EQ(test, live, 1);
		KUNIT_EXPECT_EQ(test, c->value, 6);
	}
	KUNIT_EXPECT_EQ(test, live, 0);
}

void arc_assign(Test &test)
{
	int live = 0;

	{
		Result<Arc<Counted>> r1 =
			Arc<Counted>::make(GFP_KERNEL, &live, 1);
		Result<Arc<Counted>> r2 =
			Arc<Counted>::make(GFP_KERNEL, &live, 2);

		KUNIT_ASSERT_TRUE(test, r1.is_ok() && r2.is_ok());
		Arc<Counted> a = move(r1.value());
		Arc<Counted> b = move(r2.value());
		KUNIT_EXPECT_EQ(test, live, 2);
		// The object of b loses its only reference.
		b = a;
		KUNIT_EXPECT_EQ(test, live, 1);
		KUNIT_EXPECT_EQ(test, b->value, 1);
		// Self-assignment keeps the reference.
		Arc<Counted> &alias = b;
		b = alias;
		KUNIT_EXPECT_EQ(test, live, 1);
		KUNIT_EXPECT_EQ(test, b->value, 1);
	}
	KUNIT_EXPECT_EQ(test, live, 0);
}

void arc_unique(Test &test)
{
	int live = 0;

	{
		Result<UniqueArc<Counted>> r =
			UniqueArc<Counted>::make(GFP_KERNEL, &live, 7);

		KUNIT_ASSERT_TRUE(test, r.is_ok());
		UniqueArc<Counted> u = move(r.value());
		u->value++;
		Arc<Counted> a = move(u);
		Arc<Counted> b = a;
		KUNIT_EXPECT_EQ(test, live, 1);
		KUNIT_EXPECT_EQ(test, b->value, 8);
	}
	KUNIT_EXPECT_EQ(test, live, 0);
}

void arc_alloc_failure(Test &test)
{
	struct Huge {
		char bytes[1UL << 30];
	};
	Result<Arc<Huge>> r = Arc<Huge>::make(GFP_KERNEL | __GFP_NOWARN);

	KUNIT_ASSERT_TRUE(test, r.is_err());
	KUNIT_EXPECT_EQ(test, r.error(), code::ENOMEM);
}

void arc_format(Test &test)
{
	Result<Arc<int>> a = Arc<int>::make(GFP_KERNEL, 42);
	Result<UniqueArc<const char *>> s =
		UniqueArc<const char *>::make(GFP_KERNEL, "hi");

	KUNIT_ASSERT_TRUE(test, a.is_ok() && s.is_ok());
	Result<CString> out = CString::try_from_fmt(
		GFP_KERNEL,
		KFMT("{} {:#x?} {:?}", a.value(), a.value(), s.value()));
	KUNIT_ASSERT_TRUE(test, out.is_ok());
	KUNIT_EXPECT_EQ(
		test,
		__builtin_strcmp(out.value().as_char_ptr(), "42 0x2a \"hi\""),
		0);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(arc_last_owner_destroys),
	KUNIT_CPP_CASE(arc_assign),
	KUNIT_CPP_CASE(arc_unique),
	KUNIT_CPP_CASE(arc_alloc_failure),
	KUNIT_CPP_CASE(arc_format),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_arc, cases);
