/* SPDX-License-Identifier: GPL-2.0 */
/*
 * List<T, Id>: an intrusive doubly-linked list (a struct list_head ring)
 * that owns its elements, each a KBox<T> whose T derives from
 * ListLinks<T, Id>; and rawlist, the ring operations of <linux/list.h>
 * on bare list_heads, for the C lists the abstractions use.
 *
 * C header: include/linux/list.h
 */
#ifndef CPP_KERNEL_LIST_HPP
#define CPP_KERNEL_LIST_HPP

#include <bindings/bindings.hpp>
#include <kernel/alloc/kbox.hpp>
#include <kernel/types.hpp>
#include <kernel/utility.hpp>

namespace kernel {

/*
 * The ring operations of <linux/list.h>, which are inline there and so
 * not in the bindings, on bare list_heads: those of List, and of the C
 * lists the abstractions thread through C structures (mq::RequestList
 * through request::queuelist).  No locking.
 */
namespace rawlist {

/* init() - @h is an empty ring (INIT_LIST_HEAD()). */
inline void init(bindings::list_head *h)
{
	h->next = h;
	h->prev = h;
}

/* empty() - whether the ring @h has no entry but itself (list_empty()). */
inline bool empty(const bindings::list_head *h)
{
	return h->next == h;
}

/* insert() - links @e between @prev and @next (__list_add()). */
inline void insert(bindings::list_head *e, bindings::list_head *prev,
		   bindings::list_head *next)
{
	e->prev = prev;
	e->next = next;
	prev->next = e;
	next->prev = e;
}

/* add_tail() - @e goes last on the ring @h (list_add_tail()). */
inline void add_tail(bindings::list_head *e, bindings::list_head *h)
{
	insert(e, h->prev, h);
}

/*
 * unlink() - takes @e off its ring, leaving @e's own links as they were
 * (__list_del_entry()).
 */
inline void unlink(bindings::list_head *e)
{
	e->prev->next = e->next;
	e->next->prev = e->prev;
}

/*
 * splice_tail_init() - moves the entries of the ring @from to the end of
 * the ring @to, and leaves @from empty (list_splice_tail_init()).
 */
inline void splice_tail_init(bindings::list_head *from, bindings::list_head *to)
{
	if (empty(from))
		return;
	bindings::list_head *first = from->next;
	bindings::list_head *last = from->prev;

	first->prev = to->prev;
	to->prev->next = first;
	last->next = to;
	to->prev = last;
	init(from);
}

} // namespace rawlist

template <typename T, int Id = 0> class List;

/**
 * class ListLinks - the links of a T in a List<T, Id>: a base of T (one
 * per list a T can be on, told apart by @Id).  A T is on at most one list
 * per Id: the List owns it.
 */
template <typename T, int Id = 0> class ListLinks : Pinned<ListLinks<T, Id>> {
public:
	ListLinks() = default;

	/* is_linked() - whether the T is on a list. */
	bool is_linked() const
	{
		return links_.next;
	}

private:
	friend class List<T, Id>;

	bindings::list_head links_ = {};
};

/**
 * class List - owns the T on it; destroying the List destroys them.
 *
 *	struct Req : ListLinks<Req> { int tag; };
 *
 *	List<Req> pending;
 *	pending.push_back(TRY(KBox<Req>::make(GFP_KERNEL)));
 *	for (Req &r : pending)
 *		...
 *	KBox<Req> first = pending.pop_front();	// empty if none
 *
 * Not movable: the ring points to the List.  The List does no locking.
 *
 * Invariants: head_ is a ring of the links_ of the T this List owns, each
 * from KBox<T>::into_raw(); an unlinked T has null links.
 */
template <typename T, int Id> class List : Pinned<List<T, Id>> {
	using Links = ListLinks<T, Id>;

public:
	List()
	{
		rawlist::init(&head_);
	}

	~List()
	{
		while (!is_empty())
			pop_front();
	}

	bool is_empty() const
	{
		return rawlist::empty(&head_);
	}

	/*
	 * push_back() - @item goes last; the List owns it.  An empty KBox
	 * adds nothing.
	 */
	void push_back(KBox<T> item)
	{
		if (!item.is_empty())
			insert(item.into_raw(), head_.prev, &head_);
	}

	/* push_front() - @item goes first; as push_back(). */
	void push_front(KBox<T> item)
	{
		if (!item.is_empty())
			insert(item.into_raw(), &head_, head_.next);
	}

	/* pop_front() - the first T, or an empty KBox if there is none. */
	KBox<T> pop_front()
	{
		// SAFETY: the first element is on this List.
		return is_empty() ? KBox<T>()
				  : remove_unchecked(*elem(head_.next));
	}

	/* pop_back() - the last T, or an empty KBox if there is none. */
	KBox<T> pop_back()
	{
		// SAFETY: the last element is on this List.
		return is_empty() ? KBox<T>()
				  : remove_unchecked(*elem(head_.prev));
	}

	/**
	 * remove_unchecked() - takes @item off the List and gives it back.
	 *
	 * Safety: @item is on this List.
	 */
	KBox<T> remove_unchecked(T &item)
	{
		Links &l = item;
		bindings::list_head *e = &l.links_;

		rawlist::unlink(e);
		e->next = e->prev = nullptr;
		// SAFETY: the List owned it, from into_raw().
		return KBox<T>::from_raw_unchecked(&item);
	}

	class Iterator {
	public:
		T &operator*() const
		{
			return *elem(pos_);
		}

		Iterator &operator++()
		{
			pos_ = pos_->next;
			return *this;
		}

		bool operator==(const Iterator &) const = default;

	private:
		friend class List;

		explicit Iterator(bindings::list_head *pos) : pos_(pos)
		{
		}

		bindings::list_head *pos_;
	};

	Iterator begin() const
	{
		return Iterator(head_.next);
	}

	Iterator end() const
	{
		// SAFETY: the head is only compared with, never changed.
		return Iterator(const_cast<bindings::list_head *>(&head_));
	}

private:
	static T *elem(bindings::list_head *pos)
	{
		// SAFETY: @pos is the links_ of a T on this List.
		return static_cast<T *>(
			container_of_unchecked<&Links::links_>(pos));
	}

	static void insert(T *item, bindings::list_head *prev,
			   bindings::list_head *next)
	{
		Links &l = *item;

		rawlist::insert(&l.links_, prev, next);
	}

	bindings::list_head head_;
};

} // namespace kernel

#endif /* CPP_KERNEL_LIST_HPP */
