// SPDX-License-Identifier: GPL-2.0
/*
 * C++ null block driver: the twin of null_blk (drivers/block/null_blk/)
 * in blk-mq mode, with its module parameters and their defaults:
 * submit_queues, poll_queues, hw_queue_depth, bs, gb, nr_devices,
 * irqmode (0: none, 1: softirq, 2: timer, after completion_nsec),
 * memory_backed, discard, rotational and home_node, plus write_cache.
 * Devices are /dev/cppnullb<N>.  Without memory_backed, reads return
 * whatever the pages held and writes go nowhere, as with null_blk.  With
 * it, a write that needs a new page fails (ENOSPC) when the page cannot
 * be allocated or when less than a sixteenth of the memory is available.
 */

#include <kernel/alloc/kbox.hpp>
#include <kernel/alloc/kvec.hpp>
#include <kernel/block/mq.hpp>
#include <kernel/cpu.hpp>
#include <kernel/error.hpp>
#include <kernel/hrtimer.hpp>
#include <kernel/init.hpp>
#include <kernel/module.hpp>
#include <kernel/page.hpp>
#include <kernel/print.hpp>
#include <kernel/sync/spinlock.hpp>
#include <kernel/task.hpp>
#include <kernel/xarray.hpp>

namespace {

using namespace kernel;
using namespace kernel::block;
using mq::BlkStatus;

/* How requests complete (irqmode, as null_blk's). */
enum class IrqMode : int { None = 0, Softirq = 1, Timer = 2 };

/* What a device is made with: the module parameters, checked. */
struct Config {
	u32 submit_queues;
	u32 poll_queues;
	u32 hw_queue_depth;
	u32 bs;
	u64 gb;
	IrqMode irqmode;
	u64 completion_nsec;
	bool memory_backed;
	bool discard;
	bool write_cache;
	bool rotational;
	int home_node;
};

class NullBlkOps;
using Request = mq::Request<NullBlkOps>;
using RequestRef = ARef<Request>;

/* The pages of a memory-backed device, by page index. */
using Pages = XArray<Owned<Page>>;

constexpr u32 PAGE_SECTORS = PAGE_SIZE >> mq::SECTOR_SHIFT;

/* The requests of a polled hardware queue, until it is polled. */
struct PollQueue {
	SpinLock<mq::RequestList<NullBlkOps>> list{ KERNEL_LOCK_CLASS(
		"cppnull::PollQueue::list") };
};

/* A device's data, which its callbacks share (mq::Operations). */
class DeviceData : Pinned<DeviceData> {
public:
	DeviceData(init::Status &st, const Config &cfg)
	    : cfg(cfg), reserve_(total_ram_pages() / RESERVE_DIVISOR)
	{
		st.step([&]() -> Result<void> {
			for (u32 i = 0; i < cfg.poll_queues; i++)
				TRY(poll_.push(
					TRY(KBox<PollQueue>::make(GFP_KERNEL)),
					GFP_KERNEL));
			return {};
		});
	}

	/*
	 * A large device has many pages: free them a batch at a time, and
	 * let others run in between.
	 */
	~DeviceData()
	{
		while (pages_.lock().remove_some(FREE_BATCH))
			cond_resched();
	}

	/* The polled queue of the hardware queue @index. */
	PollQueue &poll_queue(u32 index) const
	{
		return *poll_[index - cfg.submit_queues];
	}

	/* process() - reads or writes the data of @rq (memory_backed). */
	BlkStatus process(const Request &rq) const
	{
		switch (rq.op()) {
		case mq::Op::Read:
			return transfer(rq, false);
		case mq::Op::Write:
			return transfer(rq, true);
		case mq::Op::Flush:
			// The data is in memory already: nothing to write back.
			return BlkStatus::Ok;
		case mq::Op::Discard:
			if (!cfg.discard)
				return BlkStatus::NotSupp;
			discard(rq.sector(), rq.sectors());
			return BlkStatus::Ok;
		default:
			return BlkStatus::NotSupp;
		}
	}

	const Config cfg;

private:
	using PagesGuard = Pages::Guard;

	static constexpr size_t FREE_BATCH = 256;

