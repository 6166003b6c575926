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
 *		static Status queue_rq(const QueueData &q, HwQueue &hctx,
 *				       ARef<Request<NullOps>> &&rq, bool last)
 *		{
 *			Request<NullOps>::end_ok(move(rq));
 *			return Status::Ok;
 *		}
 *
 *		static constexpr Operations<NullOps> OPS = {
 *			.queue_rq = queue_rq,
 *		};
 *	};
 *
 * C header: include/linux/blk-mq.h, include/linux/blkdev.h
 */
#ifndef CPP_KERNEL_BLOCK_MQ_HPP
#define CPP_KERNEL_BLOCK_MQ_HPP

#include <new>

#include <bindings/bindings.hpp>
#include <kernel/error.hpp>
#include <kernel/fmt.hpp>
#include <kernel/init.hpp>
#include <kernel/list.hpp>
#include <kernel/module.hpp>
#include <kernel/str.hpp>
#include <kernel/type_traits.hpp>
#include <kernel/types.hpp>
#include <kernel/vtable.hpp>

namespace kernel::block::mq {

/* A sector is 512 bytes, whatever the block size. */
inline constexpr u32 SECTOR_SHIFT = bindings::SECTOR_SHIFT;

/*
 * The largest logical block size the block layer takes: 64 KiB with
 * CONFIG_TRANSPARENT_HUGEPAGE, a page without (BLK_MAX_BLOCK_SIZE).
 */
inline constexpr u32 MAX_BLOCK_SIZE = bindings::BLK_MAX_BLOCK_SIZE;

/* The outcome of a request (blk_status_t). */
enum class Status : u8 {
	Ok = bindings::BLK_STS_OK,
	NotSupp = bindings::BLK_STS_NOTSUPP,
	Timeout = bindings::BLK_STS_TIMEOUT,
	NoSpc = bindings::BLK_STS_NOSPC,
	Resource = bindings::BLK_STS_RESOURCE,
	IoErr = bindings::BLK_STS_IOERR,
};

/* What a request asks for (enum req_op). */
enum class Op : u32 {
	Read = bindings::REQ_OP_READ,
	Write = bindings::REQ_OP_WRITE,
	Flush = bindings::REQ_OP_FLUSH,
	Discard = bindings::REQ_OP_DISCARD,
	SecureErase = bindings::REQ_OP_SECURE_ERASE,
	WriteZeroes = bindings::REQ_OP_WRITE_ZEROES,
};

/* What the timeout handler tells blk-mq (enum blk_eh_timer_return). */
enum class TimeoutAction : unsigned int {
	/* The driver has ended or completed the request. */
	Done = bindings::BLK_EH_DONE,
	/* Give it another timeout period. */
	ResetTimer = bindings::BLK_EH_RESET_TIMER,
};

/**
 * class Segment - a contiguous piece of a request's memory, within one
 * page: what the driver reads for a write, and fills for a read.
 */
class Segment {
public:
	u32 len() const
	{
		return bv_.bv_len;
	}

	/*
	 * map() - calls @f(u8 *data) with the segment's len() bytes mapped
	 * at @data, for the duration of the call (kmap_local_page()).
	 */
	template <typename F> void map(F &&f) const
	{
		// SAFETY: the bio_vec is a segment of a live request, within
		// one page (Request::next_segment()); unmapped below, in the
		// same context.
		u8 *addr = static_cast<u8 *>(
			bindings::kmap_local_page(bv_.bv_page));

		f(addr + bv_.bv_offset);
		if constexpr (!bindings::KUNMAP_LOCAL_IS_NOP)
			// SAFETY: mapped above.
			bindings::kunmap_local(addr);
	}

private:
	template <typename T> friend class Request;

	explicit Segment(const bindings::bio_vec &bv) : bv_(bv)
	{
	}

	bindings::bio_vec bv_;
};

/**
 * class HwQueue - a hardware queue of a disk (struct blk_mq_hw_ctx), as
 * blk-mq gives it to the callbacks; never built by C++.
 */
class HwQueue {
public:
	HwQueue() = delete;
	HwQueue(const HwQueue &) = delete;
	HwQueue &operator=(const HwQueue &) = delete;

