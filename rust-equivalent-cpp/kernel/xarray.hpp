/* SPDX-License-Identifier: GPL-2.0 */
/*
 * XArray: a sparse array of owning pointers (struct xarray), indexed by
 * unsigned long, which owns what it holds.
 *
 * C header: include/linux/xarray.h
 */
#ifndef CPP_KERNEL_XARRAY_HPP
#define CPP_KERNEL_XARRAY_HPP

#include <bindings/bindings.hpp>
#include <kernel/alloc.hpp>
#include <kernel/error.hpp>
#include <kernel/types.hpp>

namespace kernel {

/**
 * class XArrayNodeFlags - the GFP flags with which an XArray allocates its
 * own nodes: a constant, without __GFP_ZERO.  The nodes come from a cache
 * with a constructor, and slub warns when a new slab of it is asked for
 * zeroed; flags meant for an element (a page to be zeroed, say) passed on
 * to the array are a build error, not that warning under memory pressure.
 */
class XArrayNodeFlags {
public:
	consteval XArrayNodeFlags(alloc::Flags flags) : flags_(flags)
	{
		if (flags.contains(alloc::flags::__GFP_ZERO))
			gfp_zero_in_xarray_node_flags();
	}

	constexpr unsigned int raw() const
	{
		return flags_.raw();
	}

private:
	static void gfp_zero_in_xarray_node_flags();

