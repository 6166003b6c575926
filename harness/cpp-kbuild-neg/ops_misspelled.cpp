// SPDX-License-Identifier: GPL-2.0
//
// An operations table with a misspelled callback (kernel/vtable.hpp).
// expect: (field designator|no non-static data member named) .raed.
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
		.raed = &File::read,
	};
};