	/* Safety: @hctx is a live hardware queue. */
	static HwQueue &from_raw(bindings::blk_mq_hw_ctx *hctx)
	{
		// SAFETY: a HwQueue is a blk_mq_hw_ctx in an Opaque.
		return *reinterpret_cast<HwQueue *>(hctx);
	}

	/* index() - its number, from 0, among the queues of its disk. */
	[[gnu::always_inline]] u32 index() const
	{
		return hctx_.get()->queue_num;
	}

	/* is_poll() - whether it is a polled queue (HCTX_TYPE_POLL). */
	[[gnu::always_inline]] bool is_poll() const
	{
		return hctx_.get()->type == bindings::HCTX_TYPE_POLL;
	}

private:
	Opaque<bindings::blk_mq_hw_ctx> hctx_;
};

template <typename T> class Request;
template <typename T> class TagSet;

namespace detail {

/* A driver's per-request data, or none. */
template <typename T> struct RequestDataOf {
	struct type {};
};
template <typename T>
concept HasRequestData = requires { typename T::RequestData; };

template <HasRequestData T> struct RequestDataOf<T> {
	using type = typename T::RequestData;
};

/*
 * What a C++ driver's requests carry after struct request (the PDU): the
 * number of ARefs to the request, and the driver's data.
 */
template <typename T> struct Pdu {
	u32 refcount;
	typename RequestDataOf<T>::type data;
};

} // namespace detail

/**
 * class Request - a request of a disk of the driver @T (struct request),
 * with @T's RequestData; never built by C++.
 *
 * blk-mq gives a driver a request as an ARef<Request<T>>: a reference
 * that the driver owns, and may copy (each copy a reference) and keep
 * while it works on the request.  The request is ended once, with
 * end(), end_ok() or complete(), which consume the only reference: the
 * request then goes back to blk-mq.  Ending it while other references
 * exist is a bug (reported, and the request is ended when the last
 * reference goes, with an I/O error); so is dropping the last
 * reference without ending it (reported, and the request ended with an
 * I/O error), where C would leave the request hanging until its timeout.
 *
 * Holding one reference costs no atomic operation: the count is stored
 * when blk-mq hands the request over, and checked with a plain load when
 * it is ended.
 *
 * Invariants: rq_ is a request of a disk of a C++ driver @T, started,
 * which blk-mq gave the driver and the driver has not ended.
 */
template <typename T> class Request {
public:
	Request() = delete;
	Request(const Request &) = delete;
	Request &operator=(const Request &) = delete;

	bindings::request *as_raw() const
	{
		return rq_.get();
	}

	/* sector() - where it starts, in 512-byte sectors. */
	[[gnu::always_inline]] u64 sector() const
	{
		return as_raw()->__sector;
	}

	/* bytes() - how many bytes it reads or writes. */
	[[gnu::always_inline]] u32 bytes() const
	{
		return as_raw()->__data_len;
	}

	/* sectors() - bytes() in 512-byte sectors. */
	[[gnu::always_inline]] u32 sectors() const
	{
		return bytes() >> SECTOR_SHIFT;
	}

	/* op() - what it asks for (req_op()). */
	[[gnu::always_inline]] Op op() const
	{
		return static_cast<Op>(as_raw()->cmd_flags &
				       bindings::REQ_OP_MASK);
	}

	/* tag() - its tag, unique among the requests of its queue. */
	[[gnu::always_inline]] int tag() const
	{
		return as_raw()->tag;
	}

	/*
	 * data() - the driver's data in the request.  Shared by all the
	 * references: the driver orders its accesses (a request is
	 * worked on by one context at a time).
	 */
	[[gnu::always_inline]] auto &data() const
	{
		return pdu(as_raw())->data;
	}

	/*
	 * from_data() - the request whose data @d is.
	 *
	 * Safety: @d is the RequestData of a request that the caller owns a
	 * reference to (or that blk-mq gave the caller's callback).
	 */
	template <typename D> static Request &from_data(D &d)
	{
		static_assert(
			same_as<D, typename detail::RequestDataOf<T>::type>);
		// SAFETY: @d is in the PDU of a request, and the PDU follows
		// the struct request (blk_mq_rq_from_pdu()).
		auto *p = reinterpret_cast<detail::Pdu<T> *>(
			reinterpret_cast<char *>(&d) -
			__builtin_offsetof(detail::Pdu<T>, data));

		// SAFETY: as above.
		return from_raw(reinterpret_cast<bindings::request *>(p) - 1);
	}

	/*
	 * from_data_owned() - takes back the reference to the request
	 * whose data @d is, which its owner gave up with into_raw() (to
	 * end the request later, from a timer or an interrupt).
	 *
	 * Safety: the caller owns that reference.
	 */
	template <typename D, typename Self = Request>
	static ARef<Self> from_data_owned(D &d)
	{
		return ARef<Self>::from_raw(&from_data(d));
	}

	/*
	 * for_each_segment() - calls @f(Segment) for each segment of the
	 * request's memory, in order (rq_for_each_segment()).
	 */
	template <typename F> void for_each_segment(F &&f) const
	{
		// A discard or zeroing request has no memory (its bios have
		// no bvecs, bio_no_advance_iter()).
		if (op() == Op::Discard || op() == Op::SecureErase ||
		    op() == Op::WriteZeroes)
			return;
		// SAFETY: a live request (invariant): its bios are the
		// driver's to read until it ends the request.
		for (const bindings::bio *bio = as_raw()->bio; bio;
		     bio = bio->bi_next) {
			bindings::bvec_iter iter = bio->bi_iter;

			while (iter.bi_size)
				f(Segment(next_segment(*bio, iter)));
		}
	}

	/* end() - ends the request @rq with @status (blk_mq_end_request()). */
	template <typename Self = Request>
	static void end(ARef<Self> rq, Status status)
	{
		if (Request *r = take_unique(move(rq)))
			// SAFETY: started and ours (invariant), and the
			// only reference is gone.
			bindings::blk_mq_end_request(r->as_raw(),
						     static_cast<u8>(status));
	}

	/* end_ok() - ends the request @rq successfully. */
	template <typename Self = Request> static void end_ok(ARef<Self> rq)
	{
		end(move(rq), Status::Ok);
	}

	/*
	 * complete() - hands @rq back to blk-mq to be completed on the CPU
	 * that submitted it (blk_mq_complete_request()), which then calls
	 * the driver's complete().
	 */
	template <typename Self = Request> static void complete(ARef<Self> rq)
	{
		if (Request *r = take_unique(move(rq)))
			// SAFETY: as in end().
			bindings::blk_mq_complete_request(r->as_raw());
	}

	/* For ARef: a reference more, a reference less. */
	void inc_ref() const
	{
		__atomic_fetch_add(&pdu(as_raw())->refcount, 1,
				   __ATOMIC_RELAXED);
	}

	static void dec_ref(Request *r)
	{
		if (__atomic_sub_fetch(&pdu(r->as_raw())->refcount, 1,
				       __ATOMIC_ACQ_REL))
			return;
		// SAFETY: the last reference to a started request went
		// without ending it: report it and end it, so that it does
		// not hang.
		bindings::blk_mq_warn_unended(r->as_raw());
		// SAFETY: started and no longer referenced.
		bindings::blk_mq_end_request(r->as_raw(),
					     bindings::BLK_STS_IOERR);
	}

	/*
	 * give_back() - drops the only reference @rq without ending the
	 * request, which blk-mq takes back (queue_rq() returned an error).
	 */
	template <typename Self = Request> static void give_back(ARef<Self> rq)
	{
		if (Request *r = rq.into_raw())
			__atomic_store_n(&pdu(r->as_raw())->refcount, 0,
					 __ATOMIC_RELAXED);
	}

	/*
	 * Safety: @rq is a started request of a disk of @T, with no
	 * references yet.  The adapters of Operations use it.
	 */
	template <typename Self = Request>
	[[gnu::always_inline]] static ARef<Self> adopt(bindings::request *rq)
	{
		__atomic_store_n(&pdu(rq)->refcount, 1, __ATOMIC_RELAXED);
		return ARef<Self>::from_raw(&from_raw(rq));
	}

	/* Safety: @rq is a request of a disk of @T. */
	static Request &from_raw(bindings::request *rq)
	{
		// SAFETY: a Request is a struct request in an Opaque.
		return *reinterpret_cast<Request *>(rq);
	}

	[[gnu::always_inline]] static detail::Pdu<T> *pdu(bindings::request *rq)
	{
		// SAFETY: the PDU of a request of a C++ driver is a Pdu<T>,
		// right after the struct request (blk_mq_rq_to_pdu()); the
		// TagSet asked blk-mq for its size.
		return reinterpret_cast<detail::Pdu<T> *>(rq + 1);
	}

private:
	/*
	 * next_segment() - the segment of @bio at @iter, within one page,
	 * and @iter advanced past it: bio_for_each_segment()'s step, that
	 * is bio_iter_iovec() and bio_advance_iter_single(), inline in C
	 * (include/linux/bvec.h, bio.h) and here.  @iter has bytes left.
	 */
	[[gnu::always_inline]] static bindings::bio_vec
	next_segment(const bindings::bio &bio, bindings::bvec_iter &iter)
	{
		constexpr u32 page_size = bindings::PAGE_SIZE;
		// SAFETY: @iter is within @bio, which moves data (checked by
		// for_each_segment()): bi_idx is one of its bvecs.
		const bindings::bio_vec &bv = bio.bi_io_vec[iter.bi_idx];
		u32 off = bv.bv_offset + iter.bi_offset;
		u32 len = bv.bv_len - iter.bi_offset;

		if (len > iter.bi_size)
			len = iter.bi_size;
		if (len > page_size - off % page_size)
			len = page_size - off % page_size;
		// A multi-page bvec's pages are consecutive struct pages.
		bindings::bio_vec seg = { .bv_page =
						  bv.bv_page + off / page_size,
					  .bv_len = len,
					  .bv_offset = off % page_size };

		iter.bi_sector += len >> SECTOR_SHIFT;
		iter.bi_size -= len;
		iter.bi_offset += len;
		if (iter.bi_offset == bv.bv_len) {
			iter.bi_offset = 0;
			iter.bi_idx++;
		}
		return seg;
	}

	/*
	 * The request of @rq, if @rq is its only reference: the reference
	 * is then gone.  Otherwise the bug is reported, @rq dropped, and
	 * null returned.
	 */
	template <typename Self = Request>
	[[gnu::always_inline]] static Request *take_unique(ARef<Self> rq)
	{
		Request *r = rq.into_raw();
		u32 *count = &pdu(r->as_raw())->refcount;

		if (__atomic_load_n(count, __ATOMIC_RELAXED) == 1) {
			__atomic_store_n(count, 0, __ATOMIC_RELAXED);
			return r;
		}
		// SAFETY: a request ended while other references exist: it
		// is ended when the last goes.
		bindings::blk_mq_warn_unended(r->as_raw());
		dec_ref(r);
		return nullptr;
	}

	Opaque<bindings::request> rq_;
};

/**
 * class RequestList - a queue of requests of the driver @T, which holds
 * a reference to each (through rq->queuelist, as C drivers do).
 *
 * It has no lock: a driver puts one around it.  The destructor drops
 * what is left (and dropping a started request's last reference ends it
 * with an error: see Request).
 *
 * Invariants: list_ links the queuelist of requests whose references
 * the list owns.
 */
template <typename T> class RequestList {
public:
	RequestList()
	{
		rawlist::init(&list_);
	}

	RequestList(const RequestList &) = delete;
	RequestList &operator=(const RequestList &) = delete;

	~RequestList()
	{
		while (!empty())
			pop_front();
	}

	bool empty() const
	{
		return rawlist::empty(&list_);
	}

	/* push_back() - appends @rq, with its reference. */
	void push_back(ARef<Request<T>> rq)
	{
		rawlist::add_tail(&rq.into_raw()->as_raw()->queuelist, &list_);
	}

	/* pop_front() - the first request; the list must not be empty. */
	ARef<Request<T>> pop_front()
	{
		bindings::list_head *e = list_.next;

		rawlist::unlink(e);
		rawlist::init(e);
		// SAFETY: @e is the queuelist of a request whose reference
		// the list owned (invariant).
		auto *rq = reinterpret_cast<bindings::request *>(
			reinterpret_cast<char *>(e) -
			__builtin_offsetof(bindings::request, queuelist));
		return ARef<Request<T>>::from_raw(&Request<T>::from_raw(rq));
	}

	/* take_all() - moves all of @other to the end of this list. */
	void take_all(RequestList &other)
	{
		rawlist::splice_tail_init(&other.list_, &list_);
	}

private:
	bindings::list_head list_;
};

template <typename T> using QD = typename T::QueueData;

/**
 * struct Operations - the callbacks of a blk-mq driver T (its struct
 * blk_mq_ops, see kernel/vtable.hpp), the constant ``T::OPS``:
 *
 * - @queue_rq (required): a new request, already started.  The driver
 *   takes @rq (moves from it) to end it or keep it, and returns
 *   Status::Ok; or leaves @rq alone and returns another Status
 *   (Status::Resource: try again later), which gives the request back to
 *   blk-mq;
 * - @queue_rqs: take a plug's batch of requests in one call: each request
 *   of the batch goes to queue_rq(), in order, with @last set on the last
 *   one of its hardware queue, without blk-mq's issue path around each; a
 *   request that queue_rq() gives back is requeued (Status::Resource) or
 *   ended with its Status, as blk-mq does.  What null_blk does; it saves
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
	vtable::Callback<Status (*)(const QD<T> &, HwQueue &,
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

template <typename T>
bindings::blk_status_t queue_rq(bindings::blk_mq_hw_ctx *hctx,
				const bindings::blk_mq_queue_data *bd)
{
	constexpr auto driver_queue_rq = T::OPS.queue_rq.cpp;
	bindings::request *rq = bd->rq;

	// SAFETY: blk-mq gives the driver a new request of its disk; it is
	// started here (as every driver must before working on it), then
	// handed over.
	bindings::blk_mq_start_request(rq);
	ARef<Request<T>> ref = Request<T>::adopt(rq);
	Status st =
		driver_queue_rq(queue_data<T>(hctx), HwQueue::from_raw(hctx),
				move(ref), bd->last);

	// What the driver did not take: a request it gives back to blk-mq
	// (not Ok), or one it forgot (Ok: ended with an error, reported).
	if (st != Status::Ok)
		Request<T>::give_back(move(ref));
	return static_cast<bindings::blk_status_t>(st);
}

template <typename T> struct Adapters {
	template <auto F> struct CommitRqs {
		static void call(bindings::blk_mq_hw_ctx *hctx)
		{
			// SAFETY: a live hardware queue of a disk of T.
			F(queue_data<T>(hctx), HwQueue::from_raw(hctx));
		}
	};

	template <auto F> struct Complete {
		static void call(bindings::request *rq)
		{
			// SAFETY: blk-mq gives back a request that the driver
			// handed to Request::complete(), with no reference
			// left.
			F(Request<T>::adopt(rq));
		}
	};

	template <auto F> struct Poll {
		static int call(bindings::blk_mq_hw_ctx *hctx,
				bindings::io_comp_batch *)
		{
			// SAFETY: a live hardware queue of a disk of T.
			return F(queue_data<T>(hctx), HwQueue::from_raw(hctx));
		}
	};

	template <auto F> struct Timeout {
		static bindings::blk_eh_timer_return call(bindings::request *rq)
		{
			// SAFETY: a started request of a disk of T.
			return static_cast<bindings::blk_eh_timer_return>(
				F(*static_cast<const QD<T> *>(rq->q->queuedata),
				  Request<T>::from_raw(rq)));
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
					 HwQueue::from_raw(hctx));
			});
		}
	};

	template <auto F> struct ExitHctx {
		static void call(bindings::blk_mq_hw_ctx *hctx, unsigned int)
		{
			// SAFETY: a hardware queue of a disk of T, being taken
			// down.
			F(queue_data<T>(hctx), HwQueue::from_raw(hctx));
		}
	};
};

/*
 * A plug's batch of requests, all of one disk: what blk-mq's issue path
 * would do for each, without its per-request work (budget, tag and
 * dispatch checks, which a disk without a scheduler does not need, as
 * null_blk's and NVMe's queue_rqs() show).  The batch is left empty.
 */
template <typename T> void queue_rqs(bindings::rq_list *rqs)
{
	using CommitRqs =
		typename Adapters<T>::template CommitRqs<T::OPS.commit_rqs.cpp>;
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
		auto st = static_cast<Status>(queue_rq<T>(hctx, &bd));

		if (st == Status::Ok) {
			uncommitted = !bd.last;
		} else {
			// The requests queued before this one were told more
			// would follow.
			if constexpr (T::OPS.commit_rqs.given)
				if (bd.last && uncommitted)
					CommitRqs::call(hctx);
			if (bd.last)
				uncommitted = false;
			if (st == Status::Resource)
				// SAFETY: started, and given back to blk-mq
				// by queue_rq<T>(): blk-mq tries it again.
				bindings::blk_mq_requeue_request(rq, true);
			else
				// SAFETY: as above; blk-mq ends it so too.
				bindings::blk_mq_end_request(
					rq, static_cast<u8>(st));
		}
		rq = next;
	}
}

