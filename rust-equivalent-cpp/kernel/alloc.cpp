// SPDX-License-Identifier: GPL-2.0
/*
 * The allocators of kernel/alloc.hpp.
 */

#include <kernel/alloc.hpp>
#include <kernel/alloc/kvec.hpp>
#include <kernel/print.hpp>

namespace kernel::alloc {

namespace {

constexpr bool is_power_of_two(size_t n)
{
	return n && !(n & (n - 1));
}

/*
 * The size to ask kmalloc() for, so that the result is aligned to @align:
 * kmalloc() aligns to ARCH_KMALLOC_MINALIGN, and power-of-two sizes to
 * their size (Documentation/core-api/memory-allocation.rst).
 */
Result<size_t> kmalloc_size(size_t size, size_t align)
{
	size_t n = 1;

	if (!is_power_of_two(align))
		return code::EINVAL;
	if (align <= bindings::ARCH_KMALLOC_MINALIGN)
		return size;
	if (size < align)
		size = align;
	while (n < size) {
		if (__builtin_mul_overflow(n, 2, &n))
			return code::ENOMEM;
	}
	return n;
}

Result<void> check_page_align(size_t align)
{
	if (!is_power_of_two(align) || align > bindings::PAGE_SIZE)
		return code::EINVAL;
	return {};
}

} // namespace

Result<void *> Kmalloc::realloc(void *ptr, size_t, size_t size, size_t align,
				Flags flags)
{
	const size_t n = TRY(kmalloc_size(size, align));
	// SAFETY: @ptr is null or an allocation of this allocator, which
	// krealloc() resizes or leaves alone on failure.
	void *p = bindings::krealloc(ptr, n, flags.raw());

	if (!p)
		return code::ENOMEM;
	return p;
}

void Kmalloc::free(void *ptr)
{
	// SAFETY: @ptr is null or an allocation of this allocator.
	bindings::kfree(ptr);
}

Result<void *> Vmalloc::realloc(void *ptr, size_t old_size, size_t size,
				size_t align, Flags flags)
{
	TRY(check_page_align(align));
	// SAFETY: vmalloc() memory is page aligned, which check_page_align()
	// found enough.
	void *p = bindings::__vmalloc(size, flags.raw());

	if (!p)
		return code::ENOMEM;
	if (ptr) {
		// SAFETY: @ptr holds @old_size bytes, @p @size bytes, and they
		// are distinct allocations.
		__builtin_memcpy(p, ptr, old_size < size ? old_size : size);
		// SAFETY: @ptr is an allocation of this allocator; its
		// contents live on in @p.
		bindings::vfree(ptr);
	}
	return p;
}

void Vmalloc::free(void *ptr)
{
	// SAFETY: @ptr is null or an allocation of this allocator.
	bindings::vfree(ptr);
}

Result<void *> KVmalloc::realloc(void *ptr, size_t, size_t size, size_t align,
				 Flags flags)
{
	TRY(check_page_align(align));
	const size_t n = TRY(kmalloc_size(size, align));
	// SAFETY: @ptr is null or an allocation of this allocator, which
	// kvrealloc() resizes or leaves alone on failure. A vmalloc()
	// fallback is page aligned.
	void *p = bindings::kvrealloc(ptr, n, flags.raw());

	if (!p)
		return code::ENOMEM;
	return p;
}

void KVmalloc::free(void *ptr)
{
	// SAFETY: @ptr is null or an allocation of this allocator.
	bindings::kvfree(ptr);
}

void detail::index_out_of_bounds(size_t index, size_t len)
{
	pr_emerg("index {} out of bounds of a vector of length {}\n", index,
		 len);
	// SAFETY: the caller's index is wrong: like an out-of-bounds index in
	// Rust, there is no element to return to it.
	bindings::BUG();
}

} // namespace kernel::alloc
