// SPDX-License-Identifier: GPL-2.0

#include <linux/blk-mq.h>
#include <linux/blkdev.h>

/*
 * The segments of a request, one page at a time (rq_for_each_segment(),
 * a macro): cpp_helper_rq_iter_next() fills @bv with the next segment of
 * @iter and returns true, or returns false after the last one.
 */
void cpp_helper_rq_iter_init(struct request *rq, struct req_iterator *iter)
{
	iter->bio = rq->bio;
	if (iter->bio)
		iter->iter = iter->bio->bi_iter;
}

bool cpp_helper_rq_iter_next(struct req_iterator *iter, struct bio_vec *bv)
{
	while (iter->bio) {
		if (iter->iter.bi_size) {
			*bv = bio_iter_iovec(iter->bio, iter->iter);
			bio_advance_iter_single(iter->bio, &iter->iter,
						bv->bv_len);
			return true;
		}
		iter->bio = iter->bio->bi_next;
		if (iter->bio)
			iter->iter = iter->bio->bi_iter;
	}
	return false;
}

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
