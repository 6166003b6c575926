/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory allocation: GFP flags and the allocators behind KBox and KVec.
 *
 * Every allocation names its GFP flags and can fail: there is no global
 * operator new, and nothing here has an infallible variant.
 *
 * C header: include/linux/gfp_types.h, include/linux/slab.h,
 * include/linux/vmalloc.h
 */
#ifndef CPP_KERNEL_ALLOC_HPP
#define CPP_KERNEL_ALLOC_HPP

#include <bindings/bindings.hpp>
#include <kernel/error.hpp>
#include <kernel/types.hpp>

namespace kernel::alloc {

/**
 * class Flags - the GFP flags of an allocation (gfp_t).
 *
 * Examples::
 *
 *	auto b = TRY(KBox<Foo>::make(GFP_KERNEL | __GFP_ZERO));
 */
class Flags {
public:
	constexpr explicit Flags(unsigned int gfp) : gfp_(gfp)
	{
	}

	/** raw() - the gfp_t, for C. */
	constexpr unsigned int raw() const
	{
		return gfp_;
	}

	constexpr Flags operator|(Flags other) const
	{
		return Flags(gfp_ | other.gfp_);
	}

	constexpr Flags operator&(Flags other) const
	{
		return Flags(gfp_ & other.gfp_);
	}

	constexpr Flags operator~() const
	{
		return Flags(~gfp_);
	}

	/** contains() - whether all of @other is set. */
	constexpr bool contains(Flags other) const
	{
		return (gfp_ & other.gfp_) == other.gfp_;
	}

	friend constexpr bool operator==(Flags, Flags) = default;

private:
	unsigned int gfp_;
};

/* The GFP flags of include/linux/gfp_types.h that C++ code uses. */
namespace flags {
inline constexpr Flags GFP_KERNEL{ bindings::GFP_KERNEL };
inline constexpr Flags GFP_ATOMIC{ bindings::GFP_ATOMIC };
inline constexpr Flags GFP_NOWAIT{ bindings::GFP_NOWAIT };
inline constexpr Flags GFP_NOIO{ bindings::GFP_NOIO };
inline constexpr Flags __GFP_ZERO{ bindings::__GFP_ZERO };
inline constexpr Flags __GFP_NOWARN{ bindings::__GFP_NOWARN };
inline constexpr Flags __GFP_NORETRY{ bindings::__GFP_NORETRY };
} // namespace flags

/**
 * struct Kmalloc - memory from the slab allocator (kmalloc(), kfree()).
 *
 * Physically contiguous; for objects up to a few pages.
 *
 * Every allocator has these two functions:
 *
 * - ``realloc(ptr, old_size, size, align, flags)`` allocates @size bytes
 *   aligned to @align (a power of two) when @ptr is null, or resizes the
 *   allocation @ptr of @old_size bytes to @size, keeping its contents up to
 *   the smaller size. It returns ENOMEM on failure, leaving @ptr as it was.
 *   @size must not be 0.
 * - ``free(ptr)`` frees an allocation of this allocator, or does nothing
 *   if @ptr is null.
 */
struct Kmalloc {
	static Result<void *> realloc(void *ptr, size_t old_size, size_t size,
				      size_t align, Flags flags);
	static void free(void *ptr);
};

/**
 * struct Vmalloc - memory from vmalloc(): virtually contiguous, page
 * aligned, for large buffers. Alignments above PAGE_SIZE are refused
 * (EINVAL).
 */
struct Vmalloc {
	static Result<void *> realloc(void *ptr, size_t old_size, size_t size,
				      size_t align, Flags flags);
	static void free(void *ptr);
};

/**
 * struct KVmalloc - kvmalloc(): the slab allocator, falling back to
 * vmalloc() for large sizes. Alignments above PAGE_SIZE are refused
 * (EINVAL).
 */
struct KVmalloc {
	static Result<void *> realloc(void *ptr, size_t old_size, size_t size,
				      size_t align, Flags flags);
	static void free(void *ptr);
};

/* Whether A is an allocator of this file. */
template <typename A>
concept Allocator = requires(void *p, size_t n, Flags f) {
	{ A::realloc(p, n, n, n, f) } -> same_as<Result<void *>>;
	A::free(p);
};

} // namespace kernel::alloc

namespace kernel {
using alloc::Flags;
using namespace alloc::flags;
} // namespace kernel

#endif /* CPP_KERNEL_ALLOC_HPP */
