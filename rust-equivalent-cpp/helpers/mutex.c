// SPDX-License-Identifier: GPL-2.0

#include <linux/mutex.h>

/* A macro with CONFIG_DEBUG_LOCK_ALLOC. */
void cpp_helper_mutex_lock(struct mutex *lock)
{
	mutex_lock(lock);
}
