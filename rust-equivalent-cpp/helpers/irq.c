// SPDX-License-Identifier: GPL-2.0

#include <linux/irqflags.h>

bool cpp_helper_irqs_disabled(void)
{
	return irqs_disabled();
}
