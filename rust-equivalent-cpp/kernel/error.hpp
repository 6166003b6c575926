/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel errors: Error, Result<T>, TRY() and the bridges to C.
 *
 * C header: include/linux/err.h, include/uapi/asm-generic/errno-base.h
 */
#ifndef CPP_KERNEL_ERROR_HPP
#define CPP_KERNEL_ERROR_HPP

#include <new>

#include <bindings/bindings.hpp>
#include <kernel/fmt.hpp>
#include <kernel/utility.hpp>

namespace kernel {

/**
 * class Error - a kernel error code.
 *
 * Invariants: the value is a valid negative errno, in [-MAX_ERRNO, -1].
 *
 * Examples::
 *
 *	Error e = code::ENOMEM;
 *	pr_info("{}\n", e);		// prints ENOMEM
 *	return e.to_errno();		// -12, for a C caller
 */
class Error {
public:
	/**
	 * from_errno() - an Error from a negative errno returned by C.
	 *
	 * Anything outside [-MAX_ERRNO, -1] is a bug of the caller: it is
	 * reported with a warning and gives EINVAL, so that the invariant
	 * holds.  Inline, so that an errno that C returns, known to be
	 * negative, costs one comparison (with the warning out of line).
	 */
	static Error from_errno(int errno)
	{
		if (errno < -bindings::MAX_ERRNO || errno > -1) [[unlikely]]
			return invalid_errno(errno);
		return Error(errno);
	}

	/**
	 * from_errno_unchecked() - an Error from a negative errno that C
	 * returned, passed on unchanged, as C code passes it on: to_result()
	 * and from_err_ptr() use it, so that a C++ caller of a C function
	 * costs what a C caller does.
	 *
	 * Safety: @errno is in [-MAX_ERRNO, -1].
	 */
	static constexpr Error from_errno_unchecked(int errno)
	{
		return Error(errno);
	}

	/**
	 * from_constant() - an Error from a compile-time errno.
	 *
	 * An invalid value is a build error.
	 */
	static consteval Error from_constant(int errno)
	{
		if (errno < -bindings::MAX_ERRNO || errno > -1)
			invalid_errno_constant();
		return Error(errno);
	}

	/** to_errno() - the negative errno, for C. */
	constexpr int to_errno() const
	{
		return errno_;
	}

	/** to_ptr() - the error as an ERR_PTR(), for C. */
	template <typename T = void> T *to_ptr() const
	{
		// SAFETY: an ERR_PTR() is the errno as a pointer, which is how
		// C encodes errors in pointers (include/linux/err.h).
		return reinterpret_cast<T *>(static_cast<long>(errno_));
	}

	/**
	 * name() - the errno's name ("ENOMEM"), or nullptr if the kernel
	 * has none (CONFIG_SYMBOLIC_ERRNAME=n, or an errno without one).
	 */
	const char *name() const;

	friend constexpr bool operator==(Error, Error) = default;

private:
	template <typename T> friend class Result;

	constexpr explicit Error(int errno) : errno_(errno)
	{
	}

	// Not constexpr: calling it in a constant expression is the error.
	static void invalid_errno_constant();

	/* from_errno() of an out-of-range @errno: warns, gives EINVAL. */
	[[gnu::cold]] static Error invalid_errno(int errno);

