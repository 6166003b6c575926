// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-time tests of cpp/kernel/vtable.hpp.
 *
 * Built with every CONFIG_CPP kernel and never linked: a C table built
 * wrongly from a C++ one fails the build.  The tables that must not build
 * (a misspelled or mistyped callback) are in harness/cpp-kbuild-test.sh of
 * the C++ for Linux project, which checks the compilers' messages.
 */

#include <kernel/vtable.hpp>

/*
 * A callback with external linkage, declared only (the file is not
 * linked): GCC does not fold its address compared to NULL in a constant
 * expression, which the table builder must not need.
 */
namespace cpp_vtable_test {
struct Object {
	int v;
};
int external_get(Object &o);
} // namespace cpp_vtable_test

namespace {

using namespace kernel;
using cpp_vtable_test::external_get;
using cpp_vtable_test::Object;

/* A C table: the C side calls with a pointer, expects an int back. */
struct c_ops {
	int (*get)(void *);
	int (*put)(void *);
	void (*flush)(void *);
};

int c_generic_put(void *)
{
	return -1;
}

/* A subsystem's C++ table, and what its header gives drivers. */
template <typename T> struct Ops {
	vtable::Callback<int (*)(T &)> get;
	vtable::Callback<int (*)(T &), int (*)(void *)> put;
	vtable::Callback<void (*)(T &)> flush;
};

constexpr vtable::CFunction<int (*)(void *)> generic_put{ c_generic_put };

template <auto F> struct IntAdapter {
	static int call(void *p)
	{
		return F(*static_cast<Object *>(p));
	}
};

template <auto F> struct VoidAdapter {
	static void call(void *p)
	{
		F(*static_cast<Object *>(p));
	}
};

template <const auto &O> constexpr c_ops build()
{
	c_ops c = {};

	vtable::set<O, &Ops<Object>::get, IntAdapter>(c.get);
	vtable::set<O, &Ops<Object>::put, IntAdapter>(c.put);
	vtable::set<O, &Ops<Object>::flush, VoidAdapter>(c.flush);
	return c;
}

/* Two drivers: one gives get and a C++ put, one get and the generic put. */
int get(Object &o)
{
	return o.v;
}

int put(Object &o)
{
	return o.v - 1;
}

constexpr Ops<Object> full = { .get = get, .put = put };
constexpr Ops<Object> generic = { .get = get, .put = generic_put };
constexpr Ops<Object> none = {};
constexpr Ops<Object> external = { .get = external_get };

constexpr c_ops c_full = build<full>();
constexpr c_ops c_generic = build<generic>();
constexpr c_ops c_none = build<none>();
constexpr c_ops c_external = build<external>();

static_assert(vtable::given<full, &Ops<Object>::get>() &&
	      vtable::given<full, &Ops<Object>::put>());
static_assert(!vtable::given<full, &Ops<Object>::flush>());
static_assert(vtable::given<generic, &Ops<Object>::put>() &&
	      !vtable::given<none, &Ops<Object>::put>());

// The given callbacks have their adapter, the others are NULL.
static_assert(c_full.get == IntAdapter<get>::call);
static_assert(c_full.put == IntAdapter<put>::call);
static_assert(c_full.flush == nullptr);

// A C function fills its slot itself; the adapter of a shared callback
// is shared.
static_assert(c_generic.put == c_generic_put);
static_assert(c_generic.get == c_full.get);

static_assert(c_external.get == IntAdapter<external_get>::call &&
	      c_external.put == nullptr);

static_assert(c_none.get == nullptr && c_none.put == nullptr &&
	      c_none.flush == nullptr);

} // namespace
