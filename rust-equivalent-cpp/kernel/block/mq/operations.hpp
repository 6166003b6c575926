/* SPDX-License-Identifier: GPL-2.0 */
/*
 * blk-mq drivers: Operations, a driver's callbacks (kernel/vtable.hpp),
 * the Driver concept, which says what a driver type provides, HwQueue,
 * the hardware queue the callbacks are given, and the struct blk_mq_ops
 * built from them at compile time.
 *
 * C header: include/linux/blk-mq.h
 */
#ifndef CPP_KERNEL_BLOCK_MQ_OPERATIONS_HPP
#define CPP_KERNEL_BLOCK_MQ_OPERATIONS_HPP

#include <new>

#include <bindings/bindings.hpp>
#include <kernel/block/mq/request.hpp>
#include <kernel/error.hpp>
#include <kernel/type_traits.hpp>
#include <kernel/types.hpp>
#include <kernel/vtable.hpp>

namespace kernel::block::mq {

/* What the timeout handler tells blk-mq (enum blk_eh_timer_return). */
enum class TimeoutAction : unsigned int {
	/* The driver has ended or completed the request. */
	Done = bindings::BLK_EH_DONE,
	/* Give it another timeout period. */
	ResetTimer = bindings::BLK_EH_RESET_TIMER,
};

/**
 * class HwQueue - a hardware queue of a disk (struct blk_mq_hw_ctx), as
 * blk-mq gives it to the callbacks; never built by C++.
 *
 * Invariants: the hardware queue is live.
 */
class HwQueue : public Wraps<HwQueue, bindings::blk_mq_hw_ctx> {
public:
	/* index() - its number, from 0, among the queues of its disk. */
	[[gnu::always_inline]] u32 index() const
	{
		return as_raw()->queue_num;
	}

