// SPDX-License-Identifier: GPL-2.0

#include <linux/hrtimer.h>

void cpp_helper_hrtimer_start(struct hrtimer *timer, ktime_t tim,
			      const enum hrtimer_mode mode)
{
	hrtimer_start(timer, tim, mode);
}
