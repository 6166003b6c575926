// SPDX-License-Identifier: GPL-2.0

#include <linux/device.h>

const char *cpp_helper_dev_name(const struct device *dev)
{
	return dev_name(dev);
}
