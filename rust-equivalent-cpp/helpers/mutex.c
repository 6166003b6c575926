// SPDX-License-Identifier: GPL-2.0

#include <linux/mutex.h>

/* A macro with CONFIG_DEBUG_LOCK_ALLOC. */
void cpp_helper_mutex_lock(struct mutex *lock)
{
	mutex_lock(lock);
}

void cpp_helper_mutex_assert_held(struct mutex *lock)
{
	lockdep_assert_held(lock);
}

/* A macro with CONFIG_PREEMPT_RT. */
bool cpp_helper_mutex_is_locked(struct mutex *lock)
{
	return mutex_is_locked(lock);
}
