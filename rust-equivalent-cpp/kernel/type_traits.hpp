/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Type traits: the subset of <type_traits> the library uses, in namespace
 * kernel, on top of the compilers' built-ins (the same in g++ 12 and
 * clang++ 16+).  The C++ standard library is not available to the kernel.
 */
#ifndef CPP_KERNEL_TYPE_TRAITS_HPP
#define CPP_KERNEL_TYPE_TRAITS_HPP

namespace kernel {

template <typename T, T v> struct integral_constant {
	static constexpr T value = v;
	using value_type = T;
	using type = integral_constant;
	constexpr operator value_type() const noexcept
	{
		return value;
	}
};

template <bool b> using bool_constant = integral_constant<bool, b>;
using true_type = bool_constant<true>;
using false_type = bool_constant<false>;

template <typename T, typename U> struct is_same : false_type {};
template <typename T> struct is_same<T, T> : true_type {};
template <typename T, typename U>
inline constexpr bool is_same_v = is_same<T, U>::value;

template <typename T> struct remove_reference {
	using type = T;
};
template <typename T> struct remove_reference<T &> {
	using type = T;
};
template <typename T> struct remove_reference<T &&> {
	using type = T;
};
template <typename T>
using remove_reference_t = typename remove_reference<T>::type;

template <typename T> struct remove_cv {
	using type = T;
};
template <typename T> struct remove_cv<const T> {
	using type = T;
};
template <typename T> struct remove_cv<volatile T> {
	using type = T;
};
template <typename T> struct remove_cv<const volatile T> {
	using type = T;
};
template <typename T> using remove_cv_t = typename remove_cv<T>::type;
template <typename T> using remove_cvref_t = remove_cv_t<remove_reference_t<T>>;

template <typename T> inline constexpr bool is_lvalue_reference_v = false;
template <typename T> inline constexpr bool is_lvalue_reference_v<T &> = true;
template <typename T> inline constexpr bool is_reference_v = false;
template <typename T> inline constexpr bool is_reference_v<T &> = true;
template <typename T> inline constexpr bool is_reference_v<T &&> = true;
template <typename T> inline constexpr bool is_const_v = false;
template <typename T> inline constexpr bool is_const_v<const T> = true;
template <typename T> inline constexpr bool is_pointer_v = false;
template <typename T> inline constexpr bool is_pointer_v<T *> = true;
template <typename T> inline constexpr bool is_pointer_v<T *const> = true;
template <typename T> inline constexpr bool is_pointer_v<T *volatile> = true;
template <typename T>
inline constexpr bool is_pointer_v<T *const volatile> = true;

template <bool b, typename T, typename F> struct conditional {
	using type = T;
};
template <typename T, typename F> struct conditional<false, T, F> {
	using type = F;
};
template <bool b, typename T, typename F>
using conditional_t = typename conditional<b, T, F>::type;

template <bool b, typename T = void> struct enable_if {};
template <typename T> struct enable_if<true, T> {
	using type = T;
};
template <bool b, typename T = void>
using enable_if_t = typename enable_if<b, T>::type;

template <typename T, typename... Ts>
inline constexpr bool is_any_of_v = (is_same_v<T, Ts> || ...);

template <typename T>
inline constexpr bool is_integral_v =
	is_any_of_v<remove_cv_t<T>, bool, char, signed char, unsigned char,
		    char8_t, char16_t, char32_t, wchar_t, short, unsigned short,
		    int, unsigned int, long, unsigned long, long long,
		    unsigned long long, __int128, unsigned __int128>;
template <typename T>
inline constexpr bool is_signed_v = is_integral_v<T> && T(-1) < T(0);
template <typename T>
inline constexpr bool is_unsigned_v = is_integral_v<T> && T(0) < T(-1);

template <typename T> inline constexpr bool is_enum_v = __is_enum(T);
template <typename T> struct underlying_type {
	using type = __underlying_type(T);
};
template <typename T>
using underlying_type_t = typename underlying_type<T>::type;

template <typename Base, typename Derived>
inline constexpr bool is_base_of_v = __is_base_of(Base, Derived);
template <typename T, typename... Args>
inline constexpr bool is_constructible_v = __is_constructible(T, Args...);
template <typename T>
inline constexpr bool is_trivially_copyable_v = __is_trivially_copyable(T);
#if __has_builtin(__is_trivially_destructible)
template <typename T>
inline constexpr bool is_trivially_destructible_v =
	__is_trivially_destructible(T);
#else /* g++ 12 */
template <typename T>
inline constexpr bool is_trivially_destructible_v = __has_trivial_destructor(T);
#endif

template <typename T> T &&declval() noexcept;

template <typename T, typename U>
concept same_as = is_same_v<T, U> && is_same_v<U, T>;

} // namespace kernel

#endif /* CPP_KERNEL_TYPE_TRAITS_HPP */
