/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RequestList, a blk-mq driver's queue of its requests.
 *
 * C header: include/linux/blk-mq.h
 */
#ifndef CPP_KERNEL_BLOCK_MQ_REQUEST_LIST_HPP
#define CPP_KERNEL_BLOCK_MQ_REQUEST_LIST_HPP

#include <bindings/bindings.hpp>
#include <kernel/block/mq/request.hpp>
#include <kernel/list.hpp>
#include <kernel/utility.hpp>

namespace kernel::block::mq {

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
template <typename T> class RequestList : Pinned<RequestList<T>> {
public:
	RequestList()
	{
		rawlist::init(&list_);
	}

	~RequestList()
	{
		while (!is_empty())
			pop_front();
	}

	bool is_empty() const
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
		bindings::request *rq =
			container_of_unchecked<&bindings::request::queuelist>(
				e);
		// SAFETY: as above, a request of a disk of @T.
		return ARef<Request<T>>::from_raw_unchecked(
			&Request<T>::from_raw_unchecked(rq));
	}

	/* take_all() - moves all of @other to the end of this list. */
	void take_all(RequestList &other)
	{
		rawlist::splice_tail_init(&other.list_, &list_);
	}

private:
	bindings::list_head list_;
};

} // namespace kernel::block::mq

#endif /* CPP_KERNEL_BLOCK_MQ_REQUEST_LIST_HPP */
