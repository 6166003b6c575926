/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Vec<T, A>: a growable array of T in memory of allocator A; KVec, VVec,
 * KVVec.
 *
 * C header: include/linux/slab.h, include/linux/vmalloc.h
 */
#ifndef CPP_KERNEL_ALLOC_KVEC_HPP
#define CPP_KERNEL_ALLOC_KVEC_HPP

#include <new>

#include <kernel/alloc.hpp>
#include <kernel/utility.hpp>

namespace kernel::alloc {

namespace detail {
// Reports an index out of bounds, and BUG()s.
[[noreturn]] void index_out_of_bounds(size_t index, size_t len);
} // namespace detail

/**
 * class Vec - a growable array of T, in memory of allocator A.
 *
 * Every growth names its GFP flags and returns a Result: on failure the
 * vector is unchanged and the value not taken. operator[] checks the index
 * (an index out of bounds is a bug: it BUG()s, like Rust's indexing);
 * get() returns null instead.
 *
 * Invariants: ptr_ holds cap_ slots of T from A (or is null when cap_ is
 * 0); the first len_ <= cap_ of them are live.
 *
 * Examples::
 *
 *	KVec<int> v;
 *
 *	TRY(v.push(1, GFP_KERNEL));
 *	TRY(v.push(2, GFP_KERNEL));
 *	for (int x : v)
 *		pr_info("{}\n", x);
 */
template <typename T, Allocator A> class Vec {
public:
	constexpr Vec() = default;

	/** with_capacity() - an empty vector with room for @n elements. */
	[[nodiscard]] static Result<Vec> with_capacity(size_t n, Flags flags)
	{
		Vec v;

		TRY(v.reserve(n, flags));
		return v;
	}

	Vec(Vec &&other)
	    : ptr_(exchange(other.ptr_, nullptr)),
	      len_(exchange(other.len_, 0)), cap_(exchange(other.cap_, 0))
	{
	}

	Vec &operator=(Vec &&other)
	{
		if (this != &other) {
			release();
			ptr_ = exchange(other.ptr_, nullptr);
			len_ = exchange(other.len_, 0);
			cap_ = exchange(other.cap_, 0);
		}
		return *this;
	}

	Vec(const Vec &) = delete;
	Vec &operator=(const Vec &) = delete;

	/*
	 * The destructor leaves the fields as they are (the vector is gone),
	 * and frees only if there is an allocation: the destructor of a
	 * vector moved from then folds away.
	 */
	~Vec()
	{
		if constexpr (!is_trivially_destructible_v<T>)
			clear();
		if (ptr_)
			A::free(ptr_);
	}

	/**
	 * reserve() - makes room for at least @additional more elements.
	 *
	 * Grows to at least twice the capacity, so that pushes take
	 * amortised constant time. ENOMEM if the size overflows or the
	 * allocation fails; the vector is then unchanged.
	 */
	[[nodiscard]] Result<void> reserve(size_t additional, Flags flags)
	{
		size_t want, bytes;

		if (__builtin_add_overflow(len_, additional, &want))
			return code::ENOMEM;
		if (want <= cap_)
			return {};
		if (want < 2 * cap_)
			want = 2 * cap_;
		if (want < 4)
			want = 4;
		if (__builtin_mul_overflow(want, sizeof(T), &bytes))
			return code::ENOMEM;
		return grow(want, bytes, flags);
	}

	/** push() - appends @value, growing with @flags if needed. */
	[[nodiscard]] Result<void> push(T value, Flags flags)
	{
		if (len_ == cap_) [[unlikely]]
			TRY(reserve(1, flags));
		new (&ptr_[len_]) T(move(value));
		len_++;
		return {};
	}

	/**
	 * extend_from() - appends copies of the @n elements at @src, growing
	 * with @flags if needed; all or nothing.
	 */
	[[nodiscard]] Result<void> extend_from(const T *src, size_t n,
					       Flags flags)
		requires is_constructible_v<T, const T &>
	{
		TRY(reserve(n, flags));
		for (size_t i = 0; i < n; i++)
			new (&ptr_[len_ + i]) T(src[i]);
		len_ += n;
		return {};
	}

	/**
	 * resize() - grows to @n elements, copies of @value, or truncates
	 * to @n; all or nothing.
	 */
	[[nodiscard]] Result<void> resize(size_t n, const T &value, Flags flags)
		requires is_constructible_v<T, const T &>
	{
		if (n <= len_) {
			truncate(n);
			return {};
		}
		TRY(reserve(n - len_, flags));
		while (len_ < n)
			new (&ptr_[len_++]) T(value);
		return {};
	}

	/** truncate() - destroys the elements from index @n on. */
	void truncate(size_t n)
	{
		while (len_ > n)
			ptr_[--len_].~T();
	}

	/** clear() - destroys all elements; the capacity stays. */
	void clear()
	{
		truncate(0);
	}

	size_t len() const
	{
		return len_;
	}

	size_t capacity() const
	{
		return cap_;
	}

	bool is_empty() const
	{
		return !len_;
	}

	T *data()
	{
		return ptr_;
	}

	const T *data() const
	{
		return ptr_;
	}

	/** get() - element @i, or null if there is none. */
	T *get(size_t i)
	{
		return i < len_ ? &ptr_[i] : nullptr;
	}

	const T *get(size_t i) const
	{
		return i < len_ ? &ptr_[i] : nullptr;
	}

	T &operator[](size_t i)
	{
		if (i >= len_) [[unlikely]]
			detail::index_out_of_bounds(i, len_);
		return ptr_[i];
	}

	const T &operator[](size_t i) const
	{
		if (i >= len_) [[unlikely]]
			detail::index_out_of_bounds(i, len_);
		return ptr_[i];
	}

	T *begin()
	{
		return ptr_;
	}

	T *end()
	{
		return ptr_ + len_;
	}

	const T *begin() const
	{
		return ptr_;
	}

	const T *end() const
	{
		return ptr_ + len_;
	}

private:
	Result<void> grow(size_t cap, size_t bytes, Flags flags)
	{
		void *mem;

		if constexpr (is_trivially_copyable_v<T>) {
			// The allocator moves the bytes.
			mem = TRY(A::realloc(ptr_, cap_ * sizeof(T), bytes,
					     alignof(T), flags));
		} else {
			T *dst;

			mem = TRY(A::realloc(nullptr, 0, bytes, alignof(T),
					     flags));
			dst = static_cast<T *>(mem);
			for (size_t i = 0; i < len_; i++) {
				new (&dst[i]) T(move(ptr_[i]));
				ptr_[i].~T();
			}
			A::free(ptr_);
		}
		ptr_ = static_cast<T *>(mem);
		cap_ = cap;
		return {};
	}

	void release()
	{
		clear();
		A::free(ptr_);
		ptr_ = nullptr;
		cap_ = 0;
	}

	T *ptr_ = nullptr;
	size_t len_ = 0;
	size_t cap_ = 0;
};

} // namespace kernel::alloc

namespace kernel {
/* A Vec in kmalloc() memory. */
template <typename T> using KVec = alloc::Vec<T, alloc::Kmalloc>;
/* A Vec in vmalloc() memory. */
template <typename T> using VVec = alloc::Vec<T, alloc::Vmalloc>;
/* A Vec in kvmalloc() memory. */
template <typename T> using KVVec = alloc::Vec<T, alloc::KVmalloc>;
} // namespace kernel

#endif /* CPP_KERNEL_ALLOC_KVEC_HPP */