	alloc::Flags flags_;
};

/**
 * class XArray - index -> @P, an owning pointer (KBox<T>, Arc<T>,
 * Owned<T>): what is stored is owned by the array until it is removed,
 * and freed with it.
 *
 * The XArray's own lock makes each call atomic.  A caller that looks an
 * element up and then uses it holds that lock across both, so that no one
 * removes the element meanwhile: lock() gives a Guard, whose calls are
 * those of the array (the C++ null_blk does so).
 *
 *	XArray<Owned<Page>> pages;
 *	TRY(pages.store(idx, move(page), GFP_KERNEL));
 *	{
 *		auto g = pages.lock();
 *
 *		if (Page *p = g.get(idx))
 *			...
 *	}
 *
 * A Guard's get() walks the nodes under the lock it holds (no RCU read
 * section, as xa_load() takes); a Slot keeps the walk, for an insertion
 * at the index looked up (Guard::Slot).
 *
 * Invariants: every entry of xa_ came from P::into_foreign().
 */
template <ForeignOwnable P> class XArray : Pinned<XArray<P>> {
public:
	// SAFETY: not evaluated: only the type of what P points to.
	using Target =
		remove_reference_t<decltype(P::borrow_unchecked(nullptr))>;
	class Guard;

	XArray()
	{
		// SAFETY: xa_ is ours and not yet in use.
		bindings::xa_init_flags(xa_.get(), 0);
	}

	~XArray()
	{
		unsigned long index = 0;
		void *entry;

		// SAFETY: xa_ is initialised; every entry came from
		// into_foreign() (invariant) and is taken back once.
		for (entry = bindings::xa_find(xa_.get(), &index, ~0UL,
					       bindings::XA_PRESENT);
		     entry;
		     entry = bindings::xa_find_after(xa_.get(), &index, ~0UL,
						     bindings::XA_PRESENT))
			P::from_foreign_unchecked(entry);
		// SAFETY: xa_ is initialised; its entries are gone above.
		bindings::xa_destroy(xa_.get());
	}

	/* get() - the element at @index, or null. */
	Target *get(unsigned long index) const
	{
		// SAFETY: xa_ is initialised.
		void *entry = bindings::xa_load(xa_.get(), index);

		// SAFETY: an entry came from into_foreign() (the invariant).
		return entry ? &P::borrow_unchecked(entry) : nullptr;
	}

	/*
	 * store() - puts @value at @index, freeing what was there;
	 * @flags are those of the array's internal nodes.  On failure
	 * @value is freed.
	 */
	[[nodiscard]] Result<void> store(unsigned long index, P value,
					 XArrayNodeFlags flags)
	{
		void *ptr = move(value).into_foreign();
		// SAFETY: xa_ is initialised; @ptr came from into_foreign().
		void *old =
			bindings::xa_store(xa_.get(), index, ptr, flags.raw());
		// SAFETY: @old is what xa_store() returned.
		int err = bindings::xa_err(old);

		if (err) {
			// SAFETY: not stored: @value is taken back.
			P::from_foreign_unchecked(ptr);
			return Error::from_errno(err);
		}
		// SAFETY: @old was an entry, now out of the array.
		if (old)
			P::from_foreign_unchecked(old);
		return {};
	}

	/* remove() - frees the element at @index, if there is one. */
	void remove(unsigned long index)
	{
		// SAFETY: xa_ is initialised.
		void *old = bindings::xa_erase(xa_.get(), index);

		// SAFETY: @old was an entry, now out of the array.
		if (old)
			P::from_foreign_unchecked(old);
	}

	/* lock() - takes the array's lock (xa_lock()) until the Guard goes. */
	Guard lock()
	{
		return Guard(*this);
	}

private:
	Opaque<bindings::xarray> xa_;
};

/**
 * class XArray::Guard - holds the lock of an XArray, so that the elements
 * it returns stay until it goes or releases the lock: to remove one takes
 * the lock.
 */
template <ForeignOwnable P> class XArray<P>::Guard : Pinned<Guard> {
public:
	~Guard()
	{
		// SAFETY: this Guard holds the lock (taken in the constructor,
		// given back only within do_unlocked()).
		bindings::xa_unlock(xa_.xa_.get());
	}

	class Slot;

	/* get() - the element at @index, or null. */
	[[gnu::always_inline]] Target *get(unsigned long index) const
	{
		// SAFETY: the Slot is used only here, under this Guard.
		return slot_unchecked(index).get();
	}

	/*
	 * slot_unchecked() - the place of @index in the array, found by one
	 * walk: its element, and where to insert one without walking again.
	 *
	 * Safety: the Slot is used while this Guard holds the lock and
	 * before any other change of the array (see Guard::Slot).
	 */
	Slot slot_unchecked(unsigned long index) const
	{
		return Slot(xa_.xa_.get(), index);
	}

	/*
	 * try_insert() - puts @value at @index unless an element is there
	 * (EBUSY); ENOMEM if the array's nodes cannot be allocated with
	 * @flags.  On failure @value is left as it was.  With @flags that
	 * may sleep, the lock is released while nodes are allocated:
	 * elements that get() returned before may be gone after.
	 */
	[[nodiscard]] Result<void> try_insert(unsigned long index, P &&value,
					      XArrayNodeFlags flags)
	{
		void *ptr = move(value).into_foreign();
		// SAFETY: xa_ is initialised and this Guard holds its lock, as
		// __xa_insert() requires; @ptr came from into_foreign().
		int err = bindings::__xa_insert(xa_.xa_.get(), index, ptr,
						flags.raw());

		if (err) {
			// SAFETY: not stored: @ptr is still ours.
			value = P::from_foreign_unchecked(ptr);
			return Error::from_errno(err);
		}
		return {};
	}

	/* remove() - frees the element at @index, if there is one. */
	void remove(unsigned long index)
	{
		// SAFETY: xa_ is initialised and this Guard holds its lock.
		void *old = bindings::__xa_erase(xa_.xa_.get(), index);

		if (old)
			// SAFETY: every entry came from into_foreign()
			// (invariant of XArray); erased, it is taken back once.
			P::from_foreign_unchecked(old);
	}

	/*
	 * remove_some() - frees up to @max elements, the lowest-indexed
	 * first; returns how many it freed.  Emptying a large array a batch
	 * at a time lets the caller release the lock and reschedule.
	 */
	size_t remove_some(size_t max)
	{
		size_t n = 0;

		while (n < max) {
			unsigned long index = 0;
			// SAFETY: xa_ is initialised; xa_find() takes no lock
			// of its own (it reads under RCU).
			void *entry =
				bindings::xa_find(xa_.xa_.get(), &index, ~0UL,
						  bindings::XA_PRESENT);

			if (!entry)
				break;
			remove(index);
			n++;
		}
		return n;
	}

	/*
	 * do_unlocked() - releases the lock, calls @f, and takes the lock
	 * again: elements that get() returned before may be gone after.
	 */
	template <typename F> auto do_unlocked(F &&f)
	{
		struct Relock {
			bindings::xarray *xa;
			~Relock()
			{
				// SAFETY: released below; taken again before
				// the Guard is used.
				bindings::xa_lock(xa);
			}
		} relock{ xa_.xa_.get() };

		// SAFETY: this Guard holds the lock; Relock takes it again.
		bindings::xa_unlock(xa_.xa_.get());
		return f();
	}

private:
	friend class XArray<P>;

	explicit Guard(XArray &xa) : xa_(xa)
	{
		// SAFETY: xa_ is initialised; released by the destructor.
		bindings::xa_lock(xa_.xa_.get());
	}

	XArray &xa_;
};

/**
 * class XArray::Guard::Slot - the place of one index, found by a walk of
 * the array under the lock that a Guard holds: get() gives its element,
 * insert() puts one there without a second walk, as a reader that looks
 * an element up and adds it when missing would do twice otherwise.
 *
 *	auto slot = guard.slot_unchecked(idx);
 *
 *	if (!slot.get())
 *		TRY(slot.insert(move(value)));
 *
 * A Slot points into the array's nodes: it is used while its Guard holds
 * the lock and before any other change of the array (the Guard's calls
 * that change it, do_unlocked(), an insert() through another Slot), which
 * may free those nodes.  The array has no marks and no multi-index
 * entries (XArray does not use them), so that a store is all an insertion
 * needs, as in __xa_insert().
 */
template <ForeignOwnable P> class XArray<P>::Guard::Slot {
public:
	/* get() - the element in the slot, or null. */
	Target *get() const
	{
		// SAFETY: an entry came from into_foreign() (the invariant).
		return entry_ ? &P::borrow_unchecked(entry_) : nullptr;
	}

	/*
	 * insert() - puts @value in the slot if it is empty (EBUSY if not);
	 * ENOMEM if a node of the array could not be allocated, which is
	 * tried without sleeping (GFP_NOWAIT: the lock is held).  On failure
	 * @value is left as it was.
	 */
	[[nodiscard]] Result<void> insert(P &&value)
	{
		if (entry_)
			return code::EBUSY;

		void *ptr = move(value).into_foreign();
		// SAFETY: the lock is held and xas_ was walked under it with no
		// change of the array since (the contract of a Slot); @ptr came
		// from into_foreign().  xas_store() allocates missing nodes
		// with GFP_NOWAIT.
		bindings::xas_store(&xas_, ptr);
		// SAFETY: the bits of the pointer, not what it points to: an
		// error is a node pointer with its low bits 2 (XA_ERROR()).
		if ((reinterpret_cast<unsigned long>(xas_.xa_node) & 3) == 2) {
			// SAFETY: xa_node holds an error, which xa_err() decodes.
			int err = bindings::xa_err(xas_.xa_node);
			// SAFETY: not stored: @ptr is still ours.
			value = P::from_foreign_unchecked(ptr);
			return Error::from_errno(err);
		}
		entry_ = ptr;
		return {};
	}

private:
	friend class Guard;

	[[gnu::always_inline]] Slot(bindings::xarray *xa, unsigned long index)
	    : xas_{}
	{
		xas_.xa = xa;
		xas_.xa_index = index;
		// SAFETY: XAS_RESTART, the state of a walk not yet started.
		xas_.xa_node = reinterpret_cast<bindings::xa_node *>(3UL);
		// SAFETY: xa is initialised and the caller's Guard holds its
		// lock, under which xas_load() walks the nodes.
		entry_ = bindings::xas_load(&xas_);
	}

	bindings::xa_state xas_;
	void *entry_;
};

} // namespace kernel

#endif /* CPP_KERNEL_XARRAY_HPP */
