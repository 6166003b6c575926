/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User memory: UserPtr, and UserSlice with its reader and writer, which
 * copy to and from user space and never past the length the user gave.
 *
 * C header: include/linux/uaccess.h
 */
#ifndef CPP_KERNEL_UACCESS_HPP
#define CPP_KERNEL_UACCESS_HPP

#include <bindings/bindings.hpp>
#include <kernel/alloc/kvec.hpp>
#include <kernel/error.hpp>
#include <kernel/types.hpp>

namespace kernel::uaccess {

/**
 * class UserPtr - an address in user space: never dereferenced, only
 * handed to the copy functions (a distinct type, so that a kernel pointer
 * cannot be passed for one).
 */
class UserPtr {
public:
	constexpr explicit UserPtr(unsigned long addr) : addr_(addr)
	{
	}

	/* From the `char __user *` of a file operation. */
	// SAFETY: keeps the address as a number; never dereferenced.
	explicit UserPtr(const void *user)
	    : addr_(reinterpret_cast<unsigned long>(user))
	{
	}

	constexpr unsigned long addr() const
	{
		return addr_;
	}

	void *as_raw() const
	{
		// SAFETY: an address for the copy functions, which check it.
		return reinterpret_cast<void *>(addr_);
	}

private:
	unsigned long addr_;
};

/**
 * class UserSliceReader - reads from the start of a user buffer forwards.
 *
 * Invariants: [ptr_, ptr_ + len_) is what is left of the user's buffer.
 */
class UserSliceReader {
public:
	constexpr UserSliceReader(UserPtr ptr, size_t len)
	    : ptr_(ptr), len_(len)
	{
	}

	/* len() - the bytes left to read. */
	size_t len() const
	{
		return len_;
	}

	bool is_empty() const
	{
		return !len_;
	}

	/* skip() - skips @n bytes; EFAULT if fewer are left. */
	Result<void> skip(size_t n)
	{
		if (n > len_)
			return code::EFAULT;
		advance(n);
		return {};
	}

	/**
	 * read_raw() - copies @n bytes to @out; EFAULT if fewer are left or
	 * the user memory is not readable.  After a failure, what @out
	 * holds is undefined and the reader is unchanged.
	 */
	Result<void> read_raw(void *out, size_t n)
	{
		if (n > len_)
			return code::EFAULT;
		// SAFETY: @out has room for @n bytes (the caller's promise);
		// copy_from_user() checks the user range.
		if (bindings::copy_from_user(out, ptr_.as_raw(), n))
			return code::EFAULT;
		advance(n);
		return {};
	}

	/* read() - a T (copied bit by bit: trivially copyable). */
	template <typename T>
		requires __is_trivially_copyable
	(T) Result<T> read()
	{
		T value;

		TRY(read_raw(&value, sizeof(value)));
		return value;
	}

	/* read_all() - appends everything left to @buf. */
	Result<void> read_all(KVec<u8> &buf, alloc::Flags flags)
	{
		size_t old = buf.len();

		TRY(buf.resize(old + len_, 0, flags));
		Result<void> r = read_raw(buf.data() + old, len_);
		if (r.is_err())
			buf.truncate(old);
		return r;
	}

private:
	void advance(size_t n)
	{
		ptr_ = UserPtr(ptr_.addr() + n);
		len_ -= n;
	}

	UserPtr ptr_;
	size_t len_;
};

/**
 * class UserSliceWriter - writes to the start of a user buffer forwards.
 *
 * Invariants: [ptr_, ptr_ + len_) is what is left of the user's buffer.
 */
class UserSliceWriter {
public:
	constexpr UserSliceWriter(UserPtr ptr, size_t len)
	    : ptr_(ptr), len_(len)
	{
	}

	/* len() - the bytes left to write. */
	size_t len() const
	{
		return len_;
	}

	bool is_empty() const
	{
		return !len_;
	}

	/**
	 * write_raw() - copies @n bytes from @in; EFAULT if fewer are left
	 * or the user memory is not writable (some bytes may have been
	 * written then; the writer is unchanged).
	 */
	Result<void> write_raw(const void *in, size_t n)
	{
		if (n > len_)
			return code::EFAULT;
		// SAFETY: @in holds @n bytes (the caller's promise);
		// copy_to_user() checks the user range.
		if (bindings::copy_to_user(ptr_.as_raw(), in, n))
			return code::EFAULT;
		ptr_ = UserPtr(ptr_.addr() + n);
		len_ -= n;
		return {};
	}

	/* write() - a T (copied bit by bit: trivially copyable). */
	template <typename T>
		requires __is_trivially_copyable
	(T) Result<void> write(const T &value)
	{
		return write_raw(&value, sizeof(value));
	}

private:
	UserPtr ptr_;
	size_t len_;
};

/**
 * class UserSlice - a user buffer: an address and the length the user
 * gave, to read with reader() or write with writer().
 *
 *	UserSliceReader r = UserSlice(UserPtr(arg), sizeof(Cmd)).reader();
 *	Cmd c = TRY(r.read<Cmd>());
 */
class UserSlice {
public:
	constexpr UserSlice(UserPtr ptr, size_t len) : ptr_(ptr), len_(len)
	{
	}

	size_t len() const
	{
		return len_;
	}

	UserSliceReader reader() const
	{
		return UserSliceReader(ptr_, len_);
	}

	UserSliceWriter writer() const
	{
		return UserSliceWriter(ptr_, len_);
	}

private:
	UserPtr ptr_;
	size_t len_;
};

} // namespace kernel::uaccess

namespace kernel {
using uaccess::UserPtr;
using uaccess::UserSlice;
using uaccess::UserSliceReader;
using uaccess::UserSliceWriter;
} // namespace kernel

#endif /* CPP_KERNEL_UACCESS_HPP */
