/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interface between the C and the C++ halves of the KUnit test of the C++
 * bindings (cpp/bindings/).
 *
 * The C++ half works on kernel objects through the generated bindings
 * only; the C half, which holds the KUnit cases, checks the result through
 * the C headers.  Objects cross as void pointers: this header is plain C,
 * included by both languages, and must not include kernel headers.
 */
#ifndef _CPP_BINDINGS_KUNIT_H
#define _CPP_BINDINGS_KUNIT_H

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A number and what it is, e.g. "offsetof(struct mutex, wait_list)" or
 * "GFP_KERNEL", spelled the same way in both halves.
 */
struct cpp_bindings_kunit_value {
	const char *name;
	unsigned long value;
};

/*
 * Sizes, alignments and member offsets of a sample of records, and the
 * values of the constants, as the C++ compiler sees the bindings.
 */
extern const struct cpp_bindings_kunit_value cpp_bindings_kunit_layouts[];
extern const unsigned int cpp_bindings_kunit_nr_layouts;
extern const struct cpp_bindings_kunit_value cpp_bindings_kunit_constants[];
extern const unsigned int cpp_bindings_kunit_nr_constants;

/*
 * The bit fields of struct kobject are numbered in declaration order:
 * state_initialized, state_in_sysfs, state_add_uevent_sent,
 * state_remove_uevent_sent, uevent_suppress.
 */
#define CPP_BINDINGS_KUNIT_KOBJECT_BITS 5

/* Sets bit field @which of struct kobject @kobj to 1 from C++. */
void cpp_bindings_kunit_kobject_set_bit(void *kobj, unsigned int which);
/* The bit fields of @kobj as C++ reads them: bit @n is bit field @n. */
unsigned int cpp_bindings_kunit_kobject_bits(const void *kobj);

/* Writes the anonymous struct members of struct qspinlock @lock. */
void cpp_bindings_kunit_qspinlock_write(void *lock, unsigned char locked,
					unsigned char pending);
/* Reads qspinlock::tail (an anonymous struct in an anonymous union). */
unsigned short cpp_bindings_kunit_qspinlock_tail(const void *lock);

/* Calls through the bindings and the C helpers, on objects of C. */
void cpp_bindings_kunit_mutex_init(void *mutex, void *key);
void cpp_bindings_kunit_mutex_lock(void *mutex);
void cpp_bindings_kunit_mutex_unlock(void *mutex);
void cpp_bindings_kunit_spin_lock_init(void *lock, void *key);
void cpp_bindings_kunit_spin_lock(void *lock);
void cpp_bindings_kunit_spin_unlock(void *lock);
/* refcount_set(1), inc, two dec_and_test: the results as bits 0-3. */
unsigned int cpp_bindings_kunit_refcount(void *refcount);
/* Initialises list @head and adds the list_heads @nodes[0..@n-1] in order. */
void cpp_bindings_kunit_list_link(void *head, void *const *nodes,
				  unsigned int n);
/* A zeroed allocation of @size bytes with krealloc(). */
void *cpp_bindings_kunit_zalloc(unsigned long size);
void cpp_bindings_kunit_free(void *p);
/* ERR_PTR(@err), then IS_ERR() and PTR_ERR() of the result. */
void *cpp_bindings_kunit_err_ptr(long err, int *is_err, long *ptr_err);
const char *cpp_bindings_kunit_errname(int err);
unsigned long cpp_bindings_kunit_jiffies(void);

/*
 * Calls the C++ function of vmlinux in cpp/kunit_long_symbol.cpp, whose
 * mangled name (206 characters, identical with both compilers: it is the
 * Itanium C++ ABI's) must be exported to modules and known to kallsyms.
 * Returns its result and stores its address in @addr.
 */
#define CPP_BINDINGS_KUNIT_LONG_SYMBOL					\
	"_ZN6kernel13bindings_test"					\
	"53a_namespace_whose_name_is_long_to_test_symbol_lengths"	\
	"52a_function_whose_name_is_also_long_to_test_the_limit"	\
	"ENS0_3tagINS1_"						\
	"47a_class_name_that_makes_the_mangled_name_longer"		\
	"ELi42EEEi"
int cpp_bindings_kunit_call_long_symbol(int arg, void **addr);

#ifdef __cplusplus
}
#endif

#endif /* _CPP_BINDINGS_KUNIT_H */
