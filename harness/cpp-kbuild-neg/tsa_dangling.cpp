// SPDX-License-Identifier: GPL-2.0
//
// A reference into a lock's data that outlives its guard.
// expect-llvm: will be destroyed at the end of the full-expression
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
	int &r = *lock.lock();
	r++;
}
