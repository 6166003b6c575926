// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kernel/list.hpp and kernel/rbtree.hpp.
 */

#include <kernel/kunit.hpp>
#include <kernel/list.hpp>
#include <kernel/rbtree.hpp>

namespace {

using namespace kernel;
using kernel::kunit::Test;

struct Req : ListLinks<Req> {
	int tag;
	int *live;

	Req(int t, int *l) : tag(t), live(l)
	{
		(*live)++;
	}

	~Req()
	{
		(*live)--;
	}
};

KBox<Req> req(int tag, int *live)
{
	Result<KBox<Req>> r = KBox<Req>::make(GFP_KERNEL, tag, live);

	return r.is_ok() ? move(r.value()) : KBox<Req>();
}

void list_order_and_ownership(Test &test)
{
	int live = 0;

	{
		List<Req> list;

		KUNIT_EXPECT_TRUE(test, list.is_empty());
		// An empty box adds nothing.
		list.push_back(KBox<Req>());
		KUNIT_EXPECT_TRUE(test, list.is_empty());
		list.push_back(req(2, &live));
		list.push_back(req(3, &live));
		list.push_front(req(1, &live));
		// Each allocation worked (failslab may fail them).
		KUNIT_ASSERT_EQ(test, live, 3);

		int expect = 1;
		for (Req &r : list)
			KUNIT_EXPECT_EQ(test, r.tag, expect++);
		KUNIT_EXPECT_EQ(test, expect, 4);

		KBox<Req> first = list.pop_front();
		KUNIT_ASSERT_FALSE(test, first.is_empty());
		KUNIT_EXPECT_EQ(test, first->tag, 1);
		KUNIT_EXPECT_FALSE(test, first->is_linked());
		KBox<Req> last = list.pop_back();
		KUNIT_EXPECT_EQ(test, last->tag, 3);
		// Popped elements are the caller's: still alive.
		KUNIT_EXPECT_EQ(test, live, 3);
		list.push_back(move(first));
	}
	// The List destroyed what it still owned.
	KUNIT_EXPECT_EQ(test, live, 0);
}

void list_remove(Test &test)
{
	int live = 0;
	List<Req> list;

	for (int i = 0; i < 4; i++)
		list.push_back(req(i, &live));
	KUNIT_ASSERT_EQ(test, live, 4);
	Req *two = nullptr;
	for (Req &r : list)
		if (r.tag == 2)
			two = &r;
	KUNIT_ASSERT_TRUE(test, two != nullptr);
	{
		// SAFETY: two is on the list.
		KBox<Req> r = list.remove_unchecked(*two);

		KUNIT_EXPECT_EQ(test, r->tag, 2);
	}
	KUNIT_EXPECT_EQ(test, live, 3);
	int sum = 0;
	for (Req &r : list)
		sum += r.tag;
	KUNIT_EXPECT_EQ(test, sum, 0 + 1 + 3);
	while (!list.is_empty())
		list.pop_front();
	KUNIT_EXPECT_EQ(test, live, 0);
	KUNIT_EXPECT_TRUE(test, list.pop_front().is_empty());
}

void rbtree_map(Test &test)
{
	RBTree<u32, int> map;
	const u32 keys[] = { 50, 20, 80, 10, 30, 70, 90, 60 };

	for (u32 k : keys) {
		Result<bool> r = map.insert(k, int(k) * 2, GFP_KERNEL);

		KUNIT_ASSERT_TRUE(test, r.is_ok());
		KUNIT_EXPECT_TRUE(test, r.value());
	}
	KUNIT_EXPECT_EQ(test, map.len(), 8UL);
	// Replacing keeps the count.
	Result<bool> again = map.insert(30, -1, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, again.is_ok());
	KUNIT_EXPECT_FALSE(test, again.value());
	KUNIT_EXPECT_EQ(test, map.len(), 8UL);
	KUNIT_ASSERT_TRUE(test, map.get(30) != nullptr);
	KUNIT_EXPECT_EQ(test, *map.get(30), -1);
	KUNIT_EXPECT_TRUE(test, map.get(31) == nullptr);

	// In key order.
	u32 prev = 0;
	size_t n = 0;
	for (auto [key, value] : map) {
		KUNIT_EXPECT_GT(test, key, prev);
		prev = key;
		n++;
		(void)value;
	}
	KUNIT_EXPECT_EQ(test, n, 8UL);

	KUNIT_EXPECT_TRUE(test, map.remove(50));
	KUNIT_EXPECT_FALSE(test, map.remove(50));
	KUNIT_EXPECT_EQ(test, map.len(), 7UL);
	map.clear();
	KUNIT_EXPECT_TRUE(test, map.is_empty());
	KUNIT_EXPECT_TRUE(test, map.begin() == map.end());
}

void rbtree_cursor(Test &test)
{
	RBTree<u32, u32> map;

	for (u32 k = 10; k <= 100; k += 10)
		KUNIT_ASSERT_TRUE(test, map.insert(k, k, GFP_KERNEL).is_ok());

	auto c = map.cursor_lower_bound(35);
	KUNIT_ASSERT_TRUE(test, c.is_valid());
	KUNIT_EXPECT_EQ(test, c.current().key, 40U);
	c.move_prev();
	KUNIT_EXPECT_EQ(test, c.current().key, 30U);
	// Remove 30 and 40; the cursor moves on to 50.
	c.remove_current();
	KUNIT_EXPECT_EQ(test, c.current().key, 40U);
	c.remove_current();
	KUNIT_EXPECT_EQ(test, c.current().key, 50U);
	KUNIT_EXPECT_EQ(test, map.len(), 8UL);
	KUNIT_EXPECT_TRUE(test, map.get(30) == nullptr);
	KUNIT_EXPECT_FALSE(test, map.cursor_lower_bound(101).is_valid());
	KUNIT_EXPECT_EQ(test, map.cursor_front().current().key, 10U);
	KUNIT_EXPECT_EQ(test, map.cursor_back().current().key, 100U);
	c = map.cursor_back();
	c.move_next();
	KUNIT_EXPECT_FALSE(test, c.is_valid());
}

// Counting with get_or_insert(): one walk per key, inserted at zero.
void rbtree_get_or_insert(Test &test)
{
	RBTree<u32, u32> counts;
	const u32 words[] = { 3, 1, 3, 2, 3, 1 };

	for (u32 w : words) {
		Result<u32 *> c = counts.get_or_insert(w, GFP_KERNEL, 0U);

		KUNIT_ASSERT_TRUE(test, c.is_ok());
		(*c.value())++;
	}
	KUNIT_EXPECT_EQ(test, counts.len(), 3UL);
	KUNIT_ASSERT_TRUE(test,
			  counts.get(1) && counts.get(2) && counts.get(3));
	KUNIT_EXPECT_EQ(test, *counts.get(1), 2U);
	KUNIT_EXPECT_EQ(test, *counts.get(2), 1U);
	KUNIT_EXPECT_EQ(test, *counts.get(3), 3U);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(list_order_and_ownership),
	KUNIT_CPP_CASE(list_remove),
	KUNIT_CPP_CASE(rbtree_map),
	KUNIT_CPP_CASE(rbtree_cursor),
	KUNIT_CPP_CASE(rbtree_get_or_insert),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_collections, cases);
