// SPDX-License-Identifier: GPL-2.0
/*
 * C++ cannot call static inline C functions or use function-like C
 * macros.  The functions here wrap those the C++ library needs; they are
 * named cpp_helper_<name>, and scripts/generate_cpp_bindings.py declares
 * them in C++ as bindings::<name>, bound to the helper's symbol.  They are
 * exported to modules (GPL only) from cpp/exports.c.
 *
 * Sorted alphabetically.
 */

#ifdef CONFIG_BLOCK
#include "blk.c"
#endif
#include "bug.c"
#include "completion.c"
#include "cpumask.c"
#include "device.c"
#include "err.c"
#include "firmware.c"
#include "hrtimer.c"
#include "irq.c"
#include "mutex.c"
#include "page.c"
#include "rbtree.c"
#include "refcount.c"
#include "slab.c"
#include "spinlock.c"
#include "task.c"
#include "time.c"
#include "uaccess.c"
#include "wait.c"
#include "workqueue.c"
#include "xarray.c"
