/* SPDX-License-Identifier: GPL-2.0 */
/*
 * List<T, Id>: an intrusive doubly-linked list (a struct list_head ring)
 * that owns its elements, each a KBox<T> whose T derives from
 * ListLinks<T, Id>.
 *
 * C header: include/linux/list.h
 */
#ifndef CPP_KERNEL_LIST_HPP
#define CPP_KERNEL_LIST_HPP

#include <bindings/bindings.hpp>
#include <kernel/alloc/kbox.hpp>
#include <kernel/utility.hpp>

namespace kernel {

template <typename T, int Id = 0> class List;

/**
 * class ListLinks - the links of a T in a List<T, Id>: a base of T (one
 * per list a T can be on, told apart by @Id).  A T is on at most one list
 * per Id: the List owns it.
 */
template <typename T, int Id = 0> class ListLinks {
public:
	ListLinks() = default;
	ListLinks(const ListLinks &) = delete;
	ListLinks &operator=(const ListLinks &) = delete;

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
template <typename T, int Id> class List {
	using Links = ListLinks<T, Id>;

public:
	List()
	{
		head_.next = head_.prev = &head_;
	}

	List(const List &) = delete;
	List &operator=(const List &) = delete;

	~List()
	{
		while (!is_empty())
			pop_front();
	}

	bool is_empty() const
	{
		return head_.next == &head_;
	}

	/* push_back() - @item goes last; the List owns it. */
	void push_back(KBox<T> item)
	{
		insert(item.into_raw(), head_.prev, &head_);
	}

	/* push_front() - @item goes first; the List owns it. */
	void push_front(KBox<T> item)
	{
		insert(item.into_raw(), &head_, head_.next);
	}

	/* pop_front() - the first T, or an empty KBox if there is none. */
	KBox<T> pop_front()
	{
		return is_empty() ? KBox<T>::from_raw(nullptr)
				  : remove(*elem(head_.next));
	}

	/* pop_back() - the last T, or an empty KBox if there is none. */
	KBox<T> pop_back()
	{
		return is_empty() ? KBox<T>::from_raw(nullptr)
				  : remove(*elem(head_.prev));
	}

	/**
	 * remove() - takes @item off the List and gives it back.
	 *
	 * Safety: @item is on this List.
	 */
	KBox<T> remove(T &item)
	{
		Links &l = item;
		bindings::list_head *e = &l.links_;

		e->prev->next = e->next;
		e->next->prev = e->prev;
		e->next = e->prev = nullptr;
		// SAFETY: the List owned it, from into_raw().
		return KBox<T>::from_raw(&item);
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
		// SAFETY: links_ is the only member of ListLinks, a
		// standard-layout base of T: the list_head is the base.
		Links *l = reinterpret_cast<Links *>(pos);

		return static_cast<T *>(l);
	}

	static void insert(T *item, bindings::list_head *prev,
			   bindings::list_head *next)
	{
		Links &l = *item;
		bindings::list_head *e = &l.links_;

		e->prev = prev;
		e->next = next;
		prev->next = e;
		next->prev = e;
	}

	bindings::list_head head_;
};

} // namespace kernel

#endif /* CPP_KERNEL_LIST_HPP */
