// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite of cpp/kernel/miscdevice.hpp: the file_operations hold only
 * the callbacks a driver gives, and a device without write() or ioctl()
 * registers, and its files open and close.  The full round trip through
 * user space is the kselftest of samples/cpp/cpp_misc_device.cpp.
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

/*
 * A read-only device's file, opened and released through its
 * file_operations as misc_open() and the VFS do.  Not by a path of /dev:
 * KUnit runs the cases in kernel threads, whose root in this kernel is an
 * empty nullfs (init_mount_tree()), where no path opens.
 */
void read_only_device_open_release(Test &test)
{
	init::Status st;
	miscdevice::Registration<ReadOnly> dev(st, "cpp_kunit_misc_ro");

	KUNIT_ASSERT_TRUE(test, st.ok());
	const bindings::file_operations *fops = dev.as_raw()->fops;
	bindings::file file = {};

	// What misc_open() gives the device's open(): the miscdevice.
	file.private_data = dev.as_raw();
	// SAFETY: a file as misc_open() passes it, opened once.
	KUNIT_ASSERT_EQ(test, fops->open(nullptr, &file), 0);
	KUNIT_EXPECT_EQ(test, *dev.data().count.lock(), 1);
	KUNIT_EXPECT_TRUE(test, file.private_data != dev.as_raw());
	// SAFETY: the file opened above, released once, as the VFS does.
	KUNIT_EXPECT_EQ(test, fops->release(nullptr, &file), 0);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(fops_hold_given_callbacks),
	KUNIT_CPP_CASE(read_only_device_open_release),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_miscdevice, cases);
