// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit test of the C++ bindings: the C++ half.
 *
 * Everything here goes through the generated bindings (namespace bindings)
 * and the C helpers; lib/cpp_bindings_kunit.c checks the results through
 * the C headers.  A test of the bindings is the one place outside
 * cpp/kernel/ that uses them directly.
 */

#include <bindings/bindings.hpp>
#include <kunit_long_symbol.hpp>

#include "cpp_bindings_kunit.h"

namespace {

using namespace bindings;

template <typename T> constexpr T *from_c(void *p)
{
	// SAFETY: the C half passes an object of the C type that T is the
	// binding of.
	return static_cast<T *>(p);
}

template <typename T> constexpr const T *from_c(const void *p)
{
	// SAFETY: as above.
	return static_cast<const T *>(p);
}

} // namespace

const struct cpp_bindings_kunit_value cpp_bindings_kunit_layouts[] = {
	{ "sizeof(struct list_head)", sizeof(list_head) },
	{ "alignof(struct list_head)", alignof(list_head) },
	{ "offsetof(struct list_head, next)",
	  __builtin_offsetof(list_head, next) },
	{ "offsetof(struct list_head, prev)",
	  __builtin_offsetof(list_head, prev) },
	{ "sizeof(struct callback_head)", sizeof(callback_head) },
	{ "alignof(struct callback_head)", alignof(callback_head) },
	{ "offsetof(struct callback_head, next)",
	  __builtin_offsetof(callback_head, next) },
	{ "offsetof(struct callback_head, func)",
	  __builtin_offsetof(callback_head, func) },
	{ "sizeof(struct ethhdr)", sizeof(ethhdr) },
	{ "alignof(struct ethhdr)", alignof(ethhdr) },
	{ "offsetof(struct ethhdr, h_dest)",
	  __builtin_offsetof(ethhdr, h_dest) },
	{ "offsetof(struct ethhdr, h_source)",
	  __builtin_offsetof(ethhdr, h_source) },
	{ "offsetof(struct ethhdr, h_proto)",
	  __builtin_offsetof(ethhdr, h_proto) },
	{ "sizeof(atomic_long_t)", sizeof(atomic_long_t) },
	{ "alignof(atomic_long_t)", alignof(atomic_long_t) },
	{ "sizeof(refcount_t)", sizeof(refcount_t) },
	{ "alignof(refcount_t)", alignof(refcount_t) },
	{ "sizeof(spinlock_t)", sizeof(spinlock_t) },
	{ "alignof(spinlock_t)", alignof(spinlock_t) },
	{ "offsetof(spinlock_t, rlock)",
	  __builtin_offsetof(spinlock_t, rlock) },
	{ "sizeof(struct qspinlock)", sizeof(qspinlock) },
	{ "alignof(struct qspinlock)", alignof(qspinlock) },
	{ "offsetof(struct qspinlock, val)",
	  __builtin_offsetof(qspinlock, val) },
	{ "offsetof(struct qspinlock, locked)",
	  __builtin_offsetof(qspinlock, locked) },
	{ "offsetof(struct qspinlock, pending)",
	  __builtin_offsetof(qspinlock, pending) },
	{ "offsetof(struct qspinlock, locked_pending)",
	  __builtin_offsetof(qspinlock, locked_pending) },
	{ "offsetof(struct qspinlock, tail)",
	  __builtin_offsetof(qspinlock, tail) },
	{ "sizeof(struct mutex)", sizeof(bindings::mutex) },
	{ "alignof(struct mutex)", alignof(bindings::mutex) },
	{ "offsetof(struct mutex, owner)",
	  __builtin_offsetof(bindings::mutex, owner) },
	{ "offsetof(struct mutex, wait_lock)",
	  __builtin_offsetof(bindings::mutex, wait_lock) },
	{ "offsetof(struct mutex, first_waiter)",
	  __builtin_offsetof(bindings::mutex, first_waiter) },
	{ "sizeof(struct kobject)", sizeof(kobject) },
	{ "alignof(struct kobject)", alignof(kobject) },
	{ "offsetof(struct kobject, name)", __builtin_offsetof(kobject, name) },
	{ "offsetof(struct kobject, entry)",
	  __builtin_offsetof(kobject, entry) },
	{ "offsetof(struct kobject, parent)",
	  __builtin_offsetof(kobject, parent) },
	{ "offsetof(struct kobject, sd)", __builtin_offsetof(kobject, sd) },
	{ "offsetof(struct kobject, kref)", __builtin_offsetof(kobject, kref) },
};
const unsigned int cpp_bindings_kunit_nr_layouts =
	sizeof(cpp_bindings_kunit_layouts) /
	sizeof(cpp_bindings_kunit_layouts[0]);

const struct cpp_bindings_kunit_value cpp_bindings_kunit_constants[] = {
	{ "GFP_ATOMIC", GFP_ATOMIC },
	{ "GFP_KERNEL", GFP_KERNEL },
	{ "GFP_NOWAIT", GFP_NOWAIT },
	{ "__GFP_ZERO", __GFP_ZERO },
	{ "ARCH_SLAB_MINALIGN", ARCH_SLAB_MINALIGN },
	{ "PAGE_SIZE", PAGE_SIZE },
	{ "MAX_ERRNO", MAX_ERRNO },
};
const unsigned int cpp_bindings_kunit_nr_constants =
	sizeof(cpp_bindings_kunit_constants) /
	sizeof(cpp_bindings_kunit_constants[0]);

