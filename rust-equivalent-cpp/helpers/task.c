// SPDX-License-Identifier: GPL-2.0

#include <linux/sched/signal.h>
#include <linux/sched/task.h>

struct task_struct *cpp_helper_get_current(void)
{
	return current;
}

bool cpp_helper_signal_pending(struct task_struct *t)
{
	return signal_pending(t);
}

void cpp_helper_get_task_struct(struct task_struct *t)
{
	get_task_struct(t);
}

void cpp_helper_put_task_struct(struct task_struct *t)
{
	put_task_struct(t);
}

pid_t cpp_helper_task_pid_nr(struct task_struct *t)
{
	return task_pid_nr(t);
}

pid_t cpp_helper_task_tgid_nr(struct task_struct *t)
{
	return task_tgid_nr(t);
}

void cpp_helper_cond_resched(void)
{
	cond_resched();
}
