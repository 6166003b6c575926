/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's integer types in namespace kernel: u8 .. u64, s8 .. s64,
 * size_t and ptrdiff_t, with the sizes C gives them.  And the types that
 * stand between C++ and C objects: Opaque<T>, ARef<T> (with the concept
 * AlwaysRefCounted), Owned<T> (with the concept Ownable), ScopeGuard,
 * and the concept ForeignOwnable.
 *
 * C header: include/linux/types.h, include/uapi/asm-generic/int-ll64.h
 */
#ifndef CPP_KERNEL_TYPES_HPP
#define CPP_KERNEL_TYPES_HPP

#include <cstddef>

#include <kernel/utility.hpp>

namespace kernel {

using u8 = unsigned char;
using u16 = unsigned short;
using u32 = unsigned int;
using u64 = unsigned long long;
using s8 = signed char;
using s16 = short;
using s32 = int;
using s64 = long long;
using size_t = std::size_t;
using ptrdiff_t = std::ptrdiff_t;

static_assert(sizeof(u8) == 1 && sizeof(u16) == 2 && sizeof(u32) == 4 &&
	      sizeof(u64) == 8);
static_assert(sizeof(size_t) == sizeof(void *));

/**
 * class Opaque - room for a C object of type @T that C initialises and
 * uses, and C++ only points to.
 *
 * C++ neither constructs nor reads the T: it hands get() to C functions.
 * A wrapper of a C type holds an Opaque<T> as its only member, so that a
 * pointer to the C object is a pointer to the wrapper (Task, for
 * task_struct).  get() is const: C changes the object whenever it likes.
 */
template <typename T> class Opaque : Pinned<Opaque<T>> {
public:
	constexpr Opaque() = default;

	T *get() const
	{
		// SAFETY: bytes_ is storage for a T, which C owns and uses.
		return reinterpret_cast<T *>(bytes_);
	}

private:
	alignas(T) mutable unsigned char bytes_[sizeof(T)];
};

/**
 * class Wraps - the base of a type @Self that is a C object of type @C,
 * which C makes and C++ only sees (Task is a struct task_struct).  Self
 * holds nothing but the C object, in an Opaque, so that a pointer to one
 * is a pointer to the other: Wraps gives as_raw() and
 * from_raw_unchecked(), which checks that layout.  Self is never built,
 * copied or moved by C++.
 *
 *	class Task : public Wraps<Task, bindings::task_struct> { ... };
 *
 * What a Self may assume of its C object is in its Invariants.
 */
template <typename Self, typename C> class Wraps : Pinned<Self> {
public:
	Wraps() = delete;

	/*
	 * from_raw_unchecked() - the Self at @ptr.
	 *
	 * Safety: @ptr points to a live C that keeps the invariants of Self
	 * while the reference is used.
	 */
	static Self &from_raw_unchecked(C *ptr)
	{
		static_assert(sizeof(Self) == sizeof(C) &&
				      alignof(Self) == alignof(C) &&
				      __is_standard_layout(Self),
			      "a Wraps type holds nothing but its C object");
		// SAFETY: Self is its C object (the layout checked above).
		return *reinterpret_cast<Self *>(ptr);
	}

	/* as_raw() - the C object, for C functions. */
	C *as_raw() const
	{
		return obj_.get();
	}

private:
	Opaque<C> obj_;
};

namespace detail {
template <typename M> struct MemberOf;
template <typename C, typename T> struct MemberOf<T C::*> {
	using Class = C;
	using Type = T;
};
template <typename T> struct OpaqueOf {
	using type = T;
};
template <typename T> struct OpaqueOf<Opaque<T>> {
	using type = T;
};
} // namespace detail

/* The class whose data member @M is, and the member's type. */
template <auto M>
using member_class_t = typename detail::MemberOf<decltype(M)>::Class;
template <auto M>
using member_type_t = typename detail::MemberOf<decltype(M)>::Type;

/**
 * member_offset() - the offset of the data member @M in its class, at
 * compile time (offsetof() on a member pointer).
 */
template <auto M> constexpr size_t member_offset()
{
	// A data member pointer is its offset (the Itanium C++ ABI, which
	// every architecture of the kernel uses for C++).
	static_assert(sizeof(M) == sizeof(ptrdiff_t));
	return static_cast<size_t>(__builtin_bit_cast(ptrdiff_t, M));
}

/**
 * container_of_unchecked() - the object whose member @M @ptr points to:
 * container_of() of include/linux/container_of.h, on a member pointer.
 * For a member that is an Opaque<T>, @ptr may be the T * that C has.
 *
 *	Work *w = container_of_unchecked<&Work::node>(node);
 *
 * Safety: @ptr points to the member @M of a live member_class_t<M>.
 */
template <auto M, typename P>
[[gnu::always_inline]] inline member_class_t<M> *container_of_unchecked(P *ptr)
{
	using Member = remove_cv_t<member_type_t<M>>;
	static_assert(same_as<remove_cv_t<P>, Member> ||
			      same_as<remove_cv_t<P>,
				      typename detail::OpaqueOf<Member>::type>,
		      "container_of_unchecked(): not a pointer to the member");
	// SAFETY: @ptr is the member at member_offset<M>() of the object
	// (the caller's promise); an Opaque<T> starts with its T.
	return reinterpret_cast<member_class_t<M> *>(
		reinterpret_cast<char *>(const_cast<remove_cv_t<P> *>(ptr)) -
		member_offset<M>());
}

/**
 * concept AlwaysRefCounted - a C object whose lifetime a reference count
 * in it decides: inc_ref() takes a reference, dec_ref_unchecked() drops
 * one (and frees the object with the last).
 *
 * Safety (of dec_ref_unchecked()): the caller owns the reference it
 * drops.
 */
template <typename T>
concept AlwaysRefCounted = requires(const T &obj, T *ptr) {
	obj.inc_ref();
	// SAFETY: not evaluated: the concept only names the function.
	T::dec_ref_unchecked(ptr);
};

/**
 * class ARef - one reference to an AlwaysRefCounted object.
 *
 * Copying takes a reference, destruction drops it.  The object is shared:
 * an ARef gives const access.  Moving an ARef moves the reference; the
 * moved-from ARef may only be destroyed or assigned.
 *
 * Invariants: ptr_ is null (moved from) or the ARef owns a reference to
 * *ptr_.
 */
template <AlwaysRefCounted T> class ARef {
public:
	/* ARef() - a new reference to @obj. */
	// SAFETY: the object is shared; C changes it through its own
	// functions, which take non-const pointers.
	explicit ARef(const T &obj) : ptr_(const_cast<T *>(&obj))
	{
		obj.inc_ref();
	}

	/**
	 * from_raw_unchecked() - takes over a reference that the caller
	 * owns, such as the one a C function returned.
	 *
	 * Safety: @ptr points to a live T, and the caller owns one of its
	 * references, which it gives to the ARef.
	 */
	static ARef from_raw_unchecked(T *ptr)
	{
		return ARef(ptr, Adopt{});
	}

	ARef(const ARef &other) : ptr_(other.ptr_)
	{
		ptr_->inc_ref();
	}

	ARef(ARef &&other) : ptr_(exchange(other.ptr_, nullptr))
	{
	}

	ARef &operator=(ARef other)
	{
		swap(ptr_, other.ptr_);
		return *this;
	}

	/* Inline: a moved-from ARef, the common case, costs one test. */
	[[gnu::always_inline]] ~ARef()
	{
		// SAFETY: the reference this ARef owns (invariant).
		if (ptr_)
			T::dec_ref_unchecked(ptr_);
	}

	/* into_raw() - gives the reference up to the caller. */
	[[nodiscard]] T *into_raw()
	{
		return exchange(ptr_, nullptr);
	}

	const T &operator*() const
	{
		return *ptr_;
	}

	const T *operator->() const
	{
		return ptr_;
	}

private:
	struct Adopt {};

	ARef(T *ptr, Adopt) : ptr_(ptr)
	{
	}

	T *ptr_;
};

/**
 * concept Ownable - a C object that has one owner, who frees it with
 * T::release() (a page, for Page).
 */
template <typename T>
concept Ownable = requires(T *ptr) { T::release(ptr); };

/**
 * class Owned - the owner of an Ownable object, which destruction frees.
 *
 * Moving an Owned moves the ownership; the moved-from Owned may only be
 * destroyed or assigned.  An Owned is ForeignOwnable: what C holds is
 * the object itself, with nothing allocated around it.
 *
 * T is Ownable (checked where an Owned is destroyed: a class may name
 * Owned<T> in its own definition, before T is complete).
 *
 * Invariants: ptr_ is null (moved from) or the Owned owns *ptr_.
 */
template <typename T> class Owned {
public:
	/*
	 * from_raw_unchecked() - takes over an object that the caller owns,
	 * such as the one a C function allocated.
	 *
	 * Safety: @ptr points to a live T that the caller owns and gives to
	 * the Owned.
	 */
	static Owned from_raw_unchecked(T *ptr)
	{
		return Owned(ptr);
	}

	Owned(Owned &&other) : ptr_(exchange(other.ptr_, nullptr))
	{
	}

	Owned &operator=(Owned &&other)
	{
		swap(ptr_, other.ptr_);
		return *this;
	}

	Owned(const Owned &) = delete;
	Owned &operator=(const Owned &) = delete;

	~Owned()
	{
		static_assert(Ownable<T>);
		if (ptr_)
			T::release(ptr_);
	}

	T &operator*() const
	{
		return *ptr_;
	}

	T *operator->() const
	{
		return ptr_;
	}

	/* into_foreign(), from_foreign_unchecked(), borrow_unchecked(): ForeignOwnable. */
	[[nodiscard]] void *into_foreign() &&
	{
		return exchange(ptr_, nullptr);
	}

	static Owned from_foreign_unchecked(void *ptr)
	{
		// SAFETY: @ptr came from into_foreign() (ForeignOwnable).
		return Owned(static_cast<T *>(ptr));
	}

	static T &borrow_unchecked(void *ptr)
	{
		// SAFETY: as above, and ownership is still with C.
		return *static_cast<T *>(ptr);
	}

private:
	explicit Owned(T *ptr) : ptr_(ptr)
	{
	}

	T *ptr_;
};

/**
 * class ScopeGuard - calls a function at the end of the scope, unless
 * dismissed: the undo of a step that later steps may still need undone.
 *
 *	ScopeGuard undo([&] { unregister_thing(t); });
 *	TRY(next_step());
 *	undo.dismiss();		// success: keep the thing registered
 */
template <typename F> class [[nodiscard]] ScopeGuard : Pinned<ScopeGuard<F>> {
public:
	explicit ScopeGuard(F f) : f_(move(f))
	{
	}

	~ScopeGuard()
	{
		if (active_)
			f_();
	}

	/* dismiss() - the function will not be called. */
	void dismiss()
	{
		active_ = false;
	}

private:
	F f_;
	bool active_ = true;
};

/**
 * concept ForeignOwnable - an owning pointer (KBox, Arc, Owned) that can
 * give its ownership to C as a void * (a private_data field, an entry of
 * an array) and take it back: into_foreign() gives it up,
 * borrow_unchecked() reaches the object while C owns it, and
 * from_foreign_unchecked() takes the ownership back, once.
 *
 * Safety (of borrow_unchecked() and from_foreign_unchecked()): the
 * pointer came from into_foreign() of the same type, and was not taken
 * back yet; a borrowed object is not used after it is taken back.
 */
template <typename P>
concept ForeignOwnable = requires(P p, void *ptr) {
	{ move(p).into_foreign() } -> same_as<void *>;
	// SAFETY: not evaluated: the concept only names the functions.
	{ P::from_foreign_unchecked(ptr) } -> same_as<P>;
	P::borrow_unchecked(ptr);
};

} // namespace kernel

#endif /* CPP_KERNEL_TYPES_HPP */
