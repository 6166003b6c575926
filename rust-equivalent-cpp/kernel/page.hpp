/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page: one page of memory (alloc_pages() and __free_pages()), read and
 * written through a temporary mapping (kmap_local_page()), never past its
 * end.
 *
 * C header: include/linux/gfp.h, include/linux/highmem.h, include/linux/mm.h
 */
#ifndef CPP_KERNEL_PAGE_HPP
#define CPP_KERNEL_PAGE_HPP

#include <bindings/bindings.hpp>
#include <kernel/alloc.hpp>
#include <kernel/error.hpp>
#include <kernel/types.hpp>
#include <kernel/uaccess.hpp>
#include <kernel/utility.hpp>

namespace kernel {

inline constexpr size_t PAGE_SIZE = bindings::PAGE_SIZE;

/**
 * class Page - a page (struct page, order 0), reached through a reference
 * or owned through an Owned<Page>, which frees it.
 *
 * The ranges are checked: an offset and length that do not fit in the
 * page give EINVAL and touch nothing.  An Owned<Page> is ForeignOwnable
 * without an allocation of its own: an array of them (XArray) holds the
 * struct page pointers themselves.
 *
 *	Owned<Page> p = TRY(Page::alloc(GFP_KERNEL | __GFP_ZERO));
 *	TRY(p->write(buf, 0, len));
 *
 * Invariants: a Page is a struct page that whoever holds the reference
 * may read and write (its owner, or the one the owner lent it to).
 */
class Page : public Wraps<Page, bindings::page> {
public:
	/* alloc() - a page, allocated with @flags. */
	[[nodiscard]] static Result<Owned<Page>> alloc(alloc::Flags flags)
	{
		// SAFETY: order 0; the page is ours if not null.
		bindings::page *p = bindings::alloc_pages(flags.raw(), 0);

		if (!p)
			return code::ENOMEM;
		// SAFETY: the page was allocated above and nothing else has
		// it.
		return Owned<Page>::from_raw_unchecked(&from_raw_unchecked(p));
	}

	/* Ownable: the owner frees the page. */
	static void release(Page *page)
	{
		// SAFETY: the caller owns the page (Owned's invariant).
		bindings::__free_pages(page->as_raw(), 0);
	}

	/* read() - copies @len bytes at @offset to @dst. */
	Result<void> read(void *dst, size_t offset, size_t len) const
	{
		TRY(check(offset, len));
		with_mapped([&](u8 *addr) {
			__builtin_memcpy(dst, addr + offset, len);
		});
		return {};
	}

	/* write() - copies @len bytes from @src to @offset. */
	Result<void> write(const void *src, size_t offset, size_t len)
	{
		TRY(check(offset, len));
		with_mapped([&](u8 *addr) {
			__builtin_memcpy(addr + offset, src, len);
		});
		return {};
	}

	/* fill_zero() - zeroes @len bytes at @offset. */
	Result<void> fill_zero(size_t offset, size_t len)
	{
		TRY(check(offset, len));
		with_mapped([&](u8 *addr) {
			__builtin_memset(addr + offset, 0, len);
		});
		return {};
	}

	/*
	 * copy_from_user_slice() - reads @len bytes of @reader into the page
	 * at @offset.
	 */
	Result<void> copy_from_user_slice(UserSliceReader &reader,
					  size_t offset, size_t len)
	{
		TRY(check(offset, len));
		Result<void> r;
		with_mapped([&](u8 *addr) {
			r = reader.read_raw(addr + offset, len);
		});
		return r;
	}

private:
	[[gnu::always_inline]] static Result<void> check(size_t offset,
							 size_t len)
	{
		if (offset > PAGE_SIZE || len > PAGE_SIZE - offset)
			return code::EINVAL;
		return {};
	}

	template <typename F> void with_mapped(F &&f) const
	{
		// SAFETY: the page is ours to use (invariant); the mapping is
		// undone below, in the same context.
		u8 *addr =
			static_cast<u8 *>(bindings::kmap_local_page(as_raw()));

		f(addr);
		if constexpr (!bindings::KUNMAP_LOCAL_IS_NOP)
			// SAFETY: mapped above.
			bindings::kunmap_local(addr);
	}
};

static_assert(alignof(Page) == alignof(bindings::page));
static_assert(Ownable<Page> && ForeignOwnable<Owned<Page>>);

/*
 * The system's memory, in pages: all of it (totalram_pages()), and what
 * new allocations can have without swapping (si_mem_available(): the
 * free pages above the reserves, and the part of the page cache and of
 * the reclaimable slabs that reclaim would free).  A driver that holds
 * memory for its users (a RAM disk) stops short of taking the last of it.
 */
inline size_t total_ram_pages()
{
	// SAFETY: reads a counter.
	return bindings::totalram_pages();
}

inline size_t available_pages()
{
	// SAFETY: reads counters.
	long n = bindings::si_mem_available();

	return n > 0 ? n : 0;
}

} // namespace kernel

#endif /* CPP_KERNEL_PAGE_HPP */
