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

/*
 * __dynamic_pr_debug() is declared for the files that use dynamic debug:
 * all of them with CONFIG_DYNAMIC_DEBUG, those that define
 * DYNAMIC_DEBUG_MODULE with CONFIG_DYNAMIC_DEBUG_CORE alone.  The bindings
 * serve every file, so they declare it whenever the core is there;
 * kernel/print.hpp decides per file whether to use it.
 */
#ifdef CONFIG_DYNAMIC_DEBUG_CORE
#define DYNAMIC_DEBUG_MODULE
#endif

#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/dynamic_debug.h>
#include <linux/err.h>
#include <linux/errname.h>
#include <linux/errno.h>
#include <linux/ethtool.h>
#include <linux/firmware.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/hrtimer.h>
#include <linux/if_ether.h>
#include <linux/ioctl.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/kobject.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/mdio.h>
#include <linux/mii.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/phy.h>
#include <linux/printk.h>
#include <linux/rbtree.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

static const gfp_t CPP_CONST_HELPER_GFP_ATOMIC = GFP_ATOMIC;
static const gfp_t CPP_CONST_HELPER_GFP_KERNEL = GFP_KERNEL;
static const gfp_t CPP_CONST_HELPER_GFP_NOWAIT = GFP_NOWAIT;
static const gfp_t CPP_CONST_HELPER_GFP_NOIO = GFP_NOIO;
static const gfp_t CPP_CONST_HELPER___GFP_ZERO = __GFP_ZERO;
static const gfp_t CPP_CONST_HELPER___GFP_NOWARN = __GFP_NOWARN;
static const gfp_t CPP_CONST_HELPER___GFP_NORETRY = __GFP_NORETRY;
static const size_t CPP_CONST_HELPER_ARCH_KMALLOC_MINALIGN = ARCH_KMALLOC_MINALIGN;
static const size_t CPP_CONST_HELPER_ARCH_SLAB_MINALIGN = ARCH_SLAB_MINALIGN;
static const size_t CPP_CONST_HELPER_PAGE_SIZE = PAGE_SIZE;
/*
 * Whether kunmap_local() does nothing, as without CONFIG_HIGHMEM, forced
 * local mappings or a cache flush on unmap: C++ then skips the call.
 */
#if defined(CONFIG_HIGHMEM) || defined(CONFIG_DEBUG_KMAP_LOCAL_FORCE_MAP) || \
	defined(ARCH_HAS_FLUSH_ON_KUNMAP)
#define KUNMAP_LOCAL_IS_NOP 0
#else
#define KUNMAP_LOCAL_IS_NOP 1
#endif
static const bool CPP_CONST_HELPER_KUNMAP_LOCAL_IS_NOP = KUNMAP_LOCAL_IS_NOP;
static const int CPP_CONST_HELPER_MAX_ERRNO = MAX_ERRNO;
static const long CPP_CONST_HELPER_HZ = HZ;
static const unsigned int CPP_CONST_HELPER__IOC_NRBITS = _IOC_NRBITS;
static const unsigned int CPP_CONST_HELPER__IOC_TYPEBITS = _IOC_TYPEBITS;
static const unsigned int CPP_CONST_HELPER__IOC_SIZEBITS = _IOC_SIZEBITS;
static const unsigned int CPP_CONST_HELPER__IOC_DIRBITS = _IOC_DIRBITS;
static const unsigned int CPP_CONST_HELPER__IOC_NONE = _IOC_NONE;
static const unsigned int CPP_CONST_HELPER__IOC_WRITE = _IOC_WRITE;
static const unsigned int CPP_CONST_HELPER__IOC_READ = _IOC_READ;
static const long CPP_CONST_HELPER_MAX_SCHEDULE_TIMEOUT = MAX_SCHEDULE_TIMEOUT;
static const int CPP_CONST_HELPER_NUMA_NO_NODE = NUMA_NO_NODE;
static const int CPP_CONST_HELPER_MISC_DYNAMIC_MINOR = MISC_DYNAMIC_MINOR;
static const int CPP_CONST_HELPER_WORK_CPU_UNBOUND = WORK_CPU_UNBOUND;
static const unsigned int CPP_CONST_HELPER_TASK_INTERRUPTIBLE = TASK_INTERRUPTIBLE;
static const unsigned int CPP_CONST_HELPER_TASK_NORMAL = TASK_NORMAL;
static const unsigned int CPP_CONST_HELPER_TASK_UNINTERRUPTIBLE = TASK_UNINTERRUPTIBLE;
static const unsigned int CPP_CONST_HELPER__DPRINTK_CLASS_DFLT = _DPRINTK_CLASS_DFLT;
static const unsigned int CPP_CONST_HELPER__DPRINTK_FLAGS_PRINT = _DPRINTK_FLAGS_PRINT;
static const clockid_t CPP_CONST_HELPER_CLOCK_MONOTONIC = CLOCK_MONOTONIC;
static const xa_mark_t CPP_CONST_HELPER_XA_PRESENT = XA_PRESENT;

