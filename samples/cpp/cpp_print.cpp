// SPDX-License-Identifier: GPL-2.0
/*
 * C++ printing macros sample: the twin of samples/rust/rust_print.rs, with
 * the same output.
 */

#include <kernel/error.hpp>
#include <kernel/module.hpp>
#include <kernel/print.hpp>
#include <kernel/sync/arc.hpp>

namespace {

using namespace kernel;

Result<void> arc_print()
{
	Arc<int> a = TRY(Arc<int>::make(GFP_KERNEL, 1));
	UniqueArc<const char *> b =
		TRY(UniqueArc<const char *>::make(GFP_KERNEL, "hello, world"));

	// Prints the value of data in `a`.
	pr_info("{}", a);

	// Uses "?" to print the debug form of `b`.
	pr_info("{:?}", b);

	Arc<const char *> s = move(b);
	Arc<const char *> c = s;

	// Uses KDBG() to print (for temporary debugging).
	KDBG(c);

	// Pretty-prints the debug form with lower-case hexadecimal integers.
	pr_info("{:#x?}", s);

	return {};
}

class CppPrint {
public:
	static Result<CppPrint> init(ThisModule)
	{
		pr_info("C++ printing macros sample (init)\n");

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

		pr_emerg("{} message (level {}) with args\n", "Emergency", 0);
		pr_alert("{} message (level {}) with args\n", "Alert", 1);
		pr_crit("{} message (level {}) with args\n", "Critical", 2);
		pr_err("{} message (level {}) with args\n", "Error", 3);
		pr_warn("{} message (level {}) with args\n", "Warning", 4);
		pr_notice("{} message (level {}) with args\n", "Notice", 5);
		pr_info("{} message (level {}) with args\n", "Info", 6);

		pr_info("A {} that", "line");
		pr_cont(" is {}", "continued");
		pr_cont(" with {}\n", "args");

		TRY(arc_print());

		return { in_place };
	}

	~CppPrint()
	{
		pr_info("C++ printing macros sample (exit)\n");
	}
};

} // namespace

KERNEL_MODULE(CppPrint, "cpp_print");
MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("C++ printing macros sample");
MODULE_LICENSE("GPL");
