/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inline functions and templates used by both C++ files of the C++ Kbuild
 * test.  Each of the two objects emits its own copy of them in a COMDAT
 * section group and the linker keeps one: the static variable below must
 * therefore exist once, and ftrace and objtool must only see the kept copy.
 */
#ifndef _TEST_CPP_KBUILD_HPP
#define _TEST_CPP_KBUILD_HPP

namespace test_cpp_kbuild {

/* Out of line on purpose, so that a COMDAT copy is emitted. */
[[gnu::noinline]] inline int count_shared_call()
{
	static int calls;

	return ++calls;
}

template <typename T>
concept Addable = requires(T a, T b) { a + b; };

template <Addable T> class Accumulator {
public:
	[[gnu::noinline]] void add(T value)
	{
		total_ += value;
		count_shared_call();
	}

	T total() const
	{
		return total_;
	}

private:
	T total_{};
};

} /* namespace test_cpp_kbuild */

#endif /* _TEST_CPP_KBUILD_HPP */
