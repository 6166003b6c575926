// SPDX-License-Identifier: GPL-2.0

#include <linux/spinlock.h>

void cpp_helper___spin_lock_init(spinlock_t *lock, const char *name,
				 struct lock_class_key *key)
{
#ifdef CONFIG_DEBUG_SPINLOCK
# if defined(CONFIG_PREEMPT_RT)
	__spin_lock_init(lock, name, key, false);
# else /* !CONFIG_PREEMPT_RT */
	__raw_spin_lock_init(spinlock_check(lock), name, key, LD_WAIT_CONFIG);
# endif /* CONFIG_PREEMPT_RT */
#else /* !CONFIG_DEBUG_SPINLOCK */
	spin_lock_init(lock);
#endif /* CONFIG_DEBUG_SPINLOCK */
}

void cpp_helper_spin_lock(spinlock_t *lock)
{
	spin_lock(lock);
}

void cpp_helper_spin_unlock(spinlock_t *lock)
{
	spin_unlock(lock);
}

/* The flags that spin_unlock_irqrestore() will need. */
unsigned long cpp_helper_spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags;

	spin_lock_irqsave(lock, flags);
	return flags;
}

void cpp_helper_spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_unlock_irqrestore(lock, flags);
}

void cpp_helper_spin_assert_held(spinlock_t *lock)
{
	lockdep_assert_held(lock);
}

bool cpp_helper_spin_is_locked(spinlock_t *lock)
{
	return spin_is_locked(lock);
}
