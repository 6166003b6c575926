// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kernel/fmt.hpp, kernel/print.hpp and kernel/str.hpp:
 * what the lowered formats print, through vsnprintf().  The lowering
 * itself is tested at compile time, by kernel/fmt_lowering_test.cpp.
 */

#include <kernel/kunit.hpp>
#include <kernel/print.hpp>
#include <kernel/str.hpp>

namespace {

using namespace kernel;
using kernel::kunit::Test;

void fmt_integers(Test &test)
{
	char buf[128];
	BufferWriter w(buf);

	KUNIT_ASSERT_TRUE(test, w.write(KFMT("{} {} {:#x} {:05} {:X} {:o}", -5,
					     42U, 255, 42, 0xabcUL, 8))
					.is_ok());
	KUNIT_EXPECT_EQ(test, w.as_cstr(), CStr("-5 42 0xff 00042 ABC 10"));
}

void fmt_limits(Test &test)
{
	char buf[128];
	BufferWriter w(buf);
	const long long min = -9223372036854775807LL - 1;
	const unsigned long long max = ~0ULL;
	const short smin = -32768;
	const unsigned char ucmax = 255;

	KUNIT_ASSERT_TRUE(
		test,
		w.write(KFMT("{} {} {} {}", min, max, smin, ucmax)).is_ok());
	KUNIT_EXPECT_EQ(
		test, w.as_cstr(),
		CStr("-9223372036854775808 18446744073709551615 -32768 255"));
}

void fmt_other_types(Test &test)
{
	char buf[128];
	BufferWriter w(buf);
	const char *hello = "hello";
	constexpr CStr name = "cpp";

	KUNIT_ASSERT_TRUE(test,
			  w.write(KFMT("{} {} {} {} {:?} {:?}|{:6}|", true,
				       false, 'x', hello, hello, name, name))
				  .is_ok());
	KUNIT_EXPECT_EQ(test, w.as_cstr(),
			CStr("true false x hello \"hello\" \"cpp\"|   cpp|"));
}

void fmt_error(Test &test)
{
	char buf[32];
	BufferWriter w(buf);

	KUNIT_ASSERT_TRUE(test, w.write(KFMT("{}", code::ENOMEM)).is_ok());
	// %pe: the name with CONFIG_SYMBOLIC_ERRNAME, the number otherwise.
	if (code::ENOMEM.name())
		KUNIT_EXPECT_EQ(test, w.as_cstr(), CStr("-ENOMEM"));
	else
		KUNIT_EXPECT_EQ(test, w.as_cstr(), CStr("-12"));
}

void fmt_buffer_bounds(Test &test)
{
	char buf[8];
	BufferWriter w(buf);

	KUNIT_ASSERT_TRUE(test, w.write(KFMT("{}", 123)).is_ok());
	KUNIT_EXPECT_EQ(test, w.write(KFMT("{}", 45678)).error(), code::ENOSPC);
	// What fits is kept, NUL-terminated.
	KUNIT_EXPECT_EQ(test, w.as_cstr(), CStr("1234567"));
	KUNIT_EXPECT_EQ(test, w.len(), 7UL);
	KUNIT_EXPECT_EQ(test, w.write(KFMT("x")).error(), code::ENOSPC);
}

void str_cstr(Test &test)
{
	constexpr CStr empty = "";
	constexpr CStr abc = "abc";

	static_assert(abc.len() == 3 && abc[1] == 'b' && abc[3] == '\0');
	static_assert(empty.is_empty() && !(abc == CStr("abd")));
	// SAFETY: string literals are NUL-terminated and static.
	KUNIT_EXPECT_EQ(test, CStr::from_char_ptr_unchecked(abc.as_char_ptr()),
			abc);
	KUNIT_EXPECT_EQ(test, CStr::from_char_ptr_unchecked("abc").len(), 3UL);
}

void str_cstring(Test &test)
{
	Result<CString> s =
		CString::try_from_fmt(GFP_KERNEL, KFMT("{}-{:x}", "dev", 255));

	KUNIT_ASSERT_TRUE(test, s.is_ok());
	KUNIT_EXPECT_EQ(test, s.value().as_cstr(), CStr("dev-ff"));
	KUNIT_EXPECT_EQ(test, s.value().len(), 6UL);

	Result<CString> copy = CString::try_from(CStr("copy"), GFP_KERNEL);

	KUNIT_ASSERT_TRUE(test, copy.is_ok());
	KUNIT_EXPECT_EQ(test, copy.value().as_cstr(), CStr("copy"));

	Result<CString> empty = CString::try_from_fmt(GFP_KERNEL, KFMT(""));

	KUNIT_ASSERT_TRUE(test, empty.is_ok());
	KUNIT_EXPECT_EQ(test, empty.value().len(), 0UL);
}

void print_debug(Test &test)
{
	int evaluated = 0;

	// Without DEBUG, pr_debug() is type-checked but not run.
	pr_debug("not printed: {}\n", ++evaluated);
	KUNIT_EXPECT_EQ(test, evaluated, 0);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(fmt_integers),
	KUNIT_CPP_CASE(fmt_limits),
	KUNIT_CPP_CASE(fmt_other_types),
	KUNIT_CPP_CASE(fmt_error),
	KUNIT_CPP_CASE(fmt_buffer_bounds),
	KUNIT_CPP_CASE(str_cstr),
	KUNIT_CPP_CASE(str_cstring),
	KUNIT_CPP_CASE(print_debug),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_fmt, cases);
