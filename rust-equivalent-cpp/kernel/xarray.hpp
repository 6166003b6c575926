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
 * class XArray - index -> @P, an owning pointer (KBox<T>, Arc<T>): what is
 * stored is owned by the array until it is removed, and freed with it.
 *
 * The XArray's own lock makes each call atomic; a caller that looks an
 * element up and then uses it must keep others from removing it meanwhile
 * (a lock of its own around both, as the C++ null_blk does).
 *
 *	XArray<KBox<Page>> pages;
 *	TRY(pages.store(idx, move(page), GFP_NOWAIT));
 *	if (Page *p = pages.get(idx))
 *		...
 *
 * Invariants: every entry of xa_ came from P::into_foreign().
 */
template <ForeignOwnable P> class XArray {
public:
	using Target = remove_reference_t<decltype(P::borrow(nullptr))>;

	XArray()
	{
		// SAFETY: xa_ is ours and not yet in use.
		bindings::xa_init_flags(xa_.get(), 0);
	}

	XArray(const XArray &) = delete;
	XArray &operator=(const XArray &) = delete;

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
			P::from_foreign(entry);
		// SAFETY: xa_ is initialised; its entries are gone above.
		bindings::xa_destroy(xa_.get());
	}

	/* get() - the element at @index, or null. */
	Target *get(unsigned long index) const
	{
		// SAFETY: xa_ is initialised.
		void *entry = bindings::xa_load(xa_.get(), index);

		return entry ? &P::borrow(entry) : nullptr;
	}

	/*
	 * store() - puts @value at @index, freeing what was there;
	 * @flags are those of the array's internal nodes.  On failure
	 * @value is freed.
	 */
	[[nodiscard]] Result<void> store(unsigned long index, P value,
					 alloc::Flags flags)
	{
		void *ptr = move(value).into_foreign();
		// SAFETY: xa_ is initialised; @ptr came from into_foreign().
		void *old =
			bindings::xa_store(xa_.get(), index, ptr, flags.raw());
		// SAFETY: @old is what xa_store() returned.
		int err = bindings::xa_err(old);

		if (err) {
			P::from_foreign(ptr);
			return Error::from_errno(err);
		}
		if (old)
			P::from_foreign(old);
		return {};
	}

	/* remove() - frees the element at @index, if there is one. */
	void remove(unsigned long index)
	{
		// SAFETY: xa_ is initialised.
		void *old = bindings::xa_erase(xa_.get(), index);

		if (old)
			P::from_foreign(old);
	}

private:
	Opaque<bindings::xarray> xa_;
};

} // namespace kernel

#endif /* CPP_KERNEL_XARRAY_HPP */
