// SPDX-License-Identifier: GPL-2.0

#include <linux/cpumask.h>
#include <linux/nodemask.h>

/* Macros, whose definition depends on the configuration. */
unsigned int cpp_helper_nr_cpu_ids(void)
{
	return nr_cpu_ids;
}

unsigned int cpp_helper_num_online_nodes(void)
{
	return num_online_nodes();
}