	/*
	 * What a memory-backed device leaves to the rest of the system: a
	 * write that needs a new page fails (NoSpc) while less than a
	 * sixteenth of the memory is available.  Were the device to take
	 * the last of it, the OOM killer would run out of tasks to kill
	 * and the kernel would panic.  What is available is looked at once
	 * every RESERVE_CHECK new pages (si_mem_available() sums counters
	 * over every zone), so that a device may go past the reserve by at
	 * most that many pages.
	 */
	static constexpr size_t RESERVE_DIVISOR = 16;
	static constexpr size_t RESERVE_CHECK = 64;

	/*
	 * The allocations of a write: they may sleep, but start no I/O to
	 * reclaim memory (GFP_NOIO, as null_blk's), and fail when reclaim
	 * finds nothing (__GFP_NORETRY), quietly.  Without __GFP_NORETRY, an
	 * allocation of one page with GFP_NOIO does not fail: when memory
	 * runs out, it waits in the allocator for ever, and allocations
	 * elsewhere call the OOM killer.
	 */
	static constexpr alloc::Flags GFP =
		GFP_NOIO | __GFP_NORETRY | __GFP_NOWARN;
	/* A new page's first try, under the lock of the pages. */
	static constexpr alloc::Flags GFP_NOWAIT_PAGE =
		GFP_NOWAIT | __GFP_NOWARN;

	/*
	 * Copies between the request's segments and the pages, a piece at
	 * a time: a piece ends where a segment or a page ends.  A page that
	 * was never written reads as zeroes; a write allocates it.  When
	 * that fails, the request ends with NoSpc, as null_blk's does: were
	 * it tried again (Resource), a write that cannot get memory would
	 * be requeued for ever.
	 */
	BlkStatus transfer(const Request &rq, bool write) const
	{
		PagesGuard pages = pages_.lock();
		u64 pos = rq.sector() << mq::SECTOR_SHIFT;
		BlkStatus st = BlkStatus::Ok;

		rq.for_each_segment([&](const mq::Segment &seg) {
			if (st != BlkStatus::Ok)
				return;
			seg.map([&](u8 *data) {
				for (u32 done = 0; done < seg.len();) {
					u64 idx = pos / PAGE_SIZE;
					size_t off = pos % PAGE_SIZE;
					u32 n = seg.len() - done;

					if (n > PAGE_SIZE - off)
						n = PAGE_SIZE - off;
					if (write)
						st = write_piece(
							pages, idx, off,
							data + done, n);
					else
						read_piece(pages, idx, off,
							   data + done, n);
					if (st != BlkStatus::Ok)
						return;
					done += n;
					pos += n;
				}
			});
		});
		return st;
	}

	static void read_piece(const PagesGuard &pages, u64 idx, size_t off,
			       u8 *dst, u32 n)
	{
		const Page *p = pages.get(idx);

		if (!p || p->read(dst, off, n).is_err())
			__builtin_memset(dst, 0, n);
	}

	BlkStatus write_piece(PagesGuard &pages, u64 idx, size_t off,
			      const u8 *src, u32 n) const
	{
		// SAFETY: used only before the next change of the pages.
		PagesGuard::Slot slot = pages.slot_unchecked(idx);

		if (Page *p = slot.get())
			return p->write(src, off, n).is_ok() ? BlkStatus::Ok
							     : BlkStatus::IoErr;
		if (!may_grow(pages))
			return BlkStatus::NoSpc;
		// A new page, written before it is stored.  First without
		// sleeping, under the lock, into the slot just found: one walk
		// of the array, as a write that finds its page has.
		Result<Owned<Page>> page =
			new_page(GFP_NOWAIT_PAGE, off, src, n);

		if (page.is_ok()) {
			if (slot.insert(move(page.value())).is_ok())
				return BlkStatus::Ok;
			// No node for it: try_insert() allocates one.
			return insert_page(pages, idx, move(page.value()), off,
					   src, n);
		}
		// When memory is short, as null_blk does: the lock released
		// while the page is allocated, where the allocation may sleep
		// and reclaim (the tag set is blocking: queue_rq() may sleep).
		Result<Owned<Page>> slow = pages.do_unlocked(
			[&] { return new_page(GFP, off, src, n); });

		if (slow.is_err())
			return BlkStatus::NoSpc;
		return insert_page(pages, idx, move(slow.value()), off, src, n);
	}