	int errno_;
};

/* The errors of the kernel, as kernel::code::ENOMEM and so on. */
namespace code {
inline constexpr Error EPERM = Error::from_constant(-bindings::EPERM);
inline constexpr Error ENOENT = Error::from_constant(-bindings::ENOENT);
inline constexpr Error ESRCH = Error::from_constant(-bindings::ESRCH);
inline constexpr Error EINTR = Error::from_constant(-bindings::EINTR);
inline constexpr Error EIO = Error::from_constant(-bindings::EIO);
inline constexpr Error ENXIO = Error::from_constant(-bindings::ENXIO);
inline constexpr Error E2BIG = Error::from_constant(-bindings::E2BIG);
inline constexpr Error ENOEXEC = Error::from_constant(-bindings::ENOEXEC);
inline constexpr Error EBADF = Error::from_constant(-bindings::EBADF);
inline constexpr Error ECHILD = Error::from_constant(-bindings::ECHILD);
inline constexpr Error EAGAIN = Error::from_constant(-bindings::EAGAIN);
inline constexpr Error ENOMEM = Error::from_constant(-bindings::ENOMEM);
inline constexpr Error EACCES = Error::from_constant(-bindings::EACCES);
inline constexpr Error EFAULT = Error::from_constant(-bindings::EFAULT);
inline constexpr Error ENOTBLK = Error::from_constant(-bindings::ENOTBLK);
inline constexpr Error EBUSY = Error::from_constant(-bindings::EBUSY);
inline constexpr Error EEXIST = Error::from_constant(-bindings::EEXIST);
inline constexpr Error EXDEV = Error::from_constant(-bindings::EXDEV);
inline constexpr Error ENODEV = Error::from_constant(-bindings::ENODEV);
inline constexpr Error ENOTDIR = Error::from_constant(-bindings::ENOTDIR);
inline constexpr Error EISDIR = Error::from_constant(-bindings::EISDIR);
inline constexpr Error EINVAL = Error::from_constant(-bindings::EINVAL);
inline constexpr Error ENFILE = Error::from_constant(-bindings::ENFILE);
inline constexpr Error EMFILE = Error::from_constant(-bindings::EMFILE);
inline constexpr Error ENOTTY = Error::from_constant(-bindings::ENOTTY);
inline constexpr Error ETXTBSY = Error::from_constant(-bindings::ETXTBSY);
inline constexpr Error EFBIG = Error::from_constant(-bindings::EFBIG);
inline constexpr Error ENOSPC = Error::from_constant(-bindings::ENOSPC);
inline constexpr Error ESPIPE = Error::from_constant(-bindings::ESPIPE);
inline constexpr Error EROFS = Error::from_constant(-bindings::EROFS);
inline constexpr Error EMLINK = Error::from_constant(-bindings::EMLINK);
inline constexpr Error EPIPE = Error::from_constant(-bindings::EPIPE);
inline constexpr Error EDOM = Error::from_constant(-bindings::EDOM);
inline constexpr Error ERANGE = Error::from_constant(-bindings::ERANGE);
inline constexpr Error ENODATA = Error::from_constant(-bindings::ENODATA);
inline constexpr Error EPROTO = Error::from_constant(-bindings::EPROTO);
inline constexpr Error EOVERFLOW = Error::from_constant(-bindings::EOVERFLOW);
inline constexpr Error EOPNOTSUPP = Error::from_constant(-bindings::EOPNOTSUPP);
inline constexpr Error ETIMEDOUT = Error::from_constant(-bindings::ETIMEDOUT);
inline constexpr Error EALREADY = Error::from_constant(-bindings::EALREADY);
inline constexpr Error ECANCELED = Error::from_constant(-bindings::ECANCELED);
inline constexpr Error ERESTARTSYS =
	Error::from_constant(-bindings::ERESTARTSYS);
inline constexpr Error ENOIOCTLCMD =
	Error::from_constant(-bindings::ENOIOCTLCMD);
inline constexpr Error EPROBE_DEFER =
	Error::from_constant(-bindings::EPROBE_DEFER);
} // namespace code

/* Errors: %pe, "-ENOMEM", or "-12" without CONFIG_SYMBOLIC_ERRNAME. */
template <> struct fmt::Formatter<Error> {
	static constexpr bool convert(const fmt::Spec &spec, fmt::Writer &w)
	{
		if (spec.type && spec.type != '?')
			return false;
		w.conversion_start(spec);
		w.put("pe");
		return true;
	}

	static const void *arg(const Error &e)
	{
		return e.to_ptr();
	}
};

template <typename T> class Result;

namespace detail {
// Reports a Result accessed as the wrong alternative, and BUG()s.
[[noreturn]] void bad_result_access(bool wanted_value, int errno);
} // namespace detail

/**
 * class Result - a value of type T, or an Error.
 *
 * The result of everything that can fail. It must be used: ignoring a
 * Result is a compiler warning. Check it with is_ok() or is_err(), or
 * propagate its error with TRY().
 *
 * value() of an error, or error() of a value, is a bug: it BUG()s, like
 * Rust's unwrap(). value_or() never does.
 *
 * Examples::
 *
 *	Result<int> parse(const char *s);
 *
 *	Result<int> twice(const char *s)
 *	{
 *		int v = TRY(parse(s));	// returns the error, if any
 *
 *		return 2 * v;
 *	}
 */
template <typename T> class [[nodiscard]] Result {
	static_assert(!is_reference_v<T>, "Result<T&>: use Result<T *>");
	static_assert(!is_same_v<remove_cv_t<T>, Error>,
		      "Result<Error> would be ambiguous");

public:
	using value_type = T;

	/* An error. */
	constexpr Result(Error err) : err_(err), ok_(false)
	{
	}

	/* A value, built from anything a T can be built from. */
	template <typename U = T>
		requires(is_constructible_v<T, U &&> &&
			 !is_same_v<remove_cvref_t<U>, Result> &&
			 !is_same_v<remove_cvref_t<U>, Error>)
	constexpr Result(U &&value) : value_(forward<U>(value)), ok_(true)
	{
	}

	/*
	 * A value built in place from @args (``return { in_place, ... };``):
	 * T is neither copied nor moved, and need not be movable.
	 */
	template <typename... Args>
		requires is_constructible_v<T, Args &&...>
	constexpr Result(in_place_t, Args &&...args)
	    : value_(forward<Args>(args)...), ok_(true)
	{
	}

	/*
	 * A Result of a pointer is trivially copyable: an out-of-line
	 * function returns it in registers (an allocator's), as its C twin
	 * returns a pointer or NULL.  Not for integers: g++ 12 compiles an
	 * inlined, trivially copyable Result<u16> (a register read) worse,
	 * with its flag in a register and a 16-bit merge.
	 */
	Result(Result &&)
		requires is_pointer_v<T>
	= default;
	Result(const Result &)
		requires is_pointer_v<T>
	= default;

	Result(Result &&other) : ok_(other.ok_)
	{
		if (ok_)
			new (&value_) T(move(other.value_));
		else
			err_ = other.err_;
	}

	Result(const Result &other)
		requires(!is_pointer_v<T> && is_constructible_v<T, const T &>)
	    : ok_(other.ok_)
	{
		if (ok_)
			new (&value_) T(other.value_);
		else
			err_ = other.err_;
	}

	Result &operator=(const Result &) = delete;
	Result &operator=(Result &&) = delete;

	constexpr ~Result()
		requires is_trivially_destructible_v<T>
	= default;

	constexpr ~Result()
	{
		if (ok_)
			value_.~T();
	}

	/** is_ok() - whether this holds a value. */
	constexpr bool is_ok() const
	{
		return ok_;
	}

	/** is_err() - whether this holds an error. */
	constexpr bool is_err() const
	{
		return !ok_;
	}

	/*
	 * The accessors are always inlined: after a test of is_ok(), their
	 * own check folds away, also in a kernel built for size.
	 */

	/** value() - the value; BUG()s if this is an error. */
	[[gnu::always_inline]] constexpr T &value() &
	{
		if (!ok_) [[unlikely]]
			detail::bad_result_access(true, err_.to_errno());
		return value_;
	}

	[[gnu::always_inline]] constexpr const T &value() const &
	{
		if (!ok_) [[unlikely]]
			detail::bad_result_access(true, err_.to_errno());
		return value_;
	}

	[[gnu::always_inline]] constexpr T &&value() &&
	{
		if (!ok_) [[unlikely]]
			detail::bad_result_access(true, err_.to_errno());
		return move(value_);
	}

	/**
	 * value_unchecked() - the value, with no check.
	 *
	 * Safety: is_ok().
	 */
	[[gnu::always_inline]] constexpr T &value_unchecked() &
	{
		return value_;
	}

	/** value_or() - the value, or @fallback if this is an error. */
	template <typename U> constexpr T value_or(U &&fallback) &&
	{
		return ok_ ? move(value_) : T(forward<U>(fallback));
	}

	/** error() - the error; BUG()s if this holds a value. */
	[[gnu::always_inline]] constexpr Error error() const
	{
		if (ok_) [[unlikely]]
			detail::bad_result_access(false, 0);
		return err_;
	}

private:
	union {
		T value_;
		Error err_;
	};
	bool ok_;
};

/**
 * class Result<void> - success, or an Error.
 *
 * ``return {};`` is success.
 */
template <> class [[nodiscard]] Result<void> {
public:
	using value_type = void;

	constexpr Result() : err_(0)
	{
	}

	constexpr Result(Error err) : err_(err.to_errno())
	{
	}

	constexpr bool is_ok() const
	{
		return err_ == 0;
	}

	constexpr bool is_err() const
	{
		return err_ != 0;
	}

	/* For TRY(): there is no value, only the check. */
	[[gnu::always_inline]] constexpr void value() const
	{
		if (err_) [[unlikely]]
			detail::bad_result_access(true, err_);
	}

	[[gnu::always_inline]] constexpr Error error() const
	{
		if (!err_) [[unlikely]]
			detail::bad_result_access(false, 0);
		return Error(err_);
	}

private:
	/* 0 or the errno of an Error. */
	int err_;
};

/**
 * to_result() - a Result from the return value of a C function that
 * returns 0 (or any non-negative value) or a negative errno.
 */
inline Result<void> to_result(int ret)
{
	if (ret < 0) [[unlikely]]
		// SAFETY: a C function returns 0 or more, or a negative errno
		// (the contract this function states).
		return Error::from_errno_unchecked(ret);
	return {};
}

/**
 * from_err_ptr() - a Result from a C pointer that may be an ERR_PTR().
 */
template <typename T> inline Result<T *> from_err_ptr(T *ptr)
{
	// SAFETY: IS_ERR() and PTR_ERR() of include/linux/err.h: the last
	// MAX_ERRNO addresses are errnos.
	const unsigned long addr = reinterpret_cast<unsigned long>(ptr);

	if (addr >= static_cast<unsigned long>(-bindings::MAX_ERRNO))
		[[unlikely]]
		// SAFETY: the range was just checked.
		return Error::from_errno_unchecked(
			static_cast<int>(static_cast<long>(addr)));
	return ptr;
}

/**
 * from_result() - runs @f and returns its value, or its error as a
 * negative errno: the bridge from a Result to the int of a C callback.
 *
 * Result<void> gives 0 on success.
 *
 * Examples::
 *
 *	static int my_probe(struct ...)
 *	{
 *		return from_result([&]() -> Result<void> {
 *			TRY(something());
 *			return {};
 *		});
 *	}
 */
template <typename F> inline auto from_result(F &&f)
{
	auto res = f();
	using T = typename decltype(res)::value_type;

	if constexpr (is_same_v<T, void>) {
		return res.is_ok() ? 0 : res.error().to_errno();
	} else {
		static_assert(is_integral_v<T> && is_signed_v<T>,
			      "from_result() returns a negative errno: the "
			      "value must be a signed integer");
		if (res.is_err())
			return static_cast<T>(res.error().to_errno());
		return move(res).value();
	}
}

namespace detail {
template <typename T> constexpr T try_unwrap(Result<T> &&res)
{
	return move(res).value();
}

constexpr void try_unwrap(Result<void> &&)
{
}
} // namespace detail

} // namespace kernel

/**
 * TRY() - the value of a Result, or return its error.
 *
 * Evaluates @expr, a Result. On an error, returns it from the calling
 * function, which must return a Result; otherwise gives the value (nothing
 * for a Result<void>). The twin of Rust's ``?`` operator.
 */
#define TRY(expr)                                                              \
	({                                                                     \
		auto &&__try_res = (expr);                                     \
		if (__try_res.is_err()) [[unlikely]]                           \
			return __try_res.error();                              \
		::kernel::detail::try_unwrap(::kernel::move(__try_res));       \
	})

#endif /* CPP_KERNEL_ERROR_HPP */
