/* SPDX-License-Identifier: GPL-2.0 */
/*
 * blk-mq requests: Request, a request of a C++ driver with the driver's
 * per-request data, refcounted through ARef; Segment, a piece of its
 * memory; BlkStatus, its outcome; Op, what it asks for.
 *
 * C header: include/linux/blk-mq.h
 */
#ifndef CPP_KERNEL_BLOCK_MQ_REQUEST_HPP
#define CPP_KERNEL_BLOCK_MQ_REQUEST_HPP

#include <bindings/bindings.hpp>
#include <kernel/error.hpp>
#include <kernel/hrtimer.hpp>
#include <kernel/sync/atomic.hpp>
#include <kernel/type_traits.hpp>
#include <kernel/types.hpp>

namespace kernel::block::mq {

/* A sector is 512 bytes, whatever the block size. */
inline constexpr u32 SECTOR_SHIFT = bindings::SECTOR_SHIFT;

/*
 * The largest logical block size the block layer takes: 64 KiB with
 * CONFIG_TRANSPARENT_HUGEPAGE, a page without (BLK_MAX_BLOCK_SIZE).
 */
inline constexpr u32 MAX_BLOCK_SIZE = bindings::BLK_MAX_BLOCK_SIZE;

/* The outcome of a request (blk_status_t). */
enum class BlkStatus : u8 {
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

template <typename T> class Request;
template <typename T> class RequestList;
template <typename T> class TagSet;

namespace detail {
template <typename T> struct Adapters;

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
	sync::Atomic<u32> refcount;
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
 * Invariants: the struct request is a request of a disk of a C++
 * driver @T, started, which blk-mq gave the driver and the driver has
 * not ended.
 */
template <typename T>
class Request : private Wraps<Request<T>, bindings::request> {
	using Base = Wraps<Request<T>, bindings::request>;
	using Base::from_raw_unchecked;

public:
	using Base::as_raw;

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
	 * from_data_unchecked() - the request whose data @d is.
	 *
	 * Safety: @d is the RequestData of a request that the caller owns a
	 * reference to (or that blk-mq gave the caller's callback).
	 */
	template <typename D> static Request &from_data_unchecked(D &d)
	{
		static_assert(
			same_as<D, typename detail::RequestDataOf<T>::type>);
		// SAFETY: @d is in the PDU of a request, and the PDU follows
		// the struct request (blk_mq_rq_from_pdu()).
		detail::Pdu<T> *p =
			container_of_unchecked<&detail::Pdu<T>::data>(&d);

		// SAFETY: as above.
		return from_raw_unchecked(
			reinterpret_cast<bindings::request *>(p) - 1);
	}

	/*
	 * from_data_owned_unchecked() - takes back the reference to the
	 * request whose data @d is, which its owner gave up with
	 * into_raw() (to end the request later, from a timer or an
	 * interrupt).
	 *
	 * Safety: the caller owns that reference.
	 */
	template <typename D, typename Self = Request>
	static ARef<Self> from_data_owned_unchecked(D &d)
	{
		// SAFETY: the caller's reference, to the request of @d.
		return ARef<Self>::from_raw_unchecked(&from_data_unchecked(d));
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

	/*
	 * start_timer() - arms the HrTimer at member @M of the request's
	 * data to expire in @ns nanoseconds, and gives it the reference
	 * @rq: the timer's callback, timer_callback<M, F>, gets it back.
	 *
	 *	struct RequestData {
	 *		HrTimer timer{ Request::timer_callback<
	 *			&RequestData::timer, &expired>() };
	 *
	 *		static void expired(ARef<Request> rq);
	 *	};
	 *
	 *	Request::start_timer<&RequestData::timer>(move(rq), ns);
	 */
	template <auto M, typename Self = Request>
	static void start_timer(ARef<Self> rq, u64 ns)
	{
		Request *r = rq.into_raw();

		(r->data().*M).start(ns);
	}

	/*
	 * timer_callback() - the callback of the HrTimer at member @M of
	 * the request's data: @F, a void (*)(ARef<Request>), gets the
	 * request, with the reference that start_timer() gave the timer.
	 */
	template <auto M, auto F>
	static constexpr hrtimer::Callback timer_callback()
	{
		return hrtimer::callback<M, &timer_expired<M, F>>;
	}

	/* end() - ends the request @rq with @status (blk_mq_end_request()). */
	template <typename Self = Request>
	static void end(ARef<Self> rq, BlkStatus status)
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
		end(move(rq), BlkStatus::Ok);
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
		pdu(as_raw())->refcount.fetch_add(1, sync::Ordering::Relaxed);
	}

	/* Safety: the caller owns a reference to @r, and gives it up. */
	static void dec_ref_unchecked(Request *r)
	{
		detail::Pdu<T> *p = pdu(r->as_raw());

		if (p->refcount.fetch_sub(1, sync::Ordering::AcqRel) != 1)
			return;
		// SAFETY: the last reference to a started request went
		// without ending it: report it and end it, so that it does
		// not hang.
		bindings::cpp_blk_mq_report_unended(r->as_raw());
		// SAFETY: started and no longer referenced.
		bindings::blk_mq_end_request(r->as_raw(),
					     bindings::BLK_STS_IOERR);
	}

private:
	// The data's type comes from @M: RequestDataOf<T> must not be
	// instantiated before T is complete (timer_callback() is used in T).
	template <auto M, auto F>
	static void timer_expired(member_class_t<M> &d)
	{
		// SAFETY: start_timer() gave the timer the reference.
		F(from_data_owned_unchecked(d));
	}

	// The adapters of Operations and RequestList reach the raw side.
	template <typename> friend struct detail::Adapters;
	template <typename> friend class RequestList;

	/*
	 * give_back() - drops the only reference @rq without ending the
	 * request, which blk-mq takes back (queue_rq() returned an error).
	 */
	template <typename Self = Request> static void give_back(ARef<Self> rq)
	{
		if (Request *r = rq.into_raw())
			pdu(r->as_raw())
				->refcount.store(0, sync::Ordering::Relaxed);
	}

	/*
	 * Safety: @rq is a started request of a disk of @T, with no
	 * references yet.  The adapters of Operations use it.
	 */
	template <typename Self = Request>
	[[gnu::always_inline]] static ARef<Self>
	adopt_unchecked(bindings::request *rq)
	{
		pdu(rq)->refcount.store(1, sync::Ordering::Relaxed);
		// SAFETY: the first reference, to a request of a disk of @T.
		return ARef<Self>::from_raw_unchecked(&from_raw_unchecked(rq));
	}

	[[gnu::always_inline]] static detail::Pdu<T> *pdu(bindings::request *rq)
	{
		// SAFETY: the PDU of a request of a C++ driver is a Pdu<T>,
		// right after the struct request (blk_mq_rq_to_pdu()); the
		// TagSet asked blk-mq for its size.
		return reinterpret_cast<detail::Pdu<T> *>(rq + 1);
	}

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
		sync::Atomic<u32> &count = pdu(r->as_raw())->refcount;

		if (count.load(sync::Ordering::Relaxed) == 1) {
			count.store(0, sync::Ordering::Relaxed);
			return r;
		}
		// SAFETY: a request ended while other references exist: it
		// is ended when the last goes.
		bindings::cpp_blk_mq_report_unended(r->as_raw());
		// SAFETY: the reference of @rq, given up by into_raw().
		dec_ref_unchecked(r);
		return nullptr;
	}
};

} // namespace kernel::block::mq

#endif /* CPP_KERNEL_BLOCK_MQ_REQUEST_HPP */
