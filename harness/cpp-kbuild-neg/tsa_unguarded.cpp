// SPDX-License-Identifier: GPL-2.0
//
// Data declared KERNEL_GUARDED_BY() a lock, written without it (clang's
// thread-safety analysis, -Werror=thread-safety).
// expect-llvm: writing variable 'count' requires holding lock 'lock'
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
	count++;
}
