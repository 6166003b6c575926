// SPDX-License-Identifier: GPL-2.0

#include <linux/jiffies.h>

/* static inline when HZ divides 1000 (HZ 100, 250 and 1000). */
unsigned int cpp_helper_jiffies_to_msecs(const unsigned long j)
{
	return jiffies_to_msecs(j);
}
