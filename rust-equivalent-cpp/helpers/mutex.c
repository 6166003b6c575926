// SPDX-License-Identifier: GPL-2.0

#include <linux/mutex.h>

/* static inline since Linux 6.16 (lockdep, generic and RT variants). */
void cpp_helper___mutex_init(struct mutex *lock, const char *name,
			     struct lock_class_key *key)
{
	__mutex_init(lock, name, key);
}

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
