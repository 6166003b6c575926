/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Type-safe formatting that lowers to printk formats at compile time.
 *
 * KFMT("x = {}, name = {:?}\n", x, name) checks the format string against
 * the types of its arguments during compilation and turns it into the
 * printk format "x = %d, name = \"%s\"\n", stored once in .rodata. At run
 * time nothing is left but the call of the function that consumes it
 * (printk, vsnprintf): no parsing, no extra copy.
 *
 * C header: include/linux/printk.h; the conversions are those of
 * Documentation/core-api/printk-formats.rst.
 *
 * Format strings: ``{}`` is the next argument in its default form,
 * ``{{`` and ``}}`` are braces, a ``%`` is a percent sign.  A replacement
 * field takes a specification after a colon: flags (``#``, ``0``, ``-``,
 * ``+``, space), a width, and a type: ``x``, ``X``, ``o`` or ``d`` for
 * integers, ``?`` for the debug form.  ``{:#06x}`` is ``%#06x`` for an int.
 * As in Rust, ``x?`` and ``X?`` are the debug form with hexadecimal
 * integers, and ``#`` with a debug form asks for pretty-printing, which
 * changes nothing for the types here but hexadecimal integers (``0x``):
 * ``{:#?}`` is ``{:?}``, ``{:#x?}`` of an int is ``%#x``.
 *
 * Types: the integer types (``{}`` is decimal), bool (``true``/``false``),
 * char (a character; signed and unsigned char are numbers), C strings
 * (``{:?}`` quotes them, without escaping), pointers (``%p``: hashed), and
 * any type with a Formatter specialization (see struct Formatter), such as
 * Error (kernel/error.hpp).
 */
#ifndef CPP_KERNEL_FMT_HPP
#define CPP_KERNEL_FMT_HPP

#include <kernel/type_traits.hpp>
#include <kernel/types.hpp>

namespace kernel::fmt {

/**
 * struct Spec - a parsed replacement field: ``{:<flags><width><type>}``.
 */
struct Spec {
	char flags[6] = {};
	unsigned int nr_flags = 0;
	bool too_many_flags = false;
	unsigned int width = 0;
	bool has_width = false;
	char type = 0;	    /* 0 for {}, '?' for {:?} */
	bool debug = false; /* {:?}, {:x?}, {:X?} */

	constexpr bool has_flag(char f) const
	{
		for (unsigned int i = 0; i < nr_flags; i++)
			if (flags[i] == f)
				return true;
		return false;
	}

	/* without_flag() - this specification without the flag @f. */
	constexpr Spec without_flag(char f) const
	{
		Spec s = *this;

		s.nr_flags = 0;
		for (unsigned int i = 0; i < nr_flags; i++)
			if (flags[i] != f)
				s.flags[s.nr_flags++] = flags[i];
		return s;
	}
};

/**
 * struct Writer - where the compile-time lowering writes the printk format.
 *
 * With a null buffer it only counts.
 */
struct Writer {
	char *buf;
	size_t len;

	constexpr void put(char c)
	{
		if (buf)
			buf[len] = c;
		len++;
	}

	constexpr void put(const char *s)
	{
		while (*s)
			put(*s++);
	}

	/* '%', the flags and the width of @spec. */
	constexpr void conversion_start(const Spec &spec)
	{
		char digits[10];
		unsigned int n = 0;
		unsigned int w = spec.width;

		put('%');
		for (unsigned int i = 0; i < spec.nr_flags; i++)
			put(spec.flags[i]);
		if (!spec.has_width)
			return;
		do {
			digits[n++] = static_cast<char>('0' + w % 10);
			w /= 10;
		} while (w);
		while (n)
			put(digits[--n]);
	}
};

/**
 * struct Formatter - how a type is printed.
 *
 * A specialization for a type T has two static members:
 *
 * - ``constexpr bool convert(const Spec &spec, Writer &w)``: writes the
 *   printk conversion for @spec (Writer::conversion_start() gives the
 *   common part), or returns false if the type has no such form;
 *
 * - ``auto arg(const T &v)``: the one argument printk gets for it.
 *
 * Examples::
 *
 *	template <> struct kernel::fmt::Formatter<Celsius> {
 *		static constexpr bool convert(const Spec &s, Writer &w)
 *		{
 *			return Formatter<int>::convert(s, w);
 *		}
 *		static int arg(const Celsius &c) { return c.degrees; }
 *	};
 */
template <typename T> struct Formatter {
	static_assert(sizeof(T) == 0,
		      "kernel::fmt: this type cannot be printed "
		      "(no kernel::fmt::Formatter<T>)");
};

namespace detail {
/* char is a character; signed char and unsigned char (s8, u8) are numbers. */
template <typename T>
inline constexpr bool is_char_v = is_same_v<remove_cv_t<T>, char>;

template <typename T>
inline constexpr bool is_formatted_integer_v =
	is_integral_v<T> && !is_same_v<remove_cv_t<T>, bool> && !is_char_v<T>;

/* The printk length modifier of an integer type after promotion. */
template <typename T> constexpr const char *length_modifier()
{
	using U = remove_cv_t<T>;

	if constexpr (is_any_of_v<U, long long, unsigned long long>)
		return "ll";
	else if constexpr (is_any_of_v<U, long, unsigned long>)
		return "l";
	else
		return "";
}
} // namespace detail

/* Integers: decimal by default; x, X, o; d for decimal. */
template <typename T>
	requires detail::is_formatted_integer_v<T>
struct Formatter<T> {
	static constexpr bool convert(const Spec &spec, Writer &w)
	{
		const char type = spec.type == '?' ? 0 : spec.type;
		char conv;

		if (!type || type == 'd')
			conv = is_signed_v<T> ? 'd' : 'u';
		else if (type == 'x' || type == 'X' || type == 'o')
			conv = type;
		else
			return false;
		if (spec.has_flag('#') && (conv == 'd' || conv == 'u'))
			return false;
		w.conversion_start(spec);
		w.put(detail::length_modifier<T>());
		w.put(conv);
		return true;
	}

	static constexpr auto arg(T v)
	{
		if constexpr (sizeof(T) < sizeof(int))
			return static_cast<int>(v);
		else
			return v;
	}
};

/* Characters: the character; an integer form with x, X, o or d. */
template <typename T>
	requires detail::is_char_v<T>
struct Formatter<T> {
	static constexpr bool convert(const Spec &spec, Writer &w)
	{
		if (spec.type == 'd' || spec.type == 'x' || spec.type == 'X' ||
		    spec.type == 'o')
			return Formatter<int>::convert(spec, w);
		if (spec.type && spec.type != '?')
			return false;
		w.conversion_start(spec);
		w.put('c');
		return true;
	}

	static constexpr int arg(T v)
	{
		return static_cast<unsigned char>(v);
	}
};

/* bool: true or false. */
template <> struct Formatter<bool> {
	static constexpr bool convert(const Spec &spec, Writer &w)
	{
		if (spec.type && !spec.debug)
			return false;
		w.conversion_start(spec.without_flag('#'));
		w.put('s');
		return true;
	}

	static constexpr const char *arg(bool v)
	{
		return v ? "true" : "false";
	}
};

/* C strings: the string; {:?} quotes it. */
template <> struct Formatter<const char *> {
	static constexpr bool convert(const Spec &spec, Writer &w)
	{
		if (spec.type && !spec.debug)
			return false;
		if (spec.debug)
			w.put('"');
		w.conversion_start(spec.without_flag('#'));
		w.put('s');
		if (spec.debug)
			w.put('"');
		return true;
	}

	static constexpr const char *arg(const char *s)
	{
		return s;
	}
};

template <> struct Formatter<char *> : Formatter<const char *> {};
template <size_t N> struct Formatter<char[N]> : Formatter<const char *> {};
template <size_t N>
struct Formatter<const char[N]> : Formatter<const char *> {};

/* Other pointers: %p, hashed like in C. */
template <typename T>
	requires(!detail::is_char_v<T>)
struct Formatter<T *> {
	static constexpr bool convert(const Spec &spec, Writer &w)
	{
		if (spec.type && spec.type != '?' && spec.type != 'p')
			return false;
		w.conversion_start(spec);
		w.put('p');
		return true;
	}

	static constexpr const void *arg(const T *p)
	{
		return p;
	}
};

namespace detail {

template <typename... A> struct TypeList {};

/* The types of the arguments of a KFMT(), for decltype only. */
template <typename... A> TypeList<remove_cvref_t<A>...> arg_types(A &&...);

/*
 * What is wrong with a format string for its arguments.  KFMT() turns each
 * into a static_assert() whose message is the first line of the error.
 */
enum class Problem {
	none,
	too_few_arguments,
	too_many_arguments,
	unmatched_brace,
	bad_specification,
};

/* The result of lowering: the length of the printk format, and a problem. */
struct Lowering {
	size_t len;
	Problem found; /* the first one, or none */
};

/* Lowers argument @i of @A... with @spec. */
template <typename... A>
constexpr bool convert_arg(unsigned int i, const Spec &spec, Writer &w)
{
	unsigned int n = 0;
	bool ok = false;

	((n++ == i ? (ok = Formatter<A>::convert(spec, w)) : false), ...);
	return ok;
}

/* Parses the specification that starts at @p (after "{:"). */
constexpr const char *parse_spec(const char *p, Spec &spec)
{
	while (*p == '#' || *p == '0' || *p == '-' || *p == '+' || *p == ' ') {
		if (spec.nr_flags == sizeof(spec.flags)) {
			spec.too_many_flags = true;
			return p;
		}
		spec.flags[spec.nr_flags++] = *p++;
	}
	while (*p >= '0' && *p <= '9') {
		spec.has_width = true;
		spec.width = spec.width * 10 + (*p++ - '0');
	}
	if (*p && *p != '}')
		spec.type = *p++;
	if (spec.type == '?') {
		spec.debug = true;
	} else if ((spec.type == 'x' || spec.type == 'X') && *p == '?') {
		spec.debug = true;
		p++;
	}
	/* Pretty-printing: a 0x prefix for hexadecimal integers only. */
	if (spec.debug && spec.type == '?')
		spec = spec.without_flag('#');
	return p;
}

/*
 * Writes the printk format for @fmt and the argument types @A... to @w;
 * returns its length, or stops at the first problem.
 */
template <typename... A> constexpr Lowering lower(const char *fmt, Writer w)
{
	unsigned int arg = 0;

	for (const char *p = fmt; *p;) {
		if (*p == '{' && p[1] == '{') {
			w.put('{');
			p += 2;
		} else if (*p == '}') {
			if (p[1] != '}')
				return { w.len, Problem::unmatched_brace };
			w.put('}');
			p += 2;
		} else if (*p == '%') {
			w.put("%%");
			p++;
		} else if (*p == '{') {
			Spec field;

			p++;
			if (*p == ':')
				p = parse_spec(p + 1, field);
			if (field.too_many_flags)
				return { w.len, Problem::bad_specification };
			if (*p != '}')
				return { w.len, Problem::unmatched_brace };
			p++;
			if (arg == sizeof...(A))
				return { w.len, Problem::too_few_arguments };
			if (!convert_arg<A...>(arg, field, w))
				return { w.len, Problem::bad_specification };
			arg++;
		} else {
			w.put(*p++);
		}
	}
	if (arg != sizeof...(A))
		return { w.len, Problem::too_many_arguments };
	if (w.buf)
		w.buf[w.len] = '\0';
	return { w.len, Problem::none };
}

/* A lowered format: its characters, with the terminating NUL. */
template <size_t N> struct Lowered {
	char str[N + 1];
};

/* What KFMT() checks, one flag per problem (for its static_assert()s). */
struct Check {
	bool enough_arguments;
	bool no_extra_arguments;
	bool braces_paired;
	bool specifications_valid;
};

template <typename... A> consteval Check check(TypeList<A...>, const char *fmt)
{
	Problem p = lower<A...>(fmt, Writer{ nullptr, 0 }).found;

	return {
		.enough_arguments = p != Problem::too_few_arguments,
		.no_extra_arguments = p != Problem::too_many_arguments,
		.braces_paired = p != Problem::unmatched_brace,
		.specifications_valid = p != Problem::bad_specification,
	};
}

/* The length of the lowered format; with a problem, of what came before. */
template <typename... A>
consteval size_t lowered_size(TypeList<A...>, const char *fmt)
{
	return lower<A...>(fmt, Writer{ nullptr, 0 }).len;
}

template <size_t N, typename... A>
consteval Lowered<N> lowered(TypeList<A...>, const char *fmt)
{
	Lowered<N> l{};

	if (lower<A...>(fmt, Writer{ l.str, 0 }).found != Problem::none)
		l.str[N] = '\0';
	return l;
}

} // namespace detail

/**
 * class Arguments - a lowered format and its arguments, ready for a
 * printk-like function (the result of KFMT()).
 *
 * apply(f) calls ``f(format, args...)`` and returns what it returns.
 */
template <typename F> class Arguments {
public:
	constexpr explicit Arguments(F f) : f_(f)
	{
	}

	template <typename Sink>
	[[gnu::always_inline]] auto apply(Sink &&sink) const
	{
		return f_(sink);
	}

private:
	F f_;
};

namespace detail {
template <typename... A>
[[gnu::always_inline]] inline auto make_arguments(const char *fmt,
						  const A &...a)
{
	auto f = [fmt, ... xs = Formatter<remove_cvref_t<A>>::arg(a)](
			 auto &&sink) { return sink(fmt, xs...); };

	return Arguments<decltype(f)>(f);
}
} // namespace detail

} // namespace kernel::fmt

/*
 * Declares @name, the lowered form of @fmt for the types of the arguments
 * (a static constant: its .str is in .rodata), without evaluating them.
 * A problem of the format string is a failed static_assert() that says
 * what it is, on the line of the KFMT() or pr_*() (both compilers print a
 * failed static_assert()'s message first, and nothing fails after it).
 */
#define __KFMT_DECLARE(name, fmt_str, ...)                                     \
	using name##_types =                                                   \
		decltype(::kernel::fmt::detail::arg_types(__VA_ARGS__));       \
	static constexpr auto name##_check =                                   \
		::kernel::fmt::detail::check(name##_types{}, fmt_str);         \
	static_assert(name##_check.enough_arguments,                           \
		      "format string: more {} than arguments");                \
	static_assert(name##_check.no_extra_arguments,                         \
		      "format string: more arguments than {}");                \
	static_assert(name##_check.braces_paired,                              \
		      "format string: a { or } without its pair "              \
		      "(a brace is {{ or }})");                                \
	static_assert(name##_check.specifications_valid,                       \
		      "format string: a {:...} that the argument's type "      \
		      "does not have");                                        \
	static constexpr ::kernel::size_t name##_size =                        \
		::kernel::fmt::detail::lowered_size(name##_types{}, fmt_str);  \
	static constexpr auto name =                                           \
		::kernel::fmt::detail::lowered<name##_size>(name##_types{},    \
							    fmt_str)

/**
 * KFMT() - a format string and its arguments, checked and lowered to a
 * printk format at compile time.
 *
 * @fmt must be a string literal. The result is a kernel::fmt::Arguments,
 * which pr_*(), CString::try_from_fmt() and BufferWriter::write() consume.
 */
#define KFMT(fmt_str, ...)                                                     \
	({                                                                     \
		__KFMT_DECLARE(__kfmt, fmt_str, __VA_ARGS__);                  \
		::kernel::fmt::detail::make_arguments(                         \
			__kfmt.str __VA_OPT__(, ) __VA_ARGS__);                \
	})

#endif /* CPP_KERNEL_FMT_HPP */
