// SPDX-License-Identifier: GPL-2.0
//
// A function that KERNEL_REQUIRES() a lock, called without it.
// expect-llvm: calling function 'add_locked' requires holding lock 'lock'
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
	add_locked(1);
}