void cpp_bindings_kunit_kobject_set_bit(void *p, unsigned int which)
{
	kobject *kobj = from_c<kobject>(p);

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

unsigned int cpp_bindings_kunit_kobject_bits(const void *p)
{
	const kobject *kobj = from_c<kobject>(p);

	return kobj->state_initialized << 0 | kobj->state_in_sysfs << 1 |
	       kobj->state_add_uevent_sent << 2 |
	       kobj->state_remove_uevent_sent << 3 | kobj->uevent_suppress << 4;
}

void cpp_bindings_kunit_qspinlock_write(void *p, unsigned char locked,
					unsigned char pending)
{
	qspinlock *lock = from_c<qspinlock>(p);

	lock->locked = locked;
	lock->pending = pending;
}

unsigned short cpp_bindings_kunit_qspinlock_tail(const void *p)
{
	return from_c<qspinlock>(p)->tail;
}

void cpp_bindings_kunit_mutex_init(void *mutex, void *key)
{
	// SAFETY: @mutex is unused memory for a mutex, @key a static
	// lock_class_key of the caller.
	__mutex_init(from_c<bindings::mutex>(mutex), "cpp_bindings_kunit",
		     from_c<lock_class_key>(key));
}

void cpp_bindings_kunit_mutex_lock(void *mutex)
{
	// SAFETY: @mutex is initialised and not held by this task.
	mutex_lock(from_c<bindings::mutex>(mutex));
}

void cpp_bindings_kunit_mutex_unlock(void *mutex)
{
	// SAFETY: this task holds @mutex.
	mutex_unlock(from_c<bindings::mutex>(mutex));
}

void cpp_bindings_kunit_spin_lock_init(void *lock, void *key)
{
	// SAFETY: @lock is unused memory for a spinlock, @key a static
	// lock_class_key of the caller.
	__spin_lock_init(from_c<spinlock_t>(lock), "cpp_bindings_kunit",
			 from_c<lock_class_key>(key));
}

void cpp_bindings_kunit_spin_lock(void *lock)
{
	// SAFETY: @lock is initialised and not held by this CPU.
	spin_lock(from_c<spinlock_t>(lock));
}

void cpp_bindings_kunit_spin_unlock(void *lock)
{
	// SAFETY: this CPU holds @lock.
	spin_unlock(from_c<spinlock_t>(lock));
}

unsigned int cpp_bindings_kunit_refcount(void *p)
{
	refcount_t *r = from_c<refcount_t>(p);
	unsigned int bits = 0;

	// SAFETY: @r is a refcount_t nobody else uses.
	refcount_set(r, 1);
	bits |= refcount_read(r) == 1 ? 1U : 0U;
	refcount_inc(r);
	bits |= refcount_read(r) == 2 ? 2U : 0U;
	bits |= !refcount_dec_and_test(r) ? 4U : 0U;
	bits |= refcount_dec_and_test(r) ? 8U : 0U;
	return bits;
}

void cpp_bindings_kunit_list_link(void *h, void *const *nodes, unsigned int n)
{
	list_head *head = from_c<list_head>(h);

	head->next = head;
	head->prev = head;
	for (unsigned int i = 0; i < n; i++) {
		list_head *node = from_c<list_head>(nodes[i]);

		node->prev = head->prev;
		node->next = head;
		head->prev->next = node;
		head->prev = node;
	}
}

void *cpp_bindings_kunit_zalloc(unsigned long size)
{
	// SAFETY: krealloc() of NULL allocates; the caller frees the result.
	return krealloc(nullptr, size, GFP_KERNEL | __GFP_ZERO);
}

void cpp_bindings_kunit_free(void *p)
{
	// SAFETY: @p comes from cpp_bindings_kunit_zalloc().
	kfree(p);
}

void *cpp_bindings_kunit_err_ptr(long err, int *is_err, long *ptr_err)
{
	// SAFETY: ERR_PTR(), IS_ERR() and PTR_ERR() only compute.
	void *p = ERR_PTR(err);

	*is_err = IS_ERR(p);
	*ptr_err = PTR_ERR(p);
	return p;
}

const char *cpp_bindings_kunit_errname(int err)
{
	// SAFETY: errname() has no precondition.
	return errname(err);
}

unsigned long cpp_bindings_kunit_jiffies(void)
{
	// SAFETY: jiffies is read as a volatile unsigned long, like in C.
	return jiffies;
}

int cpp_bindings_kunit_call_long_symbol(int arg, void **addr)
{
	using namespace kernel::bindings_test;
	using namespace a_namespace_whose_name_is_long_to_test_symbol_lengths;

	*addr = reinterpret_cast<void *>(
		&a_function_whose_name_is_also_long_to_test_the_limit);
	return a_function_whose_name_is_also_long_to_test_the_limit({}, arg);
}
