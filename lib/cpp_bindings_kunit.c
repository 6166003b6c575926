// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit test of the C++ bindings (cpp/bindings/): the C half.
 *
 * The build already proves that the generated C++ records have the sizes,
 * alignments and offsets of the C ones (cpp/bindings/layout_*).  This test
 * checks the same from the running kernel, and what the build cannot
 * check: bit fields and anonymous members written by one language and read
 * by the other, calls through the bindings and the C helpers on objects
 * that C then inspects, and a C++ symbol of vmlinux with a long mangled
 * name used by a module.
 */

#include <kunit/test.h>
#include <linux/err.h>
#include <linux/errname.h>
#include <linux/if_ether.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "cpp_bindings_kunit.h"

static const struct cpp_bindings_kunit_value c_layouts[] = {
	{ "sizeof(struct list_head)", sizeof(struct list_head) },
	{ "alignof(struct list_head)", __alignof__(struct list_head) },
	{ "offsetof(struct list_head, next)",
	  offsetof(struct list_head, next) },
	{ "offsetof(struct list_head, prev)",
	  offsetof(struct list_head, prev) },
	{ "sizeof(struct callback_head)", sizeof(struct callback_head) },
	{ "alignof(struct callback_head)", __alignof__(struct callback_head) },
	{ "offsetof(struct callback_head, next)",
	  offsetof(struct callback_head, next) },
	{ "offsetof(struct callback_head, func)",
	  offsetof(struct callback_head, func) },
	{ "sizeof(struct ethhdr)", sizeof(struct ethhdr) },
	{ "alignof(struct ethhdr)", __alignof__(struct ethhdr) },
	{ "offsetof(struct ethhdr, h_dest)", offsetof(struct ethhdr, h_dest) },
	{ "offsetof(struct ethhdr, h_source)",
	  offsetof(struct ethhdr, h_source) },
	{ "offsetof(struct ethhdr, h_proto)",
	  offsetof(struct ethhdr, h_proto) },
	{ "sizeof(atomic_long_t)", sizeof(atomic_long_t) },
	{ "alignof(atomic_long_t)", __alignof__(atomic_long_t) },
	{ "sizeof(refcount_t)", sizeof(refcount_t) },
	{ "alignof(refcount_t)", __alignof__(refcount_t) },
	{ "sizeof(spinlock_t)", sizeof(spinlock_t) },
	{ "alignof(spinlock_t)", __alignof__(spinlock_t) },
	{ "offsetof(spinlock_t, rlock)", offsetof(spinlock_t, rlock) },
	{ "sizeof(struct qspinlock)", sizeof(struct qspinlock) },
	{ "alignof(struct qspinlock)", __alignof__(struct qspinlock) },
	{ "offsetof(struct qspinlock, val)", offsetof(struct qspinlock, val) },
	{ "offsetof(struct qspinlock, locked)",
	  offsetof(struct qspinlock, locked) },
	{ "offsetof(struct qspinlock, pending)",
	  offsetof(struct qspinlock, pending) },
	{ "offsetof(struct qspinlock, locked_pending)",
	  offsetof(struct qspinlock, locked_pending) },
	{ "offsetof(struct qspinlock, tail)",
	  offsetof(struct qspinlock, tail) },
	{ "sizeof(struct mutex)", sizeof(struct mutex) },
	{ "alignof(struct mutex)", __alignof__(struct mutex) },
	{ "offsetof(struct mutex, owner)", offsetof(struct mutex, owner) },
	{ "offsetof(struct mutex, wait_lock)",
	  offsetof(struct mutex, wait_lock) },
	{ "offsetof(struct mutex, first_waiter)",
	  offsetof(struct mutex, first_waiter) },
	{ "sizeof(struct kobject)", sizeof(struct kobject) },
	{ "alignof(struct kobject)", __alignof__(struct kobject) },
	{ "offsetof(struct kobject, name)", offsetof(struct kobject, name) },
	{ "offsetof(struct kobject, entry)", offsetof(struct kobject, entry) },
	{ "offsetof(struct kobject, parent)",
	  offsetof(struct kobject, parent) },
	{ "offsetof(struct kobject, sd)", offsetof(struct kobject, sd) },
	{ "offsetof(struct kobject, kref)", offsetof(struct kobject, kref) },
};

static const struct cpp_bindings_kunit_value c_constants[] = {
	{ "GFP_ATOMIC", GFP_ATOMIC },
	{ "GFP_KERNEL", GFP_KERNEL },
	{ "GFP_NOWAIT", GFP_NOWAIT },
	{ "__GFP_ZERO", __GFP_ZERO },
	{ "ARCH_SLAB_MINALIGN", ARCH_SLAB_MINALIGN },
	{ "PAGE_SIZE", PAGE_SIZE },
	{ "MAX_ERRNO", MAX_ERRNO },
};

