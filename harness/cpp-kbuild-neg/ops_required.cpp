// SPDX-License-Identifier: GPL-2.0
//
// A blk-mq driver without the callback blk-mq requires.
// expect: mq::Operations: \.queue_rq is required
#include <kernel/block/mq.hpp>
using namespace kernel;
struct Disk {
	struct QueueData {};
	static void complete(ARef<block::mq::Request<Disk>>)
	{
	}
	static constexpr block::mq::Operations<Disk> OPS = {
		.complete = complete,
	};
};
const bindings::blk_mq_ops *ops();
const bindings::blk_mq_ops *ops()
{
	return &block::mq::detail::ops<Disk>;
}