	/* is_poll() - whether it is a polled queue (HCTX_TYPE_POLL). */
	[[gnu::always_inline]] bool is_poll() const
	{
		return as_raw()->type == bindings::HCTX_TYPE_POLL;
	}
};

template <typename T> using QD = typename T::QueueData;

/**
 * struct Operations - the callbacks of a blk-mq driver T (its struct
 * blk_mq_ops, see kernel/vtable.hpp), the constant ``T::OPS``:
 *
 * - @queue_rq (required): a new request, already started.  The driver
 *   takes @rq (moves from it) to end it or keep it, and returns
 *   BlkStatus::Ok; or leaves @rq alone and returns another BlkStatus
 *   (BlkStatus::Resource: try again later), which gives the request back to
 *   blk-mq;
 * - @queue_rqs: take a plug's batch of requests in one call: each request
 *   of the batch goes to queue_rq(), in order, with @last set on the last
 *   one of its hardware queue, without blk-mq's issue path around each; a
 *   request that queue_rq() gives back is requeued (BlkStatus::Resource) or
 *   ended with its BlkStatus, as blk-mq does.  What null_blk does; it saves
 *   that path's work for every request submitted under a plug (io_uring,
 *   aio, blk_start_plug());
 *
 * and these, which blk-mq calls if given:
 *
 * - @commit_rqs: the last of a batch of requests was queued;
 * - @complete: a request handed to Request::complete() is back, on the
 *   CPU that submitted it;
 * - @poll: a polled queue: end what is done, return how many;
 * - @timeout: a request timed out;
 * - @init_hctx, @exit_hctx: a hardware queue is set up, or taken down.
 *
 * The QueueData is shared by the callbacks: what changes in it is behind
 * locks or atomics.
 */
template <typename T> struct Operations {
	vtable::Callback<BlkStatus (*)(const QD<T> &, HwQueue &,
				       ARef<Request<T>> &&rq, bool last)>
		queue_rq;
	bool queue_rqs = false;
	vtable::Callback<void (*)(const QD<T> &, HwQueue &)> commit_rqs;
	vtable::Callback<void (*)(ARef<Request<T>> rq)> complete;
	vtable::Callback<int (*)(const QD<T> &, HwQueue &)> poll;
	vtable::Callback<TimeoutAction (*)(const QD<T> &, Request<T> &rq)>
		timeout;
	vtable::Callback<Result<void> (*)(const QD<T> &, HwQueue &)> init_hctx;
	vtable::Callback<void (*)(const QD<T> &, HwQueue &)> exit_hctx;
};

/**
 * concept Driver - a blk-mq driver: a type T with
 *
 * - ``QueueData``: the data of one of its disks, given to its callbacks;
 * - optionally ``RequestData``: what each request carries, constructed
 *   when blk-mq allocates the request (RequestData() or
 *   RequestData(const QueueData &)) and destroyed when it frees it;
 * - ``static constexpr Operations<T> OPS``: its callbacks, after them in
 *   the class.
 */
template <typename T>
concept Driver = requires { typename T::QueueData; } &&
		 same_as<remove_cvref_t<decltype(T::OPS)>, Operations<T>>;

namespace detail {

/* The QueueData of a hardware queue's disk (its queuedata). */
template <typename T>
[[gnu::always_inline]] inline const QD<T> &
queue_data(bindings::blk_mq_hw_ctx *hctx)
{
	// SAFETY: GenDiskBuilder::build() set queuedata to the disk's
	// QueueData, which outlives the disk.
	return *static_cast<const QD<T> *>(hctx->queue->queuedata);
}

/* Whether the requests' data needs its constructor or destructor run. */
template <typename T>
inline constexpr bool trivial_request_data =
	__is_trivially_constructible(typename RequestDataOf<T>::type) &&
	is_trivially_destructible_v<typename RequestDataOf<T>::type>;

/*
 * The C callbacks of the blk_mq_ops of T: the only code that reaches
 * Request's raw side (Request befriends this struct).
 */
template <typename T> struct Adapters {
	template <auto F> struct CommitRqs {
		static void call(bindings::blk_mq_hw_ctx *hctx)
		{
			// SAFETY: a live hardware queue of a disk of T.
			F(queue_data<T>(hctx),
			  HwQueue::from_raw_unchecked(hctx));
		}
	};

	template <auto F> struct Complete {
		static void call(bindings::request *rq)
		{
			// SAFETY: blk-mq gives back a request that the driver
			// handed to Request::complete(), with no reference
			// left.
			F(Request<T>::adopt_unchecked(rq));
		}
	};

	template <auto F> struct Poll {
		static int call(bindings::blk_mq_hw_ctx *hctx,
				bindings::io_comp_batch *)
		{
			// SAFETY: a live hardware queue of a disk of T.
			return F(queue_data<T>(hctx),
				 HwQueue::from_raw_unchecked(hctx));
		}
	};

	template <auto F> struct Timeout {
		static bindings::blk_eh_timer_return call(bindings::request *rq)
		{
			// SAFETY: a started request of a disk of T.
			return static_cast<bindings::blk_eh_timer_return>(
				F(*static_cast<const QD<T> *>(rq->q->queuedata),
				  Request<T>::from_raw_unchecked(rq)));
		}
	};

	template <auto F> struct InitHctx {
		static int call(bindings::blk_mq_hw_ctx *hctx, void *,
				unsigned int)
		{
			return from_result([&] {
				// SAFETY: a hardware queue of a disk of T,
				// being set up.
				return F(queue_data<T>(hctx),
					 HwQueue::from_raw_unchecked(hctx));
			});
		}
	};

	template <auto F> struct ExitHctx {
		static void call(bindings::blk_mq_hw_ctx *hctx, unsigned int)
		{
			// SAFETY: a hardware queue of a disk of T, being taken
			// down.
			F(queue_data<T>(hctx),
			  HwQueue::from_raw_unchecked(hctx));
		}
	};

	static bindings::blk_status_t
	queue_rq(bindings::blk_mq_hw_ctx *hctx,
		 const bindings::blk_mq_queue_data *bd)
	{
		constexpr auto driver_queue_rq = T::OPS.queue_rq.cpp;
		bindings::request *rq = bd->rq;

		// SAFETY: blk-mq gives the driver a new request of its disk; it
		// is started here (as every driver must before working on it),
		// then handed over.
		bindings::blk_mq_start_request(rq);
		ARef<Request<T>> ref = Request<T>::adopt_unchecked(rq);
		BlkStatus st = driver_queue_rq(
			queue_data<T>(hctx), HwQueue::from_raw_unchecked(hctx),
			move(ref), bd->last);

		// What the driver did not take: a request it gives back to
		// blk-mq (not Ok), or one it forgot (Ok: ended with an error,
		// reported).
		if (st != BlkStatus::Ok)
			Request<T>::give_back(move(ref));
		return static_cast<bindings::blk_status_t>(st);
	}

	/*
	 * A plug's batch of requests, all of one disk: what blk-mq's issue path
	 * would do for each, without its per-request work (budget, tag and
	 * dispatch checks, which a disk without a scheduler does not need, as
	 * null_blk's and NVMe's queue_rqs() show).  The batch is left empty.
	 */
	static void queue_rqs(bindings::rq_list *rqs)
	{
		using Commit = CommitRqs<T::OPS.commit_rqs.cpp>;
		bindings::request *rq = rqs->head;
		bool uncommitted = false;

		rqs->head = nullptr;
		rqs->tail = nullptr;
		while (rq) {
			bindings::request *next = rq->rq_next;
			bindings::blk_mq_hw_ctx *hctx = rq->mq_hctx;
			bindings::blk_mq_queue_data bd = {};

			bd.rq = rq;
			bd.last = !next || next->mq_hctx != hctx;
			auto st = static_cast<BlkStatus>(queue_rq(hctx, &bd));

			if (st == BlkStatus::Ok) {
				uncommitted = !bd.last;
			} else {
				// The requests queued before this one were told
				// more would follow.
				if constexpr (T::OPS.commit_rqs.given)
					if (bd.last && uncommitted)
						Commit::call(hctx);
				if (bd.last)
					uncommitted = false;
				if (st == BlkStatus::Resource)
					// SAFETY: started, and given back to
					// blk-mq by queue_rq(): blk-mq tries
					// it again.
					bindings::blk_mq_requeue_request(rq,
									 true);
				else
					// SAFETY: as above; blk-mq ends it so
					// too.
					bindings::blk_mq_end_request(
						rq, static_cast<u8>(st));
			}
			rq = next;
		}
	}

	static int init_request(bindings::blk_mq_tag_set *set,
				bindings::request *rq, unsigned int, int)
	{
		using D = typename RequestDataOf<T>::type;
		// SAFETY: blk-mq allocated the PDU with the size TagSet gave
		// it, uninitialised.
		void *slot = &Request<T>::pdu(rq)->data;

		if constexpr (is_constructible_v<D, const QD<T> &>)
			// SAFETY: driver_data is the TagSet<T> (its
			// constructor).
			new (slot) D(static_cast<TagSet<T> *>(set->driver_data)
					     ->queue_data());
		else
			new (slot) D();
		return 0;
	}

	static void exit_request(bindings::blk_mq_tag_set *,
				 bindings::request *rq, unsigned int)
	{
		using D = typename RequestDataOf<T>::type;

		Request<T>::pdu(rq)->data.~D();
	}
};

/* The blk_mq_ops of T: only the callbacks T gives. */
template <Driver T> constexpr bindings::blk_mq_ops make_ops()
{
	using Ops = Operations<T>;
	using A = Adapters<T>;
	bindings::blk_mq_ops ops = {};

	static_assert(vtable::given<T::OPS, &Ops::queue_rq>(),
		      "mq::Operations: .queue_rq is required");
	ops.queue_rq = A::queue_rq;
	if (T::OPS.queue_rqs)
		ops.queue_rqs = A::queue_rqs;
	vtable::set<T::OPS, &Ops::commit_rqs, A::template CommitRqs>(
		ops.commit_rqs);
	vtable::set<T::OPS, &Ops::complete, A::template Complete>(ops.complete);
	vtable::set<T::OPS, &Ops::poll, A::template Poll>(ops.poll);
	vtable::set<T::OPS, &Ops::timeout, A::template Timeout>(ops.timeout);
	vtable::set<T::OPS, &Ops::init_hctx, A::template InitHctx>(
		ops.init_hctx);
	vtable::set<T::OPS, &Ops::exit_hctx, A::template ExitHctx>(
		ops.exit_hctx);
	if constexpr (!trivial_request_data<T>) {
		ops.init_request = A::init_request;
		ops.exit_request = A::exit_request;
	}
	return ops;
}

template <Driver T> inline constexpr bindings::blk_mq_ops ops = make_ops<T>();

} // namespace detail

} // namespace kernel::block::mq

#endif /* CPP_KERNEL_BLOCK_MQ_OPERATIONS_HPP */
