/* SPDX-License-Identifier: GPL-2.0 */
/*
 * move(), forward(), exchange(), swap() and in_place: the subset of
 * <utility> the library uses, in namespace kernel.  And Pinned<T>, which
 * makes a type neither copyable nor movable.
 */
#ifndef CPP_KERNEL_UTILITY_HPP
#define CPP_KERNEL_UTILITY_HPP

#include <kernel/type_traits.hpp>

namespace kernel {

template <typename T>
[[nodiscard]] constexpr remove_reference_t<T> &&move(T &&t) noexcept
{
	return static_cast<remove_reference_t<T> &&>(t);
}

template <typename T>
[[nodiscard]] constexpr T &&forward(remove_reference_t<T> &t) noexcept
{
	return static_cast<T &&>(t);
}

template <typename T>
[[nodiscard]] constexpr T &&forward(remove_reference_t<T> &&t) noexcept
{
	static_assert(!is_lvalue_reference_v<T>,
		      "forward() of an rvalue as an lvalue");
	return static_cast<T &&>(t);
}

template <typename T, typename U = T>
constexpr T exchange(T &obj, U &&new_value)
{
	T old = move(obj);

	obj = forward<U>(new_value);
	return old;
}

template <typename T> constexpr void swap(T &a, T &b)
{
	T tmp = move(a);

	a = move(b);
	b = move(tmp);
}

/* in_place - selects the constructor that builds a value in place. */
struct in_place_t {
	explicit in_place_t() = default;
};
inline constexpr in_place_t in_place{};

/**
 * struct Pinned - the base of a type @T that is neither copyable nor
 * movable: an object whose address C keeps (a lock, a registration, a C
 * object wrapped in place), which is built where it lives.
 *
 *	class Registration : Pinned<Registration> { ... };
 *
 * One Pinned<T> per type (the T): as an empty base, it takes no room,
 * also in a T whose first member is another pinned type.
 */
template <typename T> struct Pinned {
	constexpr Pinned() = default;
	Pinned(const Pinned &) = delete;
	Pinned &operator=(const Pinned &) = delete;
};

template <typename T> constexpr const T &as_const(T &t) noexcept
{
	return t;
}
template <typename T> void as_const(const T &&) = delete;

} // namespace kernel

#endif /* CPP_KERNEL_UTILITY_HPP */
