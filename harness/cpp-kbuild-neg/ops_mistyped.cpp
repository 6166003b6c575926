// SPDX-License-Identifier: GPL-2.0
//
// A callback of the wrong type: read() not const (files are shared).
// expect: no viable conversion from .Result<size_t> \(File::\*\)|could not convert .&File::read.
#include <kernel/miscdevice.hpp>
using namespace kernel;
class File {
public:
	struct Data {};
	static Result<KBox<File>> open(const Data &)
	{
		return KBox<File>::make(GFP_KERNEL);
	}
	Result<size_t> read(UserSliceWriter &, s64 &)
	{
		return 0;
	}
	static constexpr miscdevice::FileOperations<File> OPS = {
		.open = open,
		.read = &File::read,
	};
};