	/*
	 * Stores @page at @idx, allocating nodes with GFP: the lock may be
	 * released meanwhile, and another write may have added a page
	 * there, which then takes the data.
	 */
	static BlkStatus insert_page(PagesGuard &pages, u64 idx,
				     Owned<Page> &&page, size_t off,
				     const u8 *src, u32 n)
	{
		Result<void> r = pages.try_insert(idx, move(page), GFP);
		Page *p;

		if (r.is_ok())
			return BlkStatus::Ok;
		if (r.error() == code::EBUSY && (p = pages.get(idx)))
			return p->write(src, off, n).is_ok() ? BlkStatus::Ok
							     : BlkStatus::IoErr;
		return BlkStatus::NoSpc;
	}

	/*
	 * Whether the device may take one more page (RESERVE_DIVISOR); the
	 * lock of the pages, which the caller's guard holds, guards the
	 * count.
	 */
	bool may_grow(const PagesGuard &) const
	{
		if (new_pages_++ % RESERVE_CHECK == 0)
			low_ = available_pages() < reserve_;
		return !low_;
	}

	/*
	 * A page holding @n bytes of @src at @off and zeroes elsewhere: it
	 * is not zeroed first, for most writes cover whole pages.
	 */
	static Result<Owned<Page>> new_page(alloc::Flags flags, size_t off,
					    const u8 *src, u32 n)
	{
		Owned<Page> page = TRY(Page::alloc(flags));

		TRY(page->write(src, off, n));
		if (off)
			TRY(page->fill_zero(0, off));
		if (off + n < PAGE_SIZE)
			TRY(page->fill_zero(off + n, PAGE_SIZE - off - n));
		return page;
	}

	/* Whole pages go; the rest of a partial page is zeroed. */
	void discard(u64 sector, u32 nr) const
	{
		PagesGuard pages = pages_.lock();

		while (nr) {
			u64 idx = sector / PAGE_SECTORS;
			u32 first = sector % PAGE_SECTORS;
			u32 n = PAGE_SECTORS - first;

			if (n > nr)
				n = nr;
			if (n == PAGE_SECTORS)
				pages.remove(idx);
			else if (Page *p = pages.get(idx))
				(void)p->fill_zero(first << mq::SECTOR_SHIFT,
						   n << mq::SECTOR_SHIFT);
			sector += n;
			nr -= n;
		}
	}

	const size_t reserve_;
	mutable Pages pages_;
	// Under the lock of pages_: new pages since the device was made,
	// and whether less than reserve_ was available at the last look.
	mutable size_t new_pages_ = 0;
	mutable bool low_ = false;
	KVec<KBox<PollQueue>> poll_;
};

/* The blk-mq operations of the devices. */
class NullBlkOps {
public:
	using QueueData = DeviceData;

	/* What each request carries: its outcome, and its timer. */
	struct RequestData {
		BlkStatus result = BlkStatus::Ok;
		HrTimer timer{ Request::timer_callback<&RequestData::timer,
						       &timer_expired>() };

		static void timer_expired(RequestRef rq)
		{
			const BlkStatus st = rq->data().result;

			Request::end(move(rq), st);
		}
	};

	static BlkStatus queue_rq(const DeviceData &dev, mq::HwQueue &hctx,
				  RequestRef &&rq, bool)
	{
		if (hctx.is_poll()) {
			dev.poll_queue(hctx.index())
				.list.lock()
				->push_back(move(rq));
			return BlkStatus::Ok;
		}
		BlkStatus st = BlkStatus::Ok;
		if (dev.cfg.memory_backed)
			st = dev.process(*rq);
		switch (dev.cfg.irqmode) {
		case IrqMode::Softirq:
			rq->data().result = st;
			Request::complete(move(rq));
			break;
		case IrqMode::Timer:
			rq->data().result = st;
			// The timer ends it: it takes the reference.
			Request::start_timer<&RequestData::timer>(
				move(rq), dev.cfg.completion_nsec);
			break;
		default:
			Request::end(move(rq), st);
		}
		return BlkStatus::Ok;
	}

	static void complete(RequestRef rq)
	{
		BlkStatus st = rq->data().result;

		Request::end(move(rq), st);
	}

