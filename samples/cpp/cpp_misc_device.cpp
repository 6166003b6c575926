// SPDX-License-Identifier: GPL-2.0
/*
 * C++ misc device sample: /dev/cpp_misc_device, a scratch buffer of up to
 * 4 KiB that files read and write at their position, and an integer, with
 * ioctls to get the size, clear the buffer, and set and get the integer.
 * tools/testing/selftests/cpp/cpp_misc_device_test.c drives it.
 */

#include <kernel/alloc/kvec.hpp>
#include <kernel/error.hpp>
#include <kernel/init.hpp>
#include <kernel/ioctl.hpp>
#include <kernel/miscdevice.hpp>
#include <kernel/module.hpp>
#include <kernel/print.hpp>
#include <kernel/sizes.hpp>
#include <kernel/sync/mutex.hpp>
#include <kernel/uaccess.hpp>

namespace {

using namespace kernel;

/* The commands; cpp_misc_device_test.c has the same numbers. */
constexpr u32 CPP_MISC_GET_SIZE = ioctl::ior<u64>('C', 1);
constexpr u32 CPP_MISC_CLEAR = ioctl::io('C', 2);
constexpr u32 CPP_MISC_SET_VALUE = ioctl::iow<s32>('C', 3);
constexpr u32 CPP_MISC_GET_VALUE = ioctl::ior<s32>('C', 4);

constexpr size_t MAX_SIZE = SZ_4K;

/* What every file of the device shares. */
struct Scratch {
	Mutex<KVec<u8>> buf{ KERNEL_LOCK_CLASS("cpp_misc_device::buf") };
	Mutex<s32> value{ KERNEL_LOCK_CLASS("cpp_misc_device::value"), 0 };
};

/*
 * An open file of the device.  Its callbacks are const: threads that share
 * the file may call them at once, and the state is behind Scratch's locks.
 */
class ScratchFile {
public:
	using Data = Scratch;

	static Result<KBox<ScratchFile>> open(const Scratch &s)
	{
		return KBox<ScratchFile>::make(GFP_KERNEL, s);
	}

	explicit ScratchFile(const Scratch &s) : s_(s)
	{
	}

	Result<size_t> read(UserSliceWriter &out, s64 &pos) const
	{
		auto buf = s_.buf.lock();

		if (pos < 0)
			return code::EINVAL;
		if (static_cast<u64>(pos) >= buf->len())
			return 0;
		size_t n = buf->len() - pos;
		if (n > out.len())
			n = out.len();
		TRY(out.write_raw(buf->data() + pos, n));
		pos += n;
		return n;
	}

	Result<size_t> write(UserSliceReader &in, s64 &pos) const
	{
		auto buf = s_.buf.lock();
		size_t n = in.len();

		if (pos < 0)
			return code::EINVAL;
		if (static_cast<u64>(pos) > MAX_SIZE || n > MAX_SIZE - pos)
			return code::EFBIG;
		size_t end = pos + n;
		size_t old = buf->len();
		if (end > old)
			TRY(buf->resize(end, 0, GFP_KERNEL));
		Result<void> r = in.read_raw(buf->data() + pos, n);
		if (r.is_err()) {
			buf->truncate(old);
			return r.error();
		}
		pos += n;
		return n;
	}

	Result<long> ioctl(u32 cmd, unsigned long arg) const
	{
		switch (cmd) {
		case CPP_MISC_GET_SIZE: {
			u64 size = s_.buf.lock()->len();

			TRY(UserSlice(UserPtr(arg), sizeof(u64))
				    .writer()
				    .write(size));
			return 0;
		}
		case CPP_MISC_CLEAR:
			s_.buf.lock()->clear();
			return 0;
		case CPP_MISC_SET_VALUE: {
			UserSliceReader in =
				UserSlice(UserPtr(arg), sizeof(s32)).reader();

			*s_.value.lock() = TRY(in.read<s32>());
			return 0;
		}
		case CPP_MISC_GET_VALUE: {
			s32 v = *s_.value.lock();

			TRY(UserSlice(UserPtr(arg), sizeof(s32))
				    .writer()
				    .write(v));
			return 0;
		}
		default:
			return code::ENOTTY;
		}
	}

	static constexpr miscdevice::FileOperations<ScratchFile> OPS = {
		.open = open,
		.read = &ScratchFile::read,
		.write = &ScratchFile::write,
		.ioctl = &ScratchFile::ioctl,
	};

private:
	const Scratch &s_;
};

class CppMiscDevice : Pinned<CppMiscDevice> {
public:
	CppMiscDevice(init::Status &st, ThisModule)
	    : dev_(st, "cpp_misc_device")
	{
		if (st.ok())
			pr_info("/dev/cpp_misc_device registered\n");
	}

private:
	miscdevice::Registration<ScratchFile> dev_;
};

} // namespace

KERNEL_MODULE(CppMiscDevice, "cpp_misc_device");
MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("C++ misc device sample");
MODULE_LICENSE("GPL");
