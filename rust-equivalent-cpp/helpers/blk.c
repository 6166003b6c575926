// SPDX-License-Identifier: GPL-2.0

#include <linux/blk-mq.h>
#include <linux/blkdev.h>

/*
 * The last reference to a started request was dropped without ending it,
 * or a request was ended while other references to it existed
 * (cpp/kernel/block/mq/request.hpp): a driver bug, reported once.  Named
 * cpp_* in the bindings: it is the C++ support's, not the block layer's.
 */
void cpp_helper_cpp_blk_mq_report_unended(struct request *rq)
{
	WARN_ONCE(1, "C++ blk-mq driver: request %p of %s not ended by its only reference\n",
		  rq, rq->q->disk ? rq->q->disk->disk_name : "?");
}