/* Whether the requests' data needs its constructor or destructor run. */
template <typename T>
inline constexpr bool trivial_request_data =
	__is_trivially_constructible(typename RequestDataOf<T>::type) &&
	is_trivially_destructible_v<typename RequestDataOf<T>::type>;

template <typename T>
int init_request(bindings::blk_mq_tag_set *set, bindings::request *rq,
		 unsigned int, int)
{
	using D = typename RequestDataOf<T>::type;
	// SAFETY: blk-mq allocated the PDU with the size TagSet gave it,
	// uninitialised.
	void *slot = &Request<T>::pdu(rq)->data;

	if constexpr (is_constructible_v<D, const QD<T> &>)
		// SAFETY: driver_data is the TagSet<T> (its constructor).
		new (slot) D(static_cast<TagSet<T> *>(set->driver_data)
				     ->queue_data());
	else
		new (slot) D();
	return 0;
}

template <typename T>
void exit_request(bindings::blk_mq_tag_set *, bindings::request *rq,
		  unsigned int)
{
	using D = typename RequestDataOf<T>::type;

	Request<T>::pdu(rq)->data.~D();
}

/* The blk_mq_ops of T: only the callbacks T gives. */
template <Driver T> constexpr bindings::blk_mq_ops make_ops()
{
	using Ops = Operations<T>;
	using A = Adapters<T>;
	bindings::blk_mq_ops ops = {};

	static_assert(vtable::given<T::OPS, &Ops::queue_rq>(),
		      "mq::Operations: .queue_rq is required");
	ops.queue_rq = queue_rq<T>;
	if (T::OPS.queue_rqs)
		ops.queue_rqs = queue_rqs<T>;
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
		ops.init_request = init_request<T>;
		ops.exit_request = exit_request<T>;
	}
	return ops;
}

