// SPDX-License-Identifier: GPL-2.0
/*
 * Lockdep sees C++ locks: this module takes two Mutexes in one order,
 * then in the other, which lockdep reports as a possible circular locking
 * dependency, naming the two lock classes (CONFIG_CPP_LOCKDEP_TEST).
 *
 * It is a deliberate locking bug: loading it turns lockdep off for the
 * rest of the boot.  No deadlock happens: one task takes both orders.
 */

#include <kernel/error.hpp>
#include <kernel/module.hpp>
#include <kernel/print.hpp>
#include <kernel/sync/mutex.hpp>

namespace {

using namespace kernel;

class LockdepTest {
public:
	static Result<LockdepTest> init(ThisModule)
	{
		return { in_place };
	}

	LockdepTest()
	{
		{
			auto guard_a = a_.lock();
			auto guard_b = b_.lock();
		}
		pr_info("took a, then b\n");
		{
			auto guard_b = b_.lock();
			auto guard_a = a_.lock();
		}
		pr_info("took b, then a\n");
	}

	LockdepTest(const LockdepTest &) = delete;
	LockdepTest &operator=(const LockdepTest &) = delete;

private:
	Mutex<> a_{ KERNEL_LOCK_CLASS("cpp_lockdep_test::a") };
	Mutex<> b_{ KERNEL_LOCK_CLASS("cpp_lockdep_test::b") };
};

} // namespace

KERNEL_MODULE(LockdepTest, "cpp_lockdep_test");
MODULE_DESCRIPTION("Lockdep reports a lock inversion of C++ locks");
MODULE_LICENSE("GPL");
