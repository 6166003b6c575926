// SPDX-License-Identifier: GPL-2.0
/*
 * C++ minimal sample: the twin of samples/rust/rust_minimal.rs, with the
 * same output.
 */

#include <kernel/alloc/kvec.hpp>
#include <kernel/error.hpp>
#include <kernel/module.hpp>
#include <kernel/print.hpp>

namespace {

using namespace kernel;

class CppMinimal : Pinned<CppMinimal> {
public:
	static Result<CppMinimal> init(ThisModule module)
	{
		KVec<int> numbers;

		pr_info("C++ minimal sample (init)\n");
		pr_info("Am I built-in? {}\n", module.is_built_in());

		TRY(numbers.push(72, GFP_KERNEL));
		TRY(numbers.push(108, GFP_KERNEL));
		TRY(numbers.push(200, GFP_KERNEL));

		// Built in place, in the module's storage: never moved.
		return { in_place, move(numbers) };
	}

	explicit CppMinimal(KVec<int> &&numbers) : numbers_(move(numbers))
	{
	}

	~CppMinimal()
	{
		pr_info("My numbers are [");
		for (size_t i = 0; i < numbers_.len(); i++)
			pr_cont("{}{}", i ? ", " : "", numbers_[i]);
		pr_cont("]\n");
		pr_info("C++ minimal sample (exit)\n");
	}

private:
	KVec<int> numbers_;
};

} // namespace

KERNEL_MODULE(CppMinimal, "cpp_minimal");
MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("C++ minimal sample");
MODULE_LICENSE("GPL");