static void expect_same_values(struct kunit *test,
			       const struct cpp_bindings_kunit_value *c,
			       unsigned int nr_c,
			       const struct cpp_bindings_kunit_value *cpp,
			       unsigned int nr_cpp)
{
	unsigned int i;

	KUNIT_ASSERT_EQ(test, nr_c, nr_cpp);
	for (i = 0; i < nr_c; i++) {
		KUNIT_EXPECT_STREQ(test, c[i].name, cpp[i].name);
		KUNIT_EXPECT_EQ_MSG(test, c[i].value, cpp[i].value,
				    "%s: %lu in C, %lu in C++", c[i].name,
				    c[i].value, cpp[i].value);
	}
}

static void cpp_bindings_layouts(struct kunit *test)
{
	expect_same_values(test, c_layouts, ARRAY_SIZE(c_layouts),
			   cpp_bindings_kunit_layouts,
			   cpp_bindings_kunit_nr_layouts);
}

static void cpp_bindings_constants(struct kunit *test)
{
	expect_same_values(test, c_constants, ARRAY_SIZE(c_constants),
			   cpp_bindings_kunit_constants,
			   cpp_bindings_kunit_nr_constants);
}

static const char *const kobject_bits[CPP_BINDINGS_KUNIT_KOBJECT_BITS] = {
	"state_initialized", "state_in_sysfs", "state_add_uevent_sent",
	"state_remove_uevent_sent", "uevent_suppress",
};

static unsigned int c_kobject_bits(const struct kobject *kobj)
{
	return kobj->state_initialized << 0 | kobj->state_in_sysfs << 1 |
	       kobj->state_add_uevent_sent << 2 |
	       kobj->state_remove_uevent_sent << 3 |
	       kobj->uevent_suppress << 4;
}

static void c_kobject_set_bit(struct kobject *kobj, unsigned int which)
{
	switch (which) {
	case 0:
		kobj->state_initialized = 1;
		break;
	case 1:
		kobj->state_in_sysfs = 1;
		break;
	case 2:
		kobj->state_add_uevent_sent = 1;
		break;
	case 3:
		kobj->state_remove_uevent_sent = 1;
		break;
	case 4:
		kobj->uevent_suppress = 1;
		break;
	}
}

/* Every bit field, written by one language and read by the other. */
static void cpp_bindings_bitfields(struct kunit *test)
{
	struct kobject kobj;
	unsigned int i, bits;

	for (i = 0; i < ARRAY_SIZE(kobject_bits); i++) {
		memset(&kobj, 0, sizeof(kobj));
		cpp_bindings_kunit_kobject_set_bit(&kobj, i);
		KUNIT_EXPECT_EQ_MSG(test, c_kobject_bits(&kobj), 1U << i,
				    "kobject::%s set in C++", kobject_bits[i]);
		/* Nothing outside the bit fields was touched. */
		kobj.state_initialized = 0;
		kobj.state_in_sysfs = 0;
		kobj.state_add_uevent_sent = 0;
		kobj.state_remove_uevent_sent = 0;
		kobj.uevent_suppress = 0;
		KUNIT_EXPECT_TRUE_MSG(test, mem_is_zero(&kobj, sizeof(kobj)),
				      "kobject::%s set in C++",
				      kobject_bits[i]);

		memset(&kobj, 0, sizeof(kobj));
		c_kobject_set_bit(&kobj, i);
		bits = cpp_bindings_kunit_kobject_bits(&kobj);
		KUNIT_EXPECT_EQ_MSG(test, bits, 1U << i,
				    "kobject::%s set in C", kobject_bits[i]);
	}
}

/* Members of anonymous structs in an anonymous union. */
static void cpp_bindings_anonymous_members(struct kunit *test)
{
	struct qspinlock lock = {};

	cpp_bindings_kunit_qspinlock_write(&lock, 0x12, 0x34);
	KUNIT_EXPECT_EQ(test, lock.locked, 0x12);
	KUNIT_EXPECT_EQ(test, lock.pending, 0x34);
	KUNIT_EXPECT_EQ(test, lock.locked_pending, 0x3412);

	lock.tail = 0xbeef;
	KUNIT_EXPECT_EQ(test, cpp_bindings_kunit_qspinlock_tail(&lock), 0xbeef);
	KUNIT_EXPECT_EQ(test, (u32)atomic_read(&lock.val), 0xbeef3412U);
}

static void cpp_bindings_mutex(struct kunit *test)
{
	static struct lock_class_key key;
	struct mutex *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, m);
	cpp_bindings_kunit_mutex_init(m, &key);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(m));
	cpp_bindings_kunit_mutex_lock(m);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(m));
	KUNIT_EXPECT_FALSE(test, mutex_trylock(m));
	cpp_bindings_kunit_mutex_unlock(m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(m));
	mutex_destroy(m);
}

