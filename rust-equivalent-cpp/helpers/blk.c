// SPDX-License-Identifier: GPL-2.0

#include <linux/blk-mq.h>
#include <linux/blkdev.h>

/*
 * The last reference to a started request was dropped without ending it,
 * or a request was ended while other references to it existed
 * (cpp/kernel/block/mq.hpp): a driver bug, reported once.
 */
void cpp_helper_blk_mq_warn_unended(struct request *rq)
{
	WARN_ONCE(1, "C++ blk-mq driver: request %p of %s not ended by its only reference\n",
		  rq, rq->q->disk ? rq->q->disk->disk_name : "?");
}
