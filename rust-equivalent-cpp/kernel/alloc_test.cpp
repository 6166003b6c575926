// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kernel/alloc.hpp, kernel/alloc/kbox.hpp and
 * kernel/alloc/kvec.hpp.
 */

#include <kernel/alloc/kbox.hpp>
#include <kernel/alloc/kvec.hpp>
#include <kernel/kunit.hpp>

namespace {

using namespace kernel;
using kernel::kunit::Test;

// Counts live objects, to check construction and destruction.
struct Tracked {
	int *live;
	int value;

	Tracked(int *l, int v) : live(l), value(v)
	{
		++*live;
	}

	Tracked(Tracked &&other) : live(other.live), value(other.value)
	{
		++*live;
	}

	~Tracked()
	{
		--*live;
	}
};

// Neither copyable nor movable, like a lock: built in place only.
struct Unmovable : Pinned<Unmovable> {
	int value;

	explicit Unmovable(int v) : value(v)
	{
	}
};

struct alignas(64) Aligned64 {
	char c;
};

template <typename Box> void check_box(Test &test)
{
	int live = 0;

	{
		Result<Box> b = Box::make(GFP_KERNEL, &live, 7);

		KUNIT_ASSERT_TRUE(test, b.is_ok());
		KUNIT_EXPECT_EQ(test, live, 1);
		KUNIT_EXPECT_EQ(test, b.value()->value, 7);

		Box moved = move(b.value());

		KUNIT_EXPECT_TRUE(test, b.value().is_empty());
		KUNIT_EXPECT_EQ(test, live, 1);
		KUNIT_EXPECT_EQ(test, (*moved).value, 7);
	}
	KUNIT_EXPECT_EQ(test, live, 0);
}

void alloc_kbox(Test &test)
{
	check_box<KBox<Tracked>>(test);
}

void alloc_vbox(Test &test)
{
	check_box<VBox<Tracked>>(test);
}

void alloc_kvbox(Test &test)
{
	check_box<KVBox<Tracked>>(test);
}

void alloc_box_in_place(Test &test)
{
	Result<KBox<Unmovable>> p = KBox<Unmovable>::make(GFP_KERNEL, 3);

	KUNIT_ASSERT_TRUE(test, p.is_ok());
	KUNIT_EXPECT_EQ(test, p.value()->value, 3);
}

void alloc_box_raw(Test &test)
{
	int live = 0;
	Result<KBox<Tracked>> b = KBox<Tracked>::make(GFP_KERNEL, &live, 1);

	KUNIT_ASSERT_TRUE(test, b.is_ok());
	Tracked *raw = b.value().into_raw();

	KUNIT_EXPECT_TRUE(test, b.value().is_empty());
	KUNIT_EXPECT_EQ(test, live, 1);
	{
		// SAFETY: raw came from into_raw() just above.
		KBox<Tracked> back = KBox<Tracked>::from_raw_unchecked(raw);

		KUNIT_EXPECT_TRUE(test, back.get() == raw);
	}
	KUNIT_EXPECT_EQ(test, live, 0);
}

/*
 * Allocates @n objects of @size bytes with @gfp into @objs; if one
 * allocation fails, frees those it made and returns false.
 */
bool alloc_many(void **objs, size_t n, size_t size, Flags gfp)
{
	for (size_t i = 0; i < n; i++) {
		Result<void *> r =
			alloc::Kmalloc::realloc(nullptr, 0, size, 8, gfp);

		if (r.is_err()) {
			while (i)
				alloc::Kmalloc::free(objs[--i]);
			return false;
		}
		objs[i] = r.value();
	}
	return true;
}

/* How many of the @n objects of @size bytes hold a non-zero byte. */
size_t count_dirty(void *const *objs, size_t n, size_t size)
{
	size_t dirty = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char bits = 0;

		for (size_t j = 0; j < size; j++)
			bits |= static_cast<unsigned char *>(objs[i])[j];
		dirty += bits ? 1 : 0;
	}
	return dirty;
}

/*
 * The flags reach the allocator: slab objects freed with a pattern in them
 * come back dirty without __GFP_ZERO (the control, which shows that the
 * check can fail) and clean with it.  A Box cannot show it: make() with no
 * arguments value-initialises, which zeroes by itself.
 */
void alloc_zeroed(Test &test)
{
	constexpr size_t n = 16, size = 256;
	void *objs[n];

	for (int round = 0; round < 2; round++) {
		const Flags gfp = round ? GFP_KERNEL | __GFP_ZERO : GFP_KERNEL;

		KUNIT_ASSERT_TRUE(test, alloc_many(objs, n, size, GFP_KERNEL));
		for (size_t i = 0; i < n; i++) {
			__builtin_memset(objs[i], 0xa5, size);
			alloc::Kmalloc::free(objs[i]);
		}
		KUNIT_ASSERT_TRUE(test, alloc_many(objs, n, size, gfp));
		// KASAN keeps freed objects in quarantine for a while, and
		// init_on_free zeroes them: then the control sees none of
		// them dirty.
		if (round)
			KUNIT_EXPECT_EQ(test, count_dirty(objs, n, size), 0UL);
		else if (!IS_ENABLED(CONFIG_KASAN_GENERIC) &&
			 !IS_ENABLED(CONFIG_INIT_ON_FREE_DEFAULT_ON))
			KUNIT_EXPECT_GT(test, count_dirty(objs, n, size), 0UL);
		for (size_t i = 0; i < n; i++)
			alloc::Kmalloc::free(objs[i]);
	}
}

