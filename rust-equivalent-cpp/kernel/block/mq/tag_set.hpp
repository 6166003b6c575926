/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TagSet, the hardware queues and requests of a blk-mq driver's disks.
 *
 * C header: include/linux/blk-mq.h
 */
#ifndef CPP_KERNEL_BLOCK_MQ_TAG_SET_HPP
#define CPP_KERNEL_BLOCK_MQ_TAG_SET_HPP

#include <bindings/bindings.hpp>
#include <kernel/block/mq/operations.hpp>
#include <kernel/error.hpp>
#include <kernel/init.hpp>

namespace kernel::block::mq {

/* How the queues of a TagSet are laid out. */
struct TagSetConfig {
	/* Hardware queues that take interrupts (or none), >= 1. */
	u32 nr_hw_queues = 1;
	/* Polled hardware queues, after those (the driver has poll()). */
	u32 poll_queues = 0;
	/* Requests per hardware queue. */
	u32 queue_depth = 64;
	/* The NUMA node of the queues' memory, or NUMA_NO_NODE. */
	int numa_node = bindings::NUMA_NO_NODE;
	/* The driver's queue_rq() may sleep (BLK_MQ_F_BLOCKING). */
	bool blocking = false;
	/* No I/O scheduler unless one is chosen through sysfs
	 * (BLK_MQ_F_NO_SCHED_BY_DEFAULT). */
	bool no_sched = false;
};

/**
 * class TagSet - the hardware queues and requests of the disks of the
 * driver @T (struct blk_mq_tag_set), allocated by the constructor and
 * freed by the destructor; it must outlive its disks.
 *
 * Its requests carry @T's RequestData, built with @data (the QueueData
 * of the disks that will use it).
 *
 * Invariants: set_ is allocated if allocated_.
 */
template <typename T> class TagSet : Pinned<TagSet<T>> {
	static_assert(Driver<T>, "see the concept mq::Driver");

public:
	TagSet(init::Status &st, const TagSetConfig &cfg,
	       const typename T::QueueData &data)
	    : data_(&data), poll_queues_(cfg.poll_queues)
	{
		bindings::blk_mq_tag_set *set = set_.get();

		__builtin_memset(set, 0, sizeof(*set));
		set->ops = &detail::ops<T>;
		set->nr_hw_queues = cfg.nr_hw_queues + cfg.poll_queues;
		set->queue_depth = cfg.queue_depth;
		set->numa_node = cfg.numa_node;
		set->cmd_size = sizeof(detail::Pdu<T>);
		set->flags = 0;
		if (cfg.blocking)
			set->flags |= bindings::BLK_MQ_F_BLOCKING;
		if (cfg.no_sched)
			set->flags |= bindings::BLK_MQ_F_NO_SCHED_BY_DEFAULT;
		set->driver_data = this;
		if (cfg.poll_queues) {
			set->nr_maps = bindings::HCTX_MAX_TYPES;
			set->ops = &poll_ops;
		} else {
			set->nr_maps = 1;
		}
		st.step([&]() -> Result<void> {
			if (cfg.nr_hw_queues == 0)
				return code::EINVAL;
			if (cfg.poll_queues && !T::OPS.poll.given)
				return code::EINVAL;
			// SAFETY: set is filled in above.
			TRY(to_result(bindings::blk_mq_alloc_tag_set(set)));
			allocated_ = true;
			return {};
		});
	}

	~TagSet()
	{
		if (allocated_)
			// SAFETY: allocated by the constructor (invariant);
			// its disks are gone.
			bindings::blk_mq_free_tag_set(set_.get());
	}

	bindings::blk_mq_tag_set *as_raw() const
	{
		return set_.get();
	}

	/* queue_data() - the QueueData its requests are built with. */
	const typename T::QueueData &queue_data() const
	{
		return *data_;
	}

private:
	/*
	 * With polled queues: default queues first, no read queues, then
	 * the polled ones (as null_blk maps them).
	 */
	static void map_queues(bindings::blk_mq_tag_set *set)
	{
		u32 qoff = 0;

		// SAFETY: driver_data is the TagSet (constructor).
		u32 n = static_cast<TagSet *>(set->driver_data)->poll_queues_;

		for (u32 i = 0; i < set->nr_maps; i++) {
			bindings::blk_mq_queue_map *map = &set->map[i];

			switch (i) {
			case bindings::HCTX_TYPE_DEFAULT:
				map->nr_queues = set->nr_hw_queues - n;
				break;
			case bindings::HCTX_TYPE_POLL:
				map->nr_queues = n;
				break;
			default:
				map->nr_queues = 0;
				continue;
			}
			map->queue_offset = qoff;
			qoff += map->nr_queues;
			// SAFETY: @map is a map of @set, filled in above.
			bindings::blk_mq_map_queues(map);
		}
	}

	static constexpr bindings::blk_mq_ops make_poll_ops()
	{
		bindings::blk_mq_ops ops = detail::ops<T>;

		ops.map_queues = map_queues;
		return ops;
	}

	static constexpr bindings::blk_mq_ops poll_ops = make_poll_ops();

	Opaque<bindings::blk_mq_tag_set> set_;
	const typename T::QueueData *data_;
	u32 poll_queues_;
	bool allocated_ = false;
};

} // namespace kernel::block::mq

#endif /* CPP_KERNEL_BLOCK_MQ_TAG_SET_HPP */