	static int poll(const DeviceData &dev, mq::HwQueue &hctx)
	{
		mq::RequestList<NullBlkOps> done;
		int n = 0;

		done.take_all(*dev.poll_queue(hctx.index()).list.lock());
		while (!done.is_empty()) {
			RequestRef rq = done.pop_front();
			BlkStatus st = BlkStatus::Ok;

			if (dev.cfg.memory_backed)
				st = dev.process(*rq);
			Request::end(move(rq), st);
			n++;
		}
		return n;
	}

	static mq::TimeoutAction timeout(const DeviceData &, Request &rq)
	{
		pr_info("request {} timed out\n", rq.tag());
		return mq::TimeoutAction::ResetTimer;
	}

	static constexpr mq::Operations<NullBlkOps> OPS = {
		.queue_rq = queue_rq,
		// A plug's batch comes in one call, as to null_blk.
		.queue_rqs = true,
		.complete = complete,
		.poll = poll,
		.timeout = timeout,
	};
};

/* One device: its data, its queues and its disk. */
class NullBlkDevice : Pinned<NullBlkDevice> {
public:
	NullBlkDevice(init::Status &st, ThisModule module, u32 index,
		      const Config &cfg)
	    : dev_(st, cfg), tags_(st,
				   mq::TagSetConfig{
					   .nr_hw_queues = cfg.submit_queues,
					   .poll_queues = cfg.poll_queues,
					   .queue_depth = cfg.hw_queue_depth,
					   .numa_node = cfg.home_node,
					   // It allocates pages in queue_rq().
					   .blocking = cfg.memory_backed,
				   },
				   dev_)
	{
		st.step([&]() -> Result<void> {
			mq::GenDiskBuilder b;

			b.capacity_sectors((cfg.gb << 30) >> mq::SECTOR_SHIFT)
				.logical_block_size(cfg.bs)
				.physical_block_size(cfg.bs)
				.rotational(cfg.rotational)
				.write_cache(cfg.write_cache, true);
			if (cfg.discard)
				b.max_discard_sectors(~0U >> mq::SECTOR_SHIFT);
			disk_ = TRY(b.build(KFMT("cppnullb{}", index), module,
					    tags_, dev_));
			return {};
		});
	}

private:
	DeviceData dev_;
	mq::TagSet<NullBlkOps> tags_;
	mq::GenDisk<NullBlkOps> disk_;
};

} // namespace

KERNEL_MODULE_PARAM(submit_queues, int, 1, 0444, "Number of submission queues");
KERNEL_MODULE_PARAM(poll_queues, int, 1, 0444,
		    "Number of IOPOLL submission queues");
KERNEL_MODULE_PARAM(home_node, int, NUMA_NO_NODE, 0444,
		    "Home node for the device");
KERNEL_MODULE_PARAM(queue_mode, int, 2, 0444,
		    "Block interface to use (2=multiqueue, the only one)");
KERNEL_MODULE_PARAM(gb, int, 250, 0444, "Size in GB");
KERNEL_MODULE_PARAM(bs, int, 512, 0444, "Block size (in bytes)");
KERNEL_MODULE_PARAM(nr_devices, uint, 1, 0444, "Number of devices to register");
KERNEL_MODULE_PARAM(irqmode, int, static_cast<int>(IrqMode::Softirq), 0444,
		    "IRQ completion handler. 0-none, 1-softirq, 2-timer");
KERNEL_MODULE_PARAM(
	completion_nsec, ulong, 10000, 0444,
	"Time in ns to complete a request in hardware. Default: 10,000ns");
KERNEL_MODULE_PARAM(hw_queue_depth, int, 64, 0444,
		    "Queue depth for each hardware queue. Default: 64");
KERNEL_MODULE_PARAM(memory_backed, bool, false, 0444,
		    "Create a memory-backed block device. Default: false");
KERNEL_MODULE_PARAM(discard, bool, false, 0444,
		    "Support discard operations (requires memory-backed "
		    "device). Default: false");
KERNEL_MODULE_PARAM(write_cache, bool, false, 0444,
		    "Report a volatile write cache, so that flushes reach the "
		    "device. Default: false");
KERNEL_MODULE_PARAM(
	rotational, bool, false, 0444,
	"Set the rotational feature for the device. Default: false");

