// SPDX-License-Identifier: GPL-2.0
//
// The control: a read-only misc device, its callbacks given right.
// builds
#include <kernel/miscdevice.hpp>
using namespace kernel;
class File {
public:
	struct Data {};
	static Result<KBox<File>> open(const Data &)
	{
		return KBox<File>::make(GFP_KERNEL);
	}
	Result<size_t> read(UserSliceWriter &, s64 &) const
	{
		return 0;
	}
	static constexpr miscdevice::FileOperations<File> OPS = {
		.open = open,
		.read = &File::read,
	};
};
Result<void> try_register();
Result<void> try_register()
{
	init::Status st;
	miscdevice::Registration<File> reg(st, "neg");

	return st.result();
}
