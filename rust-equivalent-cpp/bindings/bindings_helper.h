/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C headers from which scripts/generate_cpp_bindings.py generates the
 * C++ view of the C API (bindings_generated.hpp), and the values of the
 * macros it cannot evaluate by itself.
 *
 * A CPP_CONST_HELPER_<NAME> constant becomes the C++ constant
 * bindings::<NAME>; <NAME> must be the name of the C macro, which the
 * layout check compares with the value the C++ side got.
 *
 * Sorted alphabetically.
 */

#include <linux/err.h>
#include <linux/errname.h>
#include <linux/if_ether.h>
#include <linux/jiffies.h>
#include <linux/kobject.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

static const gfp_t CPP_CONST_HELPER_GFP_ATOMIC = GFP_ATOMIC;
static const gfp_t CPP_CONST_HELPER_GFP_KERNEL = GFP_KERNEL;
static const gfp_t CPP_CONST_HELPER_GFP_NOWAIT = GFP_NOWAIT;
static const gfp_t CPP_CONST_HELPER___GFP_ZERO = __GFP_ZERO;
static const size_t CPP_CONST_HELPER_ARCH_SLAB_MINALIGN = ARCH_SLAB_MINALIGN;
static const size_t CPP_CONST_HELPER_PAGE_SIZE = PAGE_SIZE;
static const int CPP_CONST_HELPER_MAX_ERRNO = MAX_ERRNO;
