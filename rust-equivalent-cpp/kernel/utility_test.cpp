// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-time tests of cpp/kernel/type_traits.hpp and utility.hpp.
 *
 * Built with every CONFIG_CPP kernel and never linked: a trait or a
 * utility that gives a wrong answer with either compiler fails the build.
 */

#include <kernel/utility.hpp>

namespace {

using namespace kernel;

// A move-only type whose moved-from state is visible.
struct Movable {
	int v;

	constexpr explicit Movable(int x) : v(x)
	{
	}
	Movable(const Movable &) = delete;
	Movable &operator=(const Movable &) = delete;
	constexpr Movable(Movable &&other) : v(exchange(other.v, -1))
	{
	}
	constexpr Movable &operator=(Movable &&other)
	{
		v = exchange(other.v, -1);
		return *this;
	}
};

struct Base {};
struct Derived : Base {};
struct NonTrivialDtor {
	~NonTrivialDtor();
};
enum class Small : unsigned char { a };

static_assert(is_same_v<remove_cvref_t<const int &>, int>);
static_assert(is_same_v<remove_cvref_t<volatile int &&>, int>);
static_assert(!is_same_v<int, long>);
static_assert(is_integral_v<const unsigned long> && is_integral_v<bool>);
static_assert(!is_integral_v<float> && !is_integral_v<Small>);
static_assert(!is_integral_v<int *>);
static_assert(is_signed_v<int> && is_signed_v<long long>);
static_assert(!is_signed_v<unsigned int> && !is_signed_v<float>);
static_assert(is_unsigned_v<unsigned char> && !is_unsigned_v<short>);
static_assert(is_enum_v<Small> && !is_enum_v<int>);
static_assert(is_same_v<underlying_type_t<Small>, unsigned char>);
static_assert(is_base_of_v<Base, Derived> && !is_base_of_v<Derived, Base>);
static_assert(is_constructible_v<Movable, int>);
static_assert(is_constructible_v<Movable, Movable &&>);
static_assert(!is_constructible_v<Movable, const Movable &>);
static_assert(is_trivially_copyable_v<Base>);
static_assert(!is_trivially_copyable_v<Movable>);
static_assert(is_trivially_destructible_v<Movable>);
static_assert(!is_trivially_destructible_v<NonTrivialDtor>);
static_assert(is_pointer_v<int *const> && !is_pointer_v<int>);
static_assert(is_reference_v<int &&> && !is_lvalue_reference_v<int &&>);
static_assert(is_const_v<const int> && !is_const_v<const int *>);
static_assert(is_same_v<conditional_t<true, int, long>, int>);
static_assert(is_same_v<conditional_t<false, int, long>, long>);
static_assert(is_same_v<enable_if_t<true, int>, int>);

// move() and forward() only cast.
static_assert(is_same_v<decltype(move(declval<Movable &>())), Movable &&>);
static_assert(is_same_v<decltype(forward<Movable &>(declval<Movable &>())),
			Movable &>);
static_assert(is_same_v<decltype(forward<Movable>(declval<Movable &>())),
			Movable &&>);
static_assert(is_same_v<decltype(as_const(declval<int &>())), const int &>);

// A forwarding function moves rvalues and leaves lvalues alone.
template <typename T> constexpr int take(T &&t)
{
	Movable m(forward<T>(t));

	return m.v;
}

constexpr bool forward_moves_rvalues()
{
	Movable a(3);
	const int got = take(move(a));

	return got == 3 && a.v == -1;
}
static_assert(forward_moves_rvalues());

constexpr bool exchange_and_swap()
{
	int a = 1;
	const int old = exchange(a, 5);
	Movable x(7), y(9);

	swap(x, y);
	return old == 1 && a == 5 && x.v == 9 && y.v == 7;
}
static_assert(exchange_and_swap());

} // namespace
