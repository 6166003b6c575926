// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kernel/types.hpp: ARef, ScopeGuard, ForeignOwnable.
 */

#include <kernel/alloc/kbox.hpp>
#include <kernel/kunit.hpp>
#include <kernel/sync/arc.hpp>
#include <kernel/types.hpp>

namespace {

using namespace kernel;
using kernel::kunit::Test;

// A reference-counted object, counted by hand.
struct Counted {
	mutable int refs = 1;
	bool *freed;

	void inc_ref() const
	{
		refs++;
	}

	static void dec_ref_unchecked(Counted *c)
	{
		if (--c->refs == 0)
			*c->freed = true;
	}
};

static_assert(AlwaysRefCounted<Counted>);
static_assert(!AlwaysRefCounted<int>);

void aref_counts(Test &test)
{
	bool freed = false;
	Counted obj{ .freed = &freed };

	{
		// SAFETY: takes over the reference the object was born with.
		ARef<Counted> a = ARef<Counted>::from_raw_unchecked(&obj);
		ARef<Counted> b = a;

		KUNIT_EXPECT_EQ(test, obj.refs, 2);
		ARef<Counted> c(*b);
		KUNIT_EXPECT_EQ(test, obj.refs, 3);
		ARef<Counted> d = move(c);
		KUNIT_EXPECT_EQ(test, obj.refs, 3);
		KUNIT_EXPECT_TRUE(test, &*d == &obj);
	}
	KUNIT_EXPECT_EQ(test, obj.refs, 0);
	KUNIT_EXPECT_TRUE(test, freed);
}

void aref_into_raw(Test &test)
{
	bool freed = false;
	Counted obj{ .freed = &freed };
	Counted *raw;

	{
		// SAFETY: the reference the object was born with.
		ARef<Counted> a = ARef<Counted>::from_raw_unchecked(&obj);

		raw = a.into_raw();
	}
	KUNIT_EXPECT_FALSE(test, freed);
	KUNIT_EXPECT_EQ(test, raw->refs, 1);
	// SAFETY: the reference into_raw() gave up.
	ARef<Counted> back = ARef<Counted>::from_raw_unchecked(raw);
	KUNIT_EXPECT_EQ(test, obj.refs, 1);
}

void scope_guard(Test &test)
{
	int undone = 0;

	{
		ScopeGuard undo([&undone] { undone++; });
	}
	KUNIT_EXPECT_EQ(test, undone, 1);
	{
		ScopeGuard undo([&undone] { undone++; });

		undo.dismiss();
	}
	KUNIT_EXPECT_EQ(test, undone, 1);
}

static_assert(ForeignOwnable<KBox<int>>);
static_assert(ForeignOwnable<Arc<int>>);

void foreign_ownable(Test &test)
{
	Result<KBox<int>> box = KBox<int>::make(GFP_KERNEL, 5);
	Result<Arc<int>> arc = Arc<int>::make(GFP_KERNEL, 6);

	KUNIT_ASSERT_TRUE(test, box.is_ok() && arc.is_ok());
	// What C keeps in a private_data field.
	void *pb = move(box.value()).into_foreign();
	void *pa = move(arc.value()).into_foreign();

	KUNIT_EXPECT_TRUE(test, box.value().is_empty());
	// SAFETY: pb and pa came from into_foreign(), each taken back once.
	KUNIT_EXPECT_EQ(test, KBox<int>::borrow_unchecked(pb), 5);
	KUNIT_EXPECT_EQ(test, Arc<int>::borrow_unchecked(pa), 6);
	KBox<int> b = KBox<int>::from_foreign_unchecked(pb);
	Arc<int> a = Arc<int>::from_foreign_unchecked(pa);
	KUNIT_EXPECT_EQ(test, *b, 5);
	KUNIT_EXPECT_EQ(test, *a, 6);
}

/* An Ownable object that counts its releases (it is not freed). */
struct Owner {
	int value;
	int released;

	static void release(Owner *o)
	{
		o->released++;
	}
};

static_assert(Ownable<Owner> && !Ownable<int>);
static_assert(ForeignOwnable<Owned<Owner>>);

void owned_object_released_once(Test &test)
{
	Owner o{ 7, 0 };

	{
		// SAFETY: o is owned by this test, and released once.
		Owned<Owner> a = Owned<Owner>::from_raw_unchecked(&o);
		Owned<Owner> b = move(a);

		KUNIT_EXPECT_EQ(test, b->value, 7);
		// Given to C and taken back: still one owner, no release.
		void *p = move(b).into_foreign();

		// SAFETY: p came from into_foreign(), taken back once.
		KUNIT_EXPECT_EQ(test, Owned<Owner>::borrow_unchecked(p).value,
				7);
		Owned<Owner> c = Owned<Owner>::from_foreign_unchecked(p);

		KUNIT_EXPECT_EQ(test, o.released, 0);
		(*c).value = 8;
	}
	// Released once, by the last owner; the moved-from ones did nothing.
	KUNIT_EXPECT_EQ(test, o.released, 1);
	KUNIT_EXPECT_EQ(test, o.value, 8);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(aref_counts),
	KUNIT_CPP_CASE(aref_into_raw),
	KUNIT_CPP_CASE(scope_guard),
	KUNIT_CPP_CASE(foreign_ownable),
	KUNIT_CPP_CASE(owned_object_released_once),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_types, cases);