static void cpp_bindings_spinlock(struct kunit *test)
{
	static struct lock_class_key key;
	spinlock_t *lock = kunit_kzalloc(test, sizeof(*lock), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, lock);
	/* Uniprocessor spinlocks have no state without CONFIG_DEBUG_SPINLOCK. */
	if (!IS_ENABLED(CONFIG_SMP) && !IS_ENABLED(CONFIG_DEBUG_SPINLOCK))
		kunit_skip(test, "spinlocks have no state to check");
	cpp_bindings_kunit_spin_lock_init(lock, &key);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(lock));
	cpp_bindings_kunit_spin_lock(lock);
	KUNIT_EXPECT_TRUE(test, spin_is_locked(lock));
	cpp_bindings_kunit_spin_unlock(lock);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(lock));
}

static void cpp_bindings_refcount(struct kunit *test)
{
	refcount_t r = REFCOUNT_INIT(7);

	KUNIT_EXPECT_EQ(test, cpp_bindings_kunit_refcount(&r), 0xfU);
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 0U);
}

static void cpp_bindings_list(struct kunit *test)
{
	struct item {
		int value;
		struct list_head node;
	} items[3] = { { .value = 1 }, { .value = 2 }, { .value = 3 } };
	void *nodes[ARRAY_SIZE(items)];
	struct item *item;
	LIST_HEAD(head);
	unsigned int i;
	int expect = 1;

	/* The nodes are not contiguous: C++ gets an array of pointers. */
	for (i = 0; i < ARRAY_SIZE(items); i++)
		nodes[i] = &items[i].node;
	cpp_bindings_kunit_list_link(&head, nodes, ARRAY_SIZE(nodes));
	KUNIT_EXPECT_EQ(test, list_count_nodes(&head), ARRAY_SIZE(items));
	list_for_each_entry(item, &head, node)
		KUNIT_EXPECT_EQ(test, item->value, expect++);
	list_for_each_entry_reverse(item, &head, node)
		KUNIT_EXPECT_EQ(test, item->value, --expect);
}

static void cpp_bindings_alloc(struct kunit *test)
{
	u8 *p = cpp_bindings_kunit_zalloc(100);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_GE(test, ksize(p), 100);
	KUNIT_EXPECT_TRUE(test, mem_is_zero(p, 100));
	cpp_bindings_kunit_free(p);
}

static void cpp_bindings_err_ptr(struct kunit *test)
{
	long ptr_err;
	int is_err;
	void *p;

	p = cpp_bindings_kunit_err_ptr(-ENOMEM, &is_err, &ptr_err);
	KUNIT_EXPECT_PTR_EQ(test, p, ERR_PTR(-ENOMEM));
	KUNIT_EXPECT_TRUE(test, is_err);
	KUNIT_EXPECT_EQ(test, ptr_err, -ENOMEM);

	p = cpp_bindings_kunit_err_ptr(-MAX_ERRNO - 1, &is_err, &ptr_err);
	KUNIT_EXPECT_FALSE(test, is_err);
	KUNIT_EXPECT_EQ(test, IS_ERR(p), false);

	KUNIT_EXPECT_PTR_EQ(test, cpp_bindings_kunit_errname(-EINVAL),
			    errname(-EINVAL));
}

static void cpp_bindings_variable(struct kunit *test)
{
	unsigned long before = jiffies;
	unsigned long seen = cpp_bindings_kunit_jiffies();

	KUNIT_EXPECT_TRUE(test, time_after_eq(seen, before));
	KUNIT_EXPECT_TRUE(test, time_after_eq(jiffies, seen));
}

static void cpp_bindings_long_symbol(struct kunit *test)
{
	char name[KSYM_SYMBOL_LEN];
	void *addr;

	KUNIT_EXPECT_EQ(test, cpp_bindings_kunit_call_long_symbol(20, &addr),
			41);
	if (!IS_ENABLED(CONFIG_KALLSYMS))
		kunit_skip(test, "kallsyms is disabled");
	sprint_symbol_no_offset(name, (unsigned long)addr);
	KUNIT_EXPECT_STREQ(test, name, CPP_BINDINGS_KUNIT_LONG_SYMBOL);
	KUNIT_EXPECT_GT(test, strlen(name), 128);
}

static struct kunit_case cpp_bindings_cases[] = {
	KUNIT_CASE(cpp_bindings_layouts),
	KUNIT_CASE(cpp_bindings_constants),
	KUNIT_CASE(cpp_bindings_bitfields),
	KUNIT_CASE(cpp_bindings_anonymous_members),
	KUNIT_CASE(cpp_bindings_mutex),
	KUNIT_CASE(cpp_bindings_spinlock),
	KUNIT_CASE(cpp_bindings_refcount),
	KUNIT_CASE(cpp_bindings_list),
	KUNIT_CASE(cpp_bindings_alloc),
	KUNIT_CASE(cpp_bindings_err_ptr),
	KUNIT_CASE(cpp_bindings_variable),
	KUNIT_CASE(cpp_bindings_long_symbol),
	{}
};

static struct kunit_suite cpp_bindings_suite = {
	.name = "cpp_bindings",
	.test_cases = cpp_bindings_cases,
};

kunit_test_suite(cpp_bindings_suite);

MODULE_DESCRIPTION("KUnit test of the C++ bindings");
MODULE_LICENSE("GPL");