/* kernel::net::phy (linux/phy.h, uapi mii.h, mdio.h and ethtool.h). */
static const int CPP_CONST_HELPER_AUTONEG_ENABLE = AUTONEG_ENABLE;
static const int CPP_CONST_HELPER_DUPLEX_HALF = DUPLEX_HALF;
static const int CPP_CONST_HELPER_DUPLEX_FULL = DUPLEX_FULL;
static const int CPP_CONST_HELPER_DUPLEX_UNKNOWN = DUPLEX_UNKNOWN;
static const int CPP_CONST_HELPER_SPEED_10 = SPEED_10;
static const int CPP_CONST_HELPER_SPEED_100 = SPEED_100;
static const int CPP_CONST_HELPER_SPEED_1000 = SPEED_1000;
static const int CPP_CONST_HELPER_SPEED_UNKNOWN = SPEED_UNKNOWN;
static const u32 CPP_CONST_HELPER_PHY_IS_INTERNAL = PHY_IS_INTERNAL;
static const u32 CPP_CONST_HELPER_PHY_RST_AFTER_CLK_EN = PHY_RST_AFTER_CLK_EN;
static const u32 CPP_CONST_HELPER_PHY_POLL_CABLE_TEST = PHY_POLL_CABLE_TEST;
static const u32 CPP_CONST_HELPER_PHY_ALWAYS_CALL_SUSPEND = PHY_ALWAYS_CALL_SUSPEND;
static const u16 CPP_CONST_HELPER_BMCR_SPEED1000 = BMCR_SPEED1000;
static const u16 CPP_CONST_HELPER_BMCR_FULLDPLX = BMCR_FULLDPLX;
static const u16 CPP_CONST_HELPER_BMCR_ANRESTART = BMCR_ANRESTART;
static const u16 CPP_CONST_HELPER_BMCR_ISOLATE = BMCR_ISOLATE;
static const u16 CPP_CONST_HELPER_BMCR_PDOWN = BMCR_PDOWN;
static const u16 CPP_CONST_HELPER_BMCR_ANENABLE = BMCR_ANENABLE;
static const u16 CPP_CONST_HELPER_BMCR_SPEED100 = BMCR_SPEED100;
static const u16 CPP_CONST_HELPER_BMCR_LOOPBACK = BMCR_LOOPBACK;
static const u16 CPP_CONST_HELPER_BMCR_RESET = BMCR_RESET;
static const u16 CPP_CONST_HELPER_BMSR_LSTATUS = BMSR_LSTATUS;
static const u16 CPP_CONST_HELPER_BMSR_ANEGCOMPLETE = BMSR_ANEGCOMPLETE;
static const u8 CPP_CONST_HELPER_MDIO_MMD_PMAPMD = MDIO_MMD_PMAPMD;
static const u8 CPP_CONST_HELPER_MDIO_MMD_WIS = MDIO_MMD_WIS;
static const u8 CPP_CONST_HELPER_MDIO_MMD_PCS = MDIO_MMD_PCS;
static const u8 CPP_CONST_HELPER_MDIO_MMD_PHYXS = MDIO_MMD_PHYXS;
static const u8 CPP_CONST_HELPER_MDIO_MMD_DTEXS = MDIO_MMD_DTEXS;
static const u8 CPP_CONST_HELPER_MDIO_MMD_TC = MDIO_MMD_TC;
static const u8 CPP_CONST_HELPER_MDIO_MMD_AN = MDIO_MMD_AN;
static const u8 CPP_CONST_HELPER_MDIO_MMD_C22EXT = MDIO_MMD_C22EXT;
static const u8 CPP_CONST_HELPER_MDIO_MMD_VEND1 = MDIO_MMD_VEND1;
static const u8 CPP_CONST_HELPER_MDIO_MMD_VEND2 = MDIO_MMD_VEND2;
/* kernel::block::mq (linux/blk-mq.h, blkdev.h and blk_types.h). */
static const unsigned int CPP_CONST_HELPER_SECTOR_SHIFT = SECTOR_SHIFT;
static const unsigned int CPP_CONST_HELPER_BLK_MAX_BLOCK_SIZE = BLK_MAX_BLOCK_SIZE;
static const blk_status_t CPP_CONST_HELPER_BLK_STS_OK = BLK_STS_OK;
static const blk_status_t CPP_CONST_HELPER_BLK_STS_NOTSUPP = BLK_STS_NOTSUPP;
static const blk_status_t CPP_CONST_HELPER_BLK_STS_TIMEOUT = BLK_STS_TIMEOUT;
static const blk_status_t CPP_CONST_HELPER_BLK_STS_NOSPC = BLK_STS_NOSPC;
static const blk_status_t CPP_CONST_HELPER_BLK_STS_RESOURCE = BLK_STS_RESOURCE;
static const blk_status_t CPP_CONST_HELPER_BLK_STS_IOERR = BLK_STS_IOERR;
static const blk_opf_t CPP_CONST_HELPER_REQ_OP_MASK = REQ_OP_MASK;
static const blk_features_t CPP_CONST_HELPER_BLK_FEAT_WRITE_CACHE = BLK_FEAT_WRITE_CACHE;
static const blk_features_t CPP_CONST_HELPER_BLK_FEAT_FUA = BLK_FEAT_FUA;
static const blk_features_t CPP_CONST_HELPER_BLK_FEAT_ROTATIONAL = BLK_FEAT_ROTATIONAL;
/* The errnos of kernel::code (cpp/kernel/error.hpp), in its order. */
static const int CPP_CONST_HELPER_EPERM = EPERM;
static const int CPP_CONST_HELPER_ENOENT = ENOENT;
static const int CPP_CONST_HELPER_ESRCH = ESRCH;
static const int CPP_CONST_HELPER_EINTR = EINTR;
static const int CPP_CONST_HELPER_EIO = EIO;
static const int CPP_CONST_HELPER_ENXIO = ENXIO;
static const int CPP_CONST_HELPER_E2BIG = E2BIG;
static const int CPP_CONST_HELPER_ENOEXEC = ENOEXEC;
static const int CPP_CONST_HELPER_EBADF = EBADF;
static const int CPP_CONST_HELPER_ECHILD = ECHILD;
static const int CPP_CONST_HELPER_EAGAIN = EAGAIN;
static const int CPP_CONST_HELPER_ENOMEM = ENOMEM;
static const int CPP_CONST_HELPER_EACCES = EACCES;
static const int CPP_CONST_HELPER_EFAULT = EFAULT;
static const int CPP_CONST_HELPER_ENOTBLK = ENOTBLK;
static const int CPP_CONST_HELPER_EBUSY = EBUSY;
static const int CPP_CONST_HELPER_EEXIST = EEXIST;
static const int CPP_CONST_HELPER_EXDEV = EXDEV;
static const int CPP_CONST_HELPER_ENODEV = ENODEV;
static const int CPP_CONST_HELPER_ENOTDIR = ENOTDIR;
static const int CPP_CONST_HELPER_EISDIR = EISDIR;
static const int CPP_CONST_HELPER_EINVAL = EINVAL;
static const int CPP_CONST_HELPER_ENFILE = ENFILE;
static const int CPP_CONST_HELPER_EMFILE = EMFILE;
static const int CPP_CONST_HELPER_ENOTTY = ENOTTY;
static const int CPP_CONST_HELPER_ETXTBSY = ETXTBSY;
static const int CPP_CONST_HELPER_EFBIG = EFBIG;
static const int CPP_CONST_HELPER_ENOSPC = ENOSPC;
static const int CPP_CONST_HELPER_ESPIPE = ESPIPE;
static const int CPP_CONST_HELPER_EROFS = EROFS;
static const int CPP_CONST_HELPER_EMLINK = EMLINK;
static const int CPP_CONST_HELPER_EPIPE = EPIPE;
static const int CPP_CONST_HELPER_EDOM = EDOM;
static const int CPP_CONST_HELPER_ERANGE = ERANGE;
static const int CPP_CONST_HELPER_ENODATA = ENODATA;
static const int CPP_CONST_HELPER_EPROTO = EPROTO;
static const int CPP_CONST_HELPER_EOVERFLOW = EOVERFLOW;
static const int CPP_CONST_HELPER_EOPNOTSUPP = EOPNOTSUPP;
static const int CPP_CONST_HELPER_ETIMEDOUT = ETIMEDOUT;
static const int CPP_CONST_HELPER_EALREADY = EALREADY;
static const int CPP_CONST_HELPER_ECANCELED = ECANCELED;
static const int CPP_CONST_HELPER_ERESTARTSYS = ERESTARTSYS;
static const int CPP_CONST_HELPER_ENOIOCTLCMD = ENOIOCTLCMD;
static const int CPP_CONST_HELPER_EPROBE_DEFER = EPROBE_DEFER;