template <Driver T> inline constexpr bindings::blk_mq_ops ops = make_ops<T>();

} // namespace detail

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
template <typename T> class TagSet {
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

	TagSet(const TagSet &) = delete;
	TagSet &operator=(const TagSet &) = delete;

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

/**
 * class GenDisk - a disk of the driver @T (struct gendisk), added to the
 * system by GenDiskBuilder::build(), removed and freed by the destructor.
 *
 * Invariants: disk_ is null (moved from) or a disk that was added.
 */
template <Driver T> class GenDisk {
public:
	/* No disk (yet): what a driver's object holds before build(). */
	GenDisk() : disk_(nullptr)
	{
	}

	GenDisk(GenDisk &&other) : disk_(exchange(other.disk_, nullptr))
	{
	}

	GenDisk &operator=(GenDisk &&other)
	{
		swap(disk_, other.disk_);
		return *this;
	}

	GenDisk(const GenDisk &) = delete;
	GenDisk &operator=(const GenDisk &) = delete;

	~GenDisk()
	{
		if (!disk_)
			return;
		// SAFETY: added by build() (invariant): removed, then our
		// reference dropped.
		bindings::del_gendisk(disk_);
		// SAFETY: as above.
		bindings::put_disk(disk_);
	}

	/* name() - its name, as in /dev and /sys/block. */
	CStr name() const
	{
		return CStr::from_char_ptr(disk_->disk_name);
	}

private:
	friend class GenDiskBuilder;

	explicit GenDisk(bindings::gendisk *disk) : disk_(disk)
	{
	}

	bindings::gendisk *disk_;
};

/**
 * class GenDiskBuilder - the properties of a new disk, and build(),
 * which makes and adds it.
 *
 *	GenDisk<T> disk = TRY(GenDiskBuilder()
 *				      .capacity_sectors(size >> SECTOR_SHIFT)
 *				      .logical_block_size(4096)
 *				      .build(KFMT("cppnullb{}", i), module,
 *					     tag_set, queue_data));
 */
class GenDiskBuilder {
public:
	GenDiskBuilder()
	{
		__builtin_memset(&lim_, 0, sizeof(lim_));
		lim_.logical_block_size = 512;
		lim_.physical_block_size = 512;
	}

	/* capacity_sectors() - its size, in 512-byte sectors. */
	GenDiskBuilder &capacity_sectors(u64 n)
	{
		capacity_ = n;
		return *this;
	}

	/* logical_block_size() - a power of 2 from 512 to PAGE_SIZE. */
	GenDiskBuilder &logical_block_size(u32 n)
	{
		lim_.logical_block_size = n;
		return *this;
	}

	GenDiskBuilder &physical_block_size(u32 n)
	{
		lim_.physical_block_size = n;
		return *this;
	}

	/* max_hw_sectors() - the largest request, in sectors (0: default). */
	GenDiskBuilder &max_hw_sectors(u32 n)
	{
		lim_.max_hw_sectors = n;
		return *this;
	}

	/* max_discard_sectors() - >0: the driver takes discards. */
	GenDiskBuilder &max_discard_sectors(u32 n)
	{
		lim_.max_hw_discard_sectors = n;
		return *this;
	}

	/* rotational() - whether the disk is a spinning one. */
	GenDiskBuilder &rotational(bool on)
	{
		feature(bindings::BLK_FEAT_ROTATIONAL, on);
		return *this;
	}

	/*
	 * write_cache() - whether it has a volatile write cache: blk-mq
	 * then sends the driver flushes, and with @fua, FUA writes.
	 */
	GenDiskBuilder &write_cache(bool on, bool fua)
	{
		feature(bindings::BLK_FEAT_WRITE_CACHE, on);
		feature(bindings::BLK_FEAT_FUA, on && fua);
		return *this;
	}

	/*
	 * build() - makes the disk of @tag_set, named @name, with the
	 * QueueData @data (which must outlive the disk), and adds it to
	 * the system: from here on, I/O arrives.
	 */
	template <Driver T, typename F>
	Result<GenDisk<T>> build(const fmt::Arguments<F> &name,
				 ThisModule module, TagSet<T> &tag_set,
				 const typename T::QueueData &data)
	{
		static constinit bindings::lock_class_key key{};
		// SAFETY: the tag set is allocated; the limits are ours;
		// queuedata is only read, as a QueueData, by the adapters.
		bindings::gendisk *disk =
			TRY(from_err_ptr(bindings::__blk_mq_alloc_disk(
				tag_set.as_raw(), &lim_,
				const_cast<typename T::QueueData *>(&data),
				&key)));
		// SAFETY: the disk was allocated above and not added.
		ScopeGuard put([&] { bindings::put_disk(disk); });
		BufferWriter w(disk->disk_name, sizeof(disk->disk_name));

		TRY(w.write(name));
		fops_for(module, disk);
		// SAFETY: not added yet: no one else uses the disk.
		bindings::set_capacity(disk, capacity_);
		// SAFETY: a disk made above, with its name and fops.
		TRY(to_result(
			bindings::device_add_disk(nullptr, disk, nullptr)));
		put.dismiss();
		return GenDisk<T>(disk);
	}

private:
	void feature(unsigned int f, bool on)
	{
		if (on)
			lim_.features |= f;
		else
			lim_.features &= ~f;
	}

	/*
	 * The block_device_operations of a C++ disk: none, but the owner,
	 * so that an open disk holds its module.
	 */
	static void fops_for(ThisModule module, bindings::gendisk *disk)
	{
		static constinit bindings::block_device_operations fops{};

		fops.owner = module.as_raw();
		disk->fops = &fops;
	}

	bindings::queue_limits lim_;
	u64 capacity_ = 0;
};

} // namespace kernel::block::mq

#endif /* CPP_KERNEL_BLOCK_MQ_HPP */
