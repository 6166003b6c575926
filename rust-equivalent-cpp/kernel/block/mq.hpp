/* SPDX-License-Identifier: GPL-2.0 */
/*
 * blk-mq drivers: Operations, a driver's callbacks, and the Driver
 * concept, which says what a driver type provides; Request, the request
 * its callbacks are given, with the driver's per-request data, refcounted
 * through ARef; RequestList, a driver's queue of requests; HwQueue, a
 * hardware queue; TagSet, the queues and their requests; GenDiskBuilder
 * and GenDisk, the disk.
 *
 * Only the callbacks a driver gives are set in its struct blk_mq_ops,
 * decided at compile time (kernel/vtable.hpp).
 *
 *	struct NullOps {
 *		struct QueueData { ... };	// the disk's, shared
 *		struct RequestData { ... };	// in every request
 *
 *		static BlkStatus queue_rq(const QueueData &q, HwQueue &hctx,
 *				       ARef<Request<NullOps>> &&rq, bool last)
 *		{
 *			Request<NullOps>::end_ok(move(rq));
 *			return BlkStatus::Ok;
 *		}
 *
 *		static constexpr Operations<NullOps> OPS = {
 *			.queue_rq = queue_rq,
 *		};
 *	};
 *
 * The parts, as in rust/kernel/block/mq/: mq/request.hpp (Request,
 * Segment, BlkStatus, Op), mq/request_list.hpp, mq/operations.hpp
 * (Operations, Driver, HwQueue, TimeoutAction), mq/tag_set.hpp and
 * mq/gen_disk.hpp.
 *
 * C header: include/linux/blk-mq.h, include/linux/blkdev.h
 */
#ifndef CPP_KERNEL_BLOCK_MQ_HPP
#define CPP_KERNEL_BLOCK_MQ_HPP

#include <kernel/block/mq/gen_disk.hpp>
#include <kernel/block/mq/operations.hpp>
#include <kernel/block/mq/request.hpp>
#include <kernel/block/mq/request_list.hpp>
#include <kernel/block/mq/tag_set.hpp>

#endif /* CPP_KERNEL_BLOCK_MQ_HPP */
