/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Arc<T>: a T on the kmalloc heap with shared, reference-counted
 * ownership; UniqueArc<T>: the same with one owner, which may change it.
 *
 * The count is a refcount_t, with its saturation on overflow: like a
 * struct kref embedded in the object it counts.
 *
 * C header: include/linux/refcount.h
 */
#ifndef CPP_KERNEL_SYNC_ARC_HPP
#define CPP_KERNEL_SYNC_ARC_HPP

#include <bindings/bindings.hpp>
#include <kernel/alloc/kbox.hpp>
#include <kernel/error.hpp>
#include <kernel/fmt.hpp>
#include <kernel/sync/atomic.hpp>
#include <kernel/utility.hpp>

namespace kernel::sync {

template <typename T> class UniqueArc;

namespace detail {
/* The allocation of an Arc: the count and the value. */
template <typename T> struct ArcInner {
	Refcount refcount{ 1 };
	T data;

	template <typename... Args>
	explicit ArcInner(Args &&...args) : data(forward<Args>(args)...)
	{
	}

	/* With the fallible constructor of T (kernel/init.hpp). */
	template <typename... Args>
	ArcInner(init::Status &st, init::InPlace, Args &&...args)
	    : data(st, forward<Args>(args)...)
	{
	}
};
} // namespace detail

/**
 * class Arc - a T that several owners share; the last one destroys it.
 *
 * Copying an Arc takes a reference, destroying one drops it; the T is
 * built in place by make() (it need not be movable) and is never moved.
 * All owners see the same T, as const: what they change goes through a
 * lock or another type made for sharing (a Mutex<U> in the T), and a
 * UniqueArc changes its T before it is shared.  Moving an Arc moves the
 * reference; the moved-from Arc is empty and may only be destroyed or
 * assigned.
 *
 * Invariants: ptr_ is null or points to a live ArcInner<T> from Kmalloc
 * whose count includes one reference for this Arc.
 *
 * Examples::
 *
 *	Arc<Config> a = TRY(Arc<Config>::make(GFP_KERNEL, 42));
 *	Arc<Config> b = a;		// two references
 *	pr_info("{}\n", b->value);	// 42
 */
template <typename T> class Arc {
	using Inner = detail::ArcInner<T>;

public:
	/** make() - allocates with @flags and builds a T from @args. */
	template <typename... Args>
		requires is_constructible_v<T, Args &&...>
	[[nodiscard]] static Result<Arc> make(alloc::Flags flags,
					      Args &&...args)
	{
		KBox<Inner> inner =
			TRY(KBox<Inner>::make(flags, forward<Args>(args)...));

		return Arc(inner.into_raw());
	}

	/**
	 * try_make() - allocates with @flags and builds a T with its
	 * fallible constructor, T(init::Status &, @args...); on failure,
	 * frees the memory and returns the error (kernel/init.hpp).
	 */
	template <typename... Args>
		requires init::FallibleConstructible<T, Args...>
	[[nodiscard]] static Result<Arc> try_make(alloc::Flags flags,
						  Args &&...args)
	{
		KBox<Inner> inner = TRY(KBox<Inner>::try_make(
			flags, init::in_place_init, forward<Args>(args)...));

		return Arc(inner.into_raw());
	}

	Arc(const Arc &other) : ptr_(other.ptr_)
	{
		// @other holds a reference, so the count is not zero and the
		// memory is live.
		if (ptr_)
			ptr_->refcount.inc();
	}

	Arc(Arc &&other) : ptr_(exchange(other.ptr_, nullptr))
	{
	}

	/* From a UniqueArc: its reference becomes a shared one. */
	Arc(UniqueArc<T> &&unique) : Arc(move(unique.arc_))
	{
	}

	Arc &operator=(Arc other)
	{
		swap(ptr_, other.ptr_);
		return *this;
	}

	~Arc()
	{
		// SAFETY: this Arc's reference is dropped once, here; after
		// the last one, no other Arc points to the memory, which the
		// KBox then owns: it destroys the T and frees it.
		if (ptr_ && ptr_->refcount.dec_and_test()) {
			// SAFETY: as above.
			KBox<Inner> last =
				KBox<Inner>::from_raw_unchecked(ptr_);
		}
	}

	const T &operator*() const
	{
		return ptr_->data;
	}

	const T *operator->() const
	{
		return &ptr_->data;
	}

	/*
	 * into_foreign(), from_foreign_unchecked(), borrow_unchecked(): this reference given to
	 * C as a void * and taken back (ForeignOwnable).
	 */
	[[nodiscard]] void *into_foreign() &&
	{
		return exchange(ptr_, nullptr);
	}

	static Arc from_foreign_unchecked(void *ptr)
	{
		// SAFETY: @ptr came from into_foreign(), with its reference.
		return Arc(static_cast<Inner *>(ptr));
	}

	static const T &borrow_unchecked(void *ptr)
	{
		// SAFETY: as above; C still owns the reference.
		return static_cast<Inner *>(ptr)->data;
	}

	/* ptr_eq() - whether @a and @b share the same T. */
	static bool ptr_eq(const Arc &a, const Arc &b)
	{
		return a.ptr_ == b.ptr_;
	}

private:
	explicit Arc(Inner *ptr) : ptr_(ptr)
	{
	}

	friend class UniqueArc<T>;
	Inner *ptr_;
};

/**
 * class UniqueArc - an Arc with one owner, who may change the T through
 * it; it becomes a shared Arc by conversion (``Arc<T> a = move(u);``).
 *
 * Invariants: arc_ is empty or its reference is the only one.
 */
template <typename T> class UniqueArc {
public:
	/** make() - allocates with @flags and builds a T from @args. */
	template <typename... Args>
		requires is_constructible_v<T, Args &&...>
	[[nodiscard]] static Result<UniqueArc> make(alloc::Flags flags,
						    Args &&...args)
	{
		return UniqueArc(
			TRY(Arc<T>::make(flags, forward<Args>(args)...)));
	}

	UniqueArc(UniqueArc &&) = default;
	UniqueArc &operator=(UniqueArc &&) = default;
	UniqueArc(const UniqueArc &) = delete;
	UniqueArc &operator=(const UniqueArc &) = delete;

	T &operator*() const
	{
		return arc_.ptr_->data;
	}

	T *operator->() const
	{
		return &arc_.ptr_->data;
	}

private:
	explicit UniqueArc(Arc<T> &&arc) : arc_(move(arc))
	{
	}

	friend class Arc<T>;
	Arc<T> arc_;
};

} // namespace kernel::sync

namespace kernel {

using sync::Arc;
using sync::UniqueArc;

/* An Arc or a UniqueArc prints as its T. */
template <typename T> struct fmt::Formatter<Arc<T>> : fmt::Formatter<T> {
	static auto arg(const Arc<T> &a)
	{
		return fmt::Formatter<T>::arg(*a);
	}
};

template <typename T> struct fmt::Formatter<UniqueArc<T>> : fmt::Formatter<T> {
	static auto arg(const UniqueArc<T> &a)
	{
		return fmt::Formatter<T>::arg(*a);
	}
};

} // namespace kernel

#endif /* CPP_KERNEL_SYNC_ARC_HPP */
