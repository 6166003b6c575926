// SPDX-License-Identifier: GPL-2.0
/*
 * The C twin of samples/cpp/cpp_print.cpp (and of rust_print.rs): the same
 * lines, with a kref-counted object for the Arc part.  Used by
 * harness/compile-time.sh to compare the compile time of the C++ sample
 * with that of the same work in C.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kref.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct shared_str {
	struct kref ref;
	const char *s;
};

struct shared_int {
	struct kref ref;
	int v;
};

static void shared_str_release(struct kref *ref)
{
	kfree(container_of(ref, struct shared_str, ref));
}

static void shared_int_release(struct kref *ref)
{
	kfree(container_of(ref, struct shared_int, ref));
}

static int arc_print(void)
{
	struct shared_int *a;
	struct shared_str *b;

	a = kmalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	kref_init(&a->ref);
	a->v = 1;
	b = kmalloc(sizeof(*b), GFP_KERNEL);
	if (!b) {
		kref_put(&a->ref, shared_int_release);
		return -ENOMEM;
	}
	kref_init(&b->ref);
	b->s = "hello, world";

	pr_info("%d", a->v);
	pr_info("\"%s\"", b->s);
	kref_get(&b->ref);
	pr_info("[%s:%d:%d] c = \"%s\"\n", __FILE__, __LINE__, 2, b->s);
	kref_put(&b->ref, shared_str_release);
	pr_info("\"%s\"", b->s);

	kref_put(&b->ref, shared_str_release);
	kref_put(&a->ref, shared_int_release);
	return 0;
}

static int __init c_print_init(void)
{
	pr_info("C printing macros sample (init)\n");

	pr_emerg("Emergency message (level 0) without args\n");
	pr_alert("Alert message (level 1) without args\n");
	pr_crit("Critical message (level 2) without args\n");
	pr_err("Error message (level 3) without args\n");
	pr_warn("Warning message (level 4) without args\n");
	pr_notice("Notice message (level 5) without args\n");
	pr_info("Info message (level 6) without args\n");

	pr_info("A line that");
	pr_cont(" is continued");
	pr_cont(" without args\n");

	pr_emerg("%s message (level %d) with args\n", "Emergency", 0);
	pr_alert("%s message (level %d) with args\n", "Alert", 1);
	pr_crit("%s message (level %d) with args\n", "Critical", 2);
	pr_err("%s message (level %d) with args\n", "Error", 3);
	pr_warn("%s message (level %d) with args\n", "Warning", 4);
	pr_notice("%s message (level %d) with args\n", "Notice", 5);
	pr_info("%s message (level %d) with args\n", "Info", 6);

	pr_info("A %s that", "line");
	pr_cont(" is %s", "continued");
	pr_cont(" with %s\n", "args");

	return arc_print();
}

static void __exit c_print_exit(void)
{
	pr_info("C printing macros sample (exit)\n");
}

module_init(c_print_init);
module_exit(c_print_exit);
MODULE_DESCRIPTION("C twin of the C++ printing sample");
MODULE_LICENSE("GPL");