void alloc_alignment(Test &test)
{
	Result<KBox<Aligned64>> k = KBox<Aligned64>::make(GFP_KERNEL);
	Result<KVBox<Aligned64>> kv = KVBox<Aligned64>::make(GFP_KERNEL);

	KUNIT_ASSERT_TRUE(test, k.is_ok());
	KUNIT_ASSERT_TRUE(test, kv.is_ok());
	// SAFETY: the addresses as numbers, to check their alignment.
	KUNIT_EXPECT_EQ(test,
			reinterpret_cast<unsigned long>(k.value().get()) % 64,
			0UL);
	KUNIT_EXPECT_EQ(test,
			reinterpret_cast<unsigned long>(kv.value().get()) % 64,
			0UL);
}

void alloc_too_big(Test &test)
{
	Result<void *> r = alloc::Kmalloc::realloc(nullptr, 0, ~0UL / 2, 8,
						   GFP_KERNEL | __GFP_NOWARN);

	KUNIT_EXPECT_EQ(test, r.error(), code::ENOMEM);

	// vmalloc() cannot align beyond a page.
	Result<void *> v =
		alloc::Vmalloc::realloc(nullptr, 0, 64, 1UL << 20, GFP_KERNEL);

	KUNIT_EXPECT_EQ(test, v.error(), code::EINVAL);
}

template <typename Vec> void check_vec(Test &test)
{
	Vec v;
	int sum = 0;

	KUNIT_EXPECT_TRUE(test, v.is_empty());
	for (int i = 0; i < 100; i++)
		KUNIT_ASSERT_TRUE(test, v.push(i, GFP_KERNEL).is_ok());
	KUNIT_EXPECT_EQ(test, v.len(), 100UL);
	KUNIT_EXPECT_GE(test, v.capacity(), 100UL);
	for (int x : v)
		sum += x;
	KUNIT_EXPECT_EQ(test, sum, 4950);
	KUNIT_EXPECT_EQ(test, v[42], 42);
	KUNIT_EXPECT_TRUE(test, v.get(100) == nullptr);
	KUNIT_EXPECT_EQ(test, *v.get(99), 99);
	v.truncate(10);
	KUNIT_EXPECT_EQ(test, v.len(), 10UL);
	KUNIT_EXPECT_EQ(test, v[9], 9);
}

void alloc_kvec(Test &test)
{
	check_vec<KVec<int>>(test);
}

void alloc_vvec(Test &test)
{
	check_vec<VVec<int>>(test);
}

void alloc_kvvec(Test &test)
{
	check_vec<KVVec<int>>(test);
}

void alloc_vec_of_objects(Test &test)
{
	int live = 0;

	{
		KVec<Tracked> v;

		// Growth moves the elements and destroys the old ones.
		for (int i = 0; i < 20; i++)
			KUNIT_ASSERT_TRUE(
				test,
				v.push(Tracked(&live, i), GFP_KERNEL).is_ok());
		KUNIT_EXPECT_EQ(test, live, 20);
		KUNIT_EXPECT_EQ(test, v[19].value, 19);

		KVec<Tracked> moved = move(v);

		KUNIT_EXPECT_EQ(test, v.len(), 0UL);
		KUNIT_EXPECT_EQ(test, moved.len(), 20UL);
		moved.truncate(5);
		KUNIT_EXPECT_EQ(test, live, 5);
	}
	KUNIT_EXPECT_EQ(test, live, 0);
}

void alloc_vec_failure(Test &test)
{
	KVec<int> v;

	KUNIT_ASSERT_TRUE(test, v.push(1, GFP_KERNEL).is_ok());
	// Failed growth leaves the vector as it was.
	KUNIT_EXPECT_EQ(test,
			v.reserve(~0UL / 8, GFP_KERNEL | __GFP_NOWARN).error(),
			code::ENOMEM);
	KUNIT_EXPECT_EQ(test, v.reserve(~0UL, GFP_KERNEL).error(),
			code::ENOMEM);
	KUNIT_EXPECT_EQ(test, v.len(), 1UL);
	KUNIT_EXPECT_EQ(test, v[0], 1);

	const int more[] = { 2, 3, 4 };

	KUNIT_ASSERT_TRUE(test, v.extend_from(more, 3, GFP_KERNEL).is_ok());
	KUNIT_EXPECT_EQ(test, v.len(), 4UL);
	KUNIT_EXPECT_EQ(test, v[3], 4);
	KUNIT_ASSERT_TRUE(test, v.resize(6, 9, GFP_KERNEL).is_ok());
	KUNIT_EXPECT_EQ(test, v[5], 9);

	Result<KVec<int>> c = KVec<int>::with_capacity(50, GFP_KERNEL);

	KUNIT_ASSERT_TRUE(test, c.is_ok());
	KUNIT_EXPECT_GE(test, c.value().capacity(), 50UL);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(alloc_kbox),	   KUNIT_CPP_CASE(alloc_vbox),
	KUNIT_CPP_CASE(alloc_kvbox),	   KUNIT_CPP_CASE(alloc_box_in_place),
	KUNIT_CPP_CASE(alloc_box_raw),	   KUNIT_CPP_CASE(alloc_zeroed),
	KUNIT_CPP_CASE(alloc_alignment),   KUNIT_CPP_CASE(alloc_too_big),
	KUNIT_CPP_CASE(alloc_kvec),	   KUNIT_CPP_CASE(alloc_vvec),
	KUNIT_CPP_CASE(alloc_kvvec),	   KUNIT_CPP_CASE(alloc_vec_of_objects),
	KUNIT_CPP_CASE(alloc_vec_failure), {},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_alloc, cases);
