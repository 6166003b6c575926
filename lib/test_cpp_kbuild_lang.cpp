// SPDX-License-Identifier: GPL-2.0
/*
 * C++ Kbuild test: the language subset the kernel builds C++ with.
 *
 * Every check depends on the run-time seed, so that it is executed by the
 * kernel rather than folded away by the compiler.
 */

#include "test_cpp_kbuild.h"
#include "test_cpp_kbuild.hpp"

/* cxx-min-version and cxx-option-yn (lib/Makefile) agree with the compiler. */
#ifdef TEST_CXX_MIN_13_17
#ifdef __clang__
static_assert(TEST_CXX_MIN_13_17 == (__clang_major__ >= 17));
static_assert(TEST_CXX_THREAD_SAFETY == 1);
#else
static_assert(TEST_CXX_MIN_13_17 == (__GNUC__ >= 13));
static_assert(TEST_CXX_THREAD_SAFETY == 0);
#endif
#endif

namespace test_cpp_kbuild {
namespace {

/* RAII: the destructor runs when the scope ends. */
class ScopeCounter {
public:
	explicit ScopeCounter(int &live) : live_(live)
	{
		++live_;
	}

	~ScopeCounter()
	{
		--live_;
	}

	ScopeCounter(const ScopeCounter &) = delete;
	ScopeCounter &operator=(const ScopeCounter &) = delete;

private:
	int &live_;
};

/* Virtual dispatch without RTTI; the vtable is a COMDAT object. */
class Shape {
public:
	virtual int area() const
	{
		return 0;
	}

protected:
	~Shape() = default;
};

class Square final : public Shape {
public:
	explicit Square(int side) : side_(side)
	{
	}

	int area() const override
	{
		return side_ * side_;
	}

private:
	int side_;
};

[[gnu::noinline]] int area_of(const Shape &shape)
{
	return shape.area();
}

enum class Colour : unsigned char { red = 1, green = 2, blue = 4 };

constexpr int fib(int n)
{
	return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static_assert(fib(10) == 55);

[[gnu::noinline]] int fib_iterative(int n)
{
	int a = 0, b = 1;

	for (int i = 0; i < n; i++) {
		int next = a + b;

		a = b;
		b = next;
	}
	return a;
}

consteval int squared(int n)
{
	return n * n;
}

template <typename... Args> constexpr int sum(Args... args)
{
	return (0 + ... + args);
}

template <typename F> [[nodiscard]] int apply_twice(F f, int x)
{
	return f(f(x));
}

struct Point {
	int x;
	int y;
};

[[gnu::noinline]] Point make_point(int seed)
{
	return { .x = seed, .y = seed * 2 };
}

/* Initialised on first use, without a guard lock (-fno-threadsafe-statics). */
[[gnu::noinline]] int first_seed(int seed)
{
	static int first = seed;

	return first;
}

} /* namespace */
} /* namespace test_cpp_kbuild */

using namespace test_cpp_kbuild;

int test_cpp_kbuild_lang(int seed)
{
	int failed = 0;
	int live = 0;

	{
		ScopeCounter a(live);
		ScopeCounter b(live);

		failed += live != 2;
	}
	failed += live != 0;

	Square square(seed);
	failed += area_of(square) != seed * seed;

	Colour shade = seed & 1 ? Colour::red : Colour::blue;
	failed += static_cast<int>(shade) != (seed & 1 ? 1 : 4);

	failed += fib(seed) != fib_iterative(seed);
	failed += squared(7) != 49;
	failed += sum(seed, seed, seed) != 3 * seed;

	int offset = 5;
	auto add_offset = [offset](int v) { return v + offset; };
	failed += apply_twice(add_offset, seed) != seed + 10;

	auto [x, y] = make_point(seed);
	failed += x != seed || y != 2 * seed;

	failed += first_seed(seed) != first_seed(seed + 1);

	if constexpr (sizeof(long) == 8)
		failed += sizeof(void *) != 8;

	return failed;
}

int test_cpp_kbuild_comdat_a(int seed)
{
	Accumulator<int> acc;

	for (int i = 0; i < seed; i++)
		acc.add(i);
	return acc.total() != seed * (seed - 1) / 2;
}
