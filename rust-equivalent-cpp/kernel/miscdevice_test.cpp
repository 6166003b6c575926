// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite of cpp/kernel/miscdevice.hpp: the file_operations hold only
 * the callbacks a driver gives, and a device without write() or ioctl()
 * works.  The full round trip through user space is the kselftest of
 * samples/cpp/cpp_misc_device.cpp.
 */

#include <kernel/kunit.hpp>
#include <kernel/miscdevice.hpp>
#include <kernel/sync/spinlock.hpp>

namespace {

using namespace kernel;
using kernel::kunit::Test;

/* What the read-only device's files share: how often one was opened. */
struct Opens {
	SpinLock<int> count{ KERNEL_LOCK_CLASS("cpp_kunit_misc::opens"), 0 };
};

/* A device whose files can only be read. */
class ReadOnly {
public:
	using Data = Opens;

	static Result<KBox<ReadOnly>> open(const Opens &opens)
	{
		++*opens.count.lock();
		return KBox<ReadOnly>::make(GFP_KERNEL);
	}

	Result<size_t> read(UserSliceWriter &, s64 &) const
	{
		return 0;
	}

	static constexpr miscdevice::FileOperations<ReadOnly> OPS = {
		.open = open,
		.read = &ReadOnly::read,
	};
};

/* A device with every callback. */
class ReadWrite {
public:
	struct Data {};

	static Result<KBox<ReadWrite>> open(const Data &)
	{
		return KBox<ReadWrite>::make(GFP_KERNEL);
	}

	Result<size_t> read(UserSliceWriter &, s64 &) const
	{
		return 0;
	}

	Result<size_t> write(UserSliceReader &in, s64 &) const
	{
		return in.len();
	}

	Result<long> ioctl(u32, unsigned long) const
	{
		return 0;
	}

	static constexpr miscdevice::FileOperations<ReadWrite> OPS = {
		.open = open,
		.read = &ReadWrite::read,
		.write = &ReadWrite::write,
		.ioctl = &ReadWrite::ioctl,
	};
};

void fops_hold_given_callbacks(Test &test)
{
	const auto &ro = miscdevice::detail::Vtable<ReadOnly>::fops;
	const auto &rw = miscdevice::detail::Vtable<ReadWrite>::fops;

	KUNIT_EXPECT_TRUE(test, ro.open && ro.release && ro.read);
	KUNIT_EXPECT_TRUE(test, !ro.write && !ro.unlocked_ioctl);
	KUNIT_EXPECT_TRUE(test, rw.open && rw.release && rw.read);
	KUNIT_EXPECT_TRUE(test, rw.write && rw.unlocked_ioctl);
#ifdef CONFIG_COMPAT
	KUNIT_EXPECT_TRUE(test, !ro.compat_ioctl && rw.compat_ioctl);
#endif
}

void read_only_device(Test &test)
{
	init::Status st;
	miscdevice::Registration<ReadOnly> dev(st, "cpp_kunit_misc_ro");

	KUNIT_ASSERT_TRUE(test, st.ok());
	// SAFETY: a path and flags; the file is closed below.
	Result<bindings::file *> opened = from_err_ptr(bindings::filp_open(
		"/dev/cpp_kunit_misc_ro", bindings::O_RDWR, 0));

	if (opened.is_err() && opened.error() == code::ENOENT) {
		// Built in: KUnit runs before devtmpfs is on /dev.
		test.skip("no /dev/cpp_kunit_misc_ro (devtmpfs not mounted)");
		return;
	}
	KUNIT_ASSERT_TRUE(test, opened.is_ok());
	bindings::file *file = opened.value();

	KUNIT_EXPECT_EQ(test, *dev.data().count.lock(), 1);
	// The device has no write(): the VFS refuses, as for a C device.
	s64 pos = 0;
	char byte = 0;
	// SAFETY: an open file, a kernel buffer of one byte.
	KUNIT_EXPECT_EQ(test, bindings::kernel_write(file, &byte, 1, &pos),
			static_cast<long>(code::EINVAL.to_errno()));
	// SAFETY: the file opened above; ours to close.
	bindings::filp_close(file, nullptr);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(fops_hold_given_callbacks),
	KUNIT_CPP_CASE(read_only_device),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_miscdevice, cases);
