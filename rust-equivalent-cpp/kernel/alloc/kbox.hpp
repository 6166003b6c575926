/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Box<T, A>: a T on the heap of allocator A, owned; KBox, VBox, KVBox.
 *
 * C header: include/linux/slab.h, include/linux/vmalloc.h
 */
#ifndef CPP_KERNEL_ALLOC_KBOX_HPP
#define CPP_KERNEL_ALLOC_KBOX_HPP

#include <new>

#include <kernel/alloc.hpp>
#include <kernel/init.hpp>
#include <kernel/utility.hpp>

namespace kernel::alloc {

/**
 * class Box - a T allocated with allocator A, which the Box owns.
 *
 * Built in place by make(), so T need not be movable (a lock, an object C
 * points to). Moving a Box moves the pointer; the moved-from Box is empty
 * and may only be destroyed or assigned. Destroying a Box destroys T and
 * frees the memory.
 *
 * Invariants: ptr_ is null or points to a live T in memory from A that
 * this Box owns.
 *
 * Examples::
 *
 *	Result<void> f()
 *	{
 *		KBox<Foo> foo = TRY(KBox<Foo>::make(GFP_KERNEL, 1, 2));
 *
 *		foo->bar();
 *		return {};
 *	}				// ~Foo(), then kfree()
 */
template <typename T, Allocator A> class Box {
public:
	/** make() - allocates with @flags and builds a T from @args. */
	template <typename... Args>
		requires is_constructible_v<T, Args &&...>
	[[nodiscard]] static Result<Box> make(Flags flags, Args &&...args)
	{
		void *mem = TRY(
			A::realloc(nullptr, 0, sizeof(T), alignof(T), flags));

		return Box(new (mem) T(forward<Args>(args)...));
	}

	/**
	 * try_make() - allocates with @flags and builds a T with its
	 * fallible constructor, T(init::Status &, @args...); if that fails,
	 * frees the memory and returns the error (kernel/init.hpp).
	 */
	template <typename... Args>
		requires init::FallibleConstructible<T, Args...>
	[[nodiscard]] static Result<Box> try_make(Flags flags, Args &&...args)
	{
		void *mem = TRY(
			A::realloc(nullptr, 0, sizeof(T), alignof(T), flags));
		// SAFETY: @mem is fresh memory of T's size and alignment.
		Result<T *> obj =
			init::emplace_unchecked<T>(mem, forward<Args>(args)...);

		if (obj.is_err()) {
			A::free(mem);
			return obj.error();
		}
		return Box(obj.value());
	}

	/**
	 * from_raw_unchecked() - takes ownership of @ptr.
	 *
	 * Safety: @ptr is null or points to a live T in memory from A, from
	 * into_raw() of a Box<T, A>, that nothing else owns.
	 */
	static Box from_raw_unchecked(T *ptr)
	{
		return Box(ptr);
	}

	/* An empty Box, as one moved from. */
	constexpr Box() : ptr_(nullptr)
	{
	}

	Box(Box &&other) : ptr_(exchange(other.ptr_, nullptr))
	{
	}

	Box &operator=(Box &&other)
	{
		if (this != &other) {
			reset();
			ptr_ = exchange(other.ptr_, nullptr);
		}
		return *this;
	}

	Box(const Box &) = delete;
	Box &operator=(const Box &) = delete;

	~Box()
	{
		reset();
	}

	/**
	 * into_raw() - gives up ownership: the caller gets the pointer and
	 * must give it back to from_raw_unchecked() some day.
	 */
	[[nodiscard]] T *into_raw()
	{
		return exchange(ptr_, nullptr);
	}

	T *get() const
	{
		return ptr_;
	}

	T &operator*() const
	{
		return *ptr_;
	}

	T *operator->() const
	{
		return ptr_;
	}

	/*
	 * into_foreign(), from_foreign_unchecked(), borrow_unchecked(): the ownership of the T
	 * given to C as a void * and taken back (ForeignOwnable).
	 */
	[[nodiscard]] void *into_foreign() &&
	{
		return into_raw();
	}

	static Box from_foreign_unchecked(void *ptr)
	{
		// SAFETY: @ptr came from into_foreign() (ForeignOwnable).
		return Box(static_cast<T *>(ptr));
	}

	static T &borrow_unchecked(void *ptr)
	{
		// SAFETY: as above, and ownership is still with C.
		return *static_cast<T *>(ptr);
	}

	/** is_empty() - whether this Box was moved from. */
	bool is_empty() const
	{
		return !ptr_;
	}

private:
	explicit Box(T *ptr) : ptr_(ptr)
	{
	}

	void reset()
	{
		if (ptr_) {
			ptr_->~T();
			A::free(ptr_);
			ptr_ = nullptr;
		}
	}

	T *ptr_;
};

} // namespace kernel::alloc

namespace kernel {
/* A Box of kmalloc() memory. */
template <typename T> using KBox = alloc::Box<T, alloc::Kmalloc>;
/* A Box of vmalloc() memory. */
template <typename T> using VBox = alloc::Box<T, alloc::Vmalloc>;
/* A Box of kvmalloc() memory. */
template <typename T> using KVBox = alloc::Box<T, alloc::KVmalloc>;
} // namespace kernel

#endif /* CPP_KERNEL_ALLOC_KBOX_HPP */