namespace {

/*
 * in_range() - @v, the value of the parameter @name, if it is from @lo to
 * @hi; if not, EINVAL and a message that says so (@what explains the
 * bounds).
 */
Result<s64> in_range(const char *name, s64 v, s64 lo, s64 hi,
		     const char *what = "")
{
	if (v < lo || v > hi) {
		pr_err("{}={}: must be from {} to {}{}\n", name, v, lo, hi,
		       what);
		return code::EINVAL;
	}
	return v;
}

/* The parameters, checked: a bad one fails the load, saying why. */
Result<Config> config()
{
	const s64 cpus = nr_cpu_ids();
	Config c = {};
	int v;

	if (queue_mode.get() != 2) {
		pr_err("queue_mode={}: only 2 (multiqueue) is supported\n",
		       queue_mode.get());
		return code::EINVAL;
	}
	c.submit_queues = TRY(in_range("submit_queues", submit_queues.get(), 1,
				       cpus, " (CPUs)"));
	c.poll_queues = TRY(
		in_range("poll_queues", poll_queues.get(), 0, cpus, " (CPUs)"));
	c.hw_queue_depth =
		TRY(in_range("hw_queue_depth", hw_queue_depth.get(), 1, 10240));
	// Blocks larger than a page are made of several pages: a piece of
	// transfer() ends where a page does.
	v = bs.get();
	if (v < 512 || static_cast<u32>(v) > mq::MAX_BLOCK_SIZE ||
	    (v & (v - 1))) {
		pr_err("bs={}: must be a power of 2 from 512 to {}\n", v,
		       mq::MAX_BLOCK_SIZE);
		return code::EINVAL;
	}
	c.bs = v;
	c.gb = TRY(in_range("gb", gb.get(), 1, 1024 * 1024));
	TRY(in_range("nr_devices", nr_devices.get(), 1, 256));
	c.irqmode = static_cast<IrqMode>(
		TRY(in_range("irqmode", irqmode.get(), 0, 2,
			     " (0 none, 1 softirq, 2 timer)")));
	c.completion_nsec = completion_nsec.get();
	if (c.irqmode == IrqMode::Timer && c.completion_nsec > 1000000000UL) {
		pr_err("completion_nsec={}: must be at most 1 s with "
		       "irqmode=2\n",
		       c.completion_nsec);
		return code::EINVAL;
	}
	c.memory_backed = memory_backed.get();
	c.discard = discard.get();
	if (c.discard && !c.memory_backed) {
		pr_err("discard=1 needs memory_backed=1\n");
		return code::EINVAL;
	}
	c.write_cache = write_cache.get();
	c.rotational = rotational.get();
	c.home_node = home_node.get();
	if (c.home_node != NUMA_NO_NODE &&
	    (c.home_node < 0 ||
	     static_cast<u32>(c.home_node) >= num_online_nodes())) {
		pr_err("home_node={}: must be -1 or an online node (0 to {})\n",
		       c.home_node, num_online_nodes() - 1);
		return code::EINVAL;
	}
	return c;
}

class CppNullModule : Pinned<CppNullModule> {
public:
	CppNullModule(init::Status &st, ThisModule module)
	{
		st.step([&]() -> Result<void> {
			Config cfg = TRY(config());

			// Nothing may fail once a disk is added: add_disk()
			// scans it for partitions, and the file it opens for
			// that is released when the loading task returns to
			// user space, through the disk's operations, which are
			// in this module; a failed load would free them first.
			// So the room for the devices comes first.  (With
			// several devices, a failure in the second still comes
			// after the first was added: null_blk has the same.)
			TRY(devs_.reserve(nr_devices.get(), GFP_KERNEL));
			for (u32 i = 0; i < nr_devices.get(); i++)
				TRY(devs_.push(
					TRY(KBox<NullBlkDevice>::try_make(
						GFP_KERNEL, module, i, cfg)),
					GFP_KERNEL));
			pr_info("{} device(s), irqmode {}, {}memory backed\n",
				nr_devices.get(), static_cast<int>(cfg.irqmode),
				cfg.memory_backed ? "" : "not ");
			return {};
		});
	}

private:
	KVec<KBox<NullBlkDevice>> devs_;
};

} // namespace

KERNEL_MODULE(CppNullModule, "cppnull");
MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("C++ null block driver, the twin of null_blk");
MODULE_LICENSE("GPL");
