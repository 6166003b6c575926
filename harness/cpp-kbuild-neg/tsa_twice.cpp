// SPDX-License-Identifier: GPL-2.0
//
// A lock taken twice.
// expect-llvm: acquiring lock 'lock' that is already held
#include <kernel/sync/mutex.hpp>
using namespace kernel;
struct Counter {
	Mutex<int> lock{ KERNEL_LOCK_CLASS(), 0 };
	int count KERNEL_GUARDED_BY(lock) = 0;
	void add_locked(int n) KERNEL_REQUIRES(lock) { count += n; }
	void f();
};
void Counter::f()
{
	auto a = lock.lock();
	auto b = lock.lock();
}
