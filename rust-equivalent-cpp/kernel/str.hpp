/* SPDX-License-Identifier: GPL-2.0 */
/*
 * C strings: CStr (borrowed), CString (owned), and BufferWriter, a bounded
 * formatter into a buffer.
 *
 * C header: include/linux/string.h, include/linux/sprintf.h
 */
#ifndef CPP_KERNEL_STR_HPP
#define CPP_KERNEL_STR_HPP

#include <bindings/bindings.hpp>
#include <kernel/alloc/kvec.hpp>
#include <kernel/fmt.hpp>

namespace kernel {

/**
 * class CStr - a borrowed, NUL-terminated string of known length.
 *
 * Invariants: ptr_[len_] is the first NUL of the string.
 *
 * Examples::
 *
 *	constexpr CStr name = "cpp_minimal";	// checked at compile time
 *	pr_info("{} has {} bytes\n", name, name.len());
 */
class CStr {
public:
	/* A string literal; one with a NUL inside is a build error. */
	template <size_t N>
	consteval CStr(const char (&lit)[N]) : ptr_(lit), len_(N - 1)
	{
		for (size_t i = 0; i + 1 < N; i++)
			if (!lit[i])
				interior_nul_in_literal();
	}

	/**
	 * from_char_ptr_unchecked() - the string at @ptr.
	 *
	 * Safety: @ptr points to a NUL-terminated string that outlives the
	 * CStr and does not change while it is used.
	 */
	static CStr from_char_ptr_unchecked(const char *ptr)
	{
		// SAFETY: @ptr is NUL-terminated (the caller's promise).
		return CStr(ptr, bindings::strlen(ptr));
	}

	/* as_char_ptr() - the string for C: NUL-terminated. */
	constexpr const char *as_char_ptr() const
	{
		return ptr_;
	}

	/* len() - the length without the NUL. */
	constexpr size_t len() const
	{
		return len_;
	}

	constexpr bool is_empty() const
	{
		return !len_;
	}

	constexpr char operator[](size_t i) const
	{
		return i < len_ ? ptr_[i] : '\0';
	}

	friend constexpr bool operator==(CStr a, CStr b)
	{
		if (a.len_ != b.len_)
			return false;
		for (size_t i = 0; i < a.len_; i++)
			if (a.ptr_[i] != b.ptr_[i])
				return false;
		return true;
	}

private:
	constexpr CStr(const char *ptr, size_t len) : ptr_(ptr), len_(len)
	{
	}

	friend class BufferWriter;
	friend class CString;

	// Not constexpr: calling it in a constant expression is the error.
	static void interior_nul_in_literal();

	const char *ptr_;
	size_t len_;
};

/**
 * class BufferWriter - formats into a caller's buffer, bounded.
 *
 * The buffer always holds a NUL-terminated string. A write that does not
 * fit writes what fits and returns ENOSPC.
 *
 * Examples::
 *
 *	char name[16];
 *	BufferWriter w(name);
 *
 *	TRY(w.write(KFMT("nvme{}n{}", ctrl, ns)));
 */
class BufferWriter {
public:
	/* A writer into the array @buf, which outlives it. */
	template <size_t N>
	explicit BufferWriter(char (&buf)[N]) : BufferWriter(buf, N)
	{
		static_assert(N > 0, "BufferWriter: no room for the NUL");
	}

	/*
	 * from_raw_unchecked() - a writer into @size bytes at @buf.
	 *
	 * Safety: @buf has room for @size > 0 bytes and outlives the writer.
	 */
	static BufferWriter from_raw_unchecked(char *buf, size_t size)
	{
		return BufferWriter(buf, size);
	}

	/** write() - appends the formatted @args. */
	template <typename F>
	[[nodiscard]] Result<void> write(const fmt::Arguments<F> &args)
	{
		const size_t room = size_ - len_;
		const int n = args.apply([&](const char *fmt, auto... xs) {
			// SAFETY: @fmt was lowered from the types of @xs;
			// snprintf() writes at most @room bytes at the end.
			return bindings::snprintf(buf_ + len_, room, fmt,
						  xs...);
		});

		if (n < 0)
			return code::EINVAL;
		if (static_cast<size_t>(n) >= room) {
			len_ = size_ - 1;
			return code::ENOSPC;
		}
		len_ += n;
		return {};
	}

	/* The string written so far. */
	CStr as_cstr() const
	{
		return CStr(buf_, len_);
	}

	size_t len() const
	{
		return len_;
	}

private:
	BufferWriter(char *buf, size_t size) : buf_(buf), size_(size), len_(0)
	{
		buf_[0] = '\0';
	}

	char *buf_;
	size_t size_;
	size_t len_;
};

/**
 * class CString - an owned, NUL-terminated string in kmalloc() memory.
 *
 * Invariants: buf_ holds the string and its NUL, and no other NUL.
 *
 * Examples::
 *
 *	CString s = TRY(CString::try_from_fmt(GFP_KERNEL,
 *					      KFMT("{}-{}", name, id)));
 */
class CString {
public:
	/** try_from_fmt() - the formatted @args, allocated with @flags. */
	template <typename F>
	[[nodiscard]] static Result<CString>
	try_from_fmt(Flags flags, const fmt::Arguments<F> &args)
	{
		const int n = args.apply([](const char *fmt, auto... xs) {
			// SAFETY: as in BufferWriter::write(), with no buffer:
			// snprintf() only measures.
			return bindings::snprintf(nullptr, 0, fmt, xs...);
		});
		KVec<char> buf;

		if (n < 0)
			return code::EINVAL;
		TRY(buf.resize(static_cast<size_t>(n) + 1, '\0', flags));
		args.apply([&](const char *fmt, auto... xs) {
			// SAFETY: @buf has room for the @n bytes measured
			// above and the NUL.
			return bindings::snprintf(buf.data(), n + 1, fmt,
						  xs...);
		});
		return CString(move(buf));
	}

	/** try_from() - a copy of @s, allocated with @flags. */
	[[nodiscard]] static Result<CString> try_from(CStr s, Flags flags)
	{
		KVec<char> buf;

		TRY(buf.extend_from(s.as_char_ptr(), s.len() + 1, flags));
		return CString(move(buf));
	}

	CStr as_cstr() const
	{
		return CStr(buf_.data(), buf_.len() - 1);
	}

	const char *as_char_ptr() const
	{
		return buf_.data();
	}

	size_t len() const
	{
		return buf_.len() - 1;
	}

private:
	explicit CString(KVec<char> &&buf) : buf_(move(buf))
	{
	}

	KVec<char> buf_;
};

/* CStr and CString print as strings; {:?} quotes them. */
template <> struct fmt::Formatter<CStr> : fmt::Formatter<const char *> {
	static constexpr const char *arg(const CStr &s)
	{
		return s.as_char_ptr();
	}
};

template <> struct fmt::Formatter<CString> : fmt::Formatter<const char *> {
	static const char *arg(const CString &s)
	{
		return s.as_char_ptr();
	}
};

} // namespace kernel

#endif /* CPP_KERNEL_STR_HPP */
