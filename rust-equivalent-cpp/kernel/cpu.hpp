/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How many CPUs and NUMA nodes there are, for drivers that size their
 * queues or place their memory by them.
 *
 * C header: include/linux/cpumask.h, include/linux/nodemask.h
 */
#ifndef CPP_KERNEL_CPU_HPP
#define CPP_KERNEL_CPU_HPP

#include <bindings/bindings.hpp>
#include <kernel/types.hpp>

namespace kernel {

/* No NUMA node in particular. */
inline constexpr int NUMA_NO_NODE = bindings::NUMA_NO_NODE;

/* nr_cpu_ids() - one more than the highest possible CPU number. */
inline u32 nr_cpu_ids()
{
	// SAFETY: reads a variable set at boot.
	return bindings::nr_cpu_ids();
}

/* num_online_nodes() - how many NUMA nodes are online. */
inline u32 num_online_nodes()
{
	// SAFETY: reads the online node mask.
	return bindings::num_online_nodes();
}

} // namespace kernel

#endif /* CPP_KERNEL_CPU_HPP */
